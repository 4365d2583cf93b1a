package emolab.classify.eval;

import static emolab.classify.eval.MetricsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * ROC and precision-recall: scikit-learn's documented examples, brute-force definitions on random
 * data with many ties, and bad input.
 */
class RocTest {
    static final double E = 1e-15;

    /** scikit-learn 1.2 docstring examples of roc_curve, roc_auc_score, precision_recall_curve, average_precision_score. */
    @Test
    void sklearnDocstringExamples() {
        boolean[] y = {false, false, true, true};
        double[] s = {0.1, 0.4, 0.35, 0.8};
        RocCurve roc = RocCurve.of(y, s);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.fpr(), E);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.tpr(), E);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1}, roc.thresholds(), 0);
        assertEquals(0.75, Roc.auc(y, s), E);
        assertEquals(0.75, roc.auc(), E);
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(y, s);
        assertArrayEquals(new double[] {0.5, 2 / 3.0, 0.5, 1, 1}, pr.precision(), E);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0}, pr.recall(), E);
        assertArrayEquals(new double[] {0.1, 0.35, 0.4, 0.8}, pr.thresholds(), 0);
        assertEquals(0.8333333333333333, PrecisionRecall.averagePrecision(y, s), 1e-15);
        assertEquals(pr.averagePrecision(), PrecisionRecall.averagePrecision(y, s), 0);
    }

    @Test
    void dropIntermediateKeepsCornersAndArea() {
        boolean[] y = {true, true, true, false, false, false};
        double[] s = {.9, .8, .7, .3, .2, .1};
        RocCurve full = RocCurve.of(y, s, false), lean = RocCurve.of(y, s, true);
        assertEquals(7, full.size());
        assertArrayEquals(new double[] {0, 0, 0, 1}, lean.fpr(), E);
        assertArrayEquals(new double[] {0, 1 / 3.0, 1, 1}, lean.tpr(), E);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, .9, .7, .1}, lean.thresholds(), 0);
        assertEquals(1, full.auc(), E);
        assertEquals(1, lean.auc(), E);
    }

    @Test
    void binaryAucAndApEqualTheirDefinitionsWithTies() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            int n = 5 + rnd.nextInt(60);
            boolean[] y = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextDouble() < 0.4;
                s[i] = Math.round(rnd.nextDouble() * 10) / 10.0; // 11 levels: many ties
            }
            y[0] = true;
            y[1] = false;
            // Mann–Whitney by counting pairs
            double pairs = 0, good = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (y[i] && !y[j]) {
                        pairs++;
                        good += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
            double auc = Roc.auc(y, s);
            assertEquals(good / pairs, auc, 1e-14);
            assertEquals(auc, RocCurve.of(y, s, false).auc(), 1e-14);
            assertEquals(auc, RocCurve.of(y, s, true).auc(), 1e-14);
            // AP by definition: thresholds descending, sum (R_n - R_{n-1}) P_n
            TreeSet<Double> th = new TreeSet<>();
            for (double v : s) th.add(v);
            double ap = 0, prevR = 0, nPos = 0;
            for (boolean b : y) if (b) nPos++;
            for (double t : th.descendingSet()) {
                double tp = 0, pp = 0;
                for (int i = 0; i < n; i++) if (s[i] >= t) { pp++; if (y[i]) tp++; }
                ap += (tp / nPos - prevR) * (tp / pp);
                prevR = tp / nPos;
            }
            assertEquals(ap, PrecisionRecall.averagePrecision(y, s), 1e-14);
        }
    }

    /** Random 3-class probabilities with ties, and O(n²) definitions of OvR micro and OvO (Hand & Till). */
    @Test
    void multiclassAveragesEqualBruteForce() {
        Random rnd = new Random(7);
        int n = 40, k = 3;
        int[] y = new int[n];
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
            double a = Math.round(rnd.nextDouble() * 4) / 4.0, b = Math.round(rnd.nextDouble() * 4) / 4.0 * (1 - a);
            p[i] = new double[] {a, b, 1 - a - b};
        }
        double[] per = Roc.aucPerClass(y, p);
        assertEquals((per[0] + per[1] + per[2]) / 3, Roc.aucOvr(y, p, Average.MACRO), 1e-15);
        // micro: all (i, c) pairs pooled
        double good = 0, pairs = 0;
        for (int i = 0; i < n; i++) for (int c = 0; c < k; c++)
            for (int j = 0; j < n; j++) for (int d = 0; d < k; d++)
                if (y[i] == c && y[j] != d) {
                    pairs++;
                    good += p[i][c] > p[j][d] ? 1 : p[i][c] == p[j][d] ? 0.5 : 0;
                }
        assertEquals(good / pairs, Roc.aucOvr(y, p, Average.MICRO), 1e-14);
        // Hand & Till: A(a|b) on column a over samples of a and b; pair = mean of both directions
        double sum = 0, wsum = 0, wtot = 0;
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++) {
                double pair = (direction(y, p, a, b) + direction(y, p, b, a)) / 2;
                double prevalence = 0;
                for (int v : y) if (v == a || v == b) prevalence++;
                sum += pair;
                wsum += pair * prevalence / n;
                wtot += prevalence / n;
            }
        assertEquals(sum / 3, Roc.aucOvo(y, p, Average.MACRO), 1e-14);
        assertEquals(wsum / wtot, Roc.aucOvo(y, p, Average.WEIGHTED), 1e-14);
        // two classes: one-vs-one = one-vs-rest = binary AUC
        int[] y2 = {0, 1, 1, 0, 1};
        double[][] p2 = {{.7, .3}, {.4, .6}, {.5, .5}, {.5, .5}, {.8, .2}};
        double bin = Roc.auc(new boolean[] {false, true, true, false, true}, new double[] {.3, .6, .5, .5, .2});
        assertEquals(bin, Roc.aucOvo(y2, p2, Average.MACRO), 1e-15);
        assertEquals(bin, Roc.aucOvr(y2, p2, Average.MACRO), 1e-15);
    }

    private static double direction(int[] y, double[][] p, int a, int b) {
        double good = 0, pairs = 0;
        for (int i = 0; i < y.length; i++)
            for (int j = 0; j < y.length; j++)
                if (y[i] == a && y[j] == b) {
                    pairs++;
                    good += p[i][a] > p[j][a] ? 1 : p[i][a] == p[j][a] ? 0.5 : 0;
                }
        return good / pairs;
    }

    @Test
    void macroAverageCurveInterpolatesOnTheUnionGrid() {
        RocCurve perfect = RocCurve.of(new boolean[] {true, false}, new double[] {.9, .1});
        RocCurve chance = RocCurve.of(new boolean[] {true, false}, new double[] {.5, .5});
        assertArrayEquals(new double[] {0, 0, 1}, perfect.fpr(), E);
        assertArrayEquals(new double[] {0, 1}, chance.fpr(), E);
        RocCurve macro = RocCurve.macroAverage(perfect, chance);
        assertArrayEquals(new double[] {0, 0, 1}, macro.fpr(), E);
        assertArrayEquals(new double[] {0, 0.5, 1}, macro.tpr(), E);
        assertEquals(0.75, macro.auc(), E);
    }

    @Test
    void precisionRecallAveragesAndCurves() {
        int[] y = {0, 1, 2, 2, 1, 0};
        double[][] p = {{.6, .3, .1}, {.2, .5, .3}, {.1, .2, .7}, {.3, .4, .3}, {.5, .4, .1}, {.4, .4, .2}};
        double[] ap = PrecisionRecall.averagePrecisionPerClass(y, p);
        PrecisionRecallCurve[] curves = PrecisionRecall.curves(y, p);
        for (int c = 0; c < 3; c++) {
            assertEquals(ap[c], curves[c].averagePrecision(), 0);
            double[] rec = curves[c].recall();
            assertEquals(1, rec[0], E);
            assertEquals(0, rec[rec.length - 1], E);
            for (int i = 1; i < rec.length; i++) assertTrue(rec[i] <= rec[i - 1]);
        }
        assertEquals((ap[0] + ap[1] + ap[2]) / 3, PrecisionRecall.averagePrecision(y, p, Average.MACRO), 1e-15);
        assertEquals((ap[0] + ap[1] + ap[2]) / 3, PrecisionRecall.averagePrecision(y, p, Average.WEIGHTED), 1e-15); // equal supports
        // micro = binary AP of the flattened one-hot labels and scores
        boolean[] flat = new boolean[18];
        double[] fs = new double[18];
        for (int i = 0; i < 6; i++) for (int c = 0; c < 3; c++) { flat[i * 3 + c] = y[i] == c; fs[i * 3 + c] = p[i][c]; }
        assertEquals(PrecisionRecall.averagePrecision(flat, fs), PrecisionRecall.averagePrecision(y, p, Average.MICRO), 0);
        assertEquals(PrecisionRecall.averagePrecision(flat, fs), PrecisionRecall.microCurve(y, p).averagePrecision(), 0);
        assertEquals(Roc.auc(flat, fs), Roc.microCurve(y, p).auc(), 1e-15);
    }

    @Test
    void scoreReportBundlesEverything() {
        String[] classes = {"calm", "happy", "sad"};
        int[] y = {0, 1, 2, 2, 1, 0};
        double[][] p = {{.6, .3, .1}, {.2, .5, .3}, {.1, .2, .7}, {.3, .4, .3}, {.4, .4, .2}, {.4, .4, .2}};
        ScoreReport r = ScoreReport.of(classes, y, p);
        assertArrayEquals(new int[] {0, 1, 2, 1, 0, 0}, r.predictions()); // ties → first class, as numpy.argmax
        assertEquals(ClassificationReport.of(classes, y, r.predictions()).f1(Average.MACRO), r.classificationReport().f1(Average.MACRO), 0);
        assertArrayEquals(Roc.aucPerClass(y, p), r.auc(), 0);
        assertEquals(java.util.List.of("label", "support", "roc_auc", "average_precision"), r.perClass().columnNames());
        assertEquals(8, r.summary().rowCount());
        assertEquals(Roc.aucOvo(y, p, Average.MACRO), r.aucOvo(Average.MACRO), 0);
        assertEquals(3, r.rocCurves().length);
        assertEquals(1, r.macroRocCurve().fpr()[r.macroRocCurve().size() - 1], 0);
        assertMessage(() -> ScoreReport.of(new String[] {"calm", "happy"}, y, p), "2 classes");
    }

    @Test
    void badInputIsRejectedClearly() {
        int[] y = {0, 1, 2, 1};
        double[][] p = {{.2, .3, .5}, {.1, .8, .1}, {.3, .3, .4}, {.5, .25, .25}};
        assertMessage(() -> Roc.aucOvr(new int[] {0, 1, 2}, p, Average.MACRO), "3 labels but scores has 4 rows");
        assertMessage(() -> Roc.auc(new boolean[] {true, false}, new double[] {.1}), "2 labels but 1 scores");
        double[][] nan = {{.2, .3, .5}, {.1, .8, .1}, {.3, Double.NaN, .4}, {.5, .25, .25}};
        assertMessage(() -> Roc.aucPerClass(y, nan), "scores[2][1] is NaN");
        assertMessage(() -> Roc.auc(new boolean[] {true, false}, new double[] {Double.NaN, 1}), "score[0] is NaN");
        double[][] notProb = {{.2, .3, .5}, {.1, .8, .1}, {.3, .3, .5}, {.5, .25, .25}};
        assertMessage(() -> Roc.aucOvr(y, notProb, Average.MACRO), "scores[2] sums to");
        assertMessage(() -> Roc.aucOvo(y, notProb, Average.MACRO), "scores[2] sums to");
        Roc.aucPerClass(y, notProb); // per-class AUC does not need probabilities
        int[] noClass2 = {0, 1, 0, 1};
        assertMessage(() -> ScoreReport.of(new String[] {"calm", "happy", "surprised"}, noClass2, p), "class 'surprised' (code 2) does not occur in yTrue");
        assertMessage(() -> Roc.aucPerClass(noClass2, p), "class 2 does not occur in yTrue");
        assertMessage(() -> Roc.aucOvo(noClass2, p, Average.MACRO), "class 2 does not occur");
        assertMessage(() -> PrecisionRecall.averagePrecision(noClass2, p, Average.MICRO), "class 2 does not occur");
        assertMessage(() -> Roc.aucOvo(y, p, Average.MICRO), "MACRO or WEIGHTED");
        assertMessage(() -> Roc.aucOvr(y, p, null), "average");
        assertMessage(() -> Roc.auc(new boolean[] {true, true}, new double[] {.1, .2}), "no negative samples");
        assertMessage(() -> Roc.aucPerClass(new int[] {0, 0}, new double[][] {{.5, .5}, {.6, .4}}), "every sample in yTrue is class 0");
        assertMessage(() -> Roc.aucPerClass(new int[] {0, 3}, new double[][] {{.5, .5}, {.6, .4}}), "yTrue[1] = 3");
        assertMessage(() -> Roc.aucPerClass(new int[] {0, 1}, new double[][] {{.5, .5}, {.6}}), "scores[1] has 1 columns");
        assertMessage(() -> Roc.aucPerClass(new int[] {0, 0}, new double[][] {{1}, {1}}), "at least 2");
    }
}
