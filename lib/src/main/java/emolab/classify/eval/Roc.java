package emolab.classify.eval;

/**
 * ROC AUC for binary and multiclass problems, following scikit-learn 1.2's {@code roc_auc_score}.
 * Multiclass input is {@code double[n][k]} class scores (column c = class code c) and
 * {@code int[n]} true codes.
 *
 * <ul>
 * <li>Binary AUC is the Mann–Whitney statistic: the fraction of (positive, negative) pairs where
 *     the positive scores higher, ties counting ½ (equal to the trapezoidal area under the full
 *     ROC curve).</li>
 * <li>One-vs-rest ({@link #aucOvr}): each class against all others; macro / weighted (by support)
 *     mean, or micro (all n·k pairs pooled).</li>
 * <li>One-vs-one ({@link #aucOvo}): Hand &amp; Till (2001): for each pair of classes (a, b), the mean
 *     of AUC(a vs b on score a) and AUC(b vs a on score b) over the samples of a and b, then the
 *     macro (or prevalence-weighted) mean over pairs.</li>
 * </ul>
 *
 * <p>As scikit-learn, the multiclass averages demand that every class occur in {@code yTrue} and
 * that each score row sum to 1 ({@code numpy.allclose}: |1 − sum| ≤ 1e-8 + 1e-5·|sum|); per-class
 * and binary AUC accept any finite scores. Errors name the offending class or row.
 */
public final class Roc {
    private Roc() {}

    /** Binary ROC AUC ({@code positive[i]} = sample i is positive). */
    public static double auc(boolean[] positive, double[] score) {
        Ranking r = Ranking.of(positive, score);
        if (r.nPos == 0) throw new IllegalArgumentException("ROC AUC is undefined: no positive samples");
        if (r.nNeg == 0) throw new IllegalArgumentException("ROC AUC is undefined: no negative samples");
        return r.auc();
    }

    /** One-vs-rest AUC of each class (scores need not sum to 1). */
    public static double[] aucPerClass(int[] yTrue, double[][] scores) {
        return aucPerClass(yTrue, scores, null);
    }

    static double[] aucPerClass(int[] yTrue, double[][] scores, String[] classes) {
        int k = Scores.check(yTrue, scores, false);
        double[] auc = new double[k];
        for (int c = 0; c < k; c++) auc[c] = Scores.oneVsRest(yTrue, scores, c, classes, true).auc();
        return auc;
    }

    /** One-vs-rest multiclass AUC: {@code roc_auc_score(y, S, multi_class='ovr', average=...)}. */
    public static double aucOvr(int[] yTrue, double[][] scores, Average average) {
        return aucOvr(yTrue, scores, average, null);
    }

    static double aucOvr(int[] yTrue, double[][] scores, Average average, String[] classes) {
        if (average == null) throw new IllegalArgumentException("average must not be null");
        int k = Scores.check(yTrue, scores, true);
        if (average == Average.MICRO) {
            Scores.requireAllClasses(yTrue, k, classes, "one-vs-rest ROC AUC");
            return Scores.micro(yTrue, scores).auc();
        }
        double[] auc = aucPerClass(yTrue, scores, classes);
        int[] support = Scores.support(yTrue, k);
        double s = 0, w = 0;
        for (int c = 0; c < k; c++) {
            double wc = average == Average.WEIGHTED ? support[c] : 1;
            s += auc[c] * wc;
            w += wc;
        }
        return s / w;
    }

    /**
     * One-vs-one multiclass AUC (Hand &amp; Till): {@code roc_auc_score(y, S, multi_class='ovo',
     * average=...)} for {@link Average#MACRO} or {@link Average#WEIGHTED} (pairs weighted by the
     * fraction of samples in either class). Micro is not defined for one-vs-one.
     */
    public static double aucOvo(int[] yTrue, double[][] scores, Average average) {
        return aucOvo(yTrue, scores, average, null);
    }

    static double aucOvo(int[] yTrue, double[][] scores, Average average, String[] classes) {
        if (average == null || average == Average.MICRO)
            throw new IllegalArgumentException("one-vs-one ROC AUC supports average MACRO or WEIGHTED, got " + average);
        int k = Scores.check(yTrue, scores, true);
        int[] support = Scores.requireAllClasses(yTrue, k, classes, "one-vs-one ROC AUC");
        int n = yTrue.length;
        double s = 0, w = 0;
        for (int a = 0; a < k; a++)
            for (int b = a + 1; b < k; b++) {
                int m = support[a] + support[b];
                boolean[] isA = new boolean[m], isB = new boolean[m];
                double[] sa = new double[m], sb = new double[m];
                int j = 0;
                for (int i = 0; i < n; i++) {
                    if (yTrue[i] != a && yTrue[i] != b) continue;
                    isA[j] = yTrue[i] == a;
                    isB[j] = !isA[j];
                    sa[j] = scores[i][a];
                    sb[j] = scores[i][b];
                    j++;
                }
                double pair = (Ranking.of(isA, sa).auc() + Ranking.of(isB, sb).auc()) / 2;
                double wp = average == Average.WEIGHTED ? m / (double) n : 1;
                s += pair * wp;
                w += wp;
            }
        return s / w;
    }

    /** One-vs-rest ROC curve of each class (drop_intermediate=False). */
    public static RocCurve[] curves(int[] yTrue, double[][] scores) {
        return curves(yTrue, scores, null);
    }

    static RocCurve[] curves(int[] yTrue, double[][] scores, String[] classes) {
        int k = Scores.check(yTrue, scores, false);
        RocCurve[] out = new RocCurve[k];
        for (int c = 0; c < k; c++) out[c] = RocCurve.of(Scores.oneVsRest(yTrue, scores, c, classes, true), Scores.name(classes, c), false);
        return out;
    }

    /** Micro-average ROC curve: all n·k one-vs-rest (label, score) pairs pooled. */
    public static RocCurve microCurve(int[] yTrue, double[][] scores) {
        Scores.check(yTrue, scores, false);
        return RocCurve.of(Scores.micro(yTrue, scores), "the micro average", false);
    }
}
