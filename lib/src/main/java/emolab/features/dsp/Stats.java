package emolab.features.dsp;

import java.util.Arrays;
import java.util.List;

/**
 * Descriptive statistics computed the way NumPy/SciPy compute them, so results agree with a
 * Python reference to the last few ulps.
 *
 * <ul>
 *   <li>sums use NumPy's pairwise summation ({@link #pairwiseSum}); {@code mean = sum / n};</li>
 *   <li>{@code std} is the population standard deviation, {@code sqrt(sum((x - mean)^2) / n)};</li>
 *   <li>quantiles use linear interpolation ({@code np.quantile(method='linear')}, NumPy &ge; 1.22 lerp);</li>
 *   <li>kurtosis (Fisher, biased) and skewness (biased) follow {@code scipy.stats} with central
 *       moments {@code mean(d*d)}, {@code mean((d*d)*d)}, {@code mean((d*d)*(d*d))};
 *       a constant input (m2 == 0) gives kurtosis -3 and skewness 0.</li>
 * </ul>
 */
public final class Stats {
    private Stats() {}

    /** The 14 statistics of {@link #describe}, in order. */
    public static final List<String> NAMES = List.of(
            "sum", "mean", "std", "min", "max", "q01", "q05", "q25", "q50", "q75", "q95", "q99", "kur", "skew");

    /** Number of statistics produced by {@link #describe}. */
    public static final int COUNT = 14;

    /** The quantile levels of q01..q99. */
    public static final double[] QUANTILES = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};

    private static final int PW_BLOCKSIZE = 128;

    /** NumPy's pairwise summation of {@code a[off .. off+n)} (float64 {@code np.sum} of a contiguous array). */
    public static double pairwiseSum(double[] a, int off, int n) {
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
            return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
        }
    }

    /** {@link #pairwiseSum} of the whole array. */
    public static double pairwiseSum(double[] a) {
        return pairwiseSum(a, 0, a.length);
    }

    /** {@code np.mean}: pairwise sum divided by n. */
    public static double mean(double[] a, int off, int n) {
        return pairwiseSum(a, off, n) / n;
    }

    /**
     * Linear-interpolated quantile of an ascending-sorted array (NumPy's default method):
     * virtual index {@code (n-1)*q}, then {@code a + (b-a)*t} for {@code t < 0.5}, else
     * {@code b - (b-a)*(1-t)}.
     */
    public static double quantileSorted(double[] sorted, int off, int n, double q) {
        if (n <= 0) return Double.NaN;
        double virt = (n - 1) * q;
        double fl = Math.floor(virt);
        int lo = (int) fl;
        if (lo < 0) lo = 0;
        if (lo > n - 1) lo = n - 1;
        int hi = Math.min(lo + 1, n - 1);
        double t = virt - fl;
        double a = sorted[off + lo], b = sorted[off + hi];
        return lerp(a, b, t);
    }

    /** NumPy's {@code _lerp}. */
    public static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /**
     * The 14 statistics of {@code x[off .. off+n)} into {@code out[outOff ..]}. {@code scratch}
     * (may be null or too small; then one is allocated) holds a sorted copy and the deviations;
     * it needs {@code n} doubles. Returns the scratch array used, for reuse.
     */
    public static double[] describe(double[] x, int off, int n, double[] out, int outOff, double[] scratch) {
        if (scratch == null || scratch.length < n) scratch = new double[Math.max(n, 16)];
        if (n == 0) {
            Arrays.fill(out, outOff, outOff + COUNT, Double.NaN);
            out[outOff] = 0.0;
            return scratch;
        }
        double sum = pairwiseSum(x, off, n);
        double mean = sum / n;
        System.arraycopy(x, off, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        out[outOff] = sum;
        out[outOff + 1] = mean;
        out[outOff + 3] = scratch[0];
        out[outOff + 4] = scratch[n - 1];
        for (int k = 0; k < QUANTILES.length; k++) out[outOff + 5 + k] = quantileSorted(scratch, 0, n, QUANTILES[k]);
        moments(x, off, n, mean, scratch, out, outOff);
        return scratch;
    }

    /** Convenience: the 14 statistics of a whole array. */
    public static double[] describe(double[] x) {
        double[] out = new double[COUNT];
        describe(x, 0, x.length, out, 0, null);
        return out;
    }

    /**
     * Fills std (index 2), kurtosis (12) and skewness (13) of {@code out} from the central
     * moments around {@code mean}, using {@code scratch} (n doubles) for the per-element terms.
     */
    static void moments(double[] x, int off, int n, double mean, double[] scratch, double[] out, int outOff) {
        // m2 = mean(d*d)  (np.std and scipy's _moment(a, 2) both compute exactly this)
        for (int i = 0; i < n; i++) {
            double d = x[off + i] - mean;
            scratch[i] = d * d;
        }
        double m2 = pairwiseSum(scratch, 0, n) / n;
        for (int i = 0; i < n; i++) {
            double d = x[off + i] - mean;
            scratch[i] = (d * d) * d;
        }
        double m3 = pairwiseSum(scratch, 0, n) / n;
        for (int i = 0; i < n; i++) {
            double d = x[off + i] - mean;
            double d2 = d * d;
            scratch[i] = d2 * d2;
        }
        double m4 = pairwiseSum(scratch, 0, n) / n;
        out[outOff + 2] = Math.sqrt(m2);
        fillShape(m2, m3, m4, out, outOff);
    }

    /** kurtosis/skewness from central moments, with scipy's conventions for m2 == 0. */
    static void fillShape(double m2, double m3, double m4, double[] out, int outOff) {
        if (m2 == 0.0) {
            out[outOff + 12] = -3.0;
            out[outOff + 13] = 0.0;
        } else {
            out[outOff + 12] = m4 / (m2 * m2) - 3.0;
            out[outOff + 13] = m3 / Math.pow(m2, 1.5);
        }
    }
}
