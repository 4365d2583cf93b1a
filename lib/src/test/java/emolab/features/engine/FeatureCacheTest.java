package emolab.features.engine;

import static org.junit.jupiter.api.Assertions.*;

import emolab.features.engine.FeatureExtractorTest.CountingSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache notices changed files (even with the same size and time stamp) and damaged entries. */
class FeatureCacheTest {
    @TempDir
    Path dir;

    private record Run(String csv, int calls, List<String> warnings) {}

    private Run run(List<Path> files, Path cacheDir) throws IOException {
        CountingSet set = new CountingSet("1");
        FeatureExtractor fx = FeatureExtractor.builder().set(set).threads(2).progress(ExtractionProgress.NONE).cache(cacheDir).build();
        ExtractionResult r = fx.extract(files);
        assertEquals(List.of(), r.errors());
        return new Run(CsvIO.toCsv(r.table()), set.calls.get(), fx.cacheWarnings());
    }

    @Test
    void contentChangeWithSameSizeAndTimeStampIsNoticed() throws IOException {
        List<Path> files = FeatureExtractorTest.corpus(dir.resolve("audio"), 6);
        Path cacheDir = dir.resolve("cache");
        Run first = run(files, cacheDir);
        assertEquals(6, first.calls());
        assertEquals(0, run(files, cacheDir).calls(), "all cached");
        Path f = files.get(2);
        FileTime t = Files.getLastModifiedTime(f);
        byte[] b = Files.readAllBytes(f);
        b[b.length - 10] ^= 0x40; // one sample changes; size unchanged
        Files.write(f, b);
        Files.setLastModifiedTime(f, t); // and the time stamp restored (cp -p, rsync -t, an editor that keeps it)
        Run second = run(files, cacheDir);
        assertEquals(1, second.calls(), "only the changed file is recomputed");
        assertNotEquals(first.csv(), second.csv());
        assertEquals(List.of(), second.warnings());
    }

    @Test
    void damagedCacheRowsAreReportedAndRecomputedNeverUsed() throws IOException {
        List<Path> files = FeatureExtractorTest.corpus(dir.resolve("audio"), 6);
        Path cacheDir = dir.resolve("cache");
        String fresh = run(files, cacheDir).csv();
        Path cacheFile = cacheDir.resolve("tiny.cache.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(cacheFile));
        assertEquals(7, lines.size());
        // row 2: one digit of a value changed (a plausible number, caught by the row checksum)
        lines.set(1, lines.get(1).replaceFirst(",(\\d)\\.", ",9."));
        // row 3: a value replaced by NaN
        String[] cells = lines.get(2).split(",");
        cells[7] = "NaN";
        lines.set(2, String.join(",", cells));
        // row 4: cut short (a torn write by another tool)
        lines.set(3, lines.get(3).substring(0, lines.get(3).length() / 2));
        // row 5: text in a number cell
        lines.set(4, lines.get(4).replaceFirst(",\\d+,", ",abc,"));
        Files.write(cacheFile, lines, StandardCharsets.UTF_8);
        Run r = run(files, cacheDir);
        assertEquals(4, r.calls(), "the four damaged rows are recomputed");
        assertEquals(fresh, r.csv(), "results equal an uncached run");
        assertEquals(4, r.warnings().size(), r.warnings().toString());
        for (int row = 2; row <= 5; row++) {
            int rr = row;
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains(cacheFile.toString()) && w.contains("row " + rr + " is damaged")),
                    "row " + row + " named: " + r.warnings());
        }
        Run again = run(files, cacheDir);
        assertEquals(0, again.calls(), "the cache was repaired");
        assertEquals(List.of(), again.warnings());
    }

    @Test
    void unreadableOrForeignCacheFileIsRecomputedNotACrash() throws IOException {
        List<Path> files = FeatureExtractorTest.corpus(dir.resolve("audio"), 4);
        Path cacheDir = dir.resolve("cache");
        String fresh = run(files, cacheDir).csv();
        Path cacheFile = cacheDir.resolve("tiny.cache.csv");
        Files.writeString(cacheFile, Files.readString(cacheFile) + "\"unterminated,1,2\n");
        Run r = run(files, cacheDir);
        assertEquals(4, r.calls());
        assertEquals(fresh, r.csv());
        assertTrue(r.warnings().get(0).contains("unreadable"), r.warnings().toString());
        Files.write(cacheFile, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, 3});
        r = run(files, cacheDir);
        assertEquals(4, r.calls());
        assertEquals(fresh, r.csv());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        Files.writeString(cacheFile, "path,size,mtime_ns,set,version,n,mean_abs,rate,weird\n/x,1,2,tiny,1,1,2,3,4\n"); // older layout
        r = run(files, cacheDir);
        assertEquals(4, r.calls(), "an older layout is ignored");
        assertEquals(List.of(), r.warnings(), "an older layout is not damage");
        assertEquals(0, run(files, cacheDir).calls());
    }
}
