package emolab.features.engine;

import emolab.data.WavReader;
import emolab.features.FeatureSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of feature extraction: {@code ExtractionBenchmark <dir> [set]} extracts every WAV
 * under {@code dir} (no cache, all cores) with the given set, or each known set in turn, and
 * prints seconds of audio processed per wall-clock second with the core count.
 */
public final class ExtractionBenchmark {
    private ExtractionBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ExtractionBenchmark <dir> [" + String.join("|", FeatureSets.NAMES) + "]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Path> files = ExtractCli.scan(dir);
        double audioSeconds = 0;
        for (Path f : files) audioSeconds += WavReader.readHeader(f).durationSeconds();
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> sets = args.length == 2 ? List.of(args[1]) : FeatureSets.NAMES;
        System.out.printf(Locale.ROOT, "%d files, %.1f s of audio, %d cores%n", files.size(), audioSeconds, cores);
        for (String name : sets) {
            FeatureSet set = FeatureSets.byName(name);
            FeatureExtractor fx = FeatureExtractor.builder().set(set).threads(cores).progress(Progress.NONE).build();
            long t0 = System.nanoTime();
            ExtractionResult r = fx.extract(files);
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "set %-6s: %d rows, %d errors, %.1f s wall, %.1f s audio/s (%.1f per core) on %d cores%n",
                    name, r.table().rowCount(), r.errors().size(), wall, audioSeconds / wall, audioSeconds / wall / cores, cores);
        }
    }
}
