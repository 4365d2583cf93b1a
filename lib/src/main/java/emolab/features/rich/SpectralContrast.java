package emolab.features.rich;

import java.util.Arrays;

/**
 * Spectral contrast as {@code librosa.feature.spectral_contrast} (Jiang et al. 2002) on a
 * frame-major magnitude spectrogram: octave bands with edges {@code 0, fmin, 2 fmin, …,
 * 2^nBands fmin} (the last band also takes every bin above, up to Nyquist); each band except the
 * first also takes the bin just below it, and each except the last drops its top bin; per frame
 * and band, peak = mean of the top {@code max(1, rint(quantile * band bins))} magnitudes, valley =
 * mean of the bottom as many; contrast = {@code power_to_db(peak) − power_to_db(valley)} where
 * {@code power_to_db} is librosa's (amin 1e-10, ref 1, top_db 80 over the whole peak/valley
 * matrix). Rows: {@code nBands + 1}.
 */
public final class SpectralContrast {
    private final int nBands;
    private final int bins;
    private final int[][] bandBins; // bin indices of each band
    private final int[] take;       // how many bins are averaged for peak / valley

    /**
     * @param sr       sample rate
     * @param nFft     FFT size of the spectrogram ({@code nFft/2+1} bins)
     * @param fmin     upper edge of the first band (Hz)
     * @param nBands   octave bands above fmin (rows = nBands + 1)
     * @param quantile fraction of a band's bins averaged for peak and valley
     */
    public SpectralContrast(double sr, int nFft, double fmin, int nBands, double quantile) {
        if (!(fmin > 0)) throw new IllegalArgumentException("fmin must be > 0, got " + fmin);
        if (nBands < 1) throw new IllegalArgumentException("nBands must be >= 1, got " + nBands);
        if (!(quantile > 0 && quantile < 1)) throw new IllegalArgumentException("quantile must be in (0,1), got " + quantile);
        double[] octa = new double[nBands + 2];
        for (int i = 1; i < octa.length; i++) octa[i] = fmin * Math.pow(2, i - 1);
        if (octa[nBands] >= sr / 2)
            throw new IllegalArgumentException("frequency band exceeds Nyquist: fmin " + fmin + " with " + nBands
                    + " bands at sample rate " + sr);
        this.nBands = nBands;
        this.bins = nFft / 2 + 1;
        double[] freq = new double[bins];
        for (int i = 0; i < bins; i++) freq[i] = i * sr / nFft;
        bandBins = new int[nBands + 1][];
        take = new int[nBands + 1];
        for (int k = 0; k <= nBands; k++) {
            boolean[] in = new boolean[bins];
            int first = -1, last = -1;
            for (int i = 0; i < bins; i++) {
                if (freq[i] >= octa[k] && freq[i] <= octa[k + 1]) {
                    in[i] = true;
                    if (first < 0) first = i;
                    last = i;
                }
            }
            if (first < 0) throw new IllegalArgumentException("contrast band " + k + " has no FFT bin (nFft " + nFft + " too small)");
            if (k > 0 && first > 0) in[first - 1] = true;
            if (k == nBands) for (int i = last + 1; i < bins; i++) in[i] = true;
            int count = 0;
            for (boolean b : in) if (b) count++;
            int[] idx = new int[count];
            int c = 0;
            for (int i = 0; i < bins; i++) if (in[i]) idx[c++] = i;
            if (k < nBands) idx = Arrays.copyOf(idx, idx.length - 1);
            bandBins[k] = idx;
            take[k] = (int) Math.max(1, Math.rint(quantile * count));
        }
    }

    /** The FFT bins of band {@code k} (package-private, for tests). */
    int[] bandBins(int k) { return bandBins[k].clone(); }

    /** How many of band {@code k}'s bins are averaged for its peak and valley (package-private, for tests). */
    int take(int k) { return take[k]; }

    /** Number of output rows ({@code nBands + 1}). */
    public int rows() { return nBands + 1; }

    /** Contrast per frame: {@code out[t][k]} for a frame-major magnitude spectrogram. */
    public double[][] compute(double[] mag, int frames) {
        int rows = rows();
        double[][] peak = new double[frames][rows];
        double[][] valley = new double[frames][rows];
        int maxTake = 1;
        for (int q : take) maxTake = Math.max(maxTake, q);
        double[] low = new double[maxTake], high = new double[maxTake];
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            for (int k = 0; k < rows; k++) {
                int[] idx = bandBins[k];
                int n = idx.length;
                int q = Math.min(take[k], n);
                // the q smallest (ascending) and q largest (descending) magnitudes: the first and last q of
                // the sorted band, found by selection; summed in sorted order, so equal to summing a sorted copy
                if (q == 1) {
                    double lo = mag[o + idx[0]], hi = lo;
                    for (int i = 1; i < n; i++) {
                        double v = mag[o + idx[i]];
                        if (v < lo) lo = v;
                        if (v > hi) hi = v;
                    }
                    valley[t][k] = lo;
                    peak[t][k] = hi;
                    continue;
                }
                smallest(mag, o, idx, q, low, false);
                smallest(mag, o, idx, q, high, true);
                double lo = 0, hi = 0;
                for (int i = 0; i < q; i++) {
                    lo += low[i];
                    hi += high[i];
                }
                valley[t][k] = lo / q;
                peak[t][k] = hi / q;
            }
        }
        toDb(peak);
        toDb(valley);
        double[][] out = new double[frames][rows];
        for (int t = 0; t < frames; t++) for (int k = 0; k < rows; k++) out[t][k] = peak[t][k] - valley[t][k];
        return out;
    }

    /**
     * The {@code q} smallest of {@code mag[o + idx[i]]} in ascending order into {@code sel[0..q)}
     * (or, with {@code largest}, the {@code q} largest in descending order), by insertion into a
     * sorted list of {@code q}: the same values as the first (last) {@code q} of a sorted copy.
     */
    static void smallest(double[] mag, int o, int[] idx, int q, double[] sel, boolean largest) {
        int m = 0;
        for (int i = 0; i < idx.length; i++) {
            double v = mag[o + idx[i]];
            if (m == q && (largest ? !(v > sel[q - 1]) : !(v < sel[q - 1]))) continue;
            int j = m < q ? m++ : q - 1;
            while (j > 0 && (largest ? v > sel[j - 1] : v < sel[j - 1])) {
                sel[j] = sel[j - 1];
                j--;
            }
            sel[j] = v;
        }
    }

    /** librosa power_to_db(ref=1, amin=1e-10, top_db=80) over a whole matrix, in place. */
    static void toDb(double[][] m) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] r : m) for (int i = 0; i < r.length; i++) {
            r[i] = 10 * Math.log10(Math.max(1e-10, r[i]));
            max = Math.max(max, r[i]);
        }
        double floor = max - 80;
        for (double[] r : m) for (int i = 0; i < r.length; i++) if (r[i] < floor) r[i] = floor;
    }
}
