package emolab.bench;

import emolab.data.CorpusFiles;
import emolab.data.RavdessName;
import emolab.features.engine.FeatureSets;
import emolab.features.engine.ExtractionProgress;
import emolab.model.EmotionData;
import emolab.model.ModelAblation;
import emolab.model.SpeedPerturbation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The emotion model's ablation ({@link ModelAblation}) on a folder of RAVDESS WAVs:
 * {@code ModelAblationEvaluation [audio-dir] [cache-dir]} (defaults {@code ../shared/ravdess/wav16k},
 * {@code build/feature-cache}). Prints every CV step and the table as Markdown.
 */
public final class ModelAblationEvaluation {
    private ModelAblationEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/ravdess/wav16k");
        Path cache = Path.of(args.length > 1 ? args[1] : "build/feature-cache");
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir + "\nusage: ModelAblationEvaluation [audio-dir] [cache-dir]");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (Path p : CorpusFiles.wavs(dir).files()) if (RavdessName.isValid(p.getFileName().toString())) files.add(p);
        long t0 = System.nanoTime();
        EmotionData course = EmotionData.extract(files, FeatureSets.byName("course"), cache, false, ExtractionProgress.console(System.err, "course"));
        EmotionData rich = EmotionData.extract(files, FeatureSets.byName("rich"), cache, true, ExtractionProgress.console(System.err, "rich"));
        EmotionData speed = EmotionData.extract(rich.paths(), new SpeedPerturbation(FeatureSets.byName("rich")), cache, false,
                ExtractionProgress.console(System.err, "rich, speed-perturbed copies"));
        if (!speed.paths().equals(rich.paths())) throw new IOException("speed-perturbed extraction failed for " + speed.errors());
        System.out.printf(Locale.ROOT, "%d recordings from %s; features in %.1f s%n", rich.size(), dir, (System.nanoTime() - t0) / 1e9);
        ModelAblation.Result r = ModelAblation.run(course, rich, speed.x(), 0, System.out::println);
        System.out.println();
        System.out.println(r.plan().describe());
        System.out.print(r.markdown());
        System.out.printf(Locale.ROOT, "%nchosen, %s: %s%nchosen, plain: %s%ntotal %.1f s%n", ModelAblation.SPEAKER,
                r.speaker().recipe().describe(), r.plain().recipe().describe(), (System.nanoTime() - t0) / 1e9);
    }
}
