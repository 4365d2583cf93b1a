package emolab.classify.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import emolab.SharedData;
import emolab.prep.Csv;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * Label metrics against scikit-learn 1.2.1 golden values in {@code ../shared/conformance/metrics}
 * (see its README, section metrics/): pair A ({@code metrics_*}) and the asymmetric pair B
 * ({@code metrics_b_*}, where 'surprised' is never predicted so its precision is 0/0 = 0).
 * Tolerance: 1e-12 absolute for every real value (the requirement); counts exact.
 */
class MetricsConformanceTest {
    static final double TOL = 1e-12;

    static Path dir() {
        return SharedData.require("conformance/metrics");
    }

    static ClassificationReport report(String prefix) {
        Table labels = Csv.read(dir().resolve(prefix + "labels.csv"));
        String[] yTrue = labels.stringColumn("y_true").asObjectArray();
        String[] yPred = labels.stringColumn("y_pred").asObjectArray();
        return ClassificationReport.fromStrings(yTrue, yPred);
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics_", "metrics_b_"})
    void summaryMatchesSklearn(String prefix) {
        ClassificationReport r = report(prefix);
        assertArrayEquals(new String[] {"angry", "calm", "disgust", "fearful", "happy", "neutral", "sad", "surprised"}, r.classes());
        Table gold = Csv.read(dir().resolve(prefix + "summary.csv"));
        Map<String, Double> want = new HashMap<>();
        for (int i = 0; i < gold.rowCount(); i++) want.put(gold.stringColumn("metric").get(i), gold.numberColumn("value").getDouble(i));
        Table mine = r.summary();
        assertEquals(11, mine.rowCount());
        for (int i = 0; i < mine.rowCount(); i++) {
            String m = mine.stringColumn("metric").get(i);
            assertEquals(want.get(m), mine.doubleColumn("value").get(i), TOL, prefix + m);
        }
        // the same values through the static int API
        Table labels = Csv.read(dir().resolve(prefix + "labels.csv"));
        String[] classes = r.classes();
        int[] t = Labels.encode(classes, labels.stringColumn("y_true").asObjectArray());
        int[] p = Labels.encode(classes, labels.stringColumn("y_pred").asObjectArray());
        assertEquals(want.get("accuracy"), Metrics.accuracy(t, p), TOL);
        assertEquals(want.get("balanced_accuracy"), Metrics.balancedAccuracy(t, p, 8), TOL);
        assertEquals(want.get("f1_macro"), Metrics.f1(t, p, 8, Average.MACRO), TOL);
        assertEquals(want.get("precision_weighted"), Metrics.precision(t, p, 8, Average.WEIGHTED), TOL);
        assertEquals(want.get("recall_micro"), Metrics.recall(t, p, 8, Average.MICRO), TOL);
        int changed = 0;
        for (int i = 0; i < t.length; i++) if (t[i] != p[i]) changed++;
        assertEquals(want.get("n_changed"), changed);
        System.out.printf("conformance %ssummary: max abs error %.3g over %d metrics%n", prefix, maxError(mine, want), mine.rowCount());
    }

    static double maxError(Table mine, Map<String, Double> want) {
        double e = 0;
        for (int i = 0; i < mine.rowCount(); i++)
            e = Math.max(e, Math.abs(mine.doubleColumn("value").get(i) - want.get(mine.stringColumn("metric").get(i))));
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics_", "metrics_b_"})
    void confusionMatrixMatchesSklearn(String prefix) {
        ClassificationReport r = report(prefix);
        Table gold = Csv.read(dir().resolve(prefix + "confusion_matrix.csv"));
        String[] classes = r.classes();
        assertArrayEquals(classes, gold.stringColumn("true_label").asObjectArray());
        int[][] cm = r.confusionMatrix();
        for (int i = 0; i < classes.length; i++)
            for (int j = 0; j < classes.length; j++)
                assertEquals(gold.intColumn(classes[j]).getInt(i), cm[i][j], prefix + "cm[" + classes[i] + "][" + classes[j] + "]");
        Table table = r.confusionTable();
        for (int j = 0; j < classes.length; j++) assertEquals(gold.intColumn(classes[j]).asList(), table.intColumn(classes[j]).asList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics_", "metrics_b_"})
    void classificationReportMatchesSklearn(String prefix) {
        ClassificationReport r = report(prefix);
        Table gold = Csv.read(dir().resolve(prefix + "classification_report.csv"));
        Table mine = r.perClass();
        assertEquals(gold.rowCount(), mine.rowCount());
        double maxErr = 0;
        for (int i = 0; i < gold.rowCount(); i++) {
            String label = gold.stringColumn("label").get(i);
            assertEquals(label, mine.stringColumn("label").get(i));
            for (String col : new String[] {"precision", "recall", "f1"}) {
                double want = gold.numberColumn(col).getDouble(i), got = mine.doubleColumn(col).get(i);
                assertEquals(want, got, TOL, prefix + label + " " + col);
                maxErr = Math.max(maxErr, Math.abs(want - got));
            }
            assertEquals(gold.intColumn("support").getInt(i), mine.intColumn("support").getInt(i), prefix + label + " support");
        }
        System.out.printf("conformance %sclassification_report: max abs error %.3g%n", prefix, maxErr);
    }
}
