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

    /** Number of output rows ({@code nBands + 1}). */
    public int rows() { return nBands + 1; }

    /** Contrast per frame: {@code out[t][k]} for a frame-major magnitude spectrogram. */
    public double[][] compute(double[] mag, int frames) {
        int rows = rows();
        double[][] peak = new double[frames][rows];
        double[][] valley = new double[frames][rows];
        double[] buf = new double[bins];
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            for (int k = 0; k < rows; k++) {
                int[] idx = bandBins[k];
                int n = idx.length;
                for (int i = 0; i < n; i++) buf[i] = mag[o + idx[i]];
                Arrays.sort(buf, 0, n);
                int q = Math.min(take[k], n);
                double lo = 0, hi = 0;
                for (int i = 0; i < q; i++) {
                    lo += buf[i];
                    hi += buf[n - 1 - i];
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
