package emolab.classify.eval;

/**
 * A precision-recall curve as scikit-learn's {@code precision_recall_curve} (≥ 1.1, which keeps
 * every threshold): for each distinct score s, in increasing order, the precision and recall of
 * predicting positive when score ≥ s; then a final point (recall 0, precision 1) without a
 * threshold. Recall therefore decreases along the arrays.
 */
public final class PrecisionRecallCurve {
    private final double[] precision, recall, thresholds;
    private final double averagePrecision;

    private PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds, double ap) {
        this.precision = precision;
        this.recall = recall;
        this.thresholds = thresholds;
        this.averagePrecision = ap;
    }

    /** The curve of scores for a binary problem ({@code positive[i]} = sample i is positive). */
    public static PrecisionRecallCurve of(boolean[] positive, double[] score) {
        return of(Ranking.of(positive, score), "the positive class");
    }

    static PrecisionRecallCurve of(Ranking r, String name) {
        if (r.nPos == 0) throw new IllegalArgumentException("precision-recall curve of " + name + " is undefined: no positive samples");
        int m = r.thresholds.length;
        double[] p = new double[m + 1], rec = new double[m + 1], th = new double[m];
        for (int i = 0; i < m; i++) {
            int j = m - 1 - i; // increasing thresholds
            p[i] = r.tps[j] / (double) (r.tps[j] + r.fps[j]);
            rec[i] = r.tps[j] / (double) r.nPos;
            th[i] = r.thresholds[j];
        }
        p[m] = 1;
        rec[m] = 0;
        return new PrecisionRecallCurve(p, rec, th, r.averagePrecision());
    }

    /**
     * Average precision, scikit-learn's step-wise definition AP = Σ (R_n − R_{n−1}) P_n over the
     * thresholds (no interpolation, not the trapezoidal area).
     */
    public double averagePrecision() { return averagePrecision; }

    public double[] precision() { return precision.clone(); }
    public double[] recall() { return recall.clone(); }
    public double[] thresholds() { return thresholds.clone(); }
    public int size() { return precision.length; }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "PrecisionRecallCurve[%d points, AP=%.4f]", precision.length, averagePrecision);
    }
}
