package emolab.outliers;

import java.util.Locale;

/**
 * Mean, covariance and what Mahalanobis distances need: a Cholesky factor, or — for a singular
 * covariance in {@link #pseudo} mode — the pseudo-inverse from an eigen-decomposition (scipy's
 * {@code pinvh}: eigenvalues at most d·ε·max|λ| are dropped), with log-determinant −∞ (numpy's
 * {@code slogdet} sign ≤ 0, as scikit-learn's {@code fast_logdet}). Plain two-pass sums in row
 * order (the mean first, then centred cross products).
 */
final class Covariance {
    final double[] mean;
    final double[][] cov;
    private final double[][] chol; // lower triangular L with L·Lᵀ = cov, or null
    private final double[][] pinvVectors; // [k][j]: kept eigenvectors (pseudo-inverse mode)
    private final double[] pinvInverse;   // 1/λ_k
    final double logDet;

    private Covariance(double[] mean, double[][] cov, double[][] chol) {
        this.mean = mean;
        this.cov = cov;
        this.chol = chol;
        this.pinvVectors = null;
        this.pinvInverse = null;
        double ld = 0;
        for (int j = 0; j < chol.length; j++) ld += Math.log(chol[j][j]);
        this.logDet = 2 * ld;
    }

    private Covariance(double[] mean, double[][] cov, double[][] pinvVectors, double[] pinvInverse) {
        this.mean = mean;
        this.cov = cov;
        this.chol = null;
        this.pinvVectors = pinvVectors;
        this.pinvInverse = pinvInverse;
        this.logDet = Double.NEGATIVE_INFINITY;
    }

    /** The covariance, factored by Cholesky when positive definite, else pseudo-inverted (logDet = −∞). */
    static Covariance pseudo(double[] mu, double[][] cov) {
        double[][] l = cholesky(cov);
        if (l != null) return new Covariance(mu, cov, l);
        int d = cov.length;
        SymmetricEigen e = new SymmetricEigen(cov);
        double max = 0;
        for (double v : e.values) max = Math.max(max, Math.abs(v));
        double cut = d * Math.ulp(1.0) * max;
        int r = 0;
        for (double v : e.values) if (Math.abs(v) > cut) r++;
        double[][] vec = new double[r][d];
        double[] inv = new double[r];
        for (int k = 0, c = 0; k < d; k++) {
            if (!(Math.abs(e.values[k]) > cut)) continue;
            for (int j = 0; j < d; j++) vec[c][j] = e.vectors[j][k];
            inv[c++] = 1.0 / e.values[k];
        }
        return new Covariance(mu, cov, vec, inv);
    }

    /** Whether distances use the pseudo-inverse (the covariance is singular). */
    boolean singular() {
        return chol == null;
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
     * @throws emolab.study.NotApplicableException when the covariance is not positive definite
     */
    static Covariance of(String detector, double[] mu, double[][] cov) {
        double[][] l = cholesky(cov);
        if (l == null)
            throw new emolab.study.NotApplicableException(String.format(Locale.ROOT,
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
        if (chol == null) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) z[j] = x[j] - mean[j];
            double s = 0;
            for (int k = 0; k < pinvInverse.length; k++) {
                double[] u = pinvVectors[k];
                double t = 0;
                for (int j = 0; j < d; j++) t += u[j] * z[j];
                s += t * t * pinvInverse[k];
            }
            return s;
        }
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
        java.util.stream.IntStream.range(0, x.length).parallel().forEach(i -> out[i] = squared(x[i]));
        return out;
    }
}
