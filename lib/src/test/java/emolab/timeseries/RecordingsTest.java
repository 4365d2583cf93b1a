package emolab.timeseries;

import emolab.data.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Recordings} on a tiny folder of generated WAVs. */
class RecordingsTest {
    @Test
    void scanSplitLabelsAndParallelMapKeepOrder(@TempDir Path dir) throws Exception {
        String[] names = {"03-01-05-01-01-01-01.wav", "03-02-03-02-01-01-02.wav", "03-01-01-01-02-02-19.wav",
                "03-01-08-02-01-02-24.wav"};
        for (int i = 0; i < names.length; i++) {
            double[] x = new double[1600 * (i + 1)];
            for (int t = 0; t < x.length; t++) x[t] = 0.1 * Math.sin(t * 0.05 * (i + 1));
            Files.createDirectories(dir.resolve("a"));
            WavWriter.writePcm16(dir.resolve("a").resolve(names[i]), x, 16_000);
        }
        Files.writeString(dir.resolve("a").resolve("not-ravdess.wav"), "junk");
        Recordings r = Recordings.scan(dir);
        assertEquals(4, r.size());
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).contains("not-ravdess.wav"));
        // path order: ...-01-02-02-19 (neutral), ...-05-...-01 (angry), ...-08-...-24 (surprised), 03-02-03-... (happy song)
        assertEquals("03-01-01-01-02-02-19.wav", r.name(0).fileName());
        assertArrayEquals(new int[]{1, 3}, r.trainRows());
        assertArrayEquals(new int[]{0, 2}, r.testRows());
        assertArrayEquals(new int[]{0, 4, 7, 2}, r.emotions());
        assertArrayEquals(new int[]{0, 0, 0, 1}, r.vocalChannels());
        assertArrayEquals(new int[]{0, 0, 1, 1}, r.sexes());
        assertEquals(16_000, r.sampleRate());
        assertEquals(1600, r.shortest());
        assertEquals(4800, r.shortest(r.testRows()));
        List<Integer> lengths = r.map(a -> a.samples().length, null);
        assertEquals(List.of(4800, 1600, 6400, 3200), lengths);
        assertEquals(List.of("neutral", "calm"), Recordings.EMOTIONS.subList(0, 2));
    }

    @Test
    void emptyFolderIsAnError(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> Recordings.scan(dir));
    }

    @Test
    void mixedSampleRatesAreBroughtToTheLowest(@TempDir Path dir) throws Exception {
        // one recording at 16 kHz, one at 44.1 kHz (1 s and 0.5 s): the lowest rate wins, lengths follow
        double[] a = new double[16_000], b = new double[22_050];
        for (int t = 0; t < a.length; t++) a[t] = 0.1 * Math.sin(t * 0.05);
        for (int t = 0; t < b.length; t++) b[t] = 0.1 * Math.sin(t * 0.02);
        WavWriter.writePcm16(dir.resolve("03-01-05-01-01-01-01.wav"), a, 16_000);
        WavWriter.writePcm16(dir.resolve("03-01-04-01-01-01-02.wav"), b, 44_100);
        Recordings r = Recordings.scan(dir);
        assertTrue(r.mixedSampleRates());
        assertEquals(16_000, r.lowestSampleRate());
        assertThrows(IllegalStateException.class, r::sampleRate, "one common rate does not exist");
        assertEquals(8_000, r.shortest(new int[] {0, 1}, 16_000), "0.5 s at 16 kHz");
        List<int[]> rateAndLength = r.map(16_000, x -> new int[] {x.sampleRate(), x.samples().length}, null);
        for (int[] rl : rateAndLength) assertEquals(16_000, rl[0]);
        List<Integer> lengths = rateAndLength.stream().map(rl -> rl[1]).toList();
        assertTrue(lengths.contains(16_000), lengths.toString());
        assertTrue(lengths.stream().anyMatch(n -> Math.abs(n - 8_000) <= 1), "0.5 s resampled to about 8,000 samples: " + lengths);
    }
}
