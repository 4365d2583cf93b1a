package emolab.imbalance;

/**
 * Per-feature standardisation (x − mean) / std with the population std, and scale 1 for a
 * constant feature (scikit-learn {@code StandardScaler}). Fitted on training rows only.
 */
public final class StandardScaler {
    private final double[] mean, scale;

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits on the rows of X (at least one row). */
    public static StandardScaler fit(double[][] X) {
        if (X.length == 0) throw new IllegalArgumentException("StandardScaler: no rows to fit on");
        int d = X[0].length, n = X.length;
        double[] mean = new double[d], scale = new double[d];
        for (double[] r : X) for (int j = 0; j < d; j++) mean[j] += r[j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        for (double[] r : X) for (int j = 0; j < d; j++) scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(scale[j] / n);
            scale[j] = s > 0 ? s : 1.0;
        }
        return new StandardScaler(mean, scale);
    }

    /** New standardised rows (the input is not modified). */
    public double[][] transform(double[][] X) {
        double[][] out = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            double[] r = X[i];
            if (r.length != mean.length)
                throw new IllegalArgumentException("StandardScaler: row " + i + " has " + r.length + " features, fitted on " + mean.length);
            double[] o = new double[r.length];
            for (int j = 0; j < r.length; j++) o[j] = (r[j] - mean[j]) / scale[j];
            out[i] = o;
        }
        return out;
    }

    public double[] mean() { return mean.clone(); }

    public double[] scale() { return scale.clone(); }
}
