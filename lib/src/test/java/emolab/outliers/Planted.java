package emolab.outliers;

import emolab.numeric.Ranks;

import java.util.SplittableRandom;

/**
 * A planted-outlier benchmark on real data: the 1828 × 10 conformance input X (the course's
 * prepared RAVDESS features f0..f9). Training rows = even indices (914). Test rows = the 914
 * odd-index rows (inliers, label 0) plus 48 planted outliers (label 1, 5 %): 24 drawn uniformly
 * from the training bounding box (the classic Isolation Forest benchmark design) and 24 odd-index
 * rows with 3 random columns pushed 1–3 standard deviations beyond the training range.
 */
final class Planted {
    final double[][] train, test;
    final boolean[] outlier;

    Planted(double[][] x, long seed) {
        int n = x.length, d = x[0].length;
        SplittableRandom r = new SplittableRandom(seed);
        int nt = (n + 1) / 2, ni = n / 2, np = 48;
        train = new double[nt][];
        for (int i = 0; i < nt; i++) train[i] = x[2 * i];
        double[] lo = new double[d], hi = new double[d], sd = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        double[] mean = Covariance.mean(train, null);
        for (double[] row : train)
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], row[j]);
                hi[j] = Math.max(hi[j], row[j]);
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        for (int j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j] / nt);
        test = new double[ni + np][];
        outlier = new boolean[ni + np];
        for (int i = 0; i < ni; i++) test[i] = x[2 * i + 1];
        for (int p = 0; p < np; p++) {
            double[] v;
            if (p < np / 2) {
                v = new double[d];
                for (int j = 0; j < d; j++) v[j] = lo[j] + r.nextDouble() * (hi[j] - lo[j]);
            } else {
                v = x[2 * r.nextInt(ni) + 1].clone();
                for (int c = 0; c < 3; c++) {
                    int j = r.nextInt(d);
                    double shift = (1 + 2 * r.nextDouble()) * sd[j];
                    v[j] = r.nextBoolean() ? hi[j] + shift : lo[j] - shift;
                }
            }
            test[ni + p] = v;
            outlier[ni + p] = true;
        }
    }

    /** ROC AUC of scores against the planted labels (Mann–Whitney, ties count ½). */
    static double auc(double[] score, boolean[] positive) {
        double[] ranks = Ranks.average(score);
        double sum = 0;
        long pos = 0, neg = 0;
        for (int i = 0; i < score.length; i++) {
            if (positive[i]) {
                sum += ranks[i];
                pos++;
            } else {
                neg++;
            }
        }
        return (sum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
