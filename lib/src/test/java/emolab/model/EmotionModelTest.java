package emolab.model;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.CorpusFiles;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmotionModelTest {
    private static List<Path> newFiles() throws IOException {
        return CorpusFiles.wavs(ModelFixture.newDir()).files();
    }

    @Test
    void carriesWhatItWasTrainedOn() {
        EmotionModel m = EmotionModel.load(ModelFixture.model());
        assertEquals("rich", m.featureSetName());
        assertEquals(m.featureSet().version(), m.featureSetVersion());
        assertEquals(java.util.Set.of(1, 2, 3, 4), m.trainActors());
        assertEquals(64, m.trainingRecordings());
        assertEquals(EmotionModel.EMOLAB_VERSION, m.emolabVersion());
        for (ModelSelection.CvScore s : List.of(m.plainCv(), m.speakerCv())) {
            assertEquals(2, s.folds());
            assertTrue(s.macroF1() >= 0 && s.macroF1() <= 1, s.describe());
        }
        assertTrue(m.speakerPipeline().recipe().speakerNormalised());
        assertFalse(m.plainPipeline().recipe().speakerNormalised());
        EmotionModel.Header h = EmotionModel.header(ModelFixture.model());
        assertEquals(EmotionModel.FORMAT_VERSION, h.formatVersion());
        assertEquals("1-4", h.trainActors());
        assertEquals(m.speakerCv().macroF1(), h.speakerCvMacroF1());
        assertTrue(ModelFixture.trainOutput.contains("CV macro-F1"), ModelFixture.trainOutput);
    }

    @Test
    void savedAndLoadedPredictsBitIdentically(@TempDir Path tmp) throws IOException {
        EmotionModel m = EmotionModel.load(ModelFixture.model());
        Path copy = tmp.resolve("copy.model");
        m.save(copy);
        EmotionModel back = EmotionModel.load(copy);
        List<Path> files = newFiles();
        List<EmotionModel.Prediction> a = m.predictFiles(files, Map.of(), 2, null).rows();
        List<EmotionModel.Prediction> b = back.predictFiles(files, Map.of(), 1, null).rows();
        assertEquals(16, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).predicted(), b.get(i).predicted());
            for (int c = 0; c < 8; c++)
                assertEquals(Double.doubleToLongBits(a.get(i).probabilities()[c]), Double.doubleToLongBits(b.get(i).probabilities()[c]));
            assertEquals(a.get(i).topFeatures(), b.get(i).topFeatures());
        }
        // the file is written atomically: no temp file left beside it
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(copy), s.toList());
        }
    }

    @Test
    void fusionChoiceIsCarriedAndItsScoresAreTheModels() {
        EmotionModel m = EmotionModel.load(ModelFixture.model());
        for (boolean spk : new boolean[] {true, false}) {
            RocketFusion.Choice c = m.fusion(spk);
            assertTrue(c.w() > 0 && c.w() < 1 && c.tau() > 0, c.describe());
            assertEquals(c.kept(), ModelSelection.gains(c.fused(), c.alone()), c.describe());
            assertEquals(c.kept() ? c.fused() : c.alone(), spk ? m.speakerCv() : m.plainCv());
            assertTrue(m.describe().contains(c.describe()), m.describe());
        }
        // the member is carried exactly when a setting uses it
        assertEquals(m.fusion(true).kept() || m.fusion(false).kept(), m.rocketMember() != null);
    }

    @Test
    void fusedModelSavesLoadsAndPredictsBitIdentically(@TempDir Path tmp) throws IOException {
        EmotionModel m = EmotionModel.load(ModelFixture.model());
        List<Path> train = CorpusFiles.wavs(ModelFixture.trainDir()).files();
        EmotionData d = EmotionData.extract(train, m.featureSet(), null, false, null);
        double[][][] series = RocketFusion.series(d.paths(), 2, tmp.resolve("cache"), null);
        // a second read comes from the series cache and equals the computed series
        assertArrayEquals(series[3], RocketFusion.series(List.of(d.paths().get(3)), 1, tmp.resolve("cache"), null)[0]);
        RocketFusion member = RocketFusion.fit(series, d.y(), 2);
        EmotionModel f = m.withForcedFusion(member, 0.4, 0.5);
        Path file = tmp.resolve("fused.model");
        f.save(file);
        EmotionModel back = EmotionModel.load(file);
        assertNotNull(back.rocketMember());
        assertArrayEquals(member.rocket().biases(), back.rocketMember().rocket().biases());
        assertEquals(f.fusion(true), back.fusion(true));
        List<Path> files = newFiles();
        EmotionModel.Predictions a = f.predictFiles(files, Map.of(), 2, null), b = back.predictFiles(files, Map.of(), 1, null);
        assertEquals(16, a.rows().size());
        assertTrue(a.errors().isEmpty(), a.errors().toString());
        // the fused probabilities: (1 - w) * rich member + w * softmax(MiniRocket decision / tau)
        EmotionData nd = EmotionData.extract(files, m.featureSet(), null, false, null);
        int[] all = java.util.stream.IntStream.range(0, nd.size()).toArray();
        List<EmotionModel.Prediction> rich = f.predict(nd, all);
        double[][] dec = member.decision(RocketFusion.series(nd.paths(), 1, null, null), 1);
        boolean differs = false;
        for (int i = 0; i < 16; i++) {
            EmotionModel.Prediction pa = a.rows().get(i), pb = b.rows().get(i);
            assertEquals(pa.predicted(), pb.predicted());
            for (int c = 0; c < 8; c++)
                assertEquals(Double.doubleToLongBits(pa.probabilities()[c]), Double.doubleToLongBits(pb.probabilities()[c]));
            assertEquals(pa.topFeatures(), pb.topFeatures());
            assertEquals(nd.paths().get(i), pa.path());
            double[] soft = RocketFusion.softmax(dec[i], 0.5);
            for (int c = 0; c < 8; c++) {
                assertEquals(0.6 * rich.get(i).probabilities()[c] + 0.4 * soft[c], pa.probabilities()[c], 1e-12);
                differs |= Math.abs(rich.get(i).probabilities()[c] - pa.probabilities()[c]) > 1e-6;
            }
            // top features explain the rich-feature member (the surrogate), as without the fusion
            assertTrue(rich.get(i).normalisation().endsWith("rich-feature member only)"), rich.get(i).normalisation());
        }
        assertTrue(differs, "the MiniRocket member changed no probability");
        // a bad file is still a per-file error with the member, the others are predicted
        Path bad = tmp.resolve("03-01-05-01-01-01-05.wav");
        Files.write(bad, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        List<Path> withBad = new ArrayList<>(files);
        withBad.add(2, bad);
        EmotionModel.Predictions c = back.predictFiles(withBad, Map.of(), 2, null);
        assertEquals(16, c.rows().size());
        assertEquals(1, c.errors().size());
        assertEquals(bad, c.errors().get(0).path());
        for (int i = 0; i < 16; i++)
            assertArrayEquals(b.rows().get(i).probabilities(), c.rows().get(i).probabilities(), 0.0);
    }

    @Test
    void speakerNormalisationNeedsTwoRecordingsOfTheSpeaker() throws IOException {
        EmotionModel m = EmotionModel.load(ModelFixture.model());
        List<Path> files = newFiles();
        EmotionModel.Predictions all = m.predictFiles(files, Map.of(), 2, null);
        for (EmotionModel.Prediction p : all.rows()) {
            assertTrue(p.normalisation().startsWith("speaker " + p.speaker() + " (8 recordings; TRANSDUCTIVE)"), p.normalisation());
            double sum = 0;
            for (double v : p.probabilities()) sum += v;
            assertEquals(1.0, sum, 1e-9);
            assertEquals(EmotionModel.TOP_FEATURES, p.topFeatures().size());
            assertTrue(p.topFeatures().get(0).value() >= p.topFeatures().get(2).value());
        }
        EmotionModel.Prediction lone = m.predictFiles(files.subList(0, 1), Map.of(), 1, null).rows().get(0);
        assertTrue(lone.normalisation().startsWith("training statistics (lone recording of actor 05"), lone.normalisation());
        // the lone file is predicted by the plain pipeline with the training statistics
        double[][] x = {m.plainPipeline().trainingStats().mean()};
        assertEquals(8, m.plainPipeline().predictProba(x, new String[] {null}, null)[0].length);
    }

    @Test
    void ablationFromTheModelUsesItsOwnSelection() throws IOException {
        EmotionModel m = EmotionModel.load(ModelFixture.model());
        List<Path> files = new ArrayList<>(CorpusFiles.wavs(ModelFixture.trainDir()).files());
        files.addAll(newFiles());
        EmotionData course = EmotionData.extract(files, emolab.features.engine.FeatureSets.byName("course"), null, false, null);
        EmotionData rich = EmotionData.extract(files, m.featureSet(), null, false, null);
        ModelAblation.Result r = ModelAblation.fromModel(m, course, rich, 2);
        assertEquals(6, r.steps().size());
        assertEquals(3, m.candidates().size());
        assertEquals(m.candidates().get(0).score(), r.steps().get(1).cv());
        assertEquals(m.candidates().get(2).score(), r.steps().get(2).cv());
        assertEquals(m.candidates().get(1).score(), r.steps().get(3).cv());
        // step 5: the MiniRocket fusion's CV choice, as the model carries it
        assertEquals(m.fusion(true).fused(), r.steps().get(4).cv());
        assertEquals(m.fusion(false).fused(), r.steps().get(5).cv());
        assertEquals(m.fusion(false).kept(), r.steps().get(5).kept());
        // the model's own pipelines give the test scores of the chosen steps
        EmotionModel.Evaluation[] e = m.evaluateRichMember(rich, rich.rowsOf(r.plan().testActors()));
        assertTrue(e[1].setting().endsWith("rich-feature member only"), e[1].setting());
        for (ModelAblation.Step st : r.steps().subList(1, 4)) { // step 1 is on the course features, step 5 adds MiniRocket
            if (st.recipe().equals(m.plainPipeline().recipe())) assertEquals(e[1].macroF1(), st.testMacroF1(), 1e-12);
            if (st.recipe().equals(m.speakerPipeline().recipe())) assertEquals(e[0].macroF1(), st.testMacroF1(), 1e-12);
        }
        assertEquals(6, r.table().rowCount());
        assertTrue(r.conclusion().contains("TRANSDUCTIVE"), r.conclusion());

        // one thread, everything one after the other (fresh data and model: no CV or score reused): the same table
        EmotionData course1 = EmotionData.extract(files, emolab.features.engine.FeatureSets.byName("course"), null, false, null);
        EmotionData rich1 = EmotionData.extract(files, m.featureSet(), null, false, null);
        ModelAblation.Result seq = ModelAblation.fromModel(EmotionModel.load(ModelFixture.model()), course1, rich1, 1);
        assertEquals(r.steps().size(), seq.steps().size());
        for (int i = 0; i < r.steps().size(); i++) {
            ModelAblation.Step a = r.steps().get(i), b = seq.steps().get(i);
            assertEquals(b.step(), a.step());
            assertEquals(b.setting(), a.setting());
            assertEquals(b.recipe(), a.recipe());
            assertEquals(b.cv(), a.cv(), a.step());
            assertEquals(Double.doubleToLongBits(b.testAccuracy()), Double.doubleToLongBits(a.testAccuracy()), a.step());
            assertEquals(Double.doubleToLongBits(b.testMacroF1()), Double.doubleToLongBits(a.testMacroF1()), a.step());
            assertEquals(b.kept(), a.kept(), a.step());
            assertArrayEquals(b.testPredictions(), a.testPredictions(), a.step());
        }
        assertEquals(seq.table().toString(), r.table().toString());
    }

    @Test
    void wholeModelScoresOfTheSameRowsAreComputedOnceAndGivenAsFreshCopies() throws IOException {
        EmotionModel m = EmotionModel.load(ModelFixture.model());
        List<Path> files = new ArrayList<>(CorpusFiles.wavs(ModelFixture.trainDir()).files());
        files.addAll(newFiles());
        EmotionData rich = EmotionData.extract(files, m.featureSet(), null, false, null);
        int[] te = rich.rowsOf(emolab.prep.ActorSplit.plan(rich.actorSet()).testActors());
        EmotionModel.Evaluation[] first = m.evaluate(rich, te);
        int truth0 = first[0].truth()[0], pred0 = first[0].predicted()[0];
        first[0].predicted()[0] = -1; // a caller scribbling on its copy
        first[0].truth()[0] = -1;
        EmotionModel.Evaluation[] again = m.evaluate(rich, te);
        EmotionModel.Evaluation[] fresh = EmotionModel.load(ModelFixture.model()).evaluate(rich, te);
        for (EmotionModel.Evaluation[] e : List.of(again, fresh)) {
            assertEquals(2, e.length);
            assertEquals(pred0, e[0].predicted()[0]);
            assertEquals(truth0, e[0].truth()[0]);
        }
        for (int k = 0; k < 2; k++) {
            assertEquals(fresh[k].setting(), again[k].setting());
            assertArrayEquals(fresh[k].predicted(), again[k].predicted());
            assertArrayEquals(fresh[k].truth(), again[k].truth());
            assertEquals(fresh[k].accuracy(), again[k].accuracy(), 0.0);
            assertEquals(fresh[k].macroF1(), again[k].macroF1(), 0.0);
        }
        // other rows are other scores, not the remembered ones
        int[] firstHalf = java.util.Arrays.copyOf(te, te.length / 2);
        assertEquals(firstHalf.length, m.evaluate(rich, firstHalf)[0].truth().length);
    }

    @Test
    void perSpeakerZScores() {
        double[][] x = {{1, 10}, {3, 10}, {100, 7}, {300, 9}, {5, 5}};
        String[] sp = {"a", "a", "b", "b", "c"};
        SpeakerNormalization.Stats fb = new SpeakerNormalization.Stats(new double[] {0, 0}, new double[] {2, 2}, 1);
        boolean[] used = new boolean[5];
        double[][] z = SpeakerNormalization.apply(x, sp, fb, used);
        assertArrayEquals(new double[] {-1, 0}, z[0], 1e-12); // constant feature of a speaker: centred only
        assertArrayEquals(new double[] {1, 0}, z[1], 1e-12);
        assertArrayEquals(new double[] {-1, -1}, z[2], 1e-12);
        assertArrayEquals(new double[] {2.5, 2.5}, z[4], 1e-12);
        assertArrayEquals(new boolean[] {false, false, false, false, true}, used);
    }

    @Test
    void incompatibleFormatFailsClearly(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("old.model");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
            out.write(EmotionModel.MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(EmotionModel.FORMAT_VERSION + 98);
            out.writeUTF("9.9.9");
            out.write(new byte[] {1, 2, 3});
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmotionModel.load(f));
        assertTrue(e.getMessage().contains("by EmoLab 9.9.9 in model format " + (EmotionModel.FORMAT_VERSION + 98)), e.getMessage());
        assertTrue(e.getMessage().contains("reads format " + EmotionModel.FORMAT_VERSION + " only. Retrain it"), e.getMessage());
    }

    @Test
    void otherFeatureVersionFailsClearly(@TempDir Path tmp) throws IOException {
        EmotionModel.Header h = EmotionModel.header(ModelFixture.model());
        Path f = tmp.resolve("stale.model");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
            out.write(EmotionModel.MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(EmotionModel.FORMAT_VERSION);
            out.writeUTF(h.emolabVersion());
            out.writeUTF("rich");
            out.writeUTF("0-old");
            out.writeUTF(h.trainActors());
            out.writeDouble(h.speakerCvMacroF1());
            out.writeDouble(h.plainCvMacroF1());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmotionModel.load(f));
        assertTrue(e.getMessage().contains("trained on rich features v0-old"), e.getMessage());
        assertTrue(e.getMessage().contains("this EmoLab computes v" + h.featureSetVersion()), e.getMessage());
    }

    @Test
    void notAModelFailsClearly(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("x.model");
        Files.writeString(f, "hello, this is not a model at all");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmotionModel.load(f));
        assertTrue(e.getMessage().contains("is not an EmoLab emotion model file"), e.getMessage());
    }

    @Test
    void emolabVersionIsThePomVersion() throws IOException {
        Path pom = Path.of("pom.xml");
        if (!Files.exists(pom)) pom = Path.of("lib/pom.xml");
        Matcher mt = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(Files.readString(pom));
        assertTrue(mt.find(), "no parent version in " + pom);
        assertEquals(mt.group(1), EmotionModel.EMOLAB_VERSION);
    }
}
