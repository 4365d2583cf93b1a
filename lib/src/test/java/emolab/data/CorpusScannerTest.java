package emolab.data;

import static emolab.data.TestWav.*;
import static org.junit.jupiter.api.Assertions.*;

import emolab.SharedData;
import emolab.data.CorpusScanner.ScanError;
import emolab.data.CorpusScanner.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class CorpusScannerTest {
    @TempDir Path tmp;

    @Test
    void tempTreeWithGoodTruncatedAndBadlyNamedFiles() throws IOException {
        Path a19 = Files.createDirectories(tmp.resolve("Actor_19"));
        Path a02 = Files.createDirectories(tmp.resolve("Actor_02"));
        // good: 16 kHz mono, 0.5 s
        WavWriter.writePcm16(a19.resolve("03-01-05-02-01-02-19.wav"), new double[8000], 16000);
        // good, upper-case extension, stereo 48 kHz, 3 frames
        Files.write(a02.resolve("03-02-06-01-02-01-02.WAV"),
                create().fmt(1, 2, 48000, 16).data(shorts(1, 2, 3, 4, 5, 6)).bytes());
        // good, float 24 kHz with a LIST chunk
        Files.write(a02.resolve("03-01-01-01-01-01-02.wav"),
                create().fmt(3, 1, 24000, 32).chunk("LIST", new byte[7]).data(floats(0.5f, 0.25f, 0f, 1f)).bytes());
        // truncated
        Path trunc = a19.resolve("03-01-03-01-01-01-19.wav");
        Files.write(trunc, create().fmt(1, 1, 16000, 16).dataDeclaring(100, shorts(1, 2)).bytes());
        // badly named (strong neutral) and not-a-RAVDESS name
        Path strongNeutral = a19.resolve("03-01-01-02-01-01-19.wav");
        WavWriter.writePcm16(strongNeutral, new double[10], 16000);
        Path notes = tmp.resolve("notes.wav");
        WavWriter.writePcm16(notes, new double[10], 16000);
        // AIFF data in a .wav
        Path aiff = a02.resolve("03-01-02-01-01-01-02.wav");
        Files.write(aiff, create().magic("FORM").form("AIFF").chunk("COMM", new byte[18]).bytes());
        // ignored: not .wav
        Files.writeString(tmp.resolve("README.txt"), "hello");
        Files.writeString(a19.resolve("03-01-05-02-01-02-19.csv"), "x");

        ScanResult r = CorpusScanner.scan(tmp);
        Table t = r.table();
        assertEquals(CorpusScanner.COLUMNS, t.columnNames());
        assertEquals(ColumnType.STRING, t.column("path").type());
        assertEquals(ColumnType.INTEGER, t.column("sample_rate").type());
        assertEquals(ColumnType.LONG, t.column("frames").type());
        assertEquals(ColumnType.DOUBLE, t.column("duration_s").type());

        // rows in path-string order
        assertEquals(List.of("03-01-01-01-01-01-02.wav", "03-02-06-01-02-01-02.WAV", "03-01-05-02-01-02-19.wav"),
                t.stringColumn("filename").asList());
        for (Row row : t) {
            Path p = Path.of(row.getString("path"));
            assertTrue(p.isAbsolute(), p.toString());
            assertEquals(row.getString("filename"), p.getFileName().toString());
        }
        Row stereo = t.row(1);
        assertEquals(3, stereo.getInt("modality"));
        assertEquals("song", stereo.getString("vocal_channel"));
        assertEquals("fearful", stereo.getString("emotion"));
        assertEquals(6, stereo.getInt("emotion_code"));
        assertEquals("normal", stereo.getString("intensity"));
        assertEquals(2, stereo.getInt("statement"));
        assertEquals(1, stereo.getInt("repetition"));
        assertEquals(2, stereo.getInt("actor"));
        assertEquals("female", stereo.getString("sex"));
        assertEquals(48000, stereo.getInt("sample_rate"));
        assertEquals(2, stereo.getInt("channels"));
        assertEquals(16, stereo.getInt("bits"));
        assertEquals(3L, stereo.getLong("frames"));
        assertEquals(3 / 48000.0, stereo.getDouble("duration_s"));

        Row fl = t.row(0);
        assertEquals("neutral", fl.getString("emotion"));
        assertEquals(24000, fl.getInt("sample_rate"));
        assertEquals(32, fl.getInt("bits"));
        assertEquals(4L, fl.getLong("frames"));

        Row mono = t.row(2);
        assertEquals("speech", mono.getString("vocal_channel"));
        assertEquals("angry", mono.getString("emotion"));
        assertEquals("strong", mono.getString("intensity"));
        assertEquals(19, mono.getInt("actor"));
        assertEquals("male", mono.getString("sex"));
        assertEquals(8000L, mono.getLong("frames"));
        assertEquals(0.5, mono.getDouble("duration_s"));

        // every bad .wav reported, sorted by path, with its reason
        List<Path> errPaths = r.errors().stream().map(ScanError::path).toList();
        assertEquals(List.of(aiff, strongNeutral, trunc, notes), errPaths);
        Map<Path, String> reason = r.errors().stream().collect(Collectors.toMap(ScanError::path, ScanError::reason));
        assertEquals("not a RIFF/WAVE file (starts with 'FORM')", reason.get(aiff));
        assertTrue(reason.get(trunc).contains("truncated: data chunk declares 100 bytes, only 4 present"), reason.get(trunc));
        assertTrue(reason.get(strongNeutral).contains("invalid RAVDESS name"), reason.get(strongNeutral));
        assertTrue(reason.get(strongNeutral).contains("field 4 (intensity)"), reason.get(strongNeutral));
        assertTrue(reason.get(notes).contains("'notes.wav'"), reason.get(notes));
        assertTrue(r.errors().get(0).toString().startsWith(aiff.toString()));
    }

    @Test
    void symlinkedRootIsFollowed() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real/Actor_01"));
        WavWriter.writePcm16(real.resolve("03-01-02-01-01-01-01.wav"), new double[1600], 16000);
        Path link;
        try {
            link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symlinks here: " + e);
            return;
        }
        ScanResult r = CorpusScanner.scan(link);
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.table().rowCount());
        assertEquals(link.resolve("Actor_01/03-01-02-01-01-01-01.wav").toString(), r.table().row(0).getString("path"));
        assertEquals(0.1, r.table().row(0).getDouble("duration_s"));
    }

    @Test
    void emptyTreeAndMissingRoot() throws IOException {
        ScanResult r = CorpusScanner.scan(tmp);
        assertEquals(0, r.table().rowCount());
        assertEquals(CorpusScanner.COLUMNS, r.table().columnNames());
        assertTrue(r.errors().isEmpty());
        Path missing = tmp.resolve("missing");
        IOException e = assertThrows(IOException.class, () -> CorpusScanner.scan(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void realWav48k() throws IOException {
        Table t = checkReal(SharedData.require("ravdess/wav48k"), 104, 48000, Set.of(19));
        assertEquals(Set.of(1), new TreeSet<>(t.intColumn("channels").asList()), "Actor_19 is mono");
    }

    @Test
    void realWav16k() throws IOException {
        Table t = checkReal(SharedData.require("ravdess/wav16k"), 1040, 16000, Set.of(1, 2, 3, 4, 5, 6, 7, 8, 19, 20));
        assertEquals(Set.of(1), new TreeSet<>(t.intColumn("channels").asList()));
    }

    private static Table checkReal(Path root, int rows, int rate, Set<Integer> actors) throws IOException {
        long t0 = System.nanoTime();
        ScanResult r = CorpusScanner.scan(root);
        System.out.printf("scan %s: %d rows in %.0f ms%n", root, r.table().rowCount(), (System.nanoTime() - t0) / 1e6);
        assertEquals(List.of(), r.errors());
        Table t = r.table();
        assertEquals(rows, t.rowCount());

        List<String> paths = t.stringColumn("path").asList();
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(null);
        assertEquals(sorted, paths, "rows sorted by path");
        assertEquals(rows, new TreeSet<>(paths).size());
        try (Stream<Path> s = Files.walk(root)) {
            assertEquals(s.filter(p -> p.toString().endsWith(".wav")).count(), rows);
        }

        Map<Integer, Integer> speech = new HashMap<>(), song = new HashMap<>();
        for (Row row : t) {
            String name = row.getString("filename");
            // independent decode of the name: fields by position
            int[] f = java.util.Arrays.stream(name.substring(0, name.length() - 4).split("-"))
                    .mapToInt(Integer::parseInt).toArray();
            assertEquals(f[0], row.getInt("modality"), name);
            assertEquals(f[1] == 1 ? "speech" : "song", row.getString("vocal_channel"), name);
            assertEquals(f[2], row.getInt("emotion_code"), name);
            assertEquals(Emotion.values()[f[2] - 1].label(), row.getString("emotion"), name);
            assertEquals(f[3] == 1 ? "normal" : "strong", row.getString("intensity"), name);
            assertEquals(f[4], row.getInt("statement"), name);
            assertEquals(f[5], row.getInt("repetition"), name);
            assertEquals(f[6], row.getInt("actor"), name);
            assertEquals(f[6] % 2 == 1 ? "male" : "female", row.getString("sex"), name);
            assertEquals(3, row.getInt("modality"), name);
            assertEquals(rate, row.getInt("sample_rate"), name);
            assertEquals(16, row.getInt("bits"), name);
            double d = row.getDouble("duration_s");
            // real RAVDESS clips last about 3.0 to 6.4 s (the longest wav16k file is 6.34 s)
            assertTrue(d > 2.5 && d < 7, name + " duration " + d);
            assertEquals(row.getLong("frames") / (double) rate, d, 1e-12, name);
            Path p = Path.of(row.getString("path"));
            assertEquals(String.format("Actor_%02d", f[6]), p.getParent().getFileName().toString());
            (f[1] == 1 ? speech : song).merge(f[6], 1, Integer::sum);
        }
        assertEquals(actors, new TreeSet<>(t.intColumn("actor").asList()));
        // RAVDESS design: per actor 60 speech + 44 song (actor 18 has no song)
        for (int a : actors) {
            assertEquals(60, speech.getOrDefault(a, 0), "speech files of actor " + a);
            assertEquals(a == 18 ? 0 : 44, song.getOrDefault(a, 0), "song files of actor " + a);
        }
        assertEquals(actors.size() * 60, t.stringColumn("vocal_channel").countOccurrences("speech"));
        assertEquals(actors.size() * 44, t.stringColumn("vocal_channel").countOccurrences("song"));
        // the header-only frame count agrees with a full decode (spot check)
        IntStream.of(0, rows / 2, rows - 1).forEach(i -> {
            try {
                assertEquals(t.row(i).getLong("frames"), WavReader.read(Path.of(paths.get(i))).frames());
            } catch (IOException e) {
                fail(e);
            }
        });
        return t;
    }
}
