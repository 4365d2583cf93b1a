package emolab.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import emolab.data.WavReader;
import emolab.features.engine.CsvIO;
import emolab.features.engine.ExtractionResult;
import emolab.features.engine.FeatureExtractor;
import emolab.features.engine.FeatureSets;
import emolab.features.engine.ExtractionProgress;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput of the distributed extraction in {@code local[2]} against the local extractor (2
 * threads) on the same files, end to end to one CSV file: files/s, seconds of audio per second,
 * the overhead ratio (Spark wall time / local wall time), the rate per executor core and the
 * time a cluster of N executor cores would need for 100,000 recordings at that rate.
 *
 * <p>{@code ./emolab spark main emolab.spark.SparkExtractionBenchmark [--set course|rich] [--rounds 3] <wav-dir>...}
 * (run it alone on the machine: {@code heavy --alone}).
 */
public final class SparkExtractionBenchmark {
    private SparkExtractionBenchmark() {}

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static void main(String[] args) throws IOException {
        String set = "course";
        int rounds = 3;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> set = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> dirs.add(Path.of(args[i]));
            }
        }
        if (dirs.isEmpty()) {
            System.err.println("usage: SparkExtractionBenchmark [--set course|rich] [--rounds N] <wav-dir>...");
            System.exit(2);
        }
        FeatureSets.byName(set);
        double load0 = load();
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("emolab extraction benchmark")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        double startup = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Spark %s local[2] session started in %.1f s; set %s; %d rounds (median); load average at start %.2f%n",
                spark.version(), startup, set, rounds, load0);
        Path tmp = Files.createTempDirectory("emolab-spark-bench");
        try {
            for (Path dir : dirs) bench(spark, set, rounds, dir, tmp);
        } finally {
            spark.stop();
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.printf(Locale.ROOT, "load average at end %.2f (2 cores)%n", load());
    }

    static void bench(SparkSession spark, String set, int rounds, Path dir, Path tmp) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().toList();
        }
        double audio = 0;
        for (Path f : files) audio += WavReader.readHeader(f).durationSeconds();
        FeatureExtractor local = FeatureExtractor.builder().set(FeatureSets.byName(set)).threads(2).progress(ExtractionProgress.NONE).build();
        double[] lw = new double[rounds], lc = new double[rounds], sw = new double[rounds], sc = new double[rounds];
        // warm-up of both paths (JIT, Spark's first job), not timed
        CsvIO.write(local.extract(files).table(), tmp.resolve("warm-local.csv"));
        SparkExtraction w = SparkExtraction.run(spark, set, List.of(dir.toString()));
        w.write(spark, tmp.resolve("warm-spark.csv").toString());
        w.release();
        long rows = 0;
        for (int r = 0; r < rounds; r++) {
            double c0 = cpuSeconds();
            long t0 = System.nanoTime();
            ExtractionResult res = local.extract(files);
            CsvIO.write(res.table(), tmp.resolve("local.csv"));
            lw[r] = (System.nanoTime() - t0) / 1e9;
            lc[r] = cpuSeconds() - c0;
            c0 = cpuSeconds();
            t0 = System.nanoTime();
            SparkExtraction x = SparkExtraction.run(spark, set, List.of(dir.toString()));
            rows = x.write(spark, tmp.resolve("spark.csv").toString()).rows();
            x.release();
            sw[r] = (System.nanoTime() - t0) / 1e9;
            sc[r] = cpuSeconds() - c0;
            if (!Files.readString(tmp.resolve("local.csv")).equals(Files.readString(tmp.resolve("spark.csv"))))
                throw new IllegalStateException("Spark and local CSV differ for " + dir);
        }
        double l = median(lw), s = median(sw), lcpu = median(lc), scpu = median(sc);
        int n = files.size();
        System.out.printf(Locale.ROOT, "%n%s: %d files, %.0f s of audio, %d rows (Spark CSV identical to the local one)%n", dir, n, audio, rows);
        System.out.printf(Locale.ROOT, "  local extractor, 2 threads : %6.2f s wall  %6.2f s CPU  %7.1f files/s  %7.1f s audio/s%n", l, lcpu, n / l, audio / l);
        System.out.printf(Locale.ROOT, "  Spark local[2]             : %6.2f s wall  %6.2f s CPU  %7.1f files/s  %7.1f s audio/s%n", s, scpu, n / s, audio / s);
        double perCore = n / s / 2;
        System.out.printf(Locale.ROOT, "  overhead ratio Spark/local : %.2f (wall), %.2f (CPU)%n", s / l, scpu / lcpu);
        System.out.printf(Locale.ROOT, "  Spark rate per executor core: %.1f files/s (%.1f s audio/s)%n", perCore, audio / s / 2);
        System.out.printf(Locale.ROOT, "  scaling model, 100,000 files like these at that rate (perfect scaling, no I/O limit):%n");
        for (int cores : new int[] {2, 8, 32, 128, 512})
            System.out.printf(Locale.ROOT, "    %4d executor cores: %8.0f s (%.1f min)%n", cores, 100_000 / (perCore * cores), 100_000 / (perCore * cores) / 60);
    }
}
