package emolab.bench;

import emolab.data.Audio;
import emolab.data.CorpusFiles;
import emolab.data.RavdessName;
import emolab.data.WavReader;
import emolab.model.EmotionData;
import emolab.model.EmotionModel;
import emolab.prep.ActorSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Wall-clock time of the emotion model end to end, as {@code ./emolab train} and
 * {@code ./emolab predict} do it (no feature cache): extraction + model selection + final fits on
 * the training actors, then reading and predicting every test recording.
 * {@code ModelTimingBenchmark [audio-dir] [threads]} (defaults {@code ../shared/ravdess/wav16k}, all
 * cores). Prints the times, the audio seconds and sample counts per side, so that the figures can
 * be scaled to another corpus, and the test scores of both settings.
 */
public final class ModelTimingBenchmark {
    private ModelTimingBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/ravdess/wav16k");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir + "\nusage: ModelTimingBenchmark [audio-dir] [threads]");
            System.exit(2);
        }
        List<Path> all = new ArrayList<>();
        Set<Integer> actors = new TreeSet<>();
        for (Path p : CorpusFiles.wavs(dir).files())
            if (RavdessName.isValid(p.getFileName().toString())) {
                all.add(p);
                actors.add(RavdessName.parse(p.getFileName().toString()).actor());
            }
        ActorSplit.Plan plan = ActorSplit.plan(actors);
        List<Path> train = new ArrayList<>(), test = new ArrayList<>();
        for (Path p : all) (plan.trainActors().contains(RavdessName.parse(p.getFileName().toString()).actor()) ? train : test).add(p);
        System.out.println(plan.describe() + ": " + train.size() + " training and " + test.size() + " test recordings, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        double[] trainAudio = audio(train), testAudio = audio(test);
        System.out.printf(Locale.ROOT, "training audio %.0f s (%.3g samples), test audio %.0f s (%.3g samples)%n", trainAudio[0], trainAudio[1],
                testAudio[0], testAudio[1]);

        long t0 = System.nanoTime();
        EmotionData data = EmotionData.extract(train, EmotionModel.defaultFeatureSet(), null, false, null);
        long t1 = System.nanoTime();
        EmotionModel m = EmotionModel.train(data, EmotionModel.defaultFeatureSet(), plan.trainActors(), threads, null);
        long t2 = System.nanoTime();
        EmotionModel.Predictions p = m.predictFiles(test, Map.of(), threads, null);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "train: features %.1f s + selection and fits %.1f s = %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t2 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "predict %d recordings: %.1f s (%d errors)%n", p.rows().size(), (t3 - t2) / 1e9, p.errors().size());
        int ok = 0, n = 0;
        for (EmotionModel.Prediction r : p.rows()) {
            n++;
            if (r.predicted().equals(RavdessName.parse(r.path().getFileName().toString()).emotion().label())) ok++;
        }
        System.out.printf(Locale.ROOT, "test accuracy of the predictions above (speaker-normalised, TRANSDUCTIVE): %.3f%n", ok / (double) n);
        EmotionData testData = EmotionData.extract(test, EmotionModel.defaultFeatureSet(), null, false, null);
        for (EmotionModel.Evaluation e : m.evaluate(testData, testData.rowsOf(plan.testActors())))
            System.out.println("test actors, " + e.describe());
        System.out.println(m.describe());
    }

    private static double[] audio(List<Path> files) throws IOException {
        double s = 0, samples = 0;
        for (Path f : files) {
            Audio a = WavReader.read(f);
            s += a.durationSeconds();
            samples += a.samples().length;
        }
        return new double[] {s, samples};
    }
}
