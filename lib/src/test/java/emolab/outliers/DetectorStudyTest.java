package emolab.outliers;

import emolab.study.Study;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detector study and the removal-effect study on data built to make detectors refuse: each
 * refusal becomes a "not applicable" row, every other detector still runs.
 */
class DetectorStudyTest {

    private static double[][] random(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        return x;
    }

    /** Detector → note ("" when it ran) of a study on {@code x}. */
    private static Map<String, String> notes(double[][] x) {
        DetectorStudy s = DetectorStudy.fit(Detectors.standard(0), x, 0.1, null);
        Map<String, String> out = new TreeMap<>();
        for (Study.Row r : s.study().rows()) {
            out.put(r.method(), r.note());
            if (r.applicable()) {
                assertTrue(Double.isFinite(r.get("threshold")), r.method());
                assertTrue(r.get("flagged") >= 0, r.method());
            } else {
                assertTrue(Double.isNaN(r.get("threshold")), r.method());
            }
        }
        assertEquals(Detectors.standard(0).size(), out.size(), "one row per detector");
        assertEquals(s.study().applicable().size(), s.models().size(), "a model per applicable row");
        return out;
    }

    @Test
    void fewRowsAndAConstantColumn() {
        // 8 rows, 12 columns, column 3 constant: too few rows for FastABOD (k=10) and LOF (k=20),
        // fewer rows than columns for Mahalanobis and the elliptic envelope, a constant column for
        // the likelihood-based method; the others run
        double[][] x = random(8, 12, 1);
        for (double[] row : x) row[3] = 2;
        Map<String, String> n = notes(x);
        System.out.println("8 x 12, constant column: " + n);
        assertTrue(n.get("FastABOD (k=10)").startsWith("not applicable: ") && n.get("FastABOD (k=10)").contains("at least 11"), n.toString());
        assertTrue(n.get("LOF (k=20)").contains("at least 21 training rows"), n.toString());
        assertTrue(n.get("Mahalanobis").startsWith("not applicable: "), n.toString());
        assertTrue(n.get("Elliptic envelope").startsWith("not applicable: "), n.toString());
        assertTrue(n.get("Likelihood-based").contains("column 3 is constant"), n.toString());
        for (String ran : List.of("Isolation Forest", "ECOD", "COPOD", "Deviation-based"))
            assertEquals("", n.get(ran), ran + " still runs: " + n);
    }

    @Test
    void everyDetectorRefusesSomeData() {
        // the union over four tiny data sets covers every detector of the line-up
        List<double[][]> sets = new ArrayList<>();
        double[][] a = random(8, 12, 1);
        for (double[] row : a) row[3] = 2;
        sets.add(a);
        sets.add(random(3, 2, 2));                      // 3 rows: GMM (3 components) needs 4, k-NN (k=5) needs 6
        double[][] c = random(40, 3, 3);                // a collinear column: singular covariance for Mahalanobis
        for (double[] row : c) row[2] = row[0] + row[1];
        sets.add(c);
        sets.add(random(1, 2, 4));                      // 1 row: nothing to isolate, no distribution, no support region
        TreeSet<String> refused = new TreeSet<>();
        for (double[][] x : sets)
            notes(x).forEach((d, note) -> { if (note.startsWith("not applicable: ")) refused.add(d); });
        System.out.println("refused somewhere: " + refused);
        for (String must : List.of("FastABOD (k=10)", "LOF (k=20)", "Mahalanobis", "Elliptic envelope", "Likelihood-based"))
            assertTrue(refused.contains(must), must + " refuses one of the sets: " + refused);
        for (OutlierDetector d : Detectors.standard(0))
            assertTrue(refused.contains(d.name()), d.name() + " refuses one of the sets: " + refused);
    }

    @Test
    void removalEffectKeepsGoingPastARefusingDetector() {
        // 30 training rows: LOF (k=20) runs, FastABOD with k=40 refuses; the study still evaluates LOF
        double[][] trainX = random(30, 3, 4), testX = random(10, 3, 5);
        int[] trainY = new int[30], testY = new int[10];
        for (int i = 0; i < 30; i++) trainY[i] = trainX[i][0] > 0 ? 1 : 0;
        for (int i = 0; i < 10; i++) testY[i] = testX[i][0] > 0 ? 1 : 0;
        OutlierRemovalEffect.Trainer sign = (x, y) -> q -> java.util.Arrays.stream(q).mapToInt(r -> r[0] > 0 ? 1 : 0).toArray();
        Table t = OutlierRemovalEffect.run(List.of(new FastAbod(40), new Lof(20)), Labeled.data(trainX, trainY, 2), Labeled.data(testX, testY, 2),
                new double[] {0, 10}, sign, null);
        assertEquals(3, t.rowCount(), "one not-applicable row, then baseline and 10 % for LOF");
        assertEquals("FastABOD (k=40)", t.stringColumn("detector").get(0));
        assertTrue(t.stringColumn("note").get(0).startsWith("not applicable: "), t.stringColumn("note").get(0));
        assertTrue(t.doubleColumn("macro_f1").isMissing(0));
        assertEquals(1.0, t.doubleColumn("accuracy").getDouble(1), 0.0);
        assertEquals(3.0, t.doubleColumn("removed_rows").getDouble(2), 0.0);
        assertEquals("", t.stringColumn("note").get(2));
        assertEquals(1, OutlierRemovalEffect.bestPerDetector(t).doubleColumn("best_macro_f1").countMissing());
        String text = OutlierRemovalEffect.conclusion(t, 0.05);
        assertTrue(text.contains("1 of 1 removal runs") || text.contains("0 of 1 removal runs"), text);
        assertTrue(text.contains("1 not-applicable row"), text);
        emolab.chart.OutlierCharts.removalEffect(t, "macro_f1", "with a not-applicable detector");
    }

    @Test
    void aClassifierThatRefusesBecomesANotApplicableRow() {
        // removing 10 % of 20 rows removes the only two rows of class 1 (the most outlying ones):
        // the SVM trainer refuses one class, the row says so, the baseline row stays
        double[][] trainX = random(20, 2, 6), testX = random(6, 2, 7);
        int[] trainY = new int[20], testY = {0, 0, 0, 1, 1, 1};
        trainX[0] = new double[] {50, 50};
        trainX[1] = new double[] {-50, 50};
        trainY[0] = trainY[1] = 1;
        OutlierRemovalEffect.Trainer svm = OutlierRemovalEffect.trainer(emolab.classify.models.Classifiers.kernelSvm(), new String[] {"a", "b"});
        Table t = OutlierRemovalEffect.run(List.of(new Mahalanobis()), Labeled.data(trainX, trainY, 2), Labeled.data(testX, testY, 2), new double[] {0, 10}, svm, null);
        assertEquals(2, t.rowCount());
        assertEquals("", t.stringColumn("note").get(0));
        assertTrue(t.stringColumn("note").get(1).contains("after removing 2 training rows (10 %)"), t.stringColumn("note").get(1));
        assertTrue(t.stringColumn("note").get(1).contains("only 1 class left"), t.stringColumn("note").get(1));
        assertFalse(Double.isNaN(t.doubleColumn("accuracy").getDouble(0)));
    }

    @Test
    void removalEffectFromAFittedStudyEqualsRefitting() {
        // the fitted study's rankings give the same table as fitting the detectors again, and the
        // parallel retrainings of a thread-safe trainer give the same numbers as sequential ones
        double[][] trainX = random(60, 3, 8), testX = random(20, 3, 9);
        int[] trainY = new int[60], testY = new int[20];
        for (int i = 0; i < 60; i++) trainY[i] = trainX[i][1] > 0 ? 1 : 0;
        for (int i = 0; i < 20; i++) testY[i] = testX[i][1] > 0 ? 1 : 0;
        List<OutlierDetector> line = List.of(new Lof(70), new Lof(10), new Ecod(), new Mahalanobis());
        OutlierRemovalEffect.Trainer svm = OutlierRemovalEffect.trainer(emolab.classify.models.Classifiers.kernelSvm(), new String[] {"a", "b"});
        Table refit = OutlierRemovalEffect.run(line, Labeled.data(trainX, trainY, 2), Labeled.data(testX, testY, 2), OutlierRemovalEffect.PERCENTS, svm, null);
        Table reuse = OutlierRemovalEffect.run(DetectorStudy.fit(line, trainX, 0.1, null), Labeled.data(trainX, trainY, 2), Labeled.data(testX, testY, 2),
                OutlierRemovalEffect.PERCENTS, svm, null);
        OutlierRemovalEffect.Trainer sequential = svm::fit; // a lambda is not declared thread-safe: runs one by one
        Table seq = OutlierRemovalEffect.run(line, Labeled.data(trainX, trainY, 2), Labeled.data(testX, testY, 2), OutlierRemovalEffect.PERCENTS, sequential, null);
        assertEquals(1 + 3 * 5, refit.rowCount(), "LOF (k=70) refuses 60 rows; three detectors × five percentages");
        assertEquals(refit.print(100), reuse.print(100));
        assertEquals(refit.print(100), seq.print(100));
        assertTrue(refit.stringColumn("note").get(0).contains("at least 71 training rows"), refit.stringColumn("note").get(0));
    }
}
