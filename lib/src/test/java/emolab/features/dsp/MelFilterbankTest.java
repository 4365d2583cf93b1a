package emolab.features.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MelFilterbankTest {
    @Test
    void melScale() {
        assertEquals(15.0, MelFilterbank.hzToMel(1000, MelFilterbank.Scale.SLANEY), 1e-12);
        assertEquals(3.0, MelFilterbank.hzToMel(200, MelFilterbank.Scale.SLANEY), 1e-12);
        assertEquals(1000.0, MelFilterbank.hzToMel(1000, MelFilterbank.Scale.HTK), 0.02);
        for (double hz : new double[] {0, 300, 999, 1000, 4321, 24000})
            for (MelFilterbank.Scale s : MelFilterbank.Scale.values())
                assertEquals(hz, MelFilterbank.melToHz(MelFilterbank.hzToMel(hz, s), s), 1e-9 * Math.max(1, hz));
    }

    @Test
    void rowsAreUnitAreaTriangles() {
        int sr = 16000, nFft = 2048, nMels = 40;
        MelFilterbank fb = MelFilterbank.create(sr, nFft, nMels, 0, 8000, MelFilterbank.Scale.SLANEY, MelFilterbank.Norm.SLANEY, false);
        double[][] w = fb.toDense();
        double[] centres = MelFilterbank.melFrequencies(nMels + 2, 0, 8000, MelFilterbank.Scale.SLANEY);
        double df = (double) sr / nFft;
        for (int m = 0; m < nMels; m++) {
            double area = 0;
            int peak = 0;
            for (int f = 0; f < w[m].length; f++) {
                assertTrue(w[m][f] >= 0);
                area += w[m][f] * df;
                if (w[m][f] > w[m][peak]) peak = f;
            }
            assertEquals(1.0, area, 0.05, "area of filter " + m);       // Slaney norm: unit area in Hz
            assertEquals(centres[m + 1], peak * df, df, "peak of filter " + m);
            for (int f = 1; f <= peak; f++) assertTrue(w[m][f] >= w[m][f - 1]); // rises, then falls
            for (int f = peak + 1; f < w[m].length; f++) assertTrue(w[m][f] <= w[m][f - 1]);
        }
    }

    @Test
    void float32WeightsAndSparseApply() {
        MelFilterbank fb = MelFilterbank.librosa(48000, 2048, 128);
        double[][] w = fb.toDense();
        double[] spec = new double[2 * 1025];
        for (int i = 0; i < spec.length; i++) spec[i] = (i * 7919 % 101) / 10.0;
        double[] out = new double[2 * 128];
        fb.apply(spec, 2, out);
        for (int t = 0; t < 2; t++) {
            for (int m = 0; m < 128; m++) {
                double acc = 0;
                for (int f = 0; f < 1025; f++) {
                    assertEquals(w[m][f], (double) (float) w[m][f], 0.0);
                    acc += w[m][f] * spec[t * 1025 + f];
                }
                assertEquals(acc, out[t * 128 + m], 1e-12 * Math.max(1, acc));
            }
        }
        MelFilterbank fb64 = MelFilterbank.create(48000, 2048, 128, 0, 24000, MelFilterbank.Scale.SLANEY, MelFilterbank.Norm.SLANEY, false);
        assertEquals(fb64.weight(60, fb64.toDense()[60].length / 8), fb.weight(60, fb64.toDense()[60].length / 8), 1e-7);
    }
}
