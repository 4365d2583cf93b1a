package emolab.outliers;

import java.util.Locale;

/**
 * Mean, covariance and a Cholesky factor for Mahalanobis distances. Plain two-pass sums in row
 * order (the mean first, then centred cross products).
 */
final class Covariance {
    final double[] mean;
    final double[][] cov;
    private final double[][] chol; // lower triangular L with L·Lᵀ = cov
    final double logDet;

    private Covariance(double[] mean, double[][] cov, double[][] chol) {
        this.mean = mean;
        this.cov = cov;
        this.chol = chol;
        double ld = 0;
        for (int j = 0; j < chol.length; j++) ld += Math.log(chol[j][j]);
        this.logDet = 2 * ld;
    }

    /** Column means of the given rows (all rows when {@code rows} is null). */
    static double[] mean(double[][] x, int[] rows) {
        int d = x[0].length, n = rows == null ? x.length : rows.length;
        double[] mu = new double[d];
        for (int r = 0; r < n; r++) {
            double[] v = x[rows == null ? r : rows[r]];
            for (int j = 0; j < d; j++) mu[j] += v[j];
        }
        for (int j = 0; j < d; j++) mu[j] /= n;
        return mu;
    }

    /** Covariance of the given rows about {@code mu}, divided by n − ddof. */
    static double[][] scatter(double[][] x, int[] rows, double[] mu, int ddof) {
        int d = mu.length, n = rows == null ? x.length : rows.length;
        double[][] c = new double[d][d];
        double[] z = new double[d];
        for (int r = 0; r < n; r++) {
            double[] v = x[rows == null ? r : rows[r]];
            for (int j = 0; j < d; j++) z[j] = v[j] - mu[j];
            for (int a = 0; a < d; a++) {
                double za = z[a];
                double[] ca = c[a];
                for (int b = 0; b <= a; b++) ca[b] += za * z[b];
            }
        }
        double div = n - ddof;
        for (int a = 0; a < d; a++)
            for (int b = 0; b <= a; b++) {
                c[a][b] /= div;
                c[b][a] = c[a][b];
            }
        return c;
    }

    /** Mean and covariance of the rows (all when null) with the given ddof. */
    static Covariance fit(String detector, double[][] x, int[] rows, int ddof) {
        double[] mu = mean(x, rows);
        return of(detector, mu, scatter(x, rows, mu, ddof));
    }

    /**
     * Wraps a mean and covariance.
     *
     * @throws IllegalArgumentException when the covariance is not positive definite
     */
    static Covariance of(String detector, double[] mu, double[][] cov) {
        double[][] l = cholesky(cov);
        if (l == null)
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: the covariance matrix (%d × %d) is singular or not positive definite — a column is "
                            + "constant or a linear combination of others, or there are fewer distinct rows than columns",
                    detector, cov.length, cov.length));
        return new Covariance(mu, cov, l);
    }

    /** Lower Cholesky factor, or null when a pivot is not positive (relative to the diagonal scale). */
    static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        double scale = 0;
        for (int j = 0; j < d; j++) scale = Math.max(scale, Math.abs(a[j][j]));
        if (!(scale > 0)) return null;
        for (int j = 0; j < d; j++) {
            double s = a[j][j];
            for (int k = 0; k < j; k++) s -= l[j][k] * l[j][k];
            if (!(s > 1e-13 * scale)) return null;
            double ljj = Math.sqrt(s);
            l[j][j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double t = a[i][j];
                for (int k = 0; k < j; k++) t -= l[i][k] * l[j][k];
                l[i][j] = t / ljj;
            }
        }
        return l;
    }

    /** Squared Mahalanobis distance (x − μ)ᵀ Σ⁻¹ (x − μ), by forward substitution. */
    double squared(double[] x) {
        int d = mean.length;
        double[] y = new double[d];
        double s = 0;
        for (int i = 0; i < d; i++) {
            double t = x[i] - mean[i];
            double[] li = chol[i];
            for (int k = 0; k < i; k++) t -= li[k] * y[k];
            y[i] = t / li[i];
            s += y[i] * y[i];
        }
        return s;
    }

    double[] squared(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = squared(x[i]);
        return out;
    }
}
