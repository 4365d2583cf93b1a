package emolab.features.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform power / magnitude spectrograms, as librosa's {@code stft}:
 * window of length {@code nFft}, hop {@code hop}, optional centring that pads {@code nFft/2}
 * samples on both sides (zeros for {@link Pad#CONSTANT}, librosa &ge; 0.10's default, or a mirror
 * image for {@link Pad#REFLECT}).
 *
 * <p>An instance owns its FFT plan and work buffers: it is <b>not thread-safe</b>; use one per
 * thread (e.g. a {@code ThreadLocal}). The FFT is JTransforms' {@link DoubleFFT_1D}.
 */
public final class Stft {
    /** How a centred STFT pads the signal. */
    public enum Pad { CONSTANT, REFLECT }

    private final int nFft;
    private final int hop;
    private final int bins;
    private final double[] window;
    private final boolean center;
    private final Pad pad;
    private final DoubleFFT_1D fft;
    private final double[] buf;

    public Stft(int nFft, int hop, double[] window, boolean center, Pad pad) {
        if (nFft < 2 || nFft % 2 != 0) throw new IllegalArgumentException("nFft must be even and >= 2: " + nFft);
        if (hop < 1) throw new IllegalArgumentException("hop must be >= 1: " + hop);
        if (window.length != nFft) throw new IllegalArgumentException("window length " + window.length + " != nFft " + nFft);
        this.nFft = nFft;
        this.hop = hop;
        this.bins = nFft / 2 + 1;
        this.window = window.clone();
        this.center = center;
        this.pad = pad == null ? Pad.CONSTANT : pad;
        this.fft = new DoubleFFT_1D(nFft);
        this.buf = new double[nFft];
    }

    /** librosa defaults: periodic Hann window, centred, zero padding. */
    public static Stft librosa(int nFft, int hop) {
        return new Stft(nFft, hop, Windows.hann(nFft, true), true, Pad.CONSTANT);
    }

    public int nFft() { return nFft; }
    public int hop() { return hop; }
    /** Number of frequency bins, {@code nFft/2 + 1}. */
    public int bins() { return bins; }
    public boolean center() { return center; }
    public Pad pad() { return pad; }

    /** Number of frames for a signal of {@code n} samples (0 if too short when not centred). */
    public int frameCount(int n) {
        if (center) return 1 + n / hop;
        return n < nFft ? 0 : 1 + (n - nFft) / hop;
    }

    /** Power spectrogram {@code |X|^2} of {@code x[from .. to)}. */
    public Spectrogram power(double[] x, int from, int to) {
        int t = frameCount(to - from);
        double[] p = new double[t * bins];
        compute(x, from, to, p, null);
        return new Spectrogram(p, t, bins);
    }

    /** Magnitude spectrogram {@code |X|} of {@code x[from .. to)}. */
    public Spectrogram magnitude(double[] x, int from, int to) {
        int t = frameCount(to - from);
        double[] m = new double[t * bins];
        compute(x, from, to, null, m);
        return new Spectrogram(m, t, bins);
    }

    public Spectrogram power(double[] x) { return power(x, 0, x.length); }
    public Spectrogram magnitude(double[] x) { return magnitude(x, 0, x.length); }

    /**
     * Computes the power and/or magnitude spectrogram of {@code x[from .. to)} frame-major into
     * the given arrays (either may be null; each needs {@code frameCount(to-from) * bins()}).
     * Returns the number of frames.
     */
    public int compute(double[] x, int from, int to, double[] powerOut, double[] magOut) {
        int n = to - from;
        if (center && pad == Pad.REFLECT && n <= nFft / 2)
            throw new IllegalArgumentException("reflect padding needs more than nFft/2 samples, got " + n);
        int frames = frameCount(n);
        int half = center ? nFft / 2 : 0;
        for (int t = 0; t < frames; t++) {
            int start = t * hop - half; // relative to from
            if (start >= 0 && start + nFft <= n) {
                int s = from + start;
                for (int i = 0; i < nFft; i++) buf[i] = x[s + i] * window[i];
            } else {
                for (int i = 0; i < nFft; i++) {
                    int j = start + i;
                    double v;
                    if (j >= 0 && j < n) v = x[from + j];
                    else if (pad == Pad.CONSTANT) v = 0.0;
                    else v = x[from + reflect(j, n)];
                    buf[i] = v * window[i];
                }
            }
            fft.realForward(buf);
            int o = t * bins;
            // JTransforms layout (even n): buf[0] = Re[0], buf[1] = Re[n/2], buf[2k], buf[2k+1] = Re, Im of bin k
            double re0 = buf[0], reN = buf[1];
            store(powerOut, magOut, o, re0 * re0, Math.abs(re0));
            store(powerOut, magOut, o + bins - 1, reN * reN, Math.abs(reN));
            for (int k = 1; k < bins - 1; k++) {
                double re = buf[2 * k], im = buf[2 * k + 1];
                double p = re * re + im * im;
                store(powerOut, magOut, o + k, p, Math.sqrt(p));
            }
        }
        return frames;
    }

    private static void store(double[] pOut, double[] mOut, int idx, double p, double m) {
        if (pOut != null) pOut[idx] = p;
        if (mOut != null) mOut[idx] = m;
    }

    /** numpy 'reflect' padding index (mirror without repeating the edge). */
    static int reflect(int j, int n) {
        if (n == 1) return 0;
        int period = 2 * (n - 1);
        j = Math.floorMod(j, period);
        return j < n ? j : period - j;
    }
}
