package emolab.timeseries;

import emolab.numeric.NumpySum;

/**
 * Per-series z-normalisation {@code z = (x − mean) / std} with the <b>population</b> standard
 * deviation (ddof = 0), computed as NumPy 1.24 does ({@code numpy.sum}: pairwise
 * sums over blocks of 8192 elements).
 *
 * <p>Defined behaviour: a constant series (std exactly 0) becomes all zeros, as tslearn's
 * {@code TimeSeriesScalerMeanVariance} does; NaN or infinite values are rejected with an
 * {@link IllegalArgumentException} naming the index; an empty series stays empty.
 */
public final class ZNormalization {
    private ZNormalization() {}

    /** The z-normalised copy of {@code x}. */
    public static double[] apply(double[] x) {
        Series.requireFinite(x, "series");
        int n = x.length;
        double[] z = new double[n];
        if (n == 0) return z;
        double mean = NumpySum.sum(x, 0, n) / n;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double v = x[i] - mean;
            d[i] = v * v;
        }
        double std = Math.sqrt(NumpySum.sum(d, 0, n) / n);
        if (std == 0) return z;
        for (int i = 0; i < n; i++) z[i] = (x[i] - mean) / std;
        return z;
    }

    /** {@link #apply(double[])} of each series. */
    public static double[][] apply(double[][] xs) {
        double[][] out = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) out[i] = apply(xs[i]);
        return out;
    }

    /** The same in float32, as NumPy computes {@code (y - y.mean()) / y.std()} for a float32 array. */
    public static float[] apply(float[] x) {
        int n = x.length;
        for (int i = 0; i < n; i++)
            if (!Float.isFinite(x[i])) throw new IllegalArgumentException("series has a non-finite value at index " + i);
        float[] z = new float[n];
        if (n == 0) return z;
        float mean = NumpySum.sum(x, 0, n) / n;
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            float v = x[i] - mean;
            d[i] = v * v;
        }
        float std = (float) Math.sqrt(NumpySum.sum(d, 0, n) / n);
        if (std == 0) return z;
        for (int i = 0; i < n; i++) z[i] = (x[i] - mean) / std;
        return z;
    }
}
