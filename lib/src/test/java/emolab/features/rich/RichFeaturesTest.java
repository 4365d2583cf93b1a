package emolab.features.rich;

import static org.junit.jupiter.api.Assertions.*;

import emolab.SharedData;
import emolab.data.Audio;
import emolab.data.WavReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class RichFeaturesTest {
    private static final RichFeatures RICH = new RichFeatures();

    private static double get(double[] v, String name) {
        int i = RICH.columns().indexOf(name);
        assertTrue(i >= 0, "no column " + name);
        return v[i];
    }

    private static void assertAllFinite(double[] v, String what) {
        assertEquals(RICH.columns().size(), v.length, what + ": length");
        for (int i = 0; i < v.length; i++)
            assertTrue(Double.isFinite(v[i]), what + ": " + RICH.columns().get(i) + " = " + v[i]);
    }

    /** A vowel-like signal: glottal pulses at f0 with silence padded on both sides. */
    private static double[] padded(double[] voiced, int sr, double padSeconds) {
        int pad = (int) (padSeconds * sr);
        double[] x = new double[voiced.length + 2 * pad];
        System.arraycopy(voiced, 0, x, pad, voiced.length);
        return x;
    }

    @Test
    void columnsMatchDescribe() {
        Table d = RichFeatures.describe();
        assertEquals(RICH.columns().size(), d.rowCount());
        assertEquals(List.of("name", "description", "group"), d.columnNames());
        assertEquals(RICH.columns(), d.stringColumn("name").asList());
        assertEquals(RICH.columns().size(), new HashSet<>(RICH.columns()).size(), "column names unique");
        for (String desc : d.stringColumn("description")) assertFalse(desc.isBlank());
        assertEquals(490, RICH.columns().size());
        assertEquals(98, d.where(d.stringColumn("group").isEqualTo("egemaps")).rowCount());
    }

    @Test
    void featuresMarkdownIsInSync() throws IOException {
        Path md = Path.of("FEATURES.md"); // surefire runs in lib/
        if (!Files.exists(md)) md = Path.of("lib/FEATURES.md");
        assertTrue(Files.exists(md), "lib/FEATURES.md missing");
        assertEquals(RichFeatures.markdown(), Files.readString(md),
                "lib/FEATURES.md is stale: regenerate with ./emolab main emolab.features.engine.FeaturesDoc lib/FEATURES.md");
    }

    @Test
    void synthesisedVowelGivesExpectedPitchAndDuration() {
        int sr = 16000;
        double[] x = padded(Signals.glottalPulses(150, sr, 1.0), sr, 0.5);
        double[] v = RICH.extract(new Audio(x, sr, 1, 16, "vowel"));
        assertAllFinite(v, "vowel");
        assertEquals(150, get(v, "f0_hz_mean"), 1.5);
        assertEquals(RichFeatures.semitones(150), get(v, "f0_st_mean"), 0.1);
        assertTrue(get(v, "f0_st_range") < 0.2, "range " + get(v, "f0_st_range"));
        assertTrue(get(v, "voiced_fraction") > 0.85, "voiced fraction " + get(v, "voiced_fraction"));
        assertTrue(get(v, "jitter_local") < 0.005, "jitter " + get(v, "jitter_local"));
        // 1 s vowel + 2 x 0.5 s padding, trimmed to within a trim frame of the vowel
        assertEquals(1.0, get(v, "duration_s"), 0.15);
    }

    @Test
    void silentFileGivesDefinedValues() {
        double[] v = RICH.extract(new Audio(new double[16000], 16000, 1, 16, "silence"));
        assertAllFinite(v, "silence");
        assertEquals(0, get(v, "voiced_fraction"));
        assertEquals(0, get(v, "f0_hz_mean"));
        assertEquals(0, get(v, "f0_st_std"));
        assertEquals(0, get(v, "jitter_local"));
        assertEquals(0, get(v, "rms_mean"));
        assertEquals(-100, get(v, "rms_db_mean"), 1e-9);
        assertEquals(-100, get(v, "logmel10_mean"), 1e-9);
        assertEquals(1.0, get(v, "duration_s"), 1e-12);
    }

    @Test
    void veryShortSignalsArePaddedAndEmptyIsAnError() {
        for (int n : new int[] {1, 100, 511, 700}) {
            double[] v = RICH.extract(new Audio(Signals.tone(220, 0.3, 16000, n), 16000, 1, 16, "short" + n));
            assertAllFinite(v, n + " samples");
        }
        double[] v = RICH.extract(new Audio(Signals.tone(220, 0.3, 44100, 50), 44100, 1, 16, "short44k"));
        assertAllFinite(v, "50 samples at 44.1 kHz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RICH.extract(new Audio(new double[0], 16000, 1, 16, "empty.wav")));
        assertTrue(e.getMessage().contains("empty.wav"), e.getMessage());
    }

    @Test
    void sampleFormatsRatesAndChannelsAgree(@TempDir Path dir) throws IOException {
        // the same vowel in several containers: features must agree closely with the 16-bit 16 kHz one
        double[] at16 = padded(Signals.harmonics(180, 16000, 0.8, 0.15), 16000, 0.3);
        double[] at44 = padded(Signals.harmonics(180, 44100, 0.8, 0.15), 44100, 0.3);
        double[] ref = RICH.extract(WavReader.read(WavBytes.write(dir.resolve("ref.wav"), 16000, WavBytes.Format.PCM16, at16)));
        assertAllFinite(ref, "reference");
        Object[][] cases = {
                {"pcm8.wav", 16000, WavBytes.Format.PCM8, new double[][] {at16}},
                {"pcm24.wav", 16000, WavBytes.Format.PCM24, new double[][] {at16}},
                {"float.wav", 16000, WavBytes.Format.FLOAT32, new double[][] {at16}},
                {"stereo.wav", 16000, WavBytes.Format.PCM16, new double[][] {at16, at16}},
                {"rate44k.wav", 44100, WavBytes.Format.PCM16, new double[][] {at44}},
        };
        for (Object[] c : cases) {
            Audio a = WavReader.read(WavBytes.write(dir.resolve((String) c[0]), (int) c[1], (WavBytes.Format) c[2], (double[][]) c[3]));
            double[] v = RICH.extract(a);
            assertAllFinite(v, (String) c[0]);
            assertEquals(180, get(v, "f0_hz_mean"), 1.8, c[0] + " f0");
            assertEquals(get(ref, "duration_s"), get(v, "duration_s"), 0.05, c[0] + " duration");
            assertEquals(get(ref, "rms_db_mean"), get(v, "rms_db_mean"), 1.0, c[0] + " rms dB");
            // 8-bit quantisation noise (-48 dB, white) really raises the centroid; after 44.1k->16k the padded
            // silence holds faint resampler ringing instead of exact zeros (compared without padding below)
            if (c[2] != WavBytes.Format.PCM8 && (int) c[1] == 16000)
                assertEquals(get(ref, "centroid_mean"), get(v, "centroid_mean"), 0.05 * get(ref, "centroid_mean"), c[0] + " centroid");
        }
    }

    @Test
    void resampledSpectrumMatchesNativeRate() {
        double[] a = RICH.extract(new Audio(Signals.harmonics(210, 16000, 1.0, 0.15), 16000, 1, 16, "16k"));
        double[] b = RICH.extract(new Audio(Signals.harmonics(210, 44100, 1.0, 0.15), 44100, 1, 16, "44.1k"));
        double[] c = RICH.extract(new Audio(Signals.harmonics(210, 48000, 1.0, 0.15), 48000, 1, 16, "48k"));
        for (double[] v : new double[][] {b, c}) {
            assertEquals(get(a, "centroid_mean"), get(v, "centroid_mean"), 0.01 * get(a, "centroid_mean"));
            assertEquals(get(a, "rolloff_mean"), get(v, "rolloff_mean"), 40);
            for (String m : new String[] {"mfcc00_mean", "mfcc01_mean", "mfcc05_mean", "logmel20_mean"})
                assertEquals(get(a, m), get(v, m), 0.5, m);
            assertEquals(210, get(v, "f0_hz_mean"), 2.1);
        }
    }

    @Test
    void realFilesGiveFiniteValuesAndResamplingAgreesWith16kCopy() throws IOException {
        Path d16 = SharedData.require("ravdess/wav16k/Actor_19");
        Path d48 = SharedData.require("ravdess/wav48k/Actor_19");
        String[] names = {"03-01-01-01-01-01-19.wav", "03-01-05-02-01-01-19.wav", "03-02-03-02-02-02-19.wav"};
        for (String name : names) {
            double[] a = RICH.extract(WavReader.read(d16.resolve(name)));
            double[] b = RICH.extract(WavReader.read(d48.resolve(name)));
            assertAllFinite(a, name + " 16k");
            assertAllFinite(b, name + " 48k");
            assertTrue(get(a, "voiced_fraction") > 0.05, name + " voiced fraction " + get(a, "voiced_fraction"));
            assertEquals(get(a, "duration_s"), get(b, "duration_s"), 0.05, name + " duration 16k vs 48k");
            assertEquals(get(a, "f0_st_mean"), get(b, "f0_st_mean"), 0.5, name + " F0 16k vs 48k (sox vs ours)");
            assertEquals(get(a, "mfcc01_mean"), get(b, "mfcc01_mean"), 0.05 * Math.abs(get(a, "mfcc01_mean")) + 1, name + " mfcc1");
        }
    }

    /**
     * v4's zero-crossing dead band: rounding-level noise (±1e-16, what the FFT resampler leaves in
     * digital silence) gives no crossings, a real 16-bit-level signal (±1 LSB = 3.1e-5) and a tone
     * count as before, and the rate does not depend on the file's gain.
     */
    @Test
    void zeroCrossingDeadBandIgnoresRoundingNoiseOnly() {
        int sr = RichFeatures.SR, half = 8000;
        double[] x = new double[2 * half];
        System.arraycopy(Signals.tone(500, 0.5, sr, half), 0, x, 0, half);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = half; i < x.length; i++) x[i] = rnd.nextDouble(-1e-16, 1e-16);
        int frames = 1 + x.length / RichFeatures.HOP;
        double[] rms = new double[frames], zcr = new double[frames];
        RichFeatures.frameRmsZcr(x, frames, rms, zcr);
        assertEquals(2 * 500.0 / sr, zcr[20], 2.0 / RichFeatures.N_FFT, "tone frame");
        assertEquals(0, zcr[frames - 5], "rounding-noise frame");
        // the same noise frames at 16-bit level: every sign change counts (as in v3)
        double[] lsb = x.clone();
        int changes = 0;
        int a = (frames - 5) * RichFeatures.HOP - RichFeatures.N_FFT / 2;
        for (int i = half; i < lsb.length; i++) lsb[i] = (rnd.nextBoolean() ? 1 : -1) / 32768.0;
        for (int i = a + 1; i < a + RichFeatures.N_FFT; i++) if ((lsb[i] < 0) != (lsb[i - 1] < 0)) changes++;
        RichFeatures.frameRmsZcr(lsb, frames, rms, zcr);
        assertEquals(changes / (double) RichFeatures.N_FFT, zcr[frames - 5], 1e-15, "16-bit noise frame");
        assertTrue(changes > 100, "changes " + changes);
        // gain invariance: the band is relative to the peak
        double[] quiet = new double[lsb.length];
        for (int i = 0; i < quiet.length; i++) quiet[i] = lsb[i] * 1e-6;
        double[] zq = new double[frames];
        RichFeatures.frameRmsZcr(quiet, frames, rms, zq);
        assertArrayEquals(zcr, zq, 0.0);
    }
}
