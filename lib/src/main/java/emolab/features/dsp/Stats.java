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
     * The sorted positions the quantiles of {@code n} values read — {@code pos[off + 2q]} and
     * {@code pos[off + 2q + 1]}, the neighbours of the virtual index {@code (n-1)*q} — and their
     * interpolation weights {@code gamma[q]}.
     */
    static void quantilePositions(int n, int[] pos, int off, double[] gamma) {
        for (int q = 0; q < QUANTILES.length; q++) {
            double virt = (n - 1) * QUANTILES[q];
            double fl = Math.floor(virt);
            int lo = Math.min(Math.max((int) fl, 0), n - 1);
            pos[off + 2 * q] = lo;
            pos[off + 2 * q + 1] = Math.min(lo + 1, n - 1);
            gamma[q] = virt - fl;
        }
    }

    /**
     * Indices of {@code pos} in ascending order of position (positions ascend within a quantile and
     * across quantiles except, for tiny n, a hi above the next lo).
     */
    static int[] ascendingOrder(int[] pos) {
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
        return order;
    }

    /**
     * Reusable work buffers for {@link #describe(double[], int, int, double[], int, Workspace)}.
     * Not thread-safe: one per thread.
     */
    public static final class Workspace {
        double[] a;
        int[] hist;
        final double[] sums = new double[3];
        GridCounts part, whole;

        /** Two grid-count buffers of this workspace (made on first use). */
        public GridCounts gridPart() { return part == null ? part = new GridCounts() : part; }
        public GridCounts gridWhole() { return whole == null ? whole = new GridCounts() : whole; }

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
        zeroOneOrderStats(n, (long) sum, sum, mean, out, outOff);
        moments(x, off, n, mean, ws, out, outOff);
    }

    /**
     * The 14 statistics of a 0/1 series of length {@code n} holding {@code ones} ones, from the two
     * counts alone (no series needed). sum, mean, min, max and the quantiles are those of
     * {@link #describeZeroOne} exactly (the pairwise sum of 0/1 values is exact). The central sums
     * are {@code zeros * t(0 - mean) + ones * t(1 - mean)} for the terms t = d², d²·d, d²·d² that
     * NumPy/SciPy sum pairwise: the same terms, summed in another order. A pairwise sum of n terms
     * is within about log2(n)·2^-53 · Σ|terms| of the exact sum and this one within 2·2^-53 ·
     * Σ|terms|, so std and kurtosis (positive sums) agree to about 1e-14 relative and skewness to
     * about 1e-14 · E|z|³ absolute ({@code StatsTest} checks 1e-13 against the pairwise path;
     * {@code CourseConformanceTest} the course's own values).
     */
    public static void describeZeroOneCounts(int n, long ones, double[] out, int outOff) {
        if (n == 0) {
            describe(new double[0], 0, 0, out, outOff, null);
            return;
        }
        if (ones < 0 || ones > n) throw new IllegalArgumentException("ones = " + ones + " outside 0.." + n);
        double sum = ones;
        double mean = sum / n;
        long zeros = n - ones;
        zeroOneOrderStats(n, ones, sum, mean, out, outOff);
        double d0 = 0.0 - mean, d1 = 1.0 - mean;
        double q0 = d0 * d0, q1 = d1 * d1;
        double m2 = (zeros * q0 + ones * q1) / n;
        double m3 = (zeros * (q0 * d0) + ones * (q1 * d1)) / n;
        double m4 = (zeros * (q0 * q0) + ones * (q1 * q1)) / n;
        out[outOff + 2] = Math.sqrt(m2);
        fillShape(m2, m3, m4, out, outOff);
    }

    /**
     * Counts of values on the 2^-16 grid (|k| &lt; {@value #MAX_HIST}, as in the sort-free order
     * statistics of {@link #describe}) and their exact integer sum, from which
     * {@link #describe(double[], int)} gives the 14 statistics. Counts of consecutive parts of a
     * series add up ({@link #addAll}) to the counts of the whole series, so a series and its parts
     * need one pass over the samples. Not thread-safe: one per thread.
     *
     * <p>What equals {@link Stats#describe} bit for bit: sum and mean (a sum of grid values is exact
     * in any order, NumPy's pairwise one included, for fewer than 2^35 values), min, max and the
     * quantiles (the same sorted values). std, kurtosis and skewness come from the same rounded
     * deviations {@code d = v - mean} as NumPy's, weighted by their counts ({@code c * d²},
     * {@code c * (d²·d)}, {@code c * (d²·d²)}) and summed pairwise over the distinct values instead
     * of over the samples: both sums are within about log2(n)·2^-53·Σ|terms| of the exact sum of those
     * terms, so std and kurtosis agree to about 1e-14 relative and skewness to about 1e-14 · E|z|³
     * absolute ({@code StatsTest}: within 1e-13 on real recordings and their differences; the
     * course conformance tolerance is 1e-9 relative / 1e-12 absolute).
     */
    public static final class GridCounts {
        private static final int SIZE = 2 * MAX_HIST + 1;
        private final int[] counts = new int[SIZE]; // index k + MAX_HIST; zero outside [kmin, kmax]
        private int[] quad;                        // four interleaved counts while adding samples
        private int kmin = Integer.MAX_VALUE, kmax = Integer.MIN_VALUE;
        private long n, sumK;
        private double[] t2, t3, t4;

        /** Number of values counted. */
        public long count() { return n; }

        /** Forgets every value. */
        public void clear() {
            if (kmin <= kmax) Arrays.fill(counts, kmin + MAX_HIST, kmax + MAX_HIST + 1, 0);
            kmin = Integer.MAX_VALUE;
            kmax = Integer.MIN_VALUE;
            n = 0;
            sumK = 0;
        }

        /**
         * Clears, then counts {@code x[from .. to)} (or, with {@code differences}, the first
         * differences {@code x[i+1] - x[i]} for {@code from <= i < to - 1}). Returns false, and
         * counts nothing, if a value is off the grid or out of range.
         */
        public boolean set(double[] x, int from, int to, boolean differences) {
            clear();
            int end = differences ? to - 1 : to;
            if (end <= from) return true;
            if (quad == null) quad = new int[4 * SIZE];
            int[] h = quad;
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            long sk = 0;
            boolean ok = true;
            for (int i = from; i < end; i++) {
                double v = differences ? x[i + 1] - x[i] : x[i];
                double sc = v * GRID;
                int k = (int) sc;
                if (k != sc || k <= -MAX_HIST || k >= MAX_HIST) {
                    ok = false;
                    break;
                }
                h[(i & 3) * SIZE + k + MAX_HIST]++;
                sk += k;
                if (k < lo) lo = k;
                if (k > hi) hi = k;
            }
            if (lo > hi) return ok; // nothing counted (first value off the grid)
            int b0 = lo + MAX_HIST, b1 = hi + MAX_HIST;
            if (ok) {
                for (int b = b0; b <= b1; b++) counts[b] = h[b] + h[SIZE + b] + h[2 * SIZE + b] + h[3 * SIZE + b];
                kmin = lo;
                kmax = hi;
                n = end - from;
                sumK = sk;
            }
            for (int q = 0; q < 4; q++) Arrays.fill(h, q * SIZE + b0, q * SIZE + b1 + 1, 0);
            return ok;
        }

        /** Adds the counts of {@code other}. */
        public void addAll(GridCounts other) {
            if (other.n == 0) return;
            for (int b = other.kmin + MAX_HIST; b <= other.kmax + MAX_HIST; b++) counts[b] += other.counts[b];
            kmin = Math.min(kmin, other.kmin);
            kmax = Math.max(kmax, other.kmax);
            n += other.n;
            sumK += other.sumK;
        }

        /** Counts one value; false (nothing counted) if it is off the grid or out of range. */
        public boolean add(double v) {
            double sc = v * GRID;
            int k = (int) sc;
            if (k != sc || k <= -MAX_HIST || k >= MAX_HIST) return false;
            counts[k + MAX_HIST]++;
            kmin = Math.min(kmin, k);
            kmax = Math.max(kmax, k);
            n++;
            sumK += k;
            return true;
        }

        /** The 14 statistics of the counted values into {@code out[outOff ..]} (see the class comment). */
        public void describe(double[] out, int outOff) {
            if (n == 0) {
                Arrays.fill(out, outOff, outOff + COUNT, Double.NaN);
                out[outOff] = 0.0;
                return;
            }
            double sum = sumK / GRID;
            double mean = sum / n;
            out[outOff] = sum;
            out[outOff + 1] = mean;
            out[outOff + 3] = kmin / GRID;
            out[outOff + 4] = kmax / GRID;
            int nq = QUANTILES.length;
            int[] pos = new int[2 * nq];
            double[] gamma = new double[nq];
            quantilePositions((int) n, pos, 0, gamma);
            int m = pos.length;
            int[] order = ascendingOrder(pos);
            double[] val = new double[m];
            int range = kmax - kmin + 1;
            if (t2 == null || t2.length < range) {
                int len = Math.max(range, 4096);
                t2 = new double[len];
                t3 = new double[len];
                t4 = new double[len];
            }
            int p = 0, j = 0;
            long cum = 0;
            int base = kmin + MAX_HIST;
            for (int b = 0; b < range; b++) {
                int c = counts[base + b];
                if (c == 0) continue;
                double v = (b + kmin) / GRID;
                cum += c;
                while (p < m && pos[order[p]] < cum) val[order[p++]] = v;
                double d = v - mean, q = d * d;
                t2[j] = c * q;
                t3[j] = c * (q * d);
                t4[j] = c * (q * q);
                j++;
            }
            for (int q = 0; q < nq; q++) out[outOff + 5 + q] = lerp(val[2 * q], val[2 * q + 1], gamma[q]);
            double m2 = NumpySum.pairwise(t2, 0, j) / n;
            double m3 = NumpySum.pairwise(t3, 0, j) / n;
            double m4 = NumpySum.pairwise(t4, 0, j) / n;
            out[outOff + 2] = Math.sqrt(m2);
            fillShape(m2, m3, m4, out, outOff);
        }
    }

    /** sum, mean, min, max and quantiles of n values of which {@code ones} are 1 and the rest 0. */
    private static void zeroOneOrderStats(int n, long ones, double sum, double mean, double[] out, int outOff) {
        long zeros = n - ones;
        out[outOff] = sum;
        out[outOff + 1] = mean;
        out[outOff + 3] = zeros > 0 ? 0.0 : 1.0;
        out[outOff + 4] = ones > 0 ? 1.0 : 0.0;
        int[] pos = new int[2 * QUANTILES.length];
        double[] gamma = new double[QUANTILES.length];
        quantilePositions(n, pos, 0, gamma);
        for (int q = 0; q < QUANTILES.length; q++)
            out[outOff + 5 + q] = lerp(pos[2 * q] < zeros ? 0.0 : 1.0, pos[2 * q + 1] < zeros ? 0.0 : 1.0, gamma[q]);
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
        quantilePositions(n, pos, 2, gamma);
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
        quantilePositions(n, pos, 0, gamma);
        int m = pos.length;
        int[] order = ascendingOrder(pos);
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
        double[] s = ws.sums;
        centralSums(x, off, n, mean, s);
        double m2 = s[0] / n;
        double m3 = s[1] / n;
        double m4 = s[2] / n;
        out[outOff + 2] = Math.sqrt(m2);
        fillShape(m2, m3, m4, out, outOff);
    }

    /** Adds the terms of {@code a[from .. to)} to the three sums one after the other. */
    private static void addSequentially(double[] a, int from, int to, double mean, double[] out) {
        double s2 = out[0], s3 = out[1], s4 = out[2];
        for (int i = from; i < to; i++) {
            double e = a[i] - mean, q = e * e;
            s2 += q;
            s3 += q * e;
            s4 += q * q;
        }
        out[0] = s2;
        out[1] = s3;
        out[2] = s4;
    }

    /**
     * The three sums of {@link NumpySum#pairwiseCentralPower} for p = 2, 3, 4 in one pass over the
     * data: the same pairwise blocking and the same operations per term and per accumulator, hence
     * bit-for-bit the same three results (StatsTest), with one load and one subtraction per value
     * instead of three.
     */
    static void centralSums(double[] a, int off, int n, double mean, double[] out) {
        if (n < 8) {
            out[0] = 0.;
            out[1] = 0.;
            out[2] = 0.;
            addSequentially(a, off, off + n, mean, out);
        } else if (n <= 128) {
            double d0 = a[off] - mean, d1 = a[off + 1] - mean, d2 = a[off + 2] - mean, d3 = a[off + 3] - mean;
            double d4 = a[off + 4] - mean, d5 = a[off + 5] - mean, d6 = a[off + 6] - mean, d7 = a[off + 7] - mean;
            double q0 = d0 * d0, q1 = d1 * d1, q2 = d2 * d2, q3 = d3 * d3, q4 = d4 * d4, q5 = d5 * d5, q6 = d6 * d6, q7 = d7 * d7;
            double r0 = q0, r1 = q1, r2 = q2, r3 = q3, r4 = q4, r5 = q5, r6 = q6, r7 = q7;
            double c0 = q0 * d0, c1 = q1 * d1, c2 = q2 * d2, c3 = q3 * d3, c4 = q4 * d4, c5 = q5 * d5, c6 = q6 * d6, c7 = q7 * d7;
            double f0 = q0 * q0, f1 = q1 * q1, f2 = q2 * q2, f3 = q3 * q3, f4 = q4 * q4, f5 = q5 * q5, f6 = q6 * q6, f7 = q7 * q7;
            int i;
            int lim = n - (n % 8);
            for (i = 8; i < lim; i += 8) {
                int k = off + i;
                double e, q;
                e = a[k] - mean; q = e * e; r0 += q; c0 += q * e; f0 += q * q;
                e = a[k + 1] - mean; q = e * e; r1 += q; c1 += q * e; f1 += q * q;
                e = a[k + 2] - mean; q = e * e; r2 += q; c2 += q * e; f2 += q * q;
                e = a[k + 3] - mean; q = e * e; r3 += q; c3 += q * e; f3 += q * q;
                e = a[k + 4] - mean; q = e * e; r4 += q; c4 += q * e; f4 += q * q;
                e = a[k + 5] - mean; q = e * e; r5 += q; c5 += q * e; f5 += q * q;
                e = a[k + 6] - mean; q = e * e; r6 += q; c6 += q * e; f6 += q * q;
                e = a[k + 7] - mean; q = e * e; r7 += q; c7 += q * e; f7 += q * q;
            }
            out[0] = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            out[1] = ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7));
            out[2] = ((f0 + f1) + (f2 + f3)) + ((f4 + f5) + (f6 + f7));
            addSequentially(a, off + i, off + n, mean, out);
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            centralSums(a, off, n2, mean, out);
            double s2 = out[0], s3 = out[1], s4 = out[2];
            centralSums(a, off + n2, n - n2, mean, out);
            out[0] = s2 + out[0];
            out[1] = s3 + out[1];
            out[2] = s4 + out[2];
        }
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
