package emolab.classify.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import emolab.SharedData;
import emolab.prep.Csv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * ROC AUC against scikit-learn 1.2.1 golden values in {@code ../shared/conformance/metrics}
 * ({@code roc_auc_summary.csv}, {@code roc_auc_per_class.csv}; README section metrics/):
 * y_true = emotion of prepared_info_TEST.csv (= metrics_labels.csv y_true), S = normalised
 * RandomState(0) uniform scores; the rounded-to-2-decimals scores have many ties (Mann–Whitney ½).
 * Tolerance: 1e-12 absolute (the requirement).
 */
class RocConformanceTest {
    static final double TOL = 1e-12;

    static Path dir() {
        return SharedData.require("conformance/metrics");
    }

    static double[][] matrix(Table t, String[] classes) {
        double[][] m = new double[t.rowCount()][classes.length];
        for (int c = 0; c < classes.length; c++)
            for (int i = 0; i < t.rowCount(); i++) m[i][c] = t.numberColumn(classes[c]).getDouble(i);
        return m;
    }

    static String[] classes() {
        return new String[] {"angry", "calm", "disgust", "fearful", "happy", "neutral", "sad", "surprised"};
    }

    static int[] yTrue() {
        Table labels = Csv.read(dir().resolve("metrics_labels.csv"));
        return Labels.encode(classes(), labels.stringColumn("y_true").asObjectArray());
    }

    @Test
    void summaryMatchesSklearn() {
        Table scoresTable = Csv.read(dir().resolve("roc_scores.csv"));
        assertArrayEquals(classes(), scoresTable.columnNames().toArray(String[]::new));
        double[][] s = matrix(scoresTable, classes());
        int[] y = yTrue();
        Table gold = Csv.read(dir().resolve("roc_auc_summary.csv"));
        double maxErr = 0;
        for (int i = 0; i < gold.rowCount(); i++) {
            String metric = gold.stringColumn("metric").get(i);
            double want = gold.numberColumn("value").getDouble(i);
            double got = switch (metric) {
                case "roc_auc_ovr_macro" -> Roc.aucOvr(y, s, Average.MACRO);
                case "roc_auc_ovr_weighted" -> Roc.aucOvr(y, s, Average.WEIGHTED);
                case "roc_auc_ovo_macro" -> Roc.aucOvo(y, s, Average.MACRO);
                default -> throw new AssertionError("unexpected metric in fixture: " + metric);
            };
            assertEquals(want, got, TOL, metric);
            maxErr = Math.max(maxErr, Math.abs(want - got));
        }
        assertEquals(3, gold.rowCount());
        // the report gives the same numbers
        ScoreReport r = ScoreReport.of(classes(), y, s);
        Table summary = r.summary();
        for (int i = 0; i < gold.rowCount(); i++) {
            String metric = gold.stringColumn("metric").get(i);
            int row = summary.stringColumn("metric").indexOf(metric);
            assertTrue(row >= 0, metric);
            assertEquals(gold.numberColumn("value").getDouble(i), summary.doubleColumn("value").get(row), TOL, metric);
        }
        System.out.printf("conformance roc_auc_summary: max abs error %.3g%n", maxErr);
    }

    @Test
    void perClassMatchesSklearnIncludingTies() {
        int[] y = yTrue();
        double[][] s = matrix(Csv.read(dir().resolve("roc_scores.csv")), classes());
        double[][] s2 = matrix(Csv.read(dir().resolve("roc_scores_rounded2.csv")), classes());
        Table gold = Csv.read(dir().resolve("roc_auc_per_class.csv"));
        double[] auc = Roc.aucPerClass(y, s);
        double[] auc2 = Roc.aucPerClass(y, s2); // rows do not sum to 1: allowed for per-class AUC
        double[] fromReport = ScoreReport.of(classes(), y, s).auc();
        double e1 = 0, e2 = 0;
        for (int c = 0; c < classes().length; c++) {
            assertEquals(classes()[c], gold.stringColumn("label").get(c));
            double want = gold.numberColumn("auc").getDouble(c), want2 = gold.numberColumn("auc_rounded2_scores").getDouble(c);
            assertEquals(want, auc[c], TOL, classes()[c]);
            assertEquals(want, fromReport[c], TOL, classes()[c]);
            assertEquals(want2, auc2[c], TOL, classes()[c] + " (rounded scores, ties)");
            // the trapezoid area of the full curve is the same number
            assertEquals(want2, Roc.curves(y, s2)[c].auc(), TOL, classes()[c] + " trapezoid");
            e1 = Math.max(e1, Math.abs(want - auc[c]));
            e2 = Math.max(e2, Math.abs(want2 - auc2[c]));
        }
        System.out.printf("conformance roc_auc_per_class: max abs error auc %.3g, auc_rounded2_scores %.3g%n", e1, e2);
    }

    @Test
    void roundedScoresAreRejectedForMulticlassAverages() {
        int[] y = yTrue();
        double[][] s2 = matrix(Csv.read(dir().resolve("roc_scores_rounded2.csv")), classes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Roc.aucOvr(y, s2, Average.MACRO));
        assertTrue(e.getMessage().contains("sum"), e.getMessage());
    }
}
