package emolab.features.dsp;

import java.util.Arrays;

import emolab.numeric.NumpySum;
import java.util.List;

/**
 * Descriptive statistics computed the way NumPy/SciPy compute them, so results agree with a
 * Python reference to the last few ulps.
 *
 * <ul>
 *   <li>sums use NumPy's pairwise summation ({@link NumpySum#pairwise(double[], int, int)}); {@code mean = sum / n};</li>
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
     * Reusable work buffers for {@link #describe(double[], int, int, double[], int, Workspace)}.
     * Not thread-safe: one per thread.
     */
    public static final class Workspace {
        double[] a;
        int[] hist;

        double[] a(int n) { return a = ensure(a, n); }

        int[] hist(int n) {
            if (hist == null || hist.length < n) hist = new int[Math.max(n, 1024)];
            return hist;
        }

        private static double[] ensure(double[] x, int n) {
            return x != null && x.length >= n ? x : new double[Math.max(n, 16)];
        }
    }

    /** Grid used by the sort-free order statistics: values that are integer multiples of 2^-16. */
    static final double GRID = 65536.0;
    /** Bound of the sort-free path's keys: |x| &lt; 2.0 (int16 audio, its differences, 0/1 series). */
    static final int MAX_HIST = (1 << 17) + 1;

    /**
     * The 14 statistics of {@code x[off .. off+n)} into {@code out[outOff ..]}, using the
     * workspace's buffers. Sums and moments exactly as NumPy/SciPy; order statistics from a sorted
     * copy, or — when every value is an integer multiple of 2^-16 within a bounded range, as for
     * 16-bit audio, its differences and 0/1 series — from a counting histogram, which gives the
     * identical sorted values without sorting.
     */
    public static void describe(double[] x, int off, int n, double[] out, int outOff, Workspace ws) {
        if (n == 0) {
            Arrays.fill(out, outOff, outOff + COUNT, Double.NaN);
            out[outOff] = 0.0;
            return;
        }
        double sum = NumpySum.pairwise(x, off, n);
        double mean = sum / n;
        out[outOff] = sum;
        out[outOff + 1] = mean;
        if (!orderStatsFromGrid(x, off, n, out, outOff, ws)) orderStatsBySelection(x, off, n, out, outOff, ws);
        moments(x, off, n, mean, ws, out, outOff);
    }

    /**
     * {@link #describe} for a series known to hold only the values 0.0 and 1.0 (e.g. zero
     * crossings; not checked): the order statistics follow from the count of ones, so no sort or
     * histogram is needed. Results are identical to {@link #describe}.
     */
    public static void describeZeroOne(double[] x, int off, int n, double[] out, int outOff, Workspace ws) {
        if (n == 0) {
            describe(x, off, n, out, outOff, ws);
            return;
        }
        double sum = NumpySum.pairwise(x, off, n);
        double mean = sum / n;
        long ones = (long) sum;
        long zeros = n - ones;
        out[outOff] = sum;
        out[outOff + 1] = mean;
        out[outOff + 3] = zeros > 0 ? 0.0 : 1.0;
        out[outOff + 4] = ones > 0 ? 1.0 : 0.0;
        for (int q = 0; q < QUANTILES.length; q++) {
            double virt = (n - 1) * QUANTILES[q];
            double fl = Math.floor(virt);
            int lo = Math.min(Math.max((int) fl, 0), n - 1);
            int hi = Math.min(lo + 1, n - 1);
            out[outOff + 5 + q] = lerp(lo < zeros ? 0.0 : 1.0, hi < zeros ? 0.0 : 1.0, virt - fl);
        }
        moments(x, off, n, mean, ws, out, outOff);
    }

    /** Convenience: the 14 statistics of a whole array. */
    public static double[] describe(double[] x) {
        double[] out = new double[COUNT];
        describe(x, 0, x.length, out, 0, new Workspace());
        return out;
    }

    /**
     * min, max and the quantiles into {@code out[outOff + 3 ..]} from a copy of {@code x[off .. off+n)}
     * partially ordered by a multi-target quickselect: only the sorted positions the statistics read
     * (0, n−1 and each quantile's two neighbours) are put in place, which gives exactly the values a
     * full sort gives there. Data with NaN or −0.0 (whose order {@link Arrays#sort} defines by
     * {@link Double#compare}, not by {@code <}) are sorted instead.
     */
    static void orderStatsBySelection(double[] x, int off, int n, double[] out, int outOff, Workspace ws) {
        double[] a = ws.a(n);
        boolean special = false;
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            a[i] = v;
            special |= v != v || Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
        }
        int nq = QUANTILES.length;
        int[] pos = new int[2 * nq + 2];
        double[] gamma = new double[nq];
        pos[0] = 0;
        pos[1] = n - 1;
        for (int q = 0; q < nq; q++) {
            double virt = (n - 1) * QUANTILES[q];
            double fl = Math.floor(virt);
            int lo = Math.min(Math.max((int) fl, 0), n - 1);
            pos[2 + 2 * q] = lo;
            pos[3 + 2 * q] = Math.min(lo + 1, n - 1);
            gamma[q] = virt - fl;
        }
        if (special) {
            Arrays.sort(a, 0, n);
        } else {
            int[] want = pos.clone();
            Arrays.sort(want);
            select(a, 0, n, want, 0, want.length, 0);
        }
        out[outOff + 3] = a[pos[0]];
        out[outOff + 4] = a[pos[1]];
        for (int q = 0; q < nq; q++) out[outOff + 5 + q] = lerp(a[pos[2 + 2 * q]], a[pos[3 + 2 * q]], gamma[q]);
    }

    /** Below this many values a range is finished by insertion sort. */
    private static final int SELECT_SMALL = 24;
    /** Partitions after which {@link #select} sorts what is left (a guard against quadratic time). */
    static final int SELECT_MAX_DEPTH = 64;

    /**
     * Rearranges {@code a[lo .. hi)} (no NaN, no −0.0) so that every position in
     * {@code want[wlo .. whi)} (ascending, within the range) holds the value a sorted array holds
     * there: quickselect towards several targets at once, median-of-three pivots, three-way
     * partitions (runs of equal values, e.g. chroma's many 1.0, are settled at once); a range still
     * unsettled after {@value #SELECT_MAX_DEPTH} partitions (adversarial data) is sorted.
     */
    static void select(double[] a, int lo, int hi, int[] want, int wlo, int whi, int depth) {
        while (wlo < whi) {
            if (++depth > SELECT_MAX_DEPTH) {
                Arrays.sort(a, lo, hi);
                return;
            }
            if (hi - lo <= SELECT_SMALL) {
                for (int i = lo + 1; i < hi; i++) {
                    double v = a[i];
                    int j = i - 1;
                    while (j >= lo && a[j] > v) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = v;
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            double p0 = a[lo], p1 = a[mid], p2 = a[hi - 1];
            double pivot = p0 < p1 ? (p1 < p2 ? p1 : (p0 < p2 ? p2 : p0)) : (p0 < p2 ? p0 : (p1 < p2 ? p2 : p1));
            // three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi) > pivot
            int lt = lo, i = lo, gt = hi - 1;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            // targets left of lt, inside [lt, gt] (done), right of gt
            int w1 = wlo;
            while (w1 < whi && want[w1] < lt) w1++;
            int w2 = w1;
            while (w2 < whi && want[w2] <= gt) w2++;
            // recurse into the smaller side, loop on the other
            if (w1 - wlo < whi - w2) {
                if (w1 > wlo) select(a, lo, lt, want, wlo, w1, depth);
                lo = gt + 1;
                wlo = w2;
            } else {
                if (whi > w2) select(a, gt + 1, hi, want, w2, whi, depth);
                hi = lt;
                whi = w1;
            }
        }
    }

    private static boolean orderStatsFromGrid(double[] x, int off, int n, double[] out, int outOff, Workspace ws) {
        // one pass: four interleaved histograms (hides the store-to-load latency of runs of equal
        // values) at a fixed offset, for values on the 2^-16 grid with |k| < MAX_HIST
        int size = 2 * MAX_HIST + 1;
        int[] hist = ws.hist(4 * size);
        int kmin = Integer.MAX_VALUE, kmax = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            double s = x[off + i] * GRID;
            int k = (int) s;
            if (k != s || k <= -MAX_HIST || k >= MAX_HIST) {
                if (kmin <= kmax)
                    for (int h = 0; h < 4; h++) Arrays.fill(hist, h * size + kmin + MAX_HIST, h * size + kmax + MAX_HIST + 1, 0);
                return false;
            }
            hist[(i & 3) * size + k + MAX_HIST]++;
            if (k < kmin) kmin = k;
            if (k > kmax) kmax = k;
        }
        int base = kmin + MAX_HIST;
        int range = kmax - kmin + 1;
        for (int b = base; b < base + range; b++) {
            hist[b] += hist[size + b] + hist[2 * size + b] + hist[3 * size + b];
            hist[size + b] = 0;
            hist[2 * size + b] = 0;
            hist[3 * size + b] = 0;
        }
        // wanted sorted positions (ascending): lo/hi neighbours of each quantile's virtual index
        int nq = QUANTILES.length;
        int[] pos = new int[2 * nq];
        double[] gamma = new double[nq];
        for (int q = 0; q < nq; q++) {
            double virt = (n - 1) * QUANTILES[q];
            double fl = Math.floor(virt);
            int lo = Math.min(Math.max((int) fl, 0), n - 1);
            pos[2 * q] = lo;
            pos[2 * q + 1] = Math.min(lo + 1, n - 1);
            gamma[q] = virt - fl;
        }
        // visit the wanted positions in ascending order (for tiny n, hi of one quantile can
        // exceed lo of the next)
        int m = pos.length;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            int j = i;
            while (j > 0 && pos[order[j - 1]] > pos[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        double[] val = new double[m];
        int p = 0;
        long cum = 0;
        for (int b = 0; b < range && p < m; b++) {
            int c = hist[base + b];
            if (c == 0) continue;
            cum += c;
            while (p < m && pos[order[p]] < cum) val[order[p++]] = (b + kmin) / GRID;
        }
        Arrays.fill(hist, base, base + range, 0);
        out[outOff + 3] = kmin / GRID;
        out[outOff + 4] = kmax / GRID;
        for (int q = 0; q < nq; q++) out[outOff + 5 + q] = lerp(val[2 * q], val[2 * q + 1], gamma[q]);
        return true;
    }

    /**
     * Fills std (index 2), kurtosis (12) and skewness (13) of {@code out} from the central
     * moments around {@code mean}: {@code m2 = mean(d*d)}, {@code m3 = mean((d*d)*d)},
     * {@code m4 = mean((d*d)*(d*d))}, each a NumPy pairwise mean, as np.std and scipy's
     * {@code _moment} compute them.
     */
    static void moments(double[] x, int off, int n, double mean, Workspace ws, double[] out, int outOff) {
        double m2 = NumpySum.pairwiseCentralPower(x, off, n, mean, 2) / n;
        double m3 = NumpySum.pairwiseCentralPower(x, off, n, mean, 3) / n;
        double m4 = NumpySum.pairwiseCentralPower(x, off, n, mean, 4) / n;
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
