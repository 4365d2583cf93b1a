package emolab.data;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.CorpusScanner.ScanError;
import emolab.features.engine.ExtractCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real symbolic links in a temp folder: linked roots, linked actor folders, loops, duplicates, dangling links. */
class CorpusFilesTest {
    @TempDir
    Path tmp;

    private static final String A1 = "03-01-02-01-01-01-01.wav", A1B = "03-01-05-02-01-02-01.wav", A2 = "03-01-03-01-01-01-02.wav";

    /** real/Actor_01 (2 files), real/Actor_02 (1 file). */
    private Path realCorpus() throws IOException {
        Path real = tmp.resolve("real");
        Path a1 = Files.createDirectories(real.resolve("Actor_01")), a2 = Files.createDirectories(real.resolve("Actor_02"));
        WavWriter.writePcm16(a1.resolve(A1), tone(1600), 16000);
        WavWriter.writePcm16(a1.resolve(A1B), tone(2400), 16000);
        WavWriter.writePcm16(a2.resolve(A2), tone(3200), 16000);
        return real;
    }

    private static double[] tone(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.3 * Math.sin(2 * Math.PI * 220 * i / 16000.0) + 0.01 * Math.sin(i * 0.37);
        return x;
    }

    private static Path link(Path link, Path target) throws IOException {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links on this file system: " + e);
            return null;
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void folderOfLinkedActorFoldersIsWalkedLikeTheRealOne() throws IOException {
        Path real = realCorpus();
        Path linked = Files.createDirectories(tmp.resolve("linked"));
        link(linked.resolve("Actor_01"), real.resolve("Actor_01"));
        link(linked.resolve("Actor_02"), real.resolve("Actor_02"));
        CorpusFiles.Walk w = CorpusFiles.wavs(linked);
        assertEquals(List.of(), w.problems());
        assertEquals(List.of(A1, A1B, A2), names(w.files()));
        assertEquals(linked.resolve("Actor_01").resolve(A1), w.files().get(0), "files keep the path they were reached by");
        // the scanner and the data-source count agree
        assertEquals(3, CorpusScanner.scan(linked).table().rowCount());
        assertEquals(3, DataSource.countRavdessWavs(linked));
    }

    @Test
    void linkedRootAndLinkedFilesAreFollowed() throws IOException {
        Path real = realCorpus();
        Path root = link(tmp.resolve("ravdess"), real);
        assertEquals(List.of(A1, A1B, A2), names(CorpusFiles.wavs(root).files()));
        Path files = Files.createDirectories(tmp.resolve("files"));
        link(files.resolve(A2), real.resolve("Actor_02").resolve(A2));
        CorpusFiles.Walk w = CorpusFiles.wavs(files);
        assertEquals(List.of(files.resolve(A2)), w.files());
        assertEquals(List.of(), w.problems());
    }

    @Test
    void linkLoopIsReportedAndNeverHangs() throws IOException {
        Path real = realCorpus();
        link(real.resolve("Actor_01").resolve("back"), real);                 // loop to an ancestor
        link(real.resolve("Actor_02").resolve("self"), real.resolve("Actor_02")); // loop to its own folder
        CorpusFiles.Walk w = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CorpusFiles.wavs(real));
        assertEquals(List.of(A1, A1B, A2), names(w.files()), "every real file once");
        assertEquals(2, w.problems().size(), w.problems().toString());
        for (ScanError e : w.problems()) assertTrue(e.reason().startsWith("symbolic link loop"), e.toString());
        assertEquals(List.of(real.resolve("Actor_01/back"), real.resolve("Actor_02/self")),
                w.problems().stream().map(ScanError::path).toList());
        // the scanner reports the loops as errors and still lists the recordings
        CorpusScanner.ScanResult s = CorpusScanner.scan(real);
        assertEquals(3, s.table().rowCount());
        assertEquals(2, s.errors().size());
    }

    @Test
    void sameFolderLinkedTwiceIsListedOnceAndReported() throws IOException {
        Path real = realCorpus();
        Path root = Files.createDirectories(tmp.resolve("root"));
        link(root.resolve("A"), real.resolve("Actor_02"));
        link(root.resolve("B"), real.resolve("Actor_02"));
        CorpusFiles.Walk w = CorpusFiles.wavs(root);
        assertEquals(List.of(root.resolve("A").resolve(A2)), w.files());
        assertEquals(1, w.problems().size());
        assertEquals(root.resolve("B").resolve(A2), w.problems().get(0).path());
        assertTrue(w.problems().get(0).reason().contains("same file as " + root.resolve("A").resolve(A2)), w.problems().toString());
    }

    @Test
    void brokenLinksAreReportedNotDropped() throws IOException {
        Path real = realCorpus();
        link(real.resolve("Actor_02").resolve("03-01-04-01-01-01-02.wav"), tmp.resolve("nowhere.wav"));
        link(real.resolve("Actor_03"), tmp.resolve("missing-folder"));
        link(real.resolve("notes.txt"), tmp.resolve("missing.txt")); // not audio, not a folder: ignored
        CorpusFiles.Walk w = CorpusFiles.wavs(real);
        assertEquals(3, w.files().size());
        assertEquals(List.of(real.resolve("Actor_02/03-01-04-01-01-01-02.wav"), real.resolve("Actor_03")),
                w.problems().stream().map(ScanError::path).toList());
        for (ScanError e : w.problems()) assertTrue(e.reason().contains("broken symbolic link"), e.toString());
    }

    @Test
    void extractCommandReadsLinkedActorFoldersAndReportsALoop() throws IOException {
        Path real = realCorpus();
        Path linked = Files.createDirectories(tmp.resolve("linked"));
        link(linked.resolve("Actor_01"), real.resolve("Actor_01"));
        link(linked.resolve("Actor_02"), real.resolve("Actor_02"));
        Path out = tmp.resolve("out.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8), o = new PrintStream(new ByteArrayOutputStream());
        int code = ExtractCli.run(new String[] {"extract", "--set", "course", "--threads", "2", linked.toString(), out.toString()}, o, e);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(4, Files.readAllLines(out).size(), "header + 3 rows");
        assertFalse(Files.exists(tmp.resolve("out.errors.csv")));

        link(real.resolve("Actor_02").resolve("loop"), linked);
        code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> ExtractCli.run(new String[] {"extract", "--set", "course", linked.toString(), out.toString()}, o, e));
        assertEquals(ExtractCli.EXIT_SKIPPED, code, "a loop is reported as a skipped entry");
        assertEquals(4, Files.readAllLines(out).size());
        List<String> errors = Files.readAllLines(tmp.resolve("out.errors.csv"));
        assertEquals("path,error", errors.get(0));
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(1).startsWith(linked.resolve("Actor_02/loop") + ",") && errors.get(1).contains("symbolic link loop"),
                errors.toString());
    }
}
