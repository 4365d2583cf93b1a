package emolab.timeseries.rocket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * MiniRocket (Dempster, Schmidt &amp; Webb 2021, "MiniRocket: A Very Fast (Almost) Deterministic
 * Transform for Time Series Classification"), univariate and multivariate, following the authors'
 * reference code ({@code minirocket.py}, {@code minirocket_multivariate.py}).
 *
 * <p>The 84 fixed kernels have length 9 and weights −1 except +2 at three of the nine positions
 * (all {@code C(9,3)} choices, in lexicographic order). {@link #fit} chooses:
 * <ul>
 * <li><b>dilations</b>: {@code floor(2^e)} for {@code e} evenly spaced in
 *     {@code [0, log2((L−1)/8)]} ({@code min(numFeatures/84, maxDilationsPerKernel)} values,
 *     duplicates merged), and the number of features per dilation (proportional to the
 *     duplicates, the remainder spread round-robin): {@code 84 * (numFeatures / 84)} features,
 *     9,996 for the default 10,000;</li>
 * <li><b>channel combinations</b> (multivariate only, more than one channel): for each
 *     (dilation, kernel) {@code floor(2^U(0, log2(min(C, 9) + 1)))} channels drawn without
 *     replacement; the kernel output is the sum of the per-channel outputs;</li>
 * <li><b>biases</b>: for each (dilation, kernel), the convolution output (zero padded, length L)
 *     of one randomly drawn training series, and the biases are its quantiles at the
 *     low-discrepancy fractions {@code (k·φ) mod 1} (φ the golden ratio, NumPy's linear
 *     interpolation).</li>
 * </ul>
 * A feature is the proportion of positive values (PPV) of {@code output − bias}; kernels alternate
 * between zero-padded output (length L) and unpadded output (the central
 * {@code L − 8·dilation} values), by {@code (dilationIndex + kernelIndex) % 2} as in the
 * reference.
 *
 * <p>The transform uses the reference's accumulation trick: per dilation, {@code C_alpha} = the
 * sum of the nine shifted copies of {@code −X} and {@code C_gamma[g]} = the copy of {@code 3X}
 * shifted for tap {@code g}; each kernel's output is then {@code C_alpha + C_gamma[i] +
 * C_gamma[j] + C_gamma[k]}. Arithmetic is in double (the reference uses float32).
 *
 * <p>Randomness (channel combinations, the series chosen for each bias) comes from one
 * {@link SplittableRandom} seeded with {@link Options#seed()}, drawn in the reference's order:
 * the same seed and data give identical features. The draws are not NumPy's, so features are not
 * bit-identical to the Python reference's.
 *
 * <p><b>Short series</b>: as sktime's MiniRocket, series shorter than the kernel length 9 are
 * zero-padded at the end to length 9 (in fit and transform), so the dilation is 1. <b>Equal
 * lengths</b>: every series must have the length and channel count seen in fit (clear error
 * otherwise). NaN/infinite values are rejected.
 */
public final class MiniRocket implements SeriesTransform, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Kernel length. */
    public static final int KERNEL_LENGTH = 9;
    /** Number of kernels, {@code C(9, 3)}. */
    public static final int NUM_KERNELS = 84;

    /** Options: {@code numFeatures} (default 10,000), {@code maxDilationsPerKernel} (32), {@code seed} (0). */
    public record Options(int numFeatures, int maxDilationsPerKernel, long seed) {
        public Options {
            if (numFeatures < NUM_KERNELS)
                throw new IllegalArgumentException("numFeatures must be >= " + NUM_KERNELS + " (one per kernel), got " + numFeatures);
            if (maxDilationsPerKernel < 1)
                throw new IllegalArgumentException("maxDilationsPerKernel must be >= 1, got " + maxDilationsPerKernel);
        }

        /** The reference defaults: 10,000 features, at most 32 dilations per kernel, seed 0. */
        public static Options defaults() {
            return new Options(10_000, 32, 0L);
        }

        public Options withSeed(long s) { return new Options(numFeatures, maxDilationsPerKernel, s); }
        public Options withNumFeatures(int f) { return new Options(f, maxDilationsPerKernel, seed); }
    }

    /** Tap positions with weight +2 of each kernel: {@code combinations(range(9), 3)}. */
    static final int[][] INDICES = combinations();

    private final int channels;
    private final int length;       // input length seen in fit
    private final int workLength;   // max(length, 9)
    private final int[] dilations;
    private final int[] featuresPerDilation;
    private final double[] biases;
    private final int[][] combinationChannels; // [dilationIndex * 84 + kernel]
    private final int numFeatures;
    private transient ThreadLocal<Work> work; // per-thread buffers, re-created after deserialisation

    private MiniRocket(int channels, int length, int[] dilations, int[] featuresPerDilation, double[] biases,
                       int[][] combinationChannels) {
        this.channels = channels;
        this.length = length;
        this.workLength = Math.max(length, KERNEL_LENGTH);
        this.dilations = dilations;
        this.featuresPerDilation = featuresPerDilation;
        this.biases = biases;
        this.combinationChannels = combinationChannels;
        int perKernel = 0;
        for (int f : featuresPerDilation) perKernel += f;
        this.numFeatures = NUM_KERNELS * perKernel;
        if (biases.length != numFeatures) throw new IllegalStateException("bias count " + biases.length + " != " + numFeatures);
        this.work = ThreadLocal.withInitial(() -> new Work(this.channels, workLength));
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        int per = 0;
        for (int f : featuresPerDilation) per += f;
        if (channels < 1 || length < 1 || dilations.length != featuresPerDilation.length || biases.length != NUM_KERNELS * per
                || combinationChannels.length != NUM_KERNELS * dilations.length || numFeatures != biases.length)
            throw new java.io.InvalidObjectException("inconsistent MiniRocket parameters");
        this.work = ThreadLocal.withInitial(() -> new Work(channels, workLength));
    }

    // ------------------------------------------------------------------ fit

    /** Fits on multivariate series {@code x[series][channel][time]}. */
    public static MiniRocket fit(double[][][] x, Options options) {
        return fit(SeriesSource.of(x), options);
    }

    /** Fits on univariate series {@code x[series][time]}. */
    public static MiniRocket fitUnivariate(double[][] x, Options options) {
        return fit(SeriesSource.univariate(x), options);
    }

    /** Fits dilations, channel combinations and biases on the training series of {@code source}. */
    public static MiniRocket fit(SeriesSource source, Options options) {
        if (options == null) throw new IllegalArgumentException("options is null");
        int[] shape = SeriesChecks.common(source);
        int channels = shape[0], length = shape[1];
        int workLength = Math.max(length, KERNEL_LENGTH);
        int n = source.size();

        int[][] dil = fitDilations(workLength, options.numFeatures(), options.maxDilationsPerKernel());
        int[] dilations = dil[0], perDilation = dil[1];
        int numDilations = dilations.length;
        int perKernel = Arrays.stream(perDilation).sum();
        double[] quantiles = quantiles(NUM_KERNELS * perKernel);
        int numCombinations = NUM_KERNELS * numDilations;

        SplittableRandom rng = new SplittableRandom(options.seed());
        int[][] combos = new int[numCombinations][];
        if (channels == 1) {
            int[] zero = {0};
            Arrays.fill(combos, zero);
        } else {
            int maxChannels = Math.min(channels, KERNEL_LENGTH);
            double maxExponent = log2(maxChannels + 1);
            int[] count = new int[numCombinations];
            for (int c = 0; c < numCombinations; c++)
                count[c] = Math.min(maxChannels, (int) Math.pow(2.0, rng.nextDouble() * maxExponent));
            for (int c = 0; c < numCombinations; c++) combos[c] = choose(rng, channels, count[c]);
        }
        int[] example = new int[numCombinations];
        for (int c = 0; c < numCombinations; c++) example[c] = rng.nextInt(n);

        int[] featureStart = new int[numCombinations + 1];
        for (int di = 0, c = 0; di < numDilations; di++)
            for (int k = 0; k < NUM_KERNELS; k++, c++) featureStart[c + 1] = featureStart[c] + perDilation[di];

        // group the combinations by the series they draw, so each series is read once
        List<List<Integer>> byExample = new ArrayList<>();
        int[] order = new int[n];
        Arrays.fill(order, -1);
        List<Integer> examples = new ArrayList<>();
        for (int c = 0; c < numCombinations; c++) {
            int e = example[c];
            if (order[e] < 0) {
                order[e] = examples.size();
                examples.add(e);
                byExample.add(new ArrayList<>());
            }
            byExample.get(order[e]).add(c);
        }
        double[] biases = new double[featureStart[numCombinations]];
        Runnable task = () -> java.util.stream.IntStream.range(0, examples.size()).parallel().forEach(g -> {
            int e = examples.get(g);
            double[][] x = padded(source.get(e), workLength);
            Work w = new Work(channels, workLength);
            double[] out = new double[workLength];
            int preparedDilation = -1;
            for (int c : byExample.get(g)) {
                int di = c / NUM_KERNELS, k = c % NUM_KERNELS;
                if (di != preparedDilation) {
                    w.prepare(x, dilations[di], combos, di);
                    preparedDilation = di;
                }
                w.kernelOutput(k, combos[c], out);
                double[] sorted = out.clone();
                Arrays.sort(sorted);
                for (int f = featureStart[c]; f < featureStart[c + 1]; f++) biases[f] = quantile(sorted, quantiles[f]);
            }
        });
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            ParallelTransform.run(pool, task);
        } finally {
            pool.shutdown();
        }
        return new MiniRocket(channels, length, dilations, perDilation, biases, combos);
    }

    /**
     * The reference's {@code _fit_dilations}: returns {@code {dilations, featuresPerDilation}} for
     * series of length {@code length} (at least 9).
     */
    static int[][] fitDilations(int length, int numFeatures, int maxDilationsPerKernel) {
        int perKernel = numFeatures / NUM_KERNELS;
        int trueMax = Math.min(perKernel, maxDilationsPerKernel);
        double multiplier = perKernel / (double) trueMax;
        double maxExponent = log2((length - 1) / (double) (KERNEL_LENGTH - 1));
        int[] d = new int[trueMax];
        double step = trueMax > 1 ? maxExponent / (trueMax - 1) : 0.0;
        for (int i = 0; i < trueMax; i++) {
            // numpy.linspace: i * step, the last value exactly the stop; 2**stop is (L-1)/8
            d[i] = i == trueMax - 1 && trueMax > 1 ? (int) ((length - 1) / (double) (KERNEL_LENGTH - 1))
                    : (int) Math.pow(2.0, i * step);
        }
        // numpy.unique with counts (d is non-decreasing)
        int[] uniq = new int[trueMax], counts = new int[trueMax];
        int u = 0;
        for (int i = 0; i < trueMax; i++) {
            if (u > 0 && uniq[u - 1] == d[i]) counts[u - 1]++;
            else {
                uniq[u] = d[i];
                counts[u++] = 1;
            }
        }
        int[] dil = Arrays.copyOf(uniq, u), per = new int[u];
        int sum = 0;
        for (int i = 0; i < u; i++) {
            per[i] = (int) (counts[i] * multiplier);
            sum += per[i];
        }
        int remainder = perKernel - sum;
        for (int i = 0; remainder > 0; i = (i + 1) % u, remainder--) per[i]++;
        return new int[][] {dil, per};
    }

    /** The reference's low-discrepancy quantiles {@code ((k·φ) mod 1)}, k = 1..n, as float32. */
    static double[] quantiles(int n) {
        double phi = (Math.sqrt(5) + 1) / 2;
        double[] q = new double[n];
        for (int k = 1; k <= n; k++) q[k - 1] = (float) ((k * phi) % 1.0);
        return q;
    }

    /** NumPy's default ('linear') quantile of a sorted array, with NumPy 1.24's two-sided lerp. */
    static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        double v = n * q + (1.0 - q) - 1.0;
        double lo = Math.floor(v);
        double t = v - lo;
        int i = (int) Math.max(0, Math.min(n - 1, lo));
        int j = (int) Math.max(0, Math.min(n - 1, lo + 1));
        double a = sorted[i], b = sorted[j], diff = b - a;
        return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2.0);
    }

    /** {@code k} distinct values of {@code [0, n)} in draw order (partial Fisher–Yates). */
    private static int[] choose(SplittableRandom rng, int n, int k) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) pool[i] = i;
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out[i] = pool[i];
        }
        return out;
    }

    private static int[][] combinations() {
        int[][] idx = new int[NUM_KERNELS][];
        int k = 0;
        for (int a = 0; a < 9; a++)
            for (int b = a + 1; b < 9; b++)
                for (int c = b + 1; c < 9; c++) idx[k++] = new int[] {a, b, c};
        return idx;
    }

    /** The series zero-padded at the end to {@code len} (itself if long enough). */
    private static double[][] padded(double[][] x, int len) {
        if (x[0].length >= len) return x;
        double[][] p = new double[x.length][len];
        for (int c = 0; c < x.length; c++) System.arraycopy(x[c], 0, p[c], 0, x[c].length);
        return p;
    }

    // ------------------------------------------------------------------ transform

    @Override public int channels() { return channels; }
    @Override public int length() { return length; }
    @Override public int numFeatures() { return numFeatures; }

    /** The dilations, ascending. */
    public int[] dilations() { return dilations.clone(); }

    /** Number of features of each kernel at each dilation (sums to {@code numFeatures() / 84}). */
    public int[] featuresPerDilation() { return featuresPerDilation.clone(); }

    /** The biases in feature order (dilation, then kernel, then quantile). */
    public double[] biases() { return biases.clone(); }

    /** Channels summed by kernel {@code kernel} at dilation index {@code dilationIndex}. */
    public int[] channelCombination(int dilationIndex, int kernel) {
        return combinationChannels[dilationIndex * NUM_KERNELS + kernel].clone();
    }

    /** Tap positions (0..8) with weight +2 of kernel {@code kernel} (the others are −1). */
    public static int[] kernelIndices(int kernel) {
        return INDICES[kernel].clone();
    }

    /** Whether the kernel at this (dilation index, kernel) uses zero-padded output (else the unpadded centre). */
    public static boolean padded(int dilationIndex, int kernel) {
        return (dilationIndex + kernel) % 2 == 0;
    }

    @Override
    public void features(double[][] series, double[] out, int offset) {
        SeriesChecks.expect(series, -1, channels, length);
        double[][] x = padded(series, workLength);
        Work w = work.get();
        int len = workLength;
        double[] c = w.out;
        int f = 0;
        for (int di = 0; di < dilations.length; di++) {
            int d = dilations[di];
            int pad = (KERNEL_LENGTH - 1) * d / 2;
            int nf = featuresPerDilation[di];
            w.prepare(x, d, combinationChannels, di);
            for (int k = 0; k < NUM_KERNELS; k++) {
                w.kernelOutput(k, combinationChannels[di * NUM_KERNELS + k], c);
                int from, to;
                if (padded(di, k)) {
                    from = 0;
                    to = len;
                } else {
                    from = pad;
                    to = len - pad;
                }
                double count = to - from;
                int j = 0;
                for (; j + 4 <= nf; j += 4, f += 4) { // four biases per pass over the output
                    double b0 = biases[f], b1 = biases[f + 1], b2 = biases[f + 2], b3 = biases[f + 3];
                    int p0 = 0, p1 = 0, p2 = 0, p3 = 0;
                    for (int t = from; t < to; t++) {
                        double v = c[t];
                        p0 += v > b0 ? 1 : 0;
                        p1 += v > b1 ? 1 : 0;
                        p2 += v > b2 ? 1 : 0;
                        p3 += v > b3 ? 1 : 0;
                    }
                    out[offset + f] = p0 / count;
                    out[offset + f + 1] = p1 / count;
                    out[offset + f + 2] = p2 / count;
                    out[offset + f + 3] = p3 / count;
                }
                for (; j < nf; j++, f++) {
                    double b = biases[f];
                    int pos = 0;
                    for (int t = from; t < to; t++) pos += c[t] > b ? 1 : 0;
                    out[offset + f] = pos / count;
                }
            }
        }
    }

    /** Per-thread buffers: {@code C_alpha[channel][t]}, {@code C_gamma[tap][channel][t]}, output. */
    private static final class Work {
        final double[][] alpha;
        final double[][][] gamma;
        final double[] out;
        final boolean[] used;

        Work(int channels, int len) {
            alpha = new double[channels][len];
            gamma = new double[KERNEL_LENGTH][channels][len];
            out = new double[len];
            used = new boolean[channels];
        }

        /** Fills C_alpha and C_gamma of the channels used at dilation index {@code di}. */
        void prepare(double[][] x, int d, int[][] combos, int di) {
            Arrays.fill(used, false);
            for (int k = 0; k < NUM_KERNELS; k++) for (int ch : combos[di * NUM_KERNELS + k]) used[ch] = true;
            int len = out.length;
            for (int ch = 0; ch < alpha.length; ch++) {
                if (!used[ch]) continue;
                double[] xs = x[ch];
                double[] a = alpha[ch];
                for (int t = 0; t < len; t++) a[t] = -xs[t];
                double[] g4 = gamma[4][ch];
                for (int t = 0; t < len; t++) g4[t] = xs[t] + xs[t] + xs[t];
                // taps 0..3 read x[t - s], s = (4 - g) * d
                for (int g = 0; g < 4; g++) {
                    int s = Math.min(len, (4 - g) * d);
                    double[] gg = gamma[g][ch];
                    Arrays.fill(gg, 0, s, 0.0);
                    for (int t = s; t < len; t++) {
                        a[t] += -xs[t - s];
                        gg[t] = g4[t - s];
                    }
                }
                // taps 5..8 read x[t + s], s = (g - 4) * d
                for (int g = 5; g < KERNEL_LENGTH; g++) {
                    int s = Math.min(len, (g - 4) * d);
                    double[] gg = gamma[g][ch];
                    for (int t = 0; t < len - s; t++) {
                        a[t] += -xs[t + s];
                        gg[t] = g4[t + s];
                    }
                    Arrays.fill(gg, len - s, len, 0.0);
                }
            }
        }

        /** Output of kernel {@code k} summed over {@code chans}: C_alpha + three C_gamma rows. */
        void kernelOutput(int k, int[] chans, double[] c) {
            int[] idx = INDICES[k];
            int len = c.length;
            for (int m = 0; m < chans.length; m++) {
                int ch = chans[m];
                double[] a = alpha[ch], g0 = gamma[idx[0]][ch], g1 = gamma[idx[1]][ch], g2 = gamma[idx[2]][ch];
                if (m == 0) for (int t = 0; t < len; t++) c[t] = a[t] + g0[t] + g1[t] + g2[t];
                else for (int t = 0; t < len; t++) c[t] += a[t] + g0[t] + g1[t] + g2[t];
            }
        }
    }
}
