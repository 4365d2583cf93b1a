package emolab.bench;

import emolab.data.synth.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Generates the FULL synthetic corpus into a temporary folder and prints files, audio seconds,
 * elapsed seconds and cores. Args: {@code [threads] [sampleRate] [--keep]}.
 */
public final class SyntheticCorpusBenchmark {
    private SyntheticCorpusBenchmark() {}

    public static void main(String[] args) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : cores;
        int sr = args.length > 1 ? Integer.parseInt(args[1]) : SyntheticCorpus.DEFAULT_SAMPLE_RATE;
        boolean keep = args.length > 2 && args[2].equals("--keep");
        Path dir = Files.createTempDirectory("emolab-synth-bench");
        try {
            SyntheticCorpus.Summary s = SyntheticCorpus.builder().size(SyntheticCorpus.Size.FULL).sampleRate(sr)
                    .threads(threads).progress((done, total) -> {
                        if (done % 250 == 0 || done.equals(total)) System.out.printf(Locale.ROOT, "  %d/%d%n", done, total);
                    }).build().generate(dir);
            System.out.printf(Locale.ROOT, "files=%d audioSeconds=%.1f elapsedSeconds=%.2f cores=%d threads=%d sampleRate=%d%n",
                    s.files(), s.audioSeconds(), s.elapsedSeconds(), cores, threads, sr);
            if (keep) System.out.println("kept: " + dir);
        } finally {
            if (!keep) {
                try (Stream<Path> w = Files.walk(dir)) {
                    w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
