package emolab.features.dsp;

/**
 * Triangular mel filterbank, as librosa's {@code filters.mel}: {@code nMels} filters on
 * {@code nFft/2 + 1} FFT bins with centres equally spaced on the mel scale between {@code fmin}
 * and {@code fmax}; Slaney (Auditory Toolbox) or HTK mel scale; optional Slaney area
 * normalisation ({@code 2 / (f[m+2] - f[m])}); optionally rounded to float32 like librosa's
 * default {@code dtype=np.float32} (weights stored in float32, then the normalisation computed in
 * float64 and stored back in float32). Immutable and thread-safe; weights kept sparsely per filter.
 */
public final class MelFilterbank {
    public enum Scale { SLANEY, HTK }
    public enum Norm { NONE, SLANEY }

    private final int nMels;
    private final int bins;
    private final int[] start;     // first non-zero bin of each filter
    private final double[][] w;    // weights from start[m]

    private MelFilterbank(int nMels, int bins, int[] start, double[][] w) {
        this.nMels = nMels;
        this.bins = bins;
        this.start = start;
        this.w = w;
    }

    /** librosa defaults: Slaney scale, Slaney norm, float32, fmin 0, fmax sr/2. */
    public static MelFilterbank librosa(double sr, int nFft, int nMels) {
        return create(sr, nFft, nMels, 0.0, sr / 2.0, Scale.SLANEY, Norm.SLANEY, true);
    }

    public static MelFilterbank create(double sr, int nFft, int nMels, double fmin, double fmax,
                                       Scale scale, Norm norm, boolean float32) {
        if (nMels < 1) throw new IllegalArgumentException("nMels must be >= 1");
        int bins = nFft / 2 + 1;
        double[] fftFreqs = Numpy.fftFrequencies(sr, nFft);
        double[] melF = melFrequencies(nMels + 2, fmin, fmax, scale);
        double[] fdiff = new double[nMels + 1];
        for (int i = 0; i < fdiff.length; i++) fdiff[i] = melF[i + 1] - melF[i];
        double[][] dense = new double[nMels][bins];
        for (int i = 0; i < nMels; i++) {
            for (int f = 0; f < bins; f++) {
                double lower = -(melF[i] - fftFreqs[f]) / fdiff[i];
                double upper = (melF[i + 2] - fftFreqs[f]) / fdiff[i + 1];
                double v = Math.max(0.0, Math.min(lower, upper));
                dense[i][f] = float32 ? Numpy.f32(v) : v;
            }
            if (norm == Norm.SLANEY) {
                double enorm = 2.0 / (melF[i + 2] - melF[i]);
                for (int f = 0; f < bins; f++) {
                    double v = dense[i][f] * enorm;
                    dense[i][f] = float32 ? Numpy.f32(v) : v;
                }
            }
        }
        int[] start = new int[nMels];
        double[][] w = new double[nMels][];
        for (int i = 0; i < nMels; i++) {
            int a = 0, b = bins;
            while (a < bins && dense[i][a] == 0.0) a++;
            while (b > a && dense[i][b - 1] == 0.0) b--;
            start[i] = a;
            w[i] = java.util.Arrays.copyOfRange(dense[i], a, b);
        }
        return new MelFilterbank(nMels, bins, start, w);
    }

    public int nMels() { return nMels; }
    public int bins() { return bins; }

    public double weight(int mel, int bin) {
        int k = bin - start[mel];
        return k >= 0 && k < w[mel].length ? w[mel][k] : 0.0;
    }

    /** Dense copy {@code [mel][bin]}. */
    public double[][] toDense() {
        double[][] d = new double[nMels][bins];
        for (int m = 0; m < nMels; m++) System.arraycopy(w[m], 0, d[m], start[m], w[m].length);
        return d;
    }

    /**
     * Applies the filterbank to a frame-major spectrogram: {@code out[t * nMels + m] = sum_f
     * W[m][f] * spec[t * bins + f]}.
     */
    public void apply(double[] spec, int frames, double[] out) {
        for (int t = 0; t < frames; t++) {
            int so = t * bins, oo = t * nMels;
            for (int m = 0; m < nMels; m++) {
                double[] wm = w[m];
                int s = so + start[m];
                double acc = 0.0;
                for (int k = 0; k < wm.length; k++) acc += wm[k] * spec[s + k];
                out[oo + m] = acc;
            }
        }
    }

    public Spectrogram apply(Spectrogram spec) {
        if (spec.bins() != bins) throw new IllegalArgumentException("spectrogram has " + spec.bins() + " bins, filterbank " + bins);
        double[] out = new double[spec.frames() * nMels];
        apply(spec.data(), spec.frames(), out);
        return new Spectrogram(out, spec.frames(), nMels);
    }

    // ---- mel scale (librosa hz_to_mel / mel_to_hz / mel_frequencies) ----

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = (MIN_LOG_HZ - 0.0) / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    public static double hzToMel(double hz, Scale scale) {
        if (scale == Scale.HTK) return 2595.0 * Math.log10(1.0 + hz / 700.0);
        double mel = (hz - 0.0) / F_SP;
        if (hz >= MIN_LOG_HZ) mel = MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP;
        return mel;
    }

    public static double melToHz(double mel, Scale scale) {
        if (scale == Scale.HTK) return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        double hz = 0.0 + F_SP * mel;
        if (mel >= MIN_LOG_MEL) hz = MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL));
        return hz;
    }

    /** {@code n} frequencies (Hz) equally spaced in mel between fmin and fmax, inclusive. */
    public static double[] melFrequencies(int n, double fmin, double fmax, Scale scale) {
        double[] mels = Numpy.linspace(hzToMel(fmin, scale), hzToMel(fmax, scale), n, true);
        for (int i = 0; i < n; i++) mels[i] = melToHz(mels[i], scale);
        return mels;
    }
}
