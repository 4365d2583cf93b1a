package emolab.features.rich;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SilenceTrimTest {

    @Test
    void removesPaddedSilence() {
        int sr = 16000;
        double[] tone = Signals.tone(300, 0.3, sr, sr); // 1 s
        double[] x = new double[sr + sr + tone.length]; // 1 s silence, tone, 1 s silence
        System.arraycopy(tone, 0, x, sr, tone.length);
        // faint noise (~ -67 dB re the tone) in the silence: below the -40 dB threshold
        double[] nz = Signals.noise(1, 1e-4, x.length);
        for (int i = 0; i < x.length; i++) if (i < sr || i >= 2 * sr) x[i] += nz[i];
        SilenceTrim.Interval iv = SilenceTrim.interval(x, 40, 2048, 512);
        // librosa-style: cut within one frame (2048) of the true edges
        assertTrue(Math.abs(iv.start() - sr) <= 2048, "start " + iv.start());
        assertTrue(Math.abs(iv.end() - 2 * sr) <= 2048, "end " + iv.end());
        double[] y = SilenceTrim.trim(x);
        assertEquals(iv.length(), y.length);
        assertTrue(y.length < 1.3 * sr && y.length > 0.9 * sr, "trimmed length " + y.length);
    }

    @Test
    void keepsLoudSignalAndSilentSignalWhole() {
        double[] tone = Signals.tone(300, 0.3, 16000, 8000);
        SilenceTrim.Interval iv = SilenceTrim.interval(tone, 40, 2048, 512);
        assertEquals(0, iv.start());
        assertEquals(tone.length, iv.end());
        double[] zeros = new double[5000];
        assertEquals(5000, SilenceTrim.trim(zeros).length);
        assertEquals(0, SilenceTrim.trim(new double[0]).length);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> SilenceTrim.interval(new double[10], 0, 2048, 512));
        assertThrows(IllegalArgumentException.class, () -> SilenceTrim.interval(new double[10], 40, 2048, 0));
    }
}
