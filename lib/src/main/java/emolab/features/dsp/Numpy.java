package emolab.features.dsp;

/** Small helpers that reproduce NumPy's floating-point recipes exactly. */
public final class Numpy {
    private Numpy() {}

    /** {@code np.linspace(start, stop, num, endpoint)}: {@code start + i * step}, last set to stop. */
    public static double[] linspace(double start, double stop, int num, boolean endpoint) {
        double[] y = new double[num];
        if (num == 0) return y;
        int div = endpoint ? num - 1 : num;
        double delta = stop - start;
        if (div > 0) {
            double step = delta / div;
            if (step == 0) {
                for (int i = 0; i < num; i++) y[i] = (i / (double) div) * delta + start;
            } else {
                for (int i = 0; i < num; i++) y[i] = i * step + start;
            }
        } else {
            y[0] = start;
        }
        if (endpoint && num > 1) y[num - 1] = stop;
        return y;
    }

    /** {@code np.fft.rfftfreq(nFft, 1/sr)} = librosa's {@code fft_frequencies(sr, n_fft)}. */
    public static double[] fftFrequencies(double sr, int nFft) {
        int bins = nFft / 2 + 1;
        double val = 1.0 / (nFft * (1.0 / sr));
        double[] f = new double[bins];
        for (int i = 0; i < bins; i++) f[i] = i * val;
        return f;
    }

    /** Base-2 logarithm, correctly rounded for exact powers of two. */
    public static double log2(double x) {
        if (x > 0 && !Double.isInfinite(x)) {
            int e = Math.getExponent(x);
            if (e >= Double.MIN_EXPONENT && x == Math.scalb(1.0, e)) return e;
        }
        return Math.log(x) / LN2;
    }

    private static final double LN2 = Math.log(2.0);

    /** Rounds to float32 and back, as NumPy does when a float64 value is stored in a float32 array. */
    public static double f32(double x) {
        return (double) (float) x;
    }
}
