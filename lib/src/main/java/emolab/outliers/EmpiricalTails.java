package emolab.outliers;

import java.util.Arrays;

/**
 * Per-column empirical tail probabilities of the training data, shared by {@link Ecod} and
 * {@link Copod}. For column j with sorted training values and a value v:
 *
 * <pre>
 *   F_L(v) = #{k : X[k,j] ≤ v} / n,    F_R(v) = #{k : X[k,j] ≥ v} / n
 *   U_L = −ln F_L,                      U_R = −ln F_R
 * </pre>
 *
 * For a training row the counts include the row itself, so F ∈ [1/n, 1]. A new row is counted
 * as if it were added to the training sample: F_L(v) = (#{k : X[k,j] ≤ v} + 1) / (n + 1), so
 * its probabilities are never 0 (pyod instead appends all new rows to the training rows at once).
 * γ_j is the biased sample skewness m₃/m₂^1.5 (scipy {@code skew}); a constant column gets 0
 * (pyod's {@code nan_to_num}).
 */
final class EmpiricalTails {
    final double[][] sorted; // per column
    final double[] skewness;
    final int n;

    EmpiricalTails(double[][] x) {
        n = x.length;
        int d = x[0].length;
        sorted = new double[d][n];
        skewness = new double[d];
        for (int j = 0; j < d; j++) {
            double[] c = sorted[j];
            for (int i = 0; i < n; i++) c[i] = x[i][j];
            skewness[j] = skew(c);
            Arrays.sort(c);
        }
    }

    /** Biased sample skewness (two-pass): m3 / m2^1.5, 0 for a constant column. */
    static double skew(double[] c) {
        int n = c.length;
        double mean = 0;
        for (double v : c) mean += v;
        mean /= n;
        double m2 = 0, m3 = 0;
        for (double v : c) {
            double z = v - mean;
            m2 += z * z;
            m3 += z * z * z;
        }
        m2 /= n;
        m3 /= n;
        if (m2 == 0) return 0;
        double g = m3 / Math.pow(m2, 1.5);
        return Double.isFinite(g) ? g : 0;
    }

    /** U_L and U_R of a value in column j; {@code member} = the value is a training value of this row. */
    void tails(int j, double v, boolean member, double[] out) {
        double[] c = sorted[j];
        int le = upperBound(c, v);      // #{≤ v}
        int ge = n - lowerBound(c, v);  // #{≥ v}
        if (member) {
            out[0] = -Math.log((double) le / n);
            out[1] = -Math.log((double) ge / n);
        } else {
            out[0] = -Math.log((le + 1.0) / (n + 1.0));
            out[1] = -Math.log((ge + 1.0) / (n + 1.0));
        }
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
