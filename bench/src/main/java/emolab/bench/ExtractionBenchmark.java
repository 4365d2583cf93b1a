package emolab.bench;

import emolab.features.engine.*;

import emolab.data.WavReader;
import emolab.features.FeatureSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of feature extraction, end to end (read + decode + features, no cache, all cores):
 * {@code ExtractionBenchmark <dir> [set] [rounds]} extracts every WAV under {@code dir} with the
 * given set (or each known set in turn): one cold round (JIT warm-up included), then
 * {@code rounds} warm rounds (default 2). Prints seconds of audio per wall-clock second, per
 * CPU-second of the process (robust when other programs share the machine), the core count, and
 * the time the whole RAVDESS corpus (10,034 s of audio) would take at the warm wall rate.
 */
public final class ExtractionBenchmark {
    /** Total audio in the real RAVDESS audio corpus (2452 files), seconds. */
    public static final double RAVDESS_SECONDS = 10_034;

    private ExtractionBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: ExtractionBenchmark <dir> [" + String.join("|", FeatureSets.NAMES) + "] [rounds]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Path> files = emolab.data.CorpusFiles.wavs(dir).files();
        double audioSeconds = 0;
        for (Path f : files) audioSeconds += WavReader.readHeader(f).durationSeconds();
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> sets = args.length >= 2 ? List.of(args[1]) : FeatureSets.NAMES;
        int rounds = args.length == 3 ? Integer.parseInt(args[2]) : 2;
        System.out.printf(Locale.ROOT, "%d files, %.1f s of audio, %d cores, load average %.1f%n", files.size(), audioSeconds, cores,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String name : sets) {
            FeatureSet set = FeatureSets.byName(name);
            FeatureExtractor fx = FeatureExtractor.builder().set(set).threads(cores).progress(ExtractionProgress.NONE).build();
            for (int round = 0; round <= rounds; round++) {
                long cpu0 = cpuNanos(), t0 = System.nanoTime();
                ExtractionResult r = fx.extract(files);
                double wall = (System.nanoTime() - t0) / 1e9, cpu = (cpuNanos() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT,
                        "set %-6s %s: %d rows, %d errors, %.1f s wall, %.1f s audio/s wall, %.1f s audio per CPU-second; "
                                + "whole RAVDESS at this wall rate: %.1f s%n",
                        name, round == 0 ? "cold" : "warm" + round, r.table().rowCount(), r.errors().size(), wall,
                        audioSeconds / wall, audioSeconds / cpu, RAVDESS_SECONDS * wall / audioSeconds);
            }
        }
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return 0;
    }
}
