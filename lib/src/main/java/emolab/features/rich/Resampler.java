package emolab.features.rich;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc, evaluated as a polyphase filter.
 *
 * <p>The ratio {@code out/in} is reduced to {@code L/M}; each output sample {@code n} sits at input
 * time {@code n*M/L}, whose fractional part takes one of {@code L} values, so the {@code L} filter
 * phases are tabulated once (for {@code L <= 4096}; larger, i.e. nearly irrational, ratios
 * evaluate the kernel on the fly). This covers integer ratios such as 48k→16k (L/M = 1/3) and
 * arbitrary ones such as 44.1k→16k (160/441) with the same code.
 *
 * <p>Design: low-pass cut-off {@code fc = 0.475 * min(in, out)} (95% of the lower Nyquist),
 * {@value #ZERO_CROSSINGS} sinc zero-crossings per side, Kaiser β = {@value #BETA} (≈ 95 dB
 * side-lobe rejection). The transition band is ≈ ±300 Hz around 7.6 kHz for a 16 kHz output, so
 * the passband is flat (&lt; 0.01 dB ripple) to ≈ 7.2 kHz and content above the new Nyquist is
 * attenuated by more than 80 dB. DC gain is 1. The signal is taken as zero outside its ends.
 */
public final class Resampler {
    /** Sinc zero-crossings on each side of the kernel centre (at the cut-off rate). */
    public static final int ZERO_CROSSINGS = 64;
    /** Kaiser window shape parameter. */
    public static final double BETA = 9.5;
    /** Cut-off as a fraction of the lower of the two Nyquist frequencies. */
    public static final double ROLLOFF = 0.95;

    private static final int MAX_TABLE_PHASES = 4096;

    private final int inRate;
    private final int outRate;
    private final int up;     // L
    private final int down;   // M
    private final double cutoff; // fc / inRate (cycles per input sample)
    private final int halfTaps;  // kernel half-length in input samples
    private final double[][] table; // [phase][tap], or null when computed on the fly

    /**
     * Creates a converter from {@code inRate} to {@code outRate} samples per second.
     *
     * @throws IllegalArgumentException if a rate is not positive
     */
    public Resampler(int inRate, int outRate) {
        if (inRate <= 0) throw new IllegalArgumentException("inRate must be > 0, got " + inRate);
        if (outRate <= 0) throw new IllegalArgumentException("outRate must be > 0, got " + outRate);
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        double fcHz = 0.5 * ROLLOFF * Math.min(inRate, outRate);
        this.cutoff = fcHz / inRate;
        // ZERO_CROSSINGS zero crossings of sinc(2 fc t) per side, t in input samples.
        this.halfTaps = (int) Math.ceil(ZERO_CROSSINGS / (2.0 * cutoff));
        if (up <= MAX_TABLE_PHASES && up != down) {
            table = new double[up][2 * halfTaps];
            for (int p = 0; p < up; p++) {
                double frac = p / (double) up;
                for (int k = 0; k < 2 * halfTaps; k++) {
                    // tap k multiplies x[base - halfTaps + 1 + k]; distance from output time
                    table[p][k] = kernel(frac + halfTaps - 1 - k);
                }
            }
        } else {
            table = null;
        }
    }

    /** Convenience: converts {@code x} from {@code inRate} to {@code outRate}. */
    public static double[] resample(double[] x, int inRate, int outRate) {
        if (inRate == outRate) return x.clone();
        return new Resampler(inRate, outRate).process(x);
    }

    /** Kernel value at a distance {@code t} (input samples) from the output instant. */
    private double kernel(double t) {
        double r = t / halfTaps;
        if (r <= -1 || r >= 1) return 0;
        double s = 2 * cutoff * t;
        double sinc = s == 0 ? 1 : Math.sin(Math.PI * s) / (Math.PI * s);
        double w = besselI0(BETA * Math.sqrt(1 - r * r)) / besselI0(BETA);
        return 2 * cutoff * sinc * w;
    }

    /** Number of output samples for {@code n} input samples: {@code ceil(n * out / in)}. */
    public int outputLength(int n) {
        return (int) ((n * (long) up + down - 1) / down);
    }

    /** Resamples a whole signal (zero outside its ends). */
    public double[] process(double[] x) {
        if (up == down) return x.clone();
        int n = x.length;
        int outLen = outputLength(n);
        double[] y = new double[outLen];
        for (int i = 0; i < outLen; i++) {
            long pos = (long) i * down;          // output time in units of 1/up input samples
            int base = (int) (pos / up);          // input sample at or before the output instant
            int phase = (int) (pos % up);
            int first = base - halfTaps + 1;
            double acc = 0;
            if (table != null) {
                double[] h = table[phase];
                int k0 = Math.max(0, -first);
                int k1 = Math.min(2 * halfTaps, n - first);
                for (int k = k0; k < k1; k++) acc += h[k] * x[first + k];
            } else {
                double frac = phase / (double) up;
                int k0 = Math.max(0, -first);
                int k1 = Math.min(2 * halfTaps, n - first);
                for (int k = k0; k < k1; k++) acc += kernel(frac + halfTaps - 1 - k) * x[first + k];
            }
            y[i] = acc;
        }
        return y;
    }

    public int inRate() { return inRate; }

    public int outRate() { return outRate; }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
