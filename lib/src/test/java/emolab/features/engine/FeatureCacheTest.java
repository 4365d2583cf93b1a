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

    /** Values that a careless text or binary round trip would change: signed zero, subnormals, extremes, long fractions. */
    static class EdgeSet implements emolab.features.FeatureSet {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        public String name() { return "edge"; }
        public String version() { return "1"; }
        public List<String> columns() { return List.of("neg_zero", "min", "max", "tenths", "third", "next_up", "subnormal", "sum"); }

        public double[] extract(emolab.data.Audio a) {
            calls.incrementAndGet();
            double s = 0;
            for (double v : a.samples()) s += v;
            return new double[] {-0.0, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, s / 3, Math.nextUp(1.0 + s), -1e-310 * (1 + s), s};
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Double.doubleToRawLongBits(v[i]);
        return b;
    }

    private static ExtractionResult extractEdge(List<Path> files, Path cacheDir, EdgeSet set) throws IOException {
        FeatureExtractor fx = FeatureExtractor.builder().set(set).threads(2).progress(ExtractionProgress.NONE).cache(cacheDir).build();
        ExtractionResult r = fx.extract(files);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), fx.cacheWarnings());
        return r;
    }

    /** Every file's cached values, as raw bits, looked up by key. */
    private static List<long[]> cached(FeatureCache cache, List<Path> files) throws IOException {
        List<long[]> out = new ArrayList<>();
        for (Path f : files) {
            double[] v = cache.get(FeatureCache.Key.of(f));
            assertNotNull(v, "cached: " + f);
            out.add(bits(v));
        }
        return out;
    }

    private static void assertSameBits(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "row " + i);
    }

    @Test
    void sidecarRoundTripIsBitIdenticalToTheComputedValuesAndTheCsv() throws IOException {
        List<Path> files = FeatureExtractorTest.corpus(dir.resolve("audio"), 6);
        Path cacheDir = dir.resolve("cache");
        EdgeSet set = new EdgeSet();
        List<long[]> computed = new ArrayList<>();
        for (Path f : files) computed.add(bits(set.extract(emolab.data.WavReader.read(f))));
        String fresh = CsvIO.toCsv(extractEdge(files, cacheDir, set).table());
        FeatureCache viaSidecar = new FeatureCache(cacheDir, set);
        assertTrue(Files.isRegularFile(viaSidecar.sidecar()), "save wrote the sidecar");
        assertTrue(viaSidecar.loadedFromSidecar());
        assertSameBits(computed, cached(viaSidecar, files));

        Files.delete(viaSidecar.sidecar());
        FeatureCache viaCsv = new FeatureCache(cacheDir, set);
        assertFalse(viaCsv.loadedFromSidecar());
        assertSameBits(computed, cached(viaCsv, files));
        assertTrue(Files.isRegularFile(viaCsv.sidecar()), "a clean CSV read writes the sidecar again");
        assertTrue(new FeatureCache(cacheDir, set).loadedFromSidecar());

        int before = set.calls.get();
        assertEquals(fresh, CsvIO.toCsv(extractEdge(files, cacheDir, set).table()), "a run from the sidecar gives the same table");
        assertEquals(before, set.calls.get(), "nothing recomputed");
    }

    @Test
    void staleSidecarIsIgnoredAndRewritten() throws IOException {
        List<Path> files = FeatureExtractorTest.corpus(dir.resolve("audio"), 9);
        Path cacheDir = dir.resolve("cache");
        EdgeSet set = new EdgeSet();
        extractEdge(files.subList(0, 6), cacheDir, set);
        Path sidecar = new FeatureCache(cacheDir, set).sidecar();
        byte[] sixRows = Files.readAllBytes(sidecar);
        extractEdge(files, cacheDir, set); // nine rows now, CSV and sidecar rewritten
        List<long[]> nine = cached(new FeatureCache(cacheDir, set), files);

        // 1. the sidecar of an older CSV (six rows) beside the nine-row CSV: the CSV wins
        Files.write(sidecar, sixRows);
        FeatureCache c = new FeatureCache(cacheDir, set);
        assertFalse(c.loadedFromSidecar());
        assertEquals(9, c.size());
        assertSameBits(nine, cached(c, files));
        assertFalse(java.util.Arrays.equals(sixRows, Files.readAllBytes(sidecar)), "rewritten");
        assertTrue(new FeatureCache(cacheDir, set).loadedFromSidecar());

        // 2. the CSV edited with its size and time stamp kept: the CSV's checksum tells, so the damage is seen
        Path csv = c.file();
        FileTime t = Files.getLastModifiedTime(csv);
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String changed = lines.get(3).replaceFirst(",(\\d)\\.(\\d)", ",$2.$1");
        assertNotEquals(lines.get(3), changed);
        lines.set(3, changed);
        Files.write(csv, lines, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(csv, t);
        c = new FeatureCache(cacheDir, set);
        assertFalse(c.loadedFromSidecar(), "the sidecar does not stand for an edited CSV");
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(0).contains("row 4 is damaged"), c.warnings().toString());
        int before = set.calls.get();
        FeatureExtractor fx = FeatureExtractor.builder().set(set).threads(2).progress(ExtractionProgress.NONE).cache(cacheDir).build();
        assertEquals(List.of(), fx.extract(files).errors());
        assertEquals(c.warnings(), fx.cacheWarnings());
        assertEquals(before + 1, set.calls.get(), "only the damaged row's file is recomputed");
        c = new FeatureCache(cacheDir, set);
        assertTrue(c.loadedFromSidecar(), "the repaired CSV has its sidecar again");
        assertSameBits(nine, cached(c, files));
    }

    @Test
    void corruptOrForeignSidecarIsIgnoredAndRewritten() throws IOException {
        List<Path> files = FeatureExtractorTest.corpus(dir.resolve("audio"), 5);
        Path cacheDir = dir.resolve("cache");
        EdgeSet set = new EdgeSet();
        extractEdge(files, cacheDir, set);
        FeatureCache first = new FeatureCache(cacheDir, set);
        List<long[]> expected = cached(first, files);
        Path sidecar = first.sidecar();
        byte[] good = Files.readAllBytes(sidecar);

        byte[] flipped = good.clone();
        flipped[good.length - 20] ^= 0x01;                      // one bit of the last value
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] garbage = "not a sidecar at all".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(flipped, truncated, garbage, new byte[0])) {
            Files.write(sidecar, bad);
            FeatureCache c = new FeatureCache(cacheDir, set);
            assertFalse(c.loadedFromSidecar());
            assertEquals(List.of(), c.warnings(), "a bad sidecar is no damage to the cache");
            assertSameBits(expected, cached(c, files));
            assertArrayEquals(good, Files.readAllBytes(sidecar), "rewritten as it was");
        }
        // a sidecar of another set version (same CSV stamp is impossible to fake, so: another set reading these files)
        FeatureCache other = new FeatureCache(cacheDir, new EdgeSet() {
            @Override public String version() { return "2"; }
        });
        assertFalse(other.loadedFromSidecar());
        assertEquals(0, other.size(), "rows of version 1 are not version 2's");
    }

    @Test
    void unwritableSidecarOnlyCostsSpeed() throws IOException {
        List<Path> files = FeatureExtractorTest.corpus(dir.resolve("audio"), 4);
        Path cacheDir = dir.resolve("cache");
        Files.createDirectories(cacheDir.resolve("edge.cache.bin").resolve("blocker")); // a folder where the sidecar goes
        EdgeSet set = new EdgeSet();
        String fresh = CsvIO.toCsv(extractEdge(files, cacheDir, set).table());
        FeatureCache c = new FeatureCache(cacheDir, set);
        assertFalse(c.loadedFromSidecar());
        assertEquals(List.of(), c.warnings());
        assertEquals(4, c.size());
        int before = set.calls.get();
        assertEquals(fresh, CsvIO.toCsv(extractEdge(files, cacheDir, set).table()));
        assertEquals(before, set.calls.get());
    }

    @Test
    void binaryWritesAreAtomic() throws Exception {
        Path file = dir.resolve("out").resolve("data.bin");
        Files.createDirectories(file.getParent());
        byte[] old = {1, 2, 3};
        Files.write(file, old);
        byte[] next = new byte[1 << 16];
        new java.util.Random(7).nextBytes(next);
        String saved = System.getProperty(CsvIO.PAUSE_PROPERTY);
        System.setProperty(CsvIO.PAUSE_PROPERTY, "1500");
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                CsvIO.writeAtomically(file, next);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        try {
            writer.start();
            Path tmp = null;
            for (int i = 0; i < 500 && tmp == null; i++) {
                try (var s = Files.list(file.getParent())) {
                    tmp = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).findFirst().orElse(null);
                }
                if (tmp == null || Files.size(tmp) == 0) {
                    tmp = null;
                    Thread.sleep(5);
                }
            }
            assertNotNull(tmp, "a temp file is written first");
            assertTrue(tmp.getFileName().toString().startsWith(".data.bin"), tmp.toString());
            assertEquals(next.length / 2, Files.size(tmp), "half written, paused");
            assertArrayEquals(old, Files.readAllBytes(file), "the target is untouched meanwhile");
            writer.join(30_000);
        } finally {
            if (saved == null) System.clearProperty(CsvIO.PAUSE_PROPERTY);
            else System.setProperty(CsvIO.PAUSE_PROPERTY, saved);
        }
        assertNull(failure.get());
        assertArrayEquals(next, Files.readAllBytes(file));
        try (var s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "no temp file left");
        }
    }
}
