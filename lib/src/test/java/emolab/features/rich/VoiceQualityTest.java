package emolab.features.rich;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VoiceQualityTest {
    private final Yin yin = Yin.richDefault();

    @Test
    void periodicSignalHasNearZeroJitterAndShimmer() {
        for (double period : new double[] {129.66, 80.0, 61.3}) {
            double[] x = Signals.harmonicCycles(Signals.constantPeriods(period, 1.0, 16000), 8, 0.4, null);
            VoiceQuality.Result r = VoiceQuality.measure(x, yin.track(x));
            assertTrue(r.pairs() > 50, "pairs " + r.pairs());
            assertTrue(r.jitter() < 0.002, "jitter of periodic signal (T=" + period + "): " + r.jitter());
            assertTrue(r.shimmer() < 0.002, "shimmer of periodic signal (T=" + period + "): " + r.shimmer());
        }
    }

    @Test
    void glottalPulseTrainHasNearZeroJitter() {
        double[] x = Signals.glottalPulses(125, 16000, 1.0);
        VoiceQuality.Result r = VoiceQuality.measure(x, yin.track(x));
        assertTrue(r.pairs() > 50);
        assertTrue(r.jitter() < 0.003, "jitter " + r.jitter());
        assertTrue(r.shimmer() < 0.01, "shimmer " + r.shimmer());
    }

    @Test
    void jitteredAndShimmeredSignalsMeasurePositive() {
        Random rnd = new Random(7);
        double[] p = Signals.constantPeriods(128, 1.2, 16000);
        double[] a = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 128 * (1 + 0.02 * rnd.nextGaussian());
            a[i] = 1 + 0.08 * rnd.nextGaussian();
        }
        double[] x = Signals.harmonicCycles(p, 8, 0.4, a);
        VoiceQuality.Result r = VoiceQuality.measure(x, yin.track(x));
        // expected local jitter ≈ 0.02 * 2/sqrt(pi) ≈ 0.023, shimmer ≈ 0.08 * 2/sqrt(pi) ≈ 0.09
        assertTrue(r.jitter() > 0.012 && r.jitter() < 0.04, "jitter " + r.jitter());
        assertTrue(r.shimmer() > 0.05 && r.shimmer() < 0.14, "shimmer " + r.shimmer());
    }

    @Test
    void unvoicedGivesZeros() {
        double[] x = Signals.noise(3, 0.1, 16000);
        VoiceQuality.Result r = VoiceQuality.measure(x, yin.track(x));
        assertEquals(0, r.pairs());
        assertEquals(0.0, r.jitter());
        assertEquals(0.0, r.shimmer());
    }
}
