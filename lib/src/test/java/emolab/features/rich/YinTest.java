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
}
