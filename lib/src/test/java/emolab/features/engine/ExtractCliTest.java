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
        assertEquals(0, run("extract", "--set", "rich", "--threads", "2", audio.toString(), csv.toString()), err());
        assertTrue(err().contains("03-01-02-01-01-01-09.wav"), "bad file reported on stderr: " + err());
        List<List<String>> rows = CsvIO.parse(Files.readString(csv));
        assertEquals(6, rows.size()); // header + 5
        assertEquals("filename", rows.get(0).get(0));
        assertEquals(8 + new emolab.features.rich.RichFeatures().columns().size(), rows.get(0).size());
        try (var s = Files.list(outDir)) {
            assertEquals(List.of(csv), s.toList(), "no temp file left beside the output");
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
}
