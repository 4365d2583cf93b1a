package emolab.timeseries;

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

    /** NumPy's pairwise summation with float32 accumulators. */
    static float pairwiseSum(float[] a, int off, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) res += a[off + i];
            return res;
        } else if (n <= 128) {
            float r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            float r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            int lim = n - (n % 8);
            for (i = 8; i < lim; i += 8) {
                int k = off + i;
                r0 += a[k]; r1 += a[k + 1]; r2 += a[k + 2]; r3 += a[k + 3];
                r4 += a[k + 4]; r5 += a[k + 5]; r6 += a[k + 6]; r7 += a[k + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[off + i];
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
        }
    }
}
