package emolab.classify.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Label metrics on small hand-computed examples, zero division and bad input. */
class MetricsTest {
    // 4 classes; class 3 occurs in neither array. cm rows: [2,1,0,0] [0,1,1,0] [0,0,1,0] [0,0,0,0]
    static final int[] T = {0, 0, 0, 1, 1, 2};
    static final int[] P = {0, 0, 1, 1, 2, 2};
    static final double E = 1e-15;

    @Test
    void handComputedExample() {
        assertArrayEquals(new int[][] {{2, 1, 0, 0}, {0, 1, 1, 0}, {0, 0, 1, 0}, {0, 0, 0, 0}}, Metrics.confusionMatrix(T, P, 4));
        assertEquals(4 / 6.0, Metrics.accuracy(T, P), E);
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0}, Metrics.precisionPerClass(T, P, 4), E);
        assertArrayEquals(new double[] {2 / 3.0, 0.5, 1, 0}, Metrics.recallPerClass(T, P, 4), E);
        assertArrayEquals(new double[] {0.8, 0.5, 2 / 3.0, 0}, Metrics.f1PerClass(T, P, 4), E);
        assertArrayEquals(new int[] {3, 2, 1, 0}, Metrics.support(T, 4));
        // macro over the classes present in yTrue or yPred (0, 1, 2), as sklearn's labels=None
        assertEquals(2 / 3.0, Metrics.precision(T, P, 4, Average.MACRO), E);
        assertEquals(13 / 18.0, Metrics.recall(T, P, 4, Average.MACRO), E);
        assertEquals((0.8 + 0.5 + 2 / 3.0) / 3, Metrics.f1(T, P, 4, Average.MACRO), E);
        // weighted by support 3, 2, 1
        assertEquals(4.5 / 6, Metrics.precision(T, P, 4, Average.WEIGHTED), E);
        assertEquals(4 / 6.0, Metrics.recall(T, P, 4, Average.WEIGHTED), E);
        assertEquals((3 * 0.8 + 2 * 0.5 + 2 / 3.0) / 6, Metrics.f1(T, P, 4, Average.WEIGHTED), E);
        // micro = accuracy for single-label multiclass
        assertEquals(4 / 6.0, Metrics.f1(T, P, 4, Average.MICRO), E);
        assertEquals(4 / 6.0, Metrics.precision(T, P, 4, Average.MICRO), E);
        assertEquals(13 / 18.0, Metrics.balancedAccuracy(T, P, 4), E);
        // macro F1 is the mean of per-class F1, not F1 of the macro P and R
        double p = Metrics.precision(T, P, 4, Average.MACRO), r = Metrics.recall(T, P, 4, Average.MACRO);
        assertTrue(Math.abs(2 * p * r / (p + r) - Metrics.f1(T, P, 4, Average.MACRO)) > 1e-3);
    }

    @Test
    void normalisedConfusionMatrices() {
        double[][] byTrue = Metrics.confusionMatrix(T, P, 4, Normalization.TRUE);
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 0, 0}, byTrue[0], E);
        assertArrayEquals(new double[] {0, 0, 0, 0}, byTrue[3], E); // empty row: 0, not NaN
        double[][] byPred = Metrics.confusionMatrix(T, P, 4, Normalization.PRED);
        assertArrayEquals(new double[] {1, 0.5, 0, 0}, byPred[0], E);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, byPred[1], E);
        double[][] all = Metrics.confusionMatrix(T, P, 4, Normalization.ALL);
        assertEquals(2 / 6.0, all[0][0], E);
        double s = 0;
        for (double[] row : all) for (double v : row) s += v;
        assertEquals(1, s, 1e-12);
        // diagonals are recall (TRUE) and precision (PRED)
        double[] rec = Metrics.recallPerClass(T, P, 4), prec = Metrics.precisionPerClass(T, P, 4);
        for (int c = 0; c < 3; c++) {
            assertEquals(rec[c], byTrue[c][c], E);
            assertEquals(prec[c], byPred[c][c], E);
        }
    }

    @Test
    void zeroDivisionGivesZero() {
        // class 1 is predicted but absent from yTrue (recall 0/0); class 2 is never predicted (precision 0/0)
        int[] t = {0, 0, 2, 2}, p = {0, 1, 0, 0};
        assertArrayEquals(new double[] {1 / 3.0, 0, 0}, Metrics.precisionPerClass(t, p, 3), E); // class 2: 0/0
        assertArrayEquals(new double[] {0.5, 0, 0}, Metrics.recallPerClass(t, p, 3), E); // class 1: 0/0
        assertArrayEquals(new double[] {0.4, 0, 0}, Metrics.f1PerClass(t, p, 3), E); // P+R = 0 → 0
        assertEquals((1 / 3.0) / 3, Metrics.precision(t, p, 3, Average.MACRO), E);
        assertEquals(0.25, Metrics.balancedAccuracy(t, p, 3), E); // mean recall over classes 0 and 2 in yTrue
        // class 1 predicted but never true: it counts (0) in macro recall, not in balanced accuracy
        assertEquals(0.5, Metrics.balancedAccuracy(new int[] {0, 0}, new int[] {0, 1}, 2), E);
        assertEquals(0.25, Metrics.recall(new int[] {0, 0}, new int[] {0, 1}, 2, Average.MACRO), E);
    }

    @Test
    void reportTablesAndStrings() {
        String[] t = {"sad", "angry", "sad", "Calm"}, p = {"sad", "sad", "angry", "Calm"};
        ClassificationReport r = ClassificationReport.fromStrings(t, p);
        assertArrayEquals(new String[] {"Calm", "angry", "sad"}, r.classes()); // code-point order, like numpy
        Table pc = r.perClass();
        assertEquals(java.util.List.of("label", "precision", "recall", "f1", "support"), pc.columnNames());
        assertEquals(3, pc.rowCount());
        assertEquals(0.5, pc.doubleColumn("precision").get(2), E);
        assertEquals(2, pc.intColumn("support").getInt(2));
        Table s = r.summary();
        assertEquals(11, s.rowCount());
        assertEquals("balanced_accuracy", s.stringColumn("metric").get(1));
        assertEquals(0.5, s.doubleColumn("value").get(0), E);
        assertTrue(r.toString().contains("macro avg"));
        assertEquals(java.util.List.of("true_label", "Calm", "angry", "sad"), r.confusionTable().columnNames());
        // the int API with given names agrees
        ClassificationReport same = ClassificationReport.of(r.classes(), Labels.encode(r.classes(), t), Labels.encode(r.classes(), p));
        assertEquals(r.f1(Average.MACRO), same.f1(Average.MACRO), 0);
        assertArrayEquals(t, Labels.decode(r.classes(), Labels.encode(r.classes(), t)));
    }

    @Test
    void badInputIsRejectedClearly() {
        assertMessage(() -> Metrics.accuracy(new int[] {0, 1}, new int[] {0}), "yPred has 1");
        assertMessage(() -> Metrics.accuracy(new int[0], new int[0]), "empty");
        assertMessage(() -> Metrics.f1(new int[] {0, 3}, new int[] {0, 1}, 3, Average.MACRO), "yTrue[1] = 3");
        assertMessage(() -> Metrics.f1(new int[] {0, 1}, new int[] {0, -1}, 3, Average.MACRO), "yPred[1] = -1");
        assertMessage(() -> Metrics.f1(T, P, 4, null), "average");
        assertMessage(() -> Metrics.confusionMatrix(T, P, 0), "nClasses");
        assertMessage(() -> ClassificationReport.of(new String[] {"a", "b"}, T, P), "outside [0, 2)");
        assertMessage(() -> ClassificationReport.of(new String[] {"a", "a", "b", "c"}, T, P), "duplicate class name 'a'");
        assertMessage(() -> ClassificationReport.fromStrings(new String[] {"a"}, new String[] {"a", "b"}), "yPred has 2");
        assertMessage(() -> Labels.encode(new String[] {"a", "b"}, new String[] {"a", "z"}), "label 'z' at index 1");
        assertMessage(() -> Labels.classes(new String[] {"a", null}), "null label at index 1");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }
}
