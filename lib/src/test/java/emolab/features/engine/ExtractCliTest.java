package emolab.features.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExtractCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void badArgumentsExitTwoAndNameTheArgument(@TempDir Path dir) {
        assertEquals(2, run());
        assertTrue(err().contains("usage:"));
        assertEquals(2, run("convert"));
        assertTrue(err().contains("'convert'"));
        assertEquals(2, run("extract", "--set", "fancy", dir.toString(), "o.csv"));
        assertTrue(err().contains("'fancy'"), err());
        assertEquals(2, run("extract", "--set", "rich", dir.resolve("nope").toString(), "o.csv"));
        assertTrue(err().contains("nope") && err().contains("<audio-dir>"), err());
        assertEquals(2, run("extract", "--set", "rich", dir.toString()));
        assertTrue(err().contains("<out.csv>"));
        assertEquals(2, run("extract", "--set", "rich", "--threads", "zero", dir.toString(), "o.csv"));
        assertTrue(err().contains("'zero'"));
        assertEquals(2, run("extract", "--bogus", dir.toString(), "o.csv"));
        assertTrue(err().contains("'--bogus'"));
        assertEquals(2, run("extract", dir.toString(), "o.csv"));
        assertTrue(err().contains("--set"));
    }

    @Test
    void writesCsvAtomicallyAndReportsBadFiles(@TempDir Path dir) throws IOException {
        Path audio = dir.resolve("audio");
        List<Path> files = FeatureExtractorTest.corpus(audio, 5);
        Files.writeString(audio.resolve("03-01-02-01-01-01-09.wav"), "garbage");
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path csv = outDir.resolve("rich.csv");
        assertEquals(3, run("extract", "--set", "rich", "--threads", "2", audio.toString(), csv.toString()), err());
        assertTrue(err().contains("03-01-02-01-01-01-09.wav"), "bad file reported on stderr: " + err());
        Path errorsCsv = outDir.resolve("rich.errors.csv");
        List<List<String>> errors = CsvIO.parse(Files.readString(errorsCsv));
        assertEquals(List.of("path", "error"), errors.get(0));
        assertEquals(2, errors.size());
        assertEquals(audio.resolve("03-01-02-01-01-01-09.wav").toString(), errors.get(1).get(0));
        assertTrue(errors.get(1).get(1).contains("not a RIFF/WAVE file"), errors.toString());
        List<List<String>> rows = CsvIO.parse(Files.readString(csv));
        assertEquals(6, rows.size()); // header + 5
        assertEquals("filename", rows.get(0).get(0));
        assertEquals(8 + new emolab.features.rich.RichFeatures().columns().size(), rows.get(0).size());
        try (var s = Files.list(outDir)) {
            assertEquals(List.of(csv, errorsCsv), s.sorted().toList(), "no temp file left beside the output");
        }
        for (List<String> r : rows.subList(1, rows.size()))
            for (String v : r.subList(8, r.size())) assertTrue(Double.isFinite(Double.parseDouble(v)));
    }

    @Test
    void nothingReadableExitsOneAndLeavesOutputUntouched(@TempDir Path dir) throws IOException {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        Files.writeString(audio.resolve("03-01-02-01-01-01-09.wav"), "garbage");
        Path csv = dir.resolve("out.csv");
        Files.writeString(csv, "previous");
        assertEquals(1, run("extract", "--set", "rich", audio.toString(), csv.toString()));
        assertTrue(err().contains("garbage") || err().contains("03-01-02-01-01-01-09.wav"), err());
        assertEquals("previous", Files.readString(csv));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(1, run("extract", "--set", "course", empty.toString(), csv.toString()));
        assertTrue(err().contains("no .wav files"));
    }

    @Test
    void skippedFilesExitThreeUnlessAllowedAndACleanRunRemovesTheStaleErrorsFile(@TempDir Path dir) throws IOException {
        Path audio = dir.resolve("audio");
        FeatureExtractorTest.corpus(audio, 3);
        Path bad = audio.resolve("Actor_1").resolve("03-01-02-01-01-01-01-x.wav"); // not a RAVDESS name
        Files.copy(audio.resolve("Actor_1").resolve(FeatureExtractorTest.name(1, 1)), bad);
        Path csv = dir.resolve("course"); // no .csv suffix: errors file is course.errors.csv
        assertEquals(3, run("extract", "--set", "course", audio.toString(), csv.toString()), err());
        Path errorsCsv = dir.resolve("course.errors.csv");
        assertEquals(ExtractCli.errorsFile(csv), errorsCsv);
        assertTrue(Files.readString(errorsCsv).contains("03-01-02-01-01-01-01-x.wav"));
        assertTrue(err().contains("exit 3") && err().contains("--allow-skips"), err());
        assertEquals(4, Files.readAllLines(csv).size());

        assertEquals(0, run("extract", "--set", "course", "--allow-skips", audio.toString(), csv.toString()), err());
        assertTrue(Files.exists(errorsCsv), "--allow-skips still lists the skipped files");

        Files.delete(bad);
        assertEquals(0, run("extract", "--set", "course", audio.toString(), csv.toString()), err());
        assertFalse(Files.exists(errorsCsv), "a clean run removes the stale errors file");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertEquals(0, run("extract", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String s : List.of("--allow-skips", "errors.csv", "  0 ", "  1 ", "  2 ", "  3 ")) assertTrue(help.contains(s), s + " in " + help);
        assertEquals(0, run("--help"));
    }

    @Test
    void mainMethodExitCodesThroughAChildJvm(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        FeatureExtractorTest.corpus(audio, 2);
        Files.writeString(audio.resolve("03-01-02-01-01-01-09.wav"), "RIFF");
        assertEquals(2, ChildJvm.run(ExtractCli.class, "extract", "--set").exitCode());
        assertEquals(3, ChildJvm.run(ExtractCli.class, "extract", "--set", "course", audio.toString(), dir.resolve("o.csv").toString()).exitCode());
        assertEquals(0, ChildJvm.run(ExtractCli.class, "extract", "--set", "course", "--allow-skips", audio.toString(),
                dir.resolve("o.csv").toString()).exitCode());
    }
}
