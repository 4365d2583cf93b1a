package emolab.timeseries.rocket;

import java.util.SplittableRandom;

/**
 * ROCKET (Dempster, Petitjean &amp; Webb 2020, "ROCKET: Exceptionally fast and accurate time
 * series classification using random convolutional kernels"): {@code numKernels} random kernels,
 * two features each (PPV, the proportion of positive outputs, and the maximum output), so 20,000
 * features for the default 10,000 kernels, in the order {@code [ppv_0, max_0, ppv_1, max_1, ...]}.
 *
 * <p>Each kernel, as in the authors' code (and sktime's multivariate extension): length drawn
 * from {7, 9, 11}; weights N(0, 1), mean-centred (per channel); bias U(−1, 1); dilation
 * {@code floor(2^U(0, log2((L−1)/(length−1))))}; padding {@code (length−1)·dilation/2} zeros on
 * both sides with probability ½, else none. Multivariate series: each kernel reads
 * {@code floor(2^U(0, log2(min(C, length) + 1)))} channels drawn without replacement, with its own
 * weights per channel, and its output is the sum over those channels. For one channel this is
 * exactly the univariate ROCKET.
 *
 * <p>The kernels depend only on the series shape and the seed ({@link SplittableRandom}; same seed
 * → identical kernels and features; the draws are not NumPy's). Outputs and features are computed in double. Series shorter than 11 (the longest kernel) are zero-padded at the
 * end to length 11; every series must have the fitted shape; NaN/infinite values are rejected.
 */
public final class Rocket implements SeriesTransform {
    /** Candidate kernel lengths. */
    static final int[] LENGTHS = {7, 9, 11};
    /** Series shorter than this are zero-padded to it. */
    public static final int MIN_LENGTH = 11;

    /** Options: {@code numKernels} (default 10,000) and {@code seed} (0). */
    public record Options(int numKernels, long seed) {
        public Options {
            if (numKernels < 1) throw new IllegalArgumentException("numKernels must be >= 1, got " + numKernels);
        }

        public static Options defaults() {
            return new Options(10_000, 0L);
        }

        public Options withSeed(long s) { return new Options(numKernels, s); }

        public Options withNumKernels(int k) { return new Options(k, seed); }
    }

    private final int channels;
    private final int length;
    private final int workLength;
    private final int[] kernelLength;
    private final double[] bias;
    private final int[] dilation;
    private final int[] padding;
    private final int[][] kernelChannels;   // [kernel] -> channels read
    private final double[][][] weights;     // [kernel][channel slot][tap]
    private final ThreadLocal<double[]> buffer;

    private Rocket(int channels, int length, int[] kernelLength, double[] bias, int[] dilation, int[] padding,
                   int[][] kernelChannels, double[][][] weights) {
        this.channels = channels;
        this.length = length;
        this.workLength = Math.max(length, MIN_LENGTH);
        this.kernelLength = kernelLength;
        this.bias = bias;
        this.dilation = dilation;
        this.padding = padding;
        this.kernelChannels = kernelChannels;
        this.weights = weights;
        this.buffer = ThreadLocal.withInitial(() -> new double[workLength]);
    }

    /** Random kernels for series of {@code channels} channels and {@code length} points. */
    public static Rocket generate(int channels, int length, Options options) {
        if (options == null) throw new IllegalArgumentException("options is null");
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        if (length < 1) throw new IllegalArgumentException("length must be >= 1, got " + length);
        int workLength = Math.max(length, MIN_LENGTH);
        int k = options.numKernels();
        SplittableRandom rng = new SplittableRandom(options.seed());
        int[] len = new int[k];
        for (int i = 0; i < k; i++) len[i] = LENGTHS[rng.nextInt(LENGTHS.length)];
        int[] nch = new int[k];
        for (int i = 0; i < k; i++) {
            int limit = Math.min(channels, len[i]);
            nch[i] = Math.min(limit, (int) Math.pow(2.0, rng.nextDouble() * log2(limit + 1)));
        }
        double[] bias = new double[k];
        int[] dil = new int[k], pad = new int[k];
        int[][] chans = new int[k][];
        double[][][] w = new double[k][][];
        for (int i = 0; i < k; i++) {
            w[i] = new double[nch[i]][len[i]];
            for (int c = 0; c < nch[i]; c++) {
                double[] wc = w[i][c];
                double mean = 0;
                for (int j = 0; j < len[i]; j++) {
                    wc[j] = rng.nextGaussian();
                    mean += wc[j];
                }
                mean /= len[i];
                for (int j = 0; j < len[i]; j++) wc[j] -= mean;
            }
            chans[i] = choose(rng, channels, nch[i]);
            bias[i] = -1.0 + 2.0 * rng.nextDouble();
            double maxExponent = log2((workLength - 1) / (double) (len[i] - 1));
            dil[i] = Math.max(1, (int) Math.pow(2.0, rng.nextDouble() * maxExponent));
            pad[i] = rng.nextInt(2) == 1 ? (len[i] - 1) * dil[i] / 2 : 0;
        }
        return new Rocket(channels, length, len, bias, dil, pad, chans, w);
    }

    /** Kernels for the shape of the series in {@code source} (all must share it). */
    public static Rocket fit(SeriesSource source, Options options) {
        int[] shape = SeriesChecks.common(source);
        return generate(shape[0], shape[1], options);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2.0);
    }

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

    @Override public int channels() { return channels; }
    @Override public int length() { return length; }
    @Override public int numFeatures() { return 2 * kernelLength.length; }

    /** Number of kernels. */
    public int numKernels() { return kernelLength.length; }
    public int kernelLength(int kernel) { return kernelLength[kernel]; }
    public double bias(int kernel) { return bias[kernel]; }
    public int dilation(int kernel) { return dilation[kernel]; }
    public int padding(int kernel) { return padding[kernel]; }
    public int[] kernelChannels(int kernel) { return kernelChannels[kernel].clone(); }
    /** Weights of kernel {@code kernel} for its {@code slot}-th channel ({@link #kernelChannels}). */
    public double[] weights(int kernel, int slot) { return weights[kernel][slot].clone(); }

    @Override
    public void features(double[][] series, double[] out, int offset) {
        SeriesChecks.expect(series, -1, channels, length);
        double[][] x = series;
        if (length < workLength) {
            x = new double[channels][workLength];
            for (int c = 0; c < channels; c++) System.arraycopy(series[c], 0, x[c], 0, length);
        }
        int len = workLength;
        double[] buf = buffer.get();
        for (int k = 0; k < kernelLength.length; k++) {
            int m = kernelLength[k], d = dilation[k], p = padding[k];
            int outLen = len + 2 * p - (m - 1) * d;
            double b = bias[k];
            for (int o = 0; o < outLen; o++) buf[o] = b;
            int[] chans = kernelChannels[k];
            for (int s = 0; s < chans.length; s++) {
                double[] xs = x[chans[s]];
                double[] w = weights[k][s];
                for (int j = 0; j < m; j++) {
                    int shift = j * d - p;              // output o reads x[o + shift]
                    int lo = Math.max(0, -shift), hi = Math.min(outLen, len - shift);
                    double wj = w[j];
                    for (int o = lo; o < hi; o++) buf[o] += wj * xs[o + shift];
                }
            }
            int pos = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < outLen; o++) {
                double v = buf[o];
                pos += v > 0 ? 1 : 0;
                if (v > max) max = v;
            }
            out[offset + 2 * k] = pos / (double) outLen;
            out[offset + 2 * k + 1] = max;
        }
    }
}
