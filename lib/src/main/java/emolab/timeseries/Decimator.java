package emolab.timeseries;

/**
 * Down-sampling by an integer factor as SciPy 1.10's {@code scipy.signal.decimate(x, q)} with its
 * defaults ({@code n=None, ftype='iir', zero_phase=True}): an order-8 Chebyshev type I low-pass
 * with 0.05 dB ripple and cut-off {@code 0.8/q} of the Nyquist frequency
 * ({@code cheby1(8, 0.05, 0.8/q, output='sos')}), applied forward and backward
 * ({@code sosfiltfilt}, odd padding of 27 samples), then every {@code q}-th sample from the first.
 * Immutable and thread-safe.
 */
public final class Decimator {
    /** SciPy's default IIR order. */
    public static final int ORDER = 8;
    /** SciPy's pass-band ripple in dB. */
    public static final double RIPPLE_DB = 0.05;

    private final int q;
    private final SosFilter filter;

    /** @param q down-sampling factor, at least 2 */
    public Decimator(int q) {
        if (q < 2) throw new IllegalArgumentException("decimation factor q must be >= 2, got " + q);
        this.q = q;
        this.filter = ChebyshevI.lowpass(ORDER, RIPPLE_DB, 0.8 / q);
    }

    /** The factor. */
    public int factor() { return q; }

    /** The anti-aliasing filter. */
    public SosFilter filter() { return filter; }

    /** Output length for {@code n} input samples: {@code ceil(n / q)}. */
    public int outputLength(int n) { return (n + q - 1) / q; }

    /** Decimates a float64 signal (float64 arithmetic throughout). */
    public double[] decimate(double[] x) {
        return downsample(filter.filtfilt(x));
    }

    /** Decimates a float32 signal the way SciPy does for float32 input (float32 coefficients and arithmetic). */
    public float[] decimate(float[] x) {
        float[] y = filter.filtfilt(x);
        float[] out = new float[outputLength(y.length)];
        for (int i = 0; i < out.length; i++) out[i] = y[i * q];
        return out;
    }

    private double[] downsample(double[] y) {
        double[] out = new double[outputLength(y.length)];
        for (int i = 0; i < out.length; i++) out[i] = y[i * q];
        return out;
    }
}
