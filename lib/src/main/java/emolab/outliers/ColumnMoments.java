package emolab.outliers;

/**
 * Per-column count, mean, sum of squared deviations S = Σ(x − mean)², minimum and maximum of
 * the training rows, with the closed-form updates for removing or adding one row (used by
 * {@link DeviationBased} and {@link LikelihoodBased}):
 *
 * <pre>
 *   remove x:  S' = S − n/(n − 1) · (x − mean)²        add x:  S'' = S + n/(n + 1) · (x − mean)²
 * </pre>
 */
final class ColumnMoments {
    final int n;
    final double[] mean, ss, min, max;

    ColumnMoments(double[][] x) {
        n = x.length;
        int d = x[0].length;
        mean = Covariance.mean(x, null);
        ss = new double[d];
        min = new double[d];
        max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                double z = r[j] - mean[j];
                ss[j] += z * z;
                min[j] = Math.min(min[j], r[j]);
                max[j] = Math.max(max[j], r[j]);
            }
        }
    }

    /** S_j of the rows without one member row with value v in column j (≥ 0). */
    double ssWithout(int j, double v) {
        double z = v - mean[j];
        return Math.max(0, ss[j] - n / (n - 1.0) * z * z);
    }

    /** S_j of the rows plus one new row with value v in column j. */
    double ssWith(int j, double v) {
        double z = v - mean[j];
        return ss[j] + n / (n + 1.0) * z * z;
    }
}
