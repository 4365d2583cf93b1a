package emolab.classify.eval;

import java.util.Arrays;

/**
 * The counts behind ROC and precision-recall curves (scikit-learn's {@code _binary_clf_curve}):
 * the distinct scores in decreasing order, and for each the number of positives ({@code tps})
 * and negatives ({@code fps}) with a score at least that high. Equal scores form one threshold.
 */
final class Ranking {
    final double[] thresholds;
    final long[] tps, fps;
    final long nPos, nNeg;

    private Ranking(double[] thresholds, long[] tps, long[] fps) {
        this.thresholds = thresholds;
        this.tps = tps;
        this.fps = fps;
        this.nPos = tps.length == 0 ? 0 : tps[tps.length - 1];
        this.nNeg = fps.length == 0 ? 0 : fps[fps.length - 1];
    }

    static Ranking of(boolean[] positive, double[] score) {
        check(positive, score);
        int n = score.length;
        // sort indices by decreasing score (primitive sort of packed keys would be faster; n is small here)
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(score[b], score[a]));
        double[] th = new double[n];
        long[] tp = new long[n], fp = new long[n];
        int m = 0;
        long p = 0, q = 0;
        for (int r = 0; r < n; r++) {
            int i = idx[r];
            if (positive[i]) p++; else q++;
            boolean last = r == n - 1 || score[idx[r + 1]] != score[i]; // -0.0 == 0.0 joins them
            if (last) {
                th[m] = score[i];
                tp[m] = p;
                fp[m] = q;
                m++;
            }
        }
        return new Ranking(Arrays.copyOf(th, m), Arrays.copyOf(tp, m), Arrays.copyOf(fp, m));
    }

    /**
     * Area under the ROC curve as the Mann–Whitney statistic: the fraction of (positive, negative)
     * pairs ranked correctly, a tied pair counting one half. Computed in exact integer arithmetic,
     * then one division.
     */
    double auc() {
        long twiceU = 0, prevTp = 0, prevFp = 0;
        for (int g = 0; g < tps.length; g++) {
            long pg = tps[g] - prevTp, ng = fps[g] - prevFp;
            // positives of this group beat every negative ranked strictly lower, tie with the group's negatives
            twiceU += pg * (2 * (nNeg - fps[g]) + ng);
            prevTp = tps[g];
            prevFp = fps[g];
        }
        return twiceU / (2.0 * nPos * nNeg);
    }

    /** scikit-learn's step-wise average precision: sum over thresholds of (R_n - R_{n-1}) P_n. */
    double averagePrecision() {
        double ap = 0;
        long prevTp = 0;
        for (int g = 0; g < tps.length; g++) {
            long dtp = tps[g] - prevTp;
            if (dtp > 0) ap += (dtp / (double) nPos) * (tps[g] / (double) (tps[g] + fps[g]));
            prevTp = tps[g];
        }
        return ap;
    }

    static void check(boolean[] positive, double[] score) {
        if (positive == null || score == null) throw new IllegalArgumentException("labels and scores must not be null");
        if (positive.length != score.length)
            throw new IllegalArgumentException(positive.length + " labels but " + score.length + " scores");
        if (score.length == 0) throw new IllegalArgumentException("no samples (empty labels and scores)");
        for (int i = 0; i < score.length; i++)
            if (!Double.isFinite(score[i])) throw new IllegalArgumentException("score[" + i + "] is " + score[i] + " (scores must be finite)");
    }
}
