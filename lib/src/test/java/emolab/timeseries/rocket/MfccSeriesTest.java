package emolab.timeseries.rocket;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.Audio;
import org.junit.jupiter.api.Test;

class MfccSeriesTest {
    static double[] tone(int n, double hz, double amp) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = amp * Math.sin(2 * Math.PI * hz * i / 16000.0);
        return x;
    }

    @Test
    void shapeAndZeroPaddingOfTheReferenceRecipe() {
        MfccSeries m = new MfccSeries(MfccSeries.Options.reference());
        double[][] s = m.of(tone(16000, 440, 0.3)); // 1 s -> 1 + 16000/160 = 101 centred frames
        assertEquals(20, s.length);
        assertEquals(300, s[0].length);
        for (int k = 0; k < 20; k++) {
            for (int t = 101; t < 300; t++) assertEquals(0.0, s[k][t], 0.0, "zero padding after the end");
        }
        // a steady tone: interior frames are identical up to the window's phase (small spread)
        for (int k = 0; k < 5; k++) assertEquals(s[k][50], s[k][51], 0.5 + 0.01 * Math.abs(s[k][50]));
        // ten times the amplitude adds 20 dB to every band (the 80 dB floor moves along), so only
        // c0 changes, by 20 * 128 / sqrt(128) with the orthonormal DCT
        double[][] quiet = m.of(tone(16000, 440, 0.03));
        assertEquals(20 * Math.sqrt(128), s[0][50] - quiet[0][50], 1e-9 * 226);
        for (int k = 1; k < 20; k++) assertEquals(s[k][50], quiet[k][50], 1e-9 * Math.max(1, Math.abs(s[k][50])), "c" + k);
        // a long recording is cut to its first 300 frames
        double[][] l = m.of(tone(16000 * 5, 440, 0.3));
        assertEquals(300, l[0].length);
        assertEquals(s[3][40], l[3][40], 1e-6 * Math.max(1, Math.abs(s[3][40])) + 0.5, "same tone, same frames");
    }

    @Test
    void trimmedRecipeDropsSilenceAndRepeatsTheLastFrame() {
        double[] x = new double[16000 * 2];
        double[] t = tone(8000, 300, 0.5);
        System.arraycopy(t, 0, x, 16000, t.length); // 1 s silence, 0.5 s tone, 0.5 s silence
        MfccSeries trimmed = new MfccSeries(MfccSeries.Options.trimmed());
        MfccSeries ref = new MfccSeries(MfccSeries.Options.reference());
        double[][] a = trimmed.of(x), b = ref.of(x);
        // the reference recipe starts in silence (80 dB floor), the trimmed one in the tone
        assertTrue(a[0][5] > b[0][5] + 100, "trimmed starts with the tone: " + a[0][5] + " vs " + b[0][5]);
        int used = 0;
        for (int k = 1; k < 300; k++) if (a[0][k] != a[0][k - 1]) used = k;
        assertTrue(used < 120, "edge padding after the trimmed frames, last change at " + used);
        for (int k = 0; k < 20; k++) assertEquals(a[k][used], a[k][299], 0.0);
    }

    @Test
    void otherSampleRatesAreResampled() {
        MfccSeries m = new MfccSeries(MfccSeries.Options.reference());
        double[] x48 = new double[48000];
        for (int i = 0; i < x48.length; i++) x48[i] = 0.3 * Math.sin(2 * Math.PI * 440 * i / 48000.0);
        double[][] a = m.of(new Audio(x48, 48000, 1, 16, "tone48k"));
        double[][] b = m.of(tone(16000, 440, 0.3));
        for (int k = 0; k < 4; k++) assertEquals(b[k][50], a[k][50], 0.05 * Math.max(1, Math.abs(b[k][50])), "coefficient " + k);
    }

    @Test
    void badInputGivesClearErrors() {
        MfccSeries m = new MfccSeries(MfccSeries.Options.reference());
        double[] x = tone(4000, 440, 0.3);
        x[100] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.of(x));
        assertTrue(e.getMessage().contains("sample 100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new MfccSeries.Options(30, 400, 160, 20, 300, MfccSeries.Fit.START_ZERO_PAD));
        assertThrows(IllegalArgumentException.class, () -> new MfccSeries.Options(20, 401, 160, 128, 300, MfccSeries.Fit.START_ZERO_PAD));
    }
}
