package emolab.features.dsp;

/** Spectral helpers mirroring librosa: {@code power_to_db}, {@code spectral_centroid}. */
public final class Spectral {
    private Spectral() {}

    /** Smallest positive normal float64 ({@code librosa.util.tiny} for float64). */
    public static final double TINY = Double.MIN_NORMAL;

    /**
     * In-place {@code librosa.power_to_db(S, ref, amin, top_db)} on {@code s[off .. off+n)}:
     * {@code 10 log10(max(amin, S)) - 10 log10(max(amin, ref))}, then (if {@code topDb > 0},
     * pass {@code Double.NaN} or a negative value for none) floored at {@code max - topDb}.
     */
    public static void powerToDb(double[] s, int off, int n, double ref, double amin, double topDb) {
        double refDb = 10.0 * Math.log10(Math.max(amin, ref));
        double max = Double.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) {
            double v = 10.0 * Math.log10(Math.max(amin, s[i]));
            v -= refDb;
            s[i] = v;
            if (v > max) max = v;
        }
        if (topDb >= 0) {
            double floor = max - topDb;
            for (int i = off; i < off + n; i++) if (s[i] < floor) s[i] = floor;
        }
    }

    /**
     * Spectral centroid of each frame of a frame-major magnitude spectrogram,
     * {@code sum_f freq[f] * (S[f] / sum_f S[f])} (librosa normalises each frame by its L1 norm
     * first; an all-zero frame gives 0). Sums are NumPy pairwise sums along frequency.
     * {@code scratch} needs {@code bins} doubles (may be null).
     */
    public static void spectralCentroid(double[] mag, int frames, int bins, double[] freqs, double[] out, double[] scratch) {
        if (scratch == null || scratch.length < bins) scratch = new double[bins];
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            double len = emolab.numeric.NumpySum.pairwise(mag, o, bins);
            if (len < TINY) len = 1.0;
            for (int f = 0; f < bins; f++) scratch[f] = freqs[f] * (mag[o + f] / len);
            out[t] = emolab.numeric.NumpySum.pairwise(scratch, 0, bins);
        }
    }

    /**
     * {@code dst[i] = sqrt(src[off + i])} for {@code i < n}: a loop on its own, so that the JIT
     * compiles it with vector square roots (inside a larger loop body it stayed scalar).
     */
    public static void sqrt(double[] src, int off, double[] dst, int n) {
        for (int i = 0; i < n; i++) dst[i] = Math.sqrt(src[off + i]);
    }

    /** Convenience: centroid per frame with librosa's bin frequencies for {@code sr}. */
    public static double[] spectralCentroid(Spectrogram mag, double sr) {
        int nFft = 2 * (mag.bins() - 1);
        double[] out = new double[mag.frames()];
        spectralCentroid(mag.data(), mag.frames(), mag.bins(), Numpy.fftFrequencies(sr, nFft), out, null);
        return out;
    }
}
