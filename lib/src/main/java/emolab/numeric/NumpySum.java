package emolab.numeric;

/**
 * Sums exactly as NumPy computes them (the one copy; every numpy-exact sum in EmoLab calls this).
 *
 * <ul>
 *   <li>{@link #pairwise}: NumPy's {@code pairwise_sum_DOUBLE} / {@code pairwise_sum_FLOAT} — below
 *       8 items a plain loop, up to 128 items eight interleaved accumulators, above that a split at
 *       a multiple of 8 near the middle. This is {@code np.sum} of one contiguous run (float64 or,
 *       with float32 accumulators, float32).</li>
 *   <li>{@link #sum}: {@code np.sum} of a 1-D array when the reduction is buffered (NumPy 1.24's
 *       ufunc buffer of {@value #BUFFER} elements): each block summed pairwise, the block sums
 *       accumulated left to right from 0. Equal to {@link #pairwise} up to {@value #BUFFER} items.</li>
 * </ul>
 */
public final class NumpySum {
    /** NumPy's ufunc buffer size (elements). */
    public static final int BUFFER = 8192;

    private static final int PW_BLOCKSIZE = 128;

    private NumpySum() {}

    /** NumPy's pairwise summation of {@code a[off .. off+n)} (float64 accumulators). */
    public static double pairwise(double[] a, int off, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) res += a[off + i];
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            double r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            double r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            int lim = n - (n % 8);
            for (i = 8; i < lim; i += 8) {
                int k = off + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[off + i];
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
        }
    }

    /** {@link #pairwise(double[], int, int)} of the whole array. */
    public static double pairwise(double[] a) {
        return pairwise(a, 0, a.length);
    }

    /** NumPy's pairwise summation with float32 accumulators. */
    public static float pairwise(float[] a, int off, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) res += a[off + i];
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            float r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            float r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            int lim = n - (n % 8);
            for (i = 8; i < lim; i += 8) {
                int k = off + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[off + i];
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
        }
    }

    /** {@code np.mean} of one contiguous run: {@link #pairwise} divided by n. */
    public static double pairwiseMean(double[] a, int off, int n) {
        return pairwise(a, off, n) / n;
    }

    /** Buffered {@code np.sum}: blocks of {@value #BUFFER} summed pairwise, block sums left to right. */
    public static double sum(double[] a, int off, int n) {
        double acc = 0;
        for (int s = 0; s < n; s += BUFFER) acc += pairwise(a, off + s, Math.min(BUFFER, n - s));
        return acc;
    }

    /** Buffered {@code np.sum} of float32 values with float32 accumulators. */
    public static float sum(float[] a, int off, int n) {
        float acc = 0f;
        for (int s = 0; s < n; s += BUFFER) acc += pairwise(a, off + s, Math.min(BUFFER, n - s));
        return acc;
    }

    /** Buffered {@code np.mean}: {@link #sum} divided by n. */
    public static double mean(double[] a, int off, int n) {
        return sum(a, off, n) / n;
    }

    /**
     * {@link #pairwise(double[], int, int)} of the terms {@code d*d}, {@code (d*d)*d} or {@code (d*d)*(d*d)} with
     * {@code d = x[i] - mean}, computed on the fly (same blocking, hence the same result, as
     * materialising the terms and calling {@link #pairwise(double[], int, int)}).
     */
    public static double pairwiseCentralPower(double[] a, int off, int n, double mean, int p) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) res += term(a[off + i] - mean, p);
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            double r0 = term(a[off] - mean, p), r1 = term(a[off + 1] - mean, p);
            double r2 = term(a[off + 2] - mean, p), r3 = term(a[off + 3] - mean, p);
            double r4 = term(a[off + 4] - mean, p), r5 = term(a[off + 5] - mean, p);
            double r6 = term(a[off + 6] - mean, p), r7 = term(a[off + 7] - mean, p);
            int i;
            int lim = n - (n % 8);
            for (i = 8; i < lim; i += 8) {
                int k = off + i;
                r0 += term(a[k] - mean, p);
                r1 += term(a[k + 1] - mean, p);
                r2 += term(a[k + 2] - mean, p);
                r3 += term(a[k + 3] - mean, p);
                r4 += term(a[k + 4] - mean, p);
                r5 += term(a[k + 5] - mean, p);
                r6 += term(a[k + 6] - mean, p);
                r7 += term(a[k + 7] - mean, p);
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += term(a[off + i] - mean, p);
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseCentralPower(a, off, n2, mean, p) + pairwiseCentralPower(a, off + n2, n - n2, mean, p);
        }
    }

    private static double term(double d, int p) {
        double d2 = d * d;
        return p == 2 ? d2 : p == 3 ? d2 * d : d2 * d2;
    }
}
