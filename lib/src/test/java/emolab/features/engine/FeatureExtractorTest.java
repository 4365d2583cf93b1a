package emolab.features.engine;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.Audio;
import emolab.data.WavWriter;
import emolab.features.FeatureSet;
import emolab.features.rich.RichFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class FeatureExtractorTest {

    /** A tiny set that counts its calls: length, mean |x|, sample rate, and a random-ish checksum. */
    static final class CountingSet implements FeatureSet {
        final AtomicInteger calls = new AtomicInteger();
        final String version;
        volatile boolean produceNaN;

        CountingSet(String version) { this.version = version; }

        public String name() { return "tiny"; }
        public String version() { return version; }
        public List<String> columns() { return List.of("n", "mean_abs", "rate", "weird"); }

        public double[] extract(Audio a) {
            calls.incrementAndGet();
            double s = 0;
            for (double v : a.samples()) s += Math.abs(v);
            double weird = produceNaN && a.source().contains("03-01-03-") ? Double.NaN : 0.1 + 1.0 / 3 + s * Math.PI;
            return new double[] {a.samples().length, s / Math.max(1, a.samples().length), a.sampleRate(), weird};
        }
    }

    static String name(int emotion, int actor) {
        return String.format("03-01-%02d-%02d-01-01-%02d.wav", emotion, emotion == 1 ? 1 : 2, actor);
    }

    /** Writes n RAVDESS-named files with different content; returns them in name order. */
    static List<Path> corpus(Path dir, int n) throws IOException {
        List<Path> files = new ArrayList<>();
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            int emotion = 1 + i % 8, actor = 1 + i / 8;
            double[] x = new double[2000 + 500 * i];
            double f = 100 + 40 * i;
            for (int j = 0; j < x.length; j++) x[j] = 0.3 * Math.sin(2 * Math.PI * f * j / 16000) + 0.01 * r.nextGaussian();
            Path p = dir.resolve("Actor_" + actor).resolve(name(emotion, actor));
            Files.createDirectories(p.getParent());
            WavWriter.writePcm16(p, x, 16000);
            files.add(p);
        }
        Collections.sort(files);
        return files;
    }

    @Test
    void rowsFollowInputOrderAndLabelsAreParsed(@TempDir Path dir) throws IOException {
        List<Path> files = corpus(dir, 20);
        List<Path> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(5));
        CountingSet set = new CountingSet("1");
        ExtractionResult r = FeatureExtractor.builder().set(set).threads(4).progress(ExtractionProgress.NONE).build().extract(shuffled);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        Table t = r.table();
        List<String> expected = new ArrayList<>(FeatureExtractor.LABEL_COLUMNS);
        expected.addAll(set.columns());
        assertEquals(expected, t.columnNames());
        assertEquals(20, t.rowCount());
        for (int i = 0; i < 20; i++) assertEquals(shuffled.get(i).getFileName().toString(), t.stringColumn("filename").get(i));
        int row = t.stringColumn("filename").asList().indexOf("03-01-05-02-01-01-02.wav");
        assertEquals("angry", t.stringColumn("emotion").get(row));
        assertEquals("strong", t.stringColumn("intensity").get(row));
        assertEquals("speech", t.stringColumn("vocal_channel").get(row));
        assertEquals(2, t.intColumn("actor").getInt(row));
        assertEquals("female", t.stringColumn("sex").get(row));
        assertEquals(1, t.intColumn("statement").getInt(row));
        assertEquals(1, t.intColumn("repetition").getInt(row));
    }

    @Test
    void parallelEqualsSequentialForTheRichSet(@TempDir Path dir) throws IOException {
        List<Path> files = corpus(dir, 6);
        RichFeatures rich = new RichFeatures();
        Table seq = FeatureExtractor.builder().set(rich).threads(1).progress(ExtractionProgress.NONE).build().extract(files).table();
        Table par = FeatureExtractor.builder().set(rich).threads(3).progress(ExtractionProgress.NONE).build().extract(files).table();
        assertEquals(CsvIO.toCsv(seq), CsvIO.toCsv(par));
        assertEquals(6, seq.rowCount());
    }

    @Test
    void badFilesAreReportedAndTheRestExtracted(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>(corpus(dir, 9));
        // truncate the 5th file: header declares more data than present
        Path truncated = files.get(4);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path garbage = dir.resolve("03-01-02-01-01-01-09.wav");
        Files.writeString(garbage, "not a wav file");
        Path badName = dir.resolve("hello.wav");
        WavWriter.writePcm16(badName, new double[1000], 16000);
        Path missing = dir.resolve("03-01-02-01-01-02-09.wav");
        files.add(2, garbage);
        files.add(7, badName);
        files.add(missing);
        int[] progressCalls = {0};
        int[] lastDone = {-1};
        CountingSet set = new CountingSet("1");
        ExtractionResult r = FeatureExtractor.builder().set(set).threads(2)
                .progress((done, total) -> { progressCalls[0]++; lastDone[0] = done; assertEquals(12, total); })
                .build().extract(files);
        assertEquals(8, r.table().rowCount());
        assertEquals(4, r.errors().size(), r.errors().toString());
        assertEquals(List.of(garbage, truncated, badName, missing), r.errors().stream().map(FileError::path).toList());
        assertTrue(r.errors().get(1).reason().contains("truncated"), r.errors().get(1).reason());
        assertTrue(r.errors().get(2).reason().contains("RAVDESS"), r.errors().get(2).reason());
        assertEquals(12, progressCalls[0]);
        assertEquals(12, lastDone[0]);
        assertFalse(r.table().stringColumn("filename").asList().contains(truncated.getFileName().toString()));
        // each row keeps its source file: the good files, in input order, without the skipped ones
        List<Path> good = new ArrayList<>(files);
        good.removeAll(List.of(garbage, truncated, badName, missing));
        assertEquals(good, r.paths());
        assertEquals(good.stream().map(Path::toString).toList(), r.tableWithPaths().stringColumn("path").asList());
    }

    @Test
    void extractOneFromBytesEqualsTheRowOfThePathExtractor(@TempDir Path dir) throws IOException {
        List<Path> files = corpus(dir, 5);
        RichFeatures rich = new RichFeatures();
        Table t = FeatureExtractor.builder().set(rich).threads(2).progress(ExtractionProgress.NONE).build().extract(files).table();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String fileName = f.getFileName().toString();
            FeatureExtractor.Outcome o = FeatureExtractor.extractOne(rich, fileName, Files.readAllBytes(f), f.toString());
            assertNull(o.error(), o.error());
            Object[] labels = o.labels(fileName);
            for (int c = 0; c < labels.length; c++)
                assertEquals(t.column(c).get(i), labels[c], FeatureExtractor.LABEL_COLUMNS.get(c));
            for (int c = 0; c < rich.columns().size(); c++)
                assertEquals(t.doubleColumn(rich.columns().get(c)).getDouble(i), o.values()[c], 0.0, rich.columns().get(c));
        }
        byte[] good = Files.readAllBytes(files.get(0));
        FeatureExtractor.Outcome truncated = FeatureExtractor.extractOne(rich, files.get(0).getFileName().toString(),
                java.util.Arrays.copyOf(good, good.length / 2), "hdfs://x/a.wav");
        assertTrue(truncated.error().startsWith("cannot read: ") && truncated.error().contains("hdfs://x/a.wav"), truncated.error());
        assertThrows(IllegalStateException.class, () -> truncated.labels("a.wav"));
        assertTrue(FeatureExtractor.extractOne(rich, "hello.wav", good, "hello.wav").error().startsWith("not a RAVDESS file name"));
        CountingSet nan = new CountingSet("1");
        nan.produceNaN = true;
        String emo3 = name(3, 1);
        assertEquals("feature 'weird' is NaN", FeatureExtractor.extractOne(nan, emo3, good, emo3).error());
    }

    @Test
    void nanFromTheSetIsAnErrorNotARow(@TempDir Path dir) throws IOException {
        List<Path> files = corpus(dir, 4);
        CountingSet set = new CountingSet("1");
        set.produceNaN = true;
        ExtractionResult r = FeatureExtractor.builder().set(set).progress(ExtractionProgress.NONE).build().extract(files);
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).reason().contains("weird") && r.errors().get(0).reason().contains("NaN"), r.errors().get(0).reason());
        assertEquals(3, r.table().rowCount());
    }

    @Test
    void cacheHitsSkipExtractionAndInvalidateOnMtimeAndVersion(@TempDir Path dir) throws IOException {
        List<Path> files = corpus(dir.resolve("audio"), 10);
        Path cacheDir = dir.resolve("cache");
        CountingSet set = new CountingSet("1");
        FeatureExtractor fx = FeatureExtractor.builder().set(set).threads(2).progress(ExtractionProgress.NONE).cache(cacheDir).build();
        Table first = fx.extract(files).table();
        assertEquals(10, set.calls.get());
        assertTrue(Files.exists(cacheDir.resolve("tiny.cache.csv")));
        try (var s = Files.list(cacheDir)) {
            assertEquals(java.util.Set.of("tiny.cache.csv", "tiny.cache.bin"),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "only the cache file and its binary sidecar, no temp files left");
        }

        Table second = FeatureExtractor.builder().set(set).threads(2).progress(ExtractionProgress.NONE).cache(cacheDir).build()
                .extract(files).table();
        assertEquals(10, set.calls.get(), "second run must not call extract");
        assertEquals(CsvIO.toCsv(first), CsvIO.toCsv(second), "cached values round-trip exactly");

        // touching one file invalidates just that row
        Path touched = files.get(3);
        Files.setLastModifiedTime(touched, FileTime.fromMillis(Files.getLastModifiedTime(touched).toMillis() + 60_000));
        FeatureExtractor fx3 = FeatureExtractor.builder().set(set).progress(ExtractionProgress.NONE).cache(cacheDir).build();
        fx3.extract(files);
        assertEquals(11, set.calls.get());
        assertEquals(1, fx3.computedCount());

        // a subset run keeps the other rows in the cache
        FeatureExtractor.builder().set(set).progress(ExtractionProgress.NONE).cache(cacheDir).build().extract(files.subList(0, 2));
        FeatureExtractor.builder().set(set).progress(ExtractionProgress.NONE).cache(cacheDir).build().extract(files);
        assertEquals(11, set.calls.get());

        // a new version of the set recomputes everything
        CountingSet v2 = new CountingSet("2");
        FeatureExtractor.builder().set(v2).progress(ExtractionProgress.NONE).cache(cacheDir).build().extract(files);
        assertEquals(10, v2.calls.get());
    }

    @Test
    void corpusTableInputAndValidation(@TempDir Path dir) throws IOException {
        List<Path> files = corpus(dir, 3);
        Table corpus = Table.create("c", tech.tablesaw.api.StringColumn.create("path",
                files.stream().map(Path::toString).toList()));
        ExtractionResult r = FeatureExtractor.builder().set(new CountingSet("1")).progress(ExtractionProgress.NONE).build().extract(corpus);
        assertEquals(3, r.table().rowCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureExtractor.builder()
                .set(new CountingSet("1")).progress(ExtractionProgress.NONE).build().extract(Table.create("x")));
        assertTrue(e.getMessage().contains("'path'"));
        assertThrows(IllegalArgumentException.class, () -> FeatureExtractor.builder().threads(0));
        assertThrows(NullPointerException.class, () -> FeatureExtractor.builder().build());
        assertEquals(0, FeatureExtractor.builder().set(new CountingSet("1")).progress(ExtractionProgress.NONE).build()
                .extract(List.of()).table().rowCount());
    }

    @Test
    void csvQuotingRoundTrips() throws IOException {
        List<List<String>> rows = CsvIO.parse("a,\"b,c\",\"d\"\"e\"\n1,,\"x\ny\"\n");
        assertEquals(List.of(List.of("a", "b,c", "d\"e"), List.of("1", "", "x\ny")), rows);
        assertEquals("\"a,b\"", CsvIO.quote("a,b"));
        assertEquals("plain", CsvIO.quote("plain"));
    }
}
