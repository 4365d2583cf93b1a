package emolab.features.rich;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class YinTest {
    private final Yin yin = Yin.richDefault();

    private static double medianVoicedF0(Yin.Track t) {
        return java.util.Arrays.stream(t.f0()).filter(f -> f > 0).sorted().toArray()[
                (int) java.util.Arrays.stream(t.f0()).filter(f -> f > 0).count() / 2];
    }

    @Test
    void pureTonesWithinOnePercent() {
        for (double f : new double[] {65, 98.5, 150, 220, 347.3, 500, 780}) {
            Yin.Track t = yin.track(Signals.tone(f, 0.3, 16000, 16000));
            assertTrue(t.voicedFraction() > 0.95, f + " Hz voiced fraction " + t.voicedFraction());
            for (int i = 0; i < t.frames(); i++)
                if (t.voiced()[i]) assertEquals(f, t.f0()[i], 0.01 * f, f + " Hz frame " + i);
        }
    }

    @Test
    void glottalPulseTrainsWithinOnePercent() {
        for (double f : new double[] {80, 110, 175, 240, 330}) {
            Yin.Track t = yin.track(Signals.glottalPulses(f, 16000, 1.0));
            assertTrue(t.voicedFraction() > 0.9, f + " Hz voiced fraction " + t.voicedFraction());
            int bad = 0;
            for (int i = 0; i < t.frames(); i++) if (t.voiced()[i] && Math.abs(t.f0()[i] - f) > 0.01 * f) bad++;
            assertEquals(0, bad, f + " Hz: frames off by > 1%; median " + medianVoicedF0(t));
        }
    }

    @Test
    void whiteNoiseIsUnvoiced() {
        Yin.Track t = yin.track(Signals.noise(42, 0.1, 32000));
        assertTrue(t.voicedFraction() < 0.02, "voiced fraction of noise " + t.voicedFraction());
    }

    @Test
    void silenceAndShortSignals() {
        Yin.Track t = yin.track(new double[16000]);
        assertEquals(0, t.voicedFraction());
        Yin.Track s = yin.track(Signals.tone(200, 0.3, 16000, 300)); // shorter than a frame
        assertEquals(1, s.frames());
        assertEquals(0, yin.track(new double[0]).voicedFraction());
    }

    @Test
    void rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Yin(16000, 256, 160, 60, 800, 0.1));
        assertTrue(e.getMessage().contains("frame"));
        assertThrows(IllegalArgumentException.class, () -> new Yin(16000, 1024, 160, 60, 9000, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Yin(16000, 1024, 160, 60, 800, 1.5));
    }

    /**
     * The lag products from a segment spectrum shared by consecutive frames (v4) against the per-frame
     * FFT cross-correlation (v3):
     * on voiced-like signals with noise, level changes and digital silence between them, and for
     * frame/hop shapes where 1, 2, 3 or 4 frames share a segment (and W = frame − τmax is a multiple of the
     * hop, larger than it, or smaller), the
     * tracks have the same voicing decisions, F0 within 1e-9 relative and CMNDF dips within 1e-9.
     */
    @Test
    void sharedSegmentCorrelationEqualsThePerFrameFft() {
        int sr = 16000;
        double[] a = Signals.glottalPulses(120, sr, 0.8), b = Signals.harmonics(233, sr, 0.6, 0.2), c = Signals.noise(5, 0.05, 6000);
        double[] x = new double[a.length + b.length + c.length + 9000];
        System.arraycopy(a, 0, x, 0, a.length);
        System.arraycopy(b, 0, x, a.length + 4000, b.length);           // 4000 samples of digital silence between
        System.arraycopy(c, 0, x, a.length + 4000 + b.length + 2000, c.length);
        double[] n = Signals.noise(11, 0.002, x.length);
        for (int i = 0; i < a.length; i++) x[i] += n[i] * (i % 3000) / 3000.0; // level-varying noise on the pulses
        for (Yin y : new Yin[] {Yin.richDefault(), new Yin(sr, 640, 373, 60, 800, 0.15), new Yin(sr, 640, 400, 60, 800, 0.15),
                new Yin(sr, 640, 100, 60, 800, 0.15), new Yin(sr, 1024, 256, 50, 600, 0.1)}) {
            Yin.Track fast = y.track(x), ref = y.trackFftReference(x);
            assertEquals(ref.frames(), fast.frames());
            int voiced = 0;
            for (int i = 0; i < ref.frames(); i++) {
                String where = "hop " + y.hop() + " frame " + i;
                assertEquals(ref.voiced()[i], fast.voiced()[i], where);
                if (ref.voiced()[i]) voiced++;
                assertEquals(ref.f0()[i], fast.f0()[i], 1e-9 * ref.f0()[i], where);
                assertEquals(ref.dip()[i], fast.dip()[i], 1e-9, where);
            }
            assertTrue(voiced > ref.frames() / 3, "hop " + y.hop() + ": only " + voiced + " voiced frames");
        }
        // shorter than a frame, and empty
        double[] s = Signals.tone(200, 0.3, sr, 300);
        assertArrayEquals(yin.trackFftReference(s).f0(), yin.track(s).f0(), 1e-9 * 200);
        assertEquals(0, yin.track(new double[0]).frames() - yin.trackFftReference(new double[0]).frames());
    }
}
