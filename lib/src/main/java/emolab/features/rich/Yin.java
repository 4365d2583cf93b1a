package emolab.features.rich;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * YIN fundamental-frequency tracker (de Cheveigné &amp; Kawahara 2002).
 *
 * <p>Per frame (frames start at {@code i*hop}, length {@code frame}; a signal shorter than one
 * frame is zero-padded to one frame): difference function {@code d(τ) = Σ_{j<W}(x_j − x_{j+τ})²}
 * with {@code W = frame − τmax}, by FFT cross-correlation of each frame's first W samples with a segment
 * shared by consecutive frames (rich v3 transformed every frame on its own; equal up to rounding); cumulative mean normalised
 * difference {@code d'(τ) = d(τ)·τ / Σ_{k=1..τ} d(k)}; the first {@code τ ≥ τmin} with
 * {@code d'(τ) < threshold}, walked down to its local minimum, refined by parabolic
 * interpolation, with an octave check (a weak dip is replaced by a much deeper one at twice the lag). A frame is voiced only when such a dip exists (no global-minimum fallback) and
 * its RMS is within {@link #ENERGY_GATE_DB} dB of the loudest frame (and above {@code 1e-5}).
 */
public final class Yin {
    /** Frames quieter than this many dB below the loudest frame are unvoiced. */
    public static final double ENERGY_GATE_DB = 40;
    private static final double ABS_RMS_FLOOR = 1e-5;

    private final int sampleRate;
    private final int frame;
    private final int hop;
    private final double fmin;
    private final double fmax;
    private final double threshold;
    private final int tauMin;
    private final int tauMax;
    private final int fftSize;

    /**
     * One frame per {@code hop} samples.
     *
     * @param fmin      lowest F0 searched (Hz)
     * @param fmax      highest F0 searched (Hz)
     * @param threshold CMNDF voicing threshold, typically 0.1–0.15
     */
    public Yin(int sampleRate, int frame, int hop, double fmin, double fmax, double threshold) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        if (hop <= 0) throw new IllegalArgumentException("hop must be > 0, got " + hop);
        if (!(fmin > 0 && fmax > fmin && fmax < sampleRate / 2.0))
            throw new IllegalArgumentException("need 0 < fmin < fmax < sampleRate/2, got fmin=" + fmin + " fmax=" + fmax);
        if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold must be in (0,1), got " + threshold);
        this.sampleRate = sampleRate;
        this.frame = frame;
        this.hop = hop;
        this.fmin = fmin;
        this.fmax = fmax;
        this.threshold = threshold;
        this.tauMin = Math.max(2, (int) Math.floor(sampleRate / fmax));
        this.tauMax = (int) Math.ceil(sampleRate / fmin);
        if (frame < 2 * tauMax)
            throw new IllegalArgumentException("frame (" + frame + ") must be >= 2 * sampleRate/fmin (" + 2 * tauMax + ")");
        int size = 1;
        while (size < frame + (frame - tauMax)) size <<= 1;
        this.fftSize = size;
    }

    /** The rich set's tracker at 16 kHz: frame 640 (40 ms; integration window 373 samples), hop 160 (10 ms), 60–800 Hz, threshold 0.15. */
    public static Yin richDefault() {
        return new Yin(16000, 640, 160, 60, 800, 0.15);
    }

    /**
     * A per-frame pitch track.
     *
     * @param f0        F0 in Hz per frame (0 where unvoiced)
     * @param voiced    voicing decision per frame
     * @param dip       CMNDF value at the chosen lag (1 where no dip; lower = more periodic)
     */
    public record Track(double[] f0, boolean[] voiced, double[] dip, int sampleRate, int frame, int hop) {
        public int frames() { return f0.length; }

        /** Sample index of the centre of frame {@code i}. */
        public int centre(int i) { return i * hop + frame / 2; }

        /** Fraction of voiced frames (0 for no frames). */
        public double voicedFraction() {
            if (voiced.length == 0) return 0;
            int c = 0;
            for (boolean v : voiced) if (v) c++;
            return c / (double) voiced.length;
        }
    }

    /** Tracks F0 over the whole signal. */
    public Track track(double[] x) {
        return track(x, false);
    }

    /**
     * The same track with the v3 arithmetic: the lag products by FFT cross-correlation of each frame
     * on its own (for tests, which compare the shared-segment correlation against it).
     */
    Track trackFftReference(double[] x) {
        return track(x, true);
    }

    private Track track(double[] x, boolean viaFft) {
        int n = x.length;
        int nFrames = n <= frame ? 1 : 1 + (n - frame) / hop;
        double[] f0 = new double[nFrames];
        boolean[] voiced = new boolean[nFrames];
        double[] dip = new double[nFrames];
        double[] rms = new double[nFrames];
        double maxRms = 0;
        for (int i = 0; i < nFrames; i++) {
            double s = 0;
            int a = i * hop, b = Math.min(n, a + frame);
            for (int j = a; j < b; j++) s += x[j] * x[j];
            rms[i] = Math.sqrt(s / frame);
            maxRms = Math.max(maxRms, rms[i]);
        }
        double gate = Math.max(ABS_RMS_FLOOR, maxRms * Math.pow(10, -ENERGY_GATE_DB / 20));
        DoubleFFT_1D fft = new DoubleFFT_1D(fftSize);
        double[] buf = new double[frame];
        double[] cmnd = new double[tauMax + 1];
        double[] fa = new double[fftSize];
        double[] fx = new double[fftSize];
        int w = frame - tauMax;
        // v4: frames share the FFT of a segment that covers `group` consecutive frames (see segmentCorrelation)
        int group = 1 + (fftSize - frame) / hop;
        int segFirst = -1; // first frame of the segment whose spectrum is in fx
        for (int i = 0; i < nFrames; i++) {
            dip[i] = 1;
            if (rms[i] < gate) continue;
            int a = i * hop;
            for (int j = 0; j < frame; j++) buf[j] = a + j < n ? x[a + j] : 0;
            if (viaFft) {
                crossCorrelationFft(buf, w, fft, fa, fx);
                normalise(buf, w, fx, 0, cmnd);
            } else {
                if (segFirst < 0 || i >= segFirst + group) {
                    segFirst = i;
                    segmentSpectrum(x, segFirst * hop, (group - 1) * hop + frame, fft, fx);
                }
                int o = (i - segFirst) * hop;
                segmentCorrelation(buf, w, fft, fx, fa);
                normalise(buf, w, fa, o, cmnd);
            }
            int tau = -1;
            for (int t = tauMin; t <= tauMax; t++) {
                if (cmnd[t] < threshold) {
                    while (t + 1 <= tauMax && cmnd[t + 1] < cmnd[t]) t++;
                    tau = t;
                    break;
                }
            }
            if (tau < 0) continue;
            tau = octaveCheck(cmnd, tau);
            double shift = 0;
            if (tau > 1 && tau < tauMax) {
                double p = cmnd[tau - 1], q = cmnd[tau], r = cmnd[tau + 1];
                double den = p - 2 * q + r;
                if (den > 0) shift = Math.max(-1, Math.min(1, 0.5 * (p - r) / den));
            }
            double f = sampleRate / (tau + shift);
            dip[i] = cmnd[tau];
            if (f >= fmin * 0.97 && f <= fmax * 1.03) {
                f0[i] = f;
                voiced[i] = true;
            }
        }
        return new Track(f0, voiced, dip, sampleRate, frame, hop);
    }

    /**
     * Guards against octave-up errors (a strong second harmonic, e.g. on the first formant, makes
     * {@code T/2} dip below the threshold): when the chosen dip is only weakly periodic
     * ({@code d' > 0.1}) and the CMNDF near twice the lag is less than a third of it, the double
     * lag is taken.
     */
    private int octaveCheck(double[] cmnd, int tau) {
        if (cmnd[tau] <= 0.1) return tau;
        int lo = (int) Math.floor(1.9 * tau), hi = Math.min(tauMax, (int) Math.ceil(2.1 * tau));
        int best = -1;
        for (int t = lo; t <= hi; t++) if (best < 0 || cmnd[t] < cmnd[best]) best = t;
        if (best > 0 && best > lo && best < hi && cmnd[best] < cmnd[tau] / 3) return best;
        return tau;
    }

    /** {@code fx[τ] = Σ_{j<W} x_j x_{j+τ}} for one frame by FFT cross-correlation (the v3 arithmetic). */
    private void crossCorrelationFft(double[] buf, int w, DoubleFFT_1D fft, double[] fa, double[] fx) {
        java.util.Arrays.fill(fa, 0);
        java.util.Arrays.fill(fx, 0);
        System.arraycopy(buf, 0, fa, 0, w);
        System.arraycopy(buf, 0, fx, 0, frame);
        fft.realForward(fa);
        fft.realForward(fx);
        conjTimes(fa, fx, fx);
        fft.realInverse(fx, true); // fx[τ] = Σ_{j<W} x_j x_{j+τ}
    }

    /**
     * v4's arithmetic: the spectrum ({@code fftSize} points) of the segment {@code x[start, start+len)}
     * (zero past the signal's end) covering {@code group = 1 + (fftSize − frame)/hop} consecutive frames
     * (3 for the rich set: 960 samples in 1024 points). Each frame's window {@code x[a, a+W)} is then
     * correlated with the shared segment ({@link #segmentCorrelation}): with the window at offset 0 and
     * the frame at offset {@code o = a − start} in the segment, output {@code o + τ} is
     * {@code Σ_{j<W} x_{a+j} x_{a+j+τ}}, and no needed output wraps around because
     * {@code W − 1 + o + τmax ≤ len − 1 < fftSize}. Two FFTs per frame plus a third of one, instead of
     * three; equal to the per-frame FFT up to rounding.
     */
    private void segmentSpectrum(double[] x, int start, int len, DoubleFFT_1D fft, double[] seg) {
        java.util.Arrays.fill(seg, 0);
        int m = Math.max(0, Math.min(Math.min(len, fftSize), x.length - start));
        if (m > 0) System.arraycopy(x, start, seg, 0, m);
        fft.realForward(seg);
    }

    /** {@code out} = the circular cross-correlation of the frame's first W samples with the segment (spectrum {@code seg}). */
    private void segmentCorrelation(double[] buf, int w, DoubleFFT_1D fft, double[] seg, double[] out) {
        java.util.Arrays.fill(out, 0);
        System.arraycopy(buf, 0, out, 0, w);
        fft.realForward(out);
        conjTimes(out, seg, out);
        fft.realInverse(out, true);
    }

    /** {@code out = conj(a) · b}, spectra in JTransforms' packed real layout ({@code out} may be {@code a} or {@code b}). */
    private void conjTimes(double[] a, double[] b, double[] out) {
        out[0] = a[0] * b[0];
        out[1] = a[1] * b[1];
        for (int k = 2; k < fftSize; k += 2) {
            double ar = a[k], ai = a[k + 1], br = b[k], bi = b[k + 1];
            out[k] = ar * br + ai * bi;
            out[k + 1] = ar * bi - ai * br;
        }
    }

    /** Fills {@code out[0..tauMax]} with the CMNDF of one frame from its lag products {@code r[off + τ]}. */
    private void normalise(double[] buf, int w, double[] r, int off, double[] out) {
        double e0 = 0;
        for (int j = 0; j < w; j++) e0 += buf[j] * buf[j];
        double et = e0; // Σ_{j<W} x_{j+τ}², updated incrementally
        out[0] = 1;
        double cum = 0;
        for (int t = 1; t <= tauMax; t++) {
            et += buf[t + w - 1] * buf[t + w - 1] - buf[t - 1] * buf[t - 1];
            double d = Math.max(0, e0 + et - 2 * r[off + t]);
            cum += d;
            out[t] = cum > 0 ? d * t / cum : 1;
        }
    }

    public int sampleRate() { return sampleRate; }

    public int frame() { return frame; }

    public int hop() { return hop; }
}
