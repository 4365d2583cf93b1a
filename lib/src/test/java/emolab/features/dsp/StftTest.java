package emolab.features.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StftTest {
    @Test
    void hannIsPeriodic() {
        double[] w = Windows.hann(8, true);
        assertEquals(0.0, w[0], 0);
        assertEquals(1.0, w[4], 1e-15);
        assertEquals(w[1], w[7], 1e-15);
        double[] s = Windows.hann(5, false);
        assertEquals(0.0, s[0], 1e-15);
        assertEquals(0.0, s[4], 1e-15);
        assertEquals(1.0, s[2], 1e-15);
    }

    @Test
    void sinePeaksAtItsBin() {
        int sr = 48000, nFft = 2048, bin = 100;
        double f = bin * (double) sr / nFft;
        double[] x = new double[sr];
        for (int i = 0; i < x.length; i++) x[i] = 0.5 * Math.sin(2 * Math.PI * f * i / sr);
        Stft stft = Stft.librosa(nFft, 512);
        Spectrogram p = stft.power(x);
        assertEquals(1 + x.length / 512, p.frames());
        assertEquals(1025, p.bins());
        int t = p.frames() / 2;
        int arg = 0;
        for (int k = 0; k < p.bins(); k++) if (p.get(t, k) > p.get(t, arg)) arg = k;
        assertEquals(bin, arg);
        // |X[bin]| = A * sum(w) / 2 = 0.5 * 1024 / 2 for a periodic Hann window
        assertEquals(256.0, Math.sqrt(p.get(t, bin)), 1e-9);
        Spectrogram m = stft.magnitude(x);
        assertEquals(Math.sqrt(p.get(t, bin)), m.get(t, bin), 1e-12);
    }

    @Test
    void centringPadsWithZerosOrReflection() {
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) x[i] = Math.cos(0.01 * i) + 1;
        Spectrogram c = Stft.librosa(2048, 512).power(x);
        Spectrogram r = new Stft(2048, 512, Windows.hann(2048, true), true, Stft.Pad.REFLECT).power(x);
        Spectrogram nc = new Stft(2048, 512, Windows.hann(2048, true), false, Stft.Pad.CONSTANT).power(x);
        assertEquals(1 + (5000 - 2048) / 512, nc.frames());
        assertNotEquals(c.get(0, 0), r.get(0, 0));
        assertEquals(c.get(4, 3), r.get(4, 3), 0); // interior frames agree
        assertEquals(c.get(4, 3), nc.get(2, 3), 0); // centred frame t = uncentred frame t - 2
        assertTrue(c.get(0, 0) < r.get(0, 0));
        assertEquals(1, Stft.reflect(-1, 5));
        assertEquals(3, Stft.reflect(5, 5));
    }
}
