package emolab.model;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.CorpusFiles;
import emolab.features.engine.CsvIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCliTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = ModelCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<List<String>> csv(Path f) throws IOException {
        return CsvIO.parse(Files.readString(f));
    }

    @Test
    void predictsEveryFileOfAFolder(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("pred.csv");
        Run r = run("predict", "--out", out.toString(), ModelFixture.model().toString(), ModelFixture.newDir().toString());
        assertEquals(0, r.code(), r.err());
        List<List<String>> rows = csv(out);
        List<String> header = new ArrayList<>(List.of("path", "predicted"));
        for (String e : EmotionData.EMOTIONS) header.add("p_" + e);
        header.addAll(List.of("speaker", "normalisation", "top_feature_1", "top_feature_2", "top_feature_3"));
        assertEquals(header, rows.get(0));
        assertEquals(17, rows.size());
        for (List<String> row : rows.subList(1, rows.size())) {
            assertTrue(EmotionData.EMOTIONS.contains(row.get(1)), row.toString());
            double sum = 0, best = -1;
            for (int c = 0; c < 8; c++) {
                double p = Double.parseDouble(row.get(2 + c));
                sum += p;
                best = Math.max(best, p);
            }
            assertEquals(1.0, sum, 1e-5);
            assertEquals(best, Double.parseDouble(row.get(2 + EmotionData.EMOTIONS.indexOf(row.get(1)))));
            assertTrue(row.get(11).contains("TRANSDUCTIVE"), row.get(11));
            assertTrue(row.get(12).matches(".+ \\([+-]\\d+\\.\\d{3}\\)"), row.get(12));
        }
        assertFalse(Files.exists(tmp.resolve("pred.errors.csv")));
        assertTrue(r.out().contains("16 predictions (16 speaker-normalised [TRANSDUCTIVE], 0 with the training statistics)"), r.out());
    }

    @Test
    void badFileIsReportedAndTheOthersPredicted(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("03-01-05-01-01-01-05.wav");
        Files.writeString(bad, "RIFF this is no wave");
        List<Path> good = CorpusFiles.wavs(ModelFixture.newDir().resolve("Actor_06")).files();
        Path out = tmp.resolve("p.csv");
        List<String> args = new ArrayList<>(List.of("predict", "--out", out.toString(), ModelFixture.model().toString(), bad.toString(),
                tmp.resolve("missing.wav").toString()));
        for (Path g : good) args.add(g.toString());
        Run r = run(args.toArray(String[]::new));
        assertEquals(3, r.code(), r.err());
        assertEquals(1 + good.size(), csv(out).size());
        assertTrue(r.err().contains("skipped " + bad + ": cannot read"), r.err());
        assertTrue(r.err().contains("missing.wav: no such file or folder"), r.err());
        List<List<String>> errors = csv(tmp.resolve("p.errors.csv"));
        assertEquals(List.of("path", "error"), errors.get(0));
        assertEquals(3, errors.size());
    }

    @Test
    void loneFileUsesTheTrainingStatistics(@TempDir Path tmp) throws IOException {
        Path one = CorpusFiles.wavs(ModelFixture.newDir().resolve("Actor_05")).files().get(3);
        Run r = run("predict", ModelFixture.model().toString(), one.toString());
        assertEquals(0, r.code(), r.err());
        List<List<String>> rows = CsvIO.parse(r.out());
        assertEquals(2, rows.size());
        assertEquals("training statistics (lone recording of actor 05; plain model)", rows.get(1).get(11));
    }

    @Test
    void speakerMapGroupsRecordingsWithoutRavdessNames(@TempDir Path tmp) throws IOException {
        List<Path> src = CorpusFiles.wavs(ModelFixture.newDir().resolve("Actor_05")).files();
        Path a = tmp.resolve("first.wav"), b = tmp.resolve("second.wav"), c = tmp.resolve("third.wav");
        Files.copy(src.get(0), a);
        Files.copy(src.get(1), b);
        Files.copy(src.get(2), c);
        Path map = tmp.resolve("map.csv");
        Files.writeString(map, "path,speaker\n" + a + ",alice\n" + b + ",alice\n");
        Path out = tmp.resolve("p.csv");
        Run r = run("predict", "--speaker-map", map.toString(), "--out", out.toString(), ModelFixture.model().toString(), tmp.toString());
        assertEquals(0, r.code(), r.err());
        List<List<String>> rows = csv(out);
        assertEquals(4, rows.size());
        for (List<String> row : rows.subList(1, 4)) {
            if (row.get(0).endsWith("third.wav")) assertEquals("training statistics (unknown speaker; plain model)", row.get(11));
            else assertEquals("speaker alice (2 recordings; TRANSDUCTIVE)", row.get(11));
        }
        Files.writeString(map, "file,who\nx,y\n");
        Run bad = run("predict", "--speaker-map", map.toString(), ModelFixture.model().toString(), tmp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("header must have columns path and speaker"), bad.err());
    }

    @Test
    void badArgumentsAndBadModels(@TempDir Path tmp) throws IOException {
        assertEquals(2, run("train", ModelFixture.trainDir().toString()).code());
        Run actors = run("train", "--actors", "5-2", ModelFixture.trainDir().toString(), tmp.resolve("m").toString());
        assertEquals(2, actors.code());
        assertTrue(actors.err().contains("bad --actors '5-2'"), actors.err());
        assertEquals(2, run("predict", "--bogus", "1", "m", "x").code());
        assertEquals(2, run("fly").code());
        Run none = run("train", "--actors", "20", ModelFixture.trainDir().toString(), tmp.resolve("m").toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no RAVDESS .wav files of actors 20"), none.err());
        assertFalse(Files.exists(tmp.resolve("m")));
        Path junk = tmp.resolve("junk.model");
        Files.writeString(junk, "junk");
        Run j = run("predict", junk.toString(), ModelFixture.newDir().toString());
        assertEquals(1, j.code());
        assertTrue(j.err().contains("is not an EmoLab emotion model file"), j.err());
        Run empty = run("predict", "--out", tmp.resolve("o.csv").toString(), ModelFixture.model().toString(), tmp.resolve("nothing").toString());
        assertEquals(1, empty.code());
        assertFalse(Files.exists(tmp.resolve("o.csv")));
    }
}
