package emolab.numeric;

import java.io.Serializable;

/**
 * Per-feature standardisation (x − mean) / scale with the population standard deviation and scale
 * 1 for a constant feature (scikit-learn {@code StandardScaler}); the one copy, fitted on training
 * rows only. Two ways to compute the statistics, each reproducing the results its callers were
 * checked against:
 *
 * <ul>
 *   <li>{@link #fit}: two passes with sums left to right, mean = Σx/n, scale = sqrt(Σ(x−mean)²/n)
 *       (model pipelines, samplers' learners, the time-series classifiers);</li>
 *   <li>{@link #sklearnColumn}: scikit-learn 1.2's own arithmetic, bit for bit (NumPy pairwise
 *       sums and {@code _incremental_mean_and_var}'s corrected variance; the preparation chain).</li>
 * </ul>
 */
public final class StandardScaler implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A matrix read cell by cell ({@code rows × columns}), for data not held as {@code double[][]}. */
    @FunctionalInterface
    public interface Cells {
        double get(int row, int column);
    }

    private final double[] mean, scale;

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** A scaler with the given statistics (copied), e.g. from a saved model. */
    public static StandardScaler of(double[] mean, double[] scale) {
        if (mean.length != scale.length) throw new IllegalArgumentException("StandardScaler: " + mean.length + " means but " + scale.length + " scales");
        return new StandardScaler(mean.clone(), scale.clone());
    }

    /** Fits on the rows of X (at least one row). */
    public static StandardScaler fit(double[][] x) {
        if (x == null || x.length == 0) throw new IllegalArgumentException("StandardScaler: no rows to fit on");
        int d = x[0].length;
        for (int i = 0; i < x.length; i++)
            if (x[i].length != d) throw new IllegalArgumentException("StandardScaler: row " + i + " has " + x[i].length + " features, row 0 has " + d);
        return fit(x.length, d, (i, j) -> x[i][j]);
    }

    /** Fits on an {@code n × p} matrix given cell by cell (n ≥ 1). */
    public static StandardScaler fit(int n, int p, Cells x) {
        if (n < 1) throw new IllegalArgumentException("StandardScaler: no rows to fit on");
        double[] mean = new double[p], scale = new double[p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) mean[j] += x.get(i, j);
        for (int j = 0; j < p; j++) mean[j] /= n;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) {
                double t = x.get(i, j) - mean[j];
                scale[j] += t * t;
            }
        for (int j = 0; j < p; j++) {
            double s = Math.sqrt(scale[j] / n);
            scale[j] = s > 0 && Double.isFinite(s) ? s : 1.0;
        }
        return new StandardScaler(mean, scale);
    }

    /**
     * scikit-learn {@code StandardScaler} statistics of one column, returned as {mean, scale, var}:
     * mean = Σx/n; var as sklearn's {@code _incremental_mean_and_var} computes it,
     * (Σ(x−m)² − (Σ(x−m))²/n)/n; scale = sqrt(var), replaced by 1 when sklearn's
     * {@code _is_constant_feature} holds (var ≤ n·eps·var + (n·mean·eps)²), which includes
     * var = 0. Sums are NumPy's pairwise sums ({@link NumpySum#pairwise(double[], int, int)}), which
     * reproduces scikit-learn 1.2.1's values bit for bit.
     */
    public static double[] sklearnColumn(double[] x) {
        int n = x.length;
        double mean = NumpySum.pairwise(x, 0, n) / n;
        double[] t = new double[n], t2 = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = x[i] - mean;
            t2[i] = t[i] * t[i];
        }
        double corr = NumpySum.pairwise(t, 0, n);
        double var = (NumpySum.pairwise(t2, 0, n) - corr * corr / n) / n;
        double eps = Math.ulp(1.0);
        double bound = n * eps * var + (n * mean * eps) * (n * mean * eps);
        double scale = var <= bound ? 1.0 : Math.sqrt(var);
        return new double[] {mean, scale, var};
    }

    /** The standardised copy of one row. */
    public double[] transform(double[] row) {
        if (row.length != mean.length)
            throw new IllegalArgumentException("StandardScaler: the row has " + row.length + " features, fitted on " + mean.length);
        double[] o = new double[row.length];
        for (int j = 0; j < row.length; j++) o[j] = (row[j] - mean[j]) / scale[j];
        return o;
    }

    /** New standardised rows (the input is not modified). */
    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != mean.length)
                throw new IllegalArgumentException("StandardScaler: row " + i + " has " + x[i].length + " features, fitted on " + mean.length);
            out[i] = transform(x[i]);
        }
        return out;
    }

    /** Number of features. */
    public int features() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }
}
