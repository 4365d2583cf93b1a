package emolab.features.rich;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static double db(double ratio) { return 20 * Math.log10(ratio); }

    @Test
    void passbandToneKeepsAmplitudeAndFrequency48kTo16k() {
        double[] x = Signals.tone(1000, 0.5, 48000, 48000);
        double[] y = Resampler.resample(x, 48000, 16000);
        assertEquals(16000, y.length);
        assertEquals(0.5, Signals.middleAmplitude(y), 0.5 * 0.001);
        // exact phase: compare to the ideal 16 kHz tone in the middle
        double[] ideal = Signals.tone(1000, 0.5, 16000, 16000);
        for (int i = 2000; i < 14000; i++) assertEquals(ideal[i], y[i], 1e-4, "sample " + i);
    }

    @Test
    void passbandIsFlatUpTo7kHz() {
        for (int[] rates : new int[][] {{48000, 16000}, {44100, 16000}, {22050, 16000}, {8000, 16000}}) {
            for (double f : new double[] {100, 3000, 6000, 7000}) {
                if (f >= rates[0] / 2.0 * 0.9) continue;
                double[] y = Resampler.resample(Signals.tone(f, 0.5, rates[0], rates[0]), rates[0], rates[1]);
                double g = db(Signals.middleAmplitude(y) / 0.5);
                assertTrue(Math.abs(g) < 0.05, rates[0] + "->" + rates[1] + " at " + f + " Hz: gain " + g + " dB");
            }
        }
    }

    @Test
    void aboveNyquistToneIsAttenuated() {
        // 48k -> 16k: 9 kHz, 12 kHz and 20 kHz would alias to 7, 4 and 4 kHz
        for (double f : new double[] {8600, 9000, 12000, 20000}) {
            double[] y = Resampler.resample(Signals.tone(f, 0.5, 48000, 48000), 48000, 16000);
            double att = db(Signals.middleAmplitude(y) / 0.5);
            assertTrue(att < -80, "48k->16k tone " + f + " Hz leaks at " + att + " dB");
        }
        for (double f : new double[] {8700, 10000, 15000, 21000}) {
            double[] y = Resampler.resample(Signals.tone(f, 0.5, 44100, 44100), 44100, 16000);
            double att = db(Signals.middleAmplitude(y) / 0.5);
            assertTrue(att < -80, "44.1k->16k tone " + f + " Hz leaks at " + att + " dB");
        }
    }

    @Test
    void arbitraryRatioLengthAndIdentity() {
        Resampler r = new Resampler(44100, 16000);
        assertEquals(16000, r.outputLength(44100));
        assertEquals(1, r.outputLength(1));
        assertEquals(0, r.process(new double[0]).length);
        double[] x = {1, 2, 3};
        assertArrayEquals(x, Resampler.resample(x, 16000, 16000));
        // an odd, nearly irrational ratio goes through the on-the-fly kernel path
        double[] y = Resampler.resample(Signals.tone(440, 0.5, 44101, 44101), 44101, 16000);
        assertEquals(0.5, Signals.middleAmplitude(y), 0.001);
    }

    @Test
    void rejectsBadRates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Resampler(0, 16000));
        assertTrue(e.getMessage().contains("inRate"));
        e = assertThrows(IllegalArgumentException.class, () -> new Resampler(16000, -1));
        assertTrue(e.getMessage().contains("outRate"));
    }

    /**
     * The FFT decimation (overlap-add FFT convolution, every down-th sample kept) against the direct FIR sum written out here from
     * the resampler's own kernel: 48k→16k and 16k→8k (the rich set's two decimations), 48k→12k, and
     * lengths that leave the phases of unequal length. Tolerance 1e-13 absolute on signals of
     * amplitude ≤ 1 (rounding: the largest difference is ~1e-16).
     */
    @org.junit.jupiter.api.Test
    void fftDecimationEqualsTheDirectPolyphaseSum() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int[][] cases = {{48000, 16000, 48000 + 123}, {48000, 16000, 9001}, {16000, 8000, 16000 * 3 + 1}, {16000, 8000, 8192},
                {48000, 12000, 20000 + 3}};
        for (int[] c : cases) {
            double[] x = new double[c[2]];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble(-1, 1) * Math.sin(i * 0.001);
            Resampler r = new Resampler(c[0], c[1]);
            int m = c[0] / c[1];
            double[] fast = r.process(x);
            double[] direct = new double[r.outputLength(x.length)];
            assertEquals(direct.length, fast.length);
            double[] h = r.directKernelForTest();
            int half = h.length / 2;
            double max = 0;
            for (int i = 0; i < direct.length; i++) {
                int first = i * m - half + 1;
                double acc = 0;
                for (int k = 0; k < h.length; k++) {
                    int j = first + k;
                    if (j >= 0 && j < x.length) acc += h[k] * x[j];
                }
                max = Math.max(max, Math.abs(acc - fast[i]));
            }
            assertTrue(max < 1e-13, c[0] + "->" + c[1] + " n=" + c[2] + ": FFT path differs from the direct sum by " + max);
        }
    }
}
