package emolab.features.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralChromaTest {
    static double[] sine(double f, int sr, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.3 * Math.sin(2 * Math.PI * f * i / sr);
        return x;
    }

    @Test
    void powerToDbFloorsAtTopDb() {
        double[] s = {1.0, 1e-3, 1e-12, 0.0, 100.0};
        Spectral.powerToDb(s, 0, s.length, 1.0, 1e-10, 80.0);
        assertEquals(0.0, s[0], 0);
        assertEquals(-30.0, s[1], 1e-12);
        assertEquals(-60.0, s[2], 0); // floor = 20 - 80
        assertEquals(-60.0, s[3], 0);
        assertEquals(20.0, s[4], 0);
        double[] u = {1e-12};
        Spectral.powerToDb(u, 0, 1, 1.0, 1e-10, Double.NaN);
        assertEquals(-100.0, u[0], 1e-12);
    }

    @Test
    void centroidOfSineIsItsFrequency() {
        int sr = 16000;
        double[] c = Spectral.spectralCentroid(Stft.librosa(2048, 512).magnitude(sine(1000, sr, sr)), sr);
        assertEquals(1000.0, c[c.length / 2], 5.0);
        double[] z = Spectral.spectralCentroid(Stft.librosa(2048, 512).magnitude(new double[4096]), sr);
        assertEquals(0.0, z[3], 0);
    }

    @Test
    void chromaOfA440() {
        int sr = 22050;
        Spectrogram p = Stft.librosa(2048, 512).power(sine(440, sr, sr));
        double tuning = Chroma.estimateTuning(p.data(), p.frames(), p.bins(), sr, 150, 4000, 0.1, 0.01, 12);
        assertEquals(0.0, tuning, 0.025); // parabolic interpolation on a power spectrum is slightly biased
        Spectrogram ch = Chroma.chromaStft(p, sr);
        int t = ch.frames() / 2;
        assertEquals(1.0, ch.get(t, 9), 0); // A with base C
        for (int c = 0; c < 12; c++) assertTrue(c == 9 || ch.get(t, c) < 0.5);
        // a quarter-tone-ish sharp sine moves the tuning estimate
        Spectrogram q = Stft.librosa(2048, 512).power(sine(440 * Math.pow(2, 0.2 / 12), sr, sr));
        assertEquals(0.2, Chroma.estimateTuning(q.data(), q.frames(), q.bins(), sr, 150, 4000, 0.1, 0.01, 12), 0.06); // biased low by the parabolic fit
    }

    @Test
    void chromaFilterbankShape() {
        double[][] fb = Chroma.filterbank(48000, 2048, 12, 0.0, 5.0, 2.0, true, true, true);
        assertEquals(12, fb.length);
        assertEquals(1025, fb[0].length);
        // bin nearest 261.6 Hz (C4) weighs most on chroma 0
        int bin = (int) Math.round(261.63 / (48000.0 / 2048));
        int arg = 0;
        for (int c = 0; c < 12; c++) if (fb[c][bin] > fb[arg][bin]) arg = c;
        assertEquals(0, arg);
        assertEquals(0.0, Chroma.pitchTuning(new double[0], 0, 0.01, 12), 0);
    }

    /** The four-way running maximum equals the one-way one (NaN, zeros, signs, every length). */
    @Test
    void maxAbsEqualsTheSequentialMaximum() {
        java.util.Random r = new java.util.Random(9);
        for (int n = 0; n < 40; n++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] s = new double[n + 2];
                for (int i = 0; i < s.length; i++) s[i] = r.nextInt(6) == 0 ? 0.0 : r.nextGaussian();
                if (trial == 3 && n > 0) s[1 + r.nextInt(n)] = Double.NaN;
                if (trial == 4 && n > 0) s[1 + r.nextInt(n)] = -0.0;
                double want = Double.NEGATIVE_INFINITY;
                for (int f = 1; f <= n; f++) want = Math.max(want, Math.abs(s[f]));
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(Chroma.maxAbs(s, 1, n)), "n=" + n + " trial " + trial);
            }
        }
    }

    /** The selection median equals the sorted one (odd and even counts, ties, NaN). */
    @Test
    void medianBySelectionEqualsSortedMedian() {
        java.util.Random r = new java.util.Random(8);
        for (int m = 1; m < 300; m++) {
            double[] a = new double[m];
            for (int i = 0; i < m; i++) a[i] = r.nextInt(4) == 0 ? 2.5 : r.nextGaussian();
            if (m % 37 == 0) a[r.nextInt(m)] = Double.NaN;
            double[] s = a.clone();
            java.util.Arrays.sort(s);
            double want = (m % 2 == 1) ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2.0;
            double[] before = a.clone();
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(Chroma.median(a, m)), "m=" + m);
            assertTrue(java.util.Arrays.equals(before, a), "input untouched");
        }
    }
}
