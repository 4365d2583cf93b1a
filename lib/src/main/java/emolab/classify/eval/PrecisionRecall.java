package emolab.classify.eval;

/**
 * Precision-recall curves and average precision for binary and multiclass (one-vs-rest) scores,
 * following scikit-learn 1.2's {@code precision_recall_curve} and {@code average_precision_score}
 * (step-wise AP = Σ (R_n − R_{n−1}) P_n; see {@link PrecisionRecallCurve}). Scores need not sum to
 * 1. A class that does not occur in {@code yTrue} has no defined AP: an error names it.
 */
public final class PrecisionRecall {
    private PrecisionRecall() {}

    /** Binary average precision ({@code positive[i]} = sample i is positive). */
    public static double averagePrecision(boolean[] positive, double[] score) {
        Ranking r = Ranking.of(positive, score);
        if (r.nPos == 0) throw new IllegalArgumentException("average precision is undefined: no positive samples");
        return r.averagePrecision();
    }

    /** One-vs-rest average precision of each class. */
    public static double[] averagePrecisionPerClass(int[] yTrue, double[][] scores) {
        return averagePrecisionPerClass(yTrue, scores, null);
    }

    static double[] averagePrecisionPerClass(int[] yTrue, double[][] scores, String[] classes) {
        int k = Scores.check(yTrue, scores, false);
        double[] ap = new double[k];
        for (int c = 0; c < k; c++) ap[c] = Scores.oneVsRest(yTrue, scores, c, classes, false).averagePrecision();
        return ap;
    }

    /**
     * Averaged AP: {@code average_precision_score(label_binarize(y), S, average=...)}: macro or
     * support-weighted mean of the per-class AP, or micro (all n·k pairs pooled).
     */
    public static double averagePrecision(int[] yTrue, double[][] scores, Average average) {
        return averagePrecision(yTrue, scores, average, null);
    }

    static double averagePrecision(int[] yTrue, double[][] scores, Average average, String[] classes) {
        if (average == null) throw new IllegalArgumentException("average must not be null");
        int k = Scores.check(yTrue, scores, false);
        int[] support = Scores.requireAllClasses(yTrue, k, classes, "average precision");
        if (average == Average.MICRO) return Scores.micro(yTrue, scores).averagePrecision();
        double[] ap = averagePrecisionPerClass(yTrue, scores, classes);
        double s = 0, w = 0;
        for (int c = 0; c < k; c++) {
            double wc = average == Average.WEIGHTED ? support[c] : 1;
            s += ap[c] * wc;
            w += wc;
        }
        return s / w;
    }

    /** One-vs-rest precision-recall curve of each class. */
    public static PrecisionRecallCurve[] curves(int[] yTrue, double[][] scores) {
        return curves(yTrue, scores, null);
    }

    static PrecisionRecallCurve[] curves(int[] yTrue, double[][] scores, String[] classes) {
        int k = Scores.check(yTrue, scores, false);
        PrecisionRecallCurve[] out = new PrecisionRecallCurve[k];
        for (int c = 0; c < k; c++)
            out[c] = PrecisionRecallCurve.of(Scores.oneVsRest(yTrue, scores, c, classes, false), Scores.name(classes, c));
        return out;
    }

    /** Micro-average precision-recall curve (all n·k one-vs-rest pairs pooled). */
    public static PrecisionRecallCurve microCurve(int[] yTrue, double[][] scores) {
        Scores.check(yTrue, scores, false);
        return PrecisionRecallCurve.of(Scores.micro(yTrue, scores), "the micro average");
    }
}
