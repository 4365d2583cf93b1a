package emolab.features.rich;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SpectralContrast} finds each band's peak and valley bins by selection instead of sorting
 * the band; this checks it against the sort-based definition (the implementation before, kept
 * here as the reference). Tolerance: none — the selected values are summed in sorted order, so the
 * results must be bit-for-bit equal.
 */
class SpectralContrastTest {

    /** The sort-based computation: sort each band, average the first and last {@code take} values. */
    private static double[][] reference(SpectralContrast sc, int bins, double[] mag, int frames) {
        int rows = sc.rows();
        double[][] peak = new double[frames][rows], valley = new double[frames][rows];
        double[] buf = new double[bins];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < rows; k++) {
                int[] band = sc.bandBins(k);
                int n = band.length;
                for (int i = 0; i < n; i++) buf[i] = mag[t * bins + band[i]];
                Arrays.sort(buf, 0, n);
                int q = Math.min(sc.take(k), n);
                double lo = 0, hi = 0;
                for (int i = 0; i < q; i++) {
                    lo += buf[i];
                    hi += buf[n - 1 - i];
                }
                valley[t][k] = lo / q;
                peak[t][k] = hi / q;
            }
        }
        SpectralContrast.toDb(peak);
        SpectralContrast.toDb(valley);
        double[][] out = new double[frames][rows];
        for (int t = 0; t < frames; t++) for (int k = 0; k < rows; k++) out[t][k] = peak[t][k] - valley[t][k];
        return out;
    }

    private static double[] spectrum(Random rnd, int frames, int bins, boolean ties) {
        double[] mag = new double[frames * bins];
        for (int i = 0; i < mag.length; i++) {
            double v = Math.exp(4 * rnd.nextGaussian()) * 1e-3;
            if (ties) v = Math.floor(v * 8) / 8; // many equal values and zeros
            mag[i] = v;
        }
        return mag;
    }

    @Test
    void selectionEqualsSortingBitForBit() {
        Random rnd = new Random(14);
        // the rich set's parameters (take 1 or 2 per band) and a larger quantile (take up to 10: insertion path)
        double[][] settings = {{16000, 512, 200, 6, 0.02}, {16000, 512, 200, 6, 0.1}, {22050, 2048, 200, 6, 0.02}};
        for (double[] s : settings) {
            int nFft = (int) s[1], bins = nFft / 2 + 1, frames = 57;
            SpectralContrast sc = new SpectralContrast(s[0], nFft, s[2], (int) s[3], s[4]);
            if (s[4] == 0.1) assertTrue(sc.take(5) > 2, "the insertion path (take > 2) is exercised");
            for (boolean ties : new boolean[] {false, true}) {
                double[] mag = spectrum(rnd, frames, bins, ties);
                double[][] want = reference(sc, bins, mag, frames);
                double[][] got = sc.compute(mag, frames);
                for (int t = 0; t < frames; t++)
                    assertArrayEquals(want[t], got[t], 0.0, "settings " + Arrays.toString(s) + " ties " + ties + " frame " + t);
            }
        }
    }

    @Test
    void selectsTheSmallestAndLargestInOrder() {
        double[] v = {5, 1, 4, 1, 9, 2, 6};
        int[] idx = {0, 1, 2, 3, 4, 5, 6};
        double[] sel = new double[3];
        SpectralContrast.smallest(v, 0, idx, 3, sel, false);
        assertArrayEquals(new double[] {1, 1, 2}, sel, 0.0);
        SpectralContrast.smallest(v, 0, idx, 3, sel, true);
        assertArrayEquals(new double[] {9, 6, 5}, sel, 0.0);
    }
}
