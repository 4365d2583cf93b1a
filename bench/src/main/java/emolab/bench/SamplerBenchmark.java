package emolab.bench;

import emolab.imbalance.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import emolab.prep.Csv;
import emolab.prep.Tables;
import tech.tablesaw.api.Table;

/**
 * Times SMOTE, ADASYN, NearMiss-1, TomekLinks and ENN on the course's prepared training table
 * (1828 × 106, target {@code emotion}, default strategies) and prints the median of several warm
 * runs beside imbalanced-learn 0.10's timings on the same table (conformance README, "Peer
 * timings"; only SMOTE and NearMiss-1 were measured there).
 *
 * <p>Args: {@code [featuresDir] [runs]}; featuresDir defaults to
 * {@code $EMOLAB_SHARED/ravdess/features} or {@code ../shared/ravdess/features}.
 */
public final class SamplerBenchmark {
    private SamplerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : defaultDir();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        Path fx = dir.resolve("prepared_features_TRAIN.csv"), info = dir.resolve("prepared_info_TRAIN.csv");
        if (!Files.exists(fx) || !Files.exists(info))
            throw new IllegalArgumentException("prepared_features_TRAIN.csv / prepared_info_TRAIN.csv not found in " + dir);
        Table features = Csv.read(fx);
        List<String> cols = new ArrayList<>(features.columnNames());
        cols.remove("row");
        double[][] X = Tables.toMatrix(features, cols);
        Tables.Labels labels = Tables.labels(Csv.read(info), "emotion");
        int[] y = labels.codes();
        System.out.printf(Locale.ROOT, "table: %d rows x %d features, classes %s%n", X.length, cols.size(), countsByName(y, labels));
        System.out.printf(Locale.ROOT, "cores: %d, java %s, %d timed runs after >= %d warm-up runs and >= 6 s (median reported)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs, runs);

        Map<String, Supplier<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("SMOTE(k_neighbors=5, seed=0)", () -> new SMOTE().kNeighbors(5).seed(0));
        samplers.put("ADASYN(n_neighbors=5, seed=0)", () -> new ADASYN().nNeighbors(5).seed(0));
        samplers.put("NearMiss(version=1, n_neighbors=3)", () -> new NearMiss().version(1).nNeighbors(3));
        samplers.put("TomekLinks()", TomekLinks::new);
        samplers.put("EditedNearestNeighbours(n_neighbors=3)", EditedNearestNeighbours::new);
        Map<String, Double> peer = Map.of("SMOTE(k_neighbors=5, seed=0)", 0.006, "NearMiss(version=1, n_neighbors=3)", 0.009);

        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%-40s %10s %10s %10s %8s  %s%n", "sampler (strategy auto)", "EmoLab s", "CPU s", "imblearn s",
                "ratio", "output");
        for (var e : samplers.entrySet()) {
            Sampler s = e.getValue().get();
            Resampled out = null;
            long warmEnd = System.nanoTime() + 6_000_000_000L; // at least `runs` runs and 6 s of warm-up (JIT)
            for (int i = 0; i < runs || System.nanoTime() < warmEnd; i++) out = s.fitResample(X, y);
            double[] t = new double[runs];
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                out = s.fitResample(X, y);
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
            double cpuPerRun = (os.getProcessCpuTime() - c0) / 1e9 / runs;
            Arrays.sort(t);
            double med = t[runs / 2];
            Double p = peer.get(e.getKey());
            System.out.printf(Locale.ROOT, "%-40s %10.4f %10.4f %10s %8s  %d rows, %d synthetic, %s%n", e.getKey(), med, cpuPerRun,
                    p == null ? "-" : String.format(Locale.ROOT, "%.3f", p),
                    p == null ? "-" : String.format(Locale.ROOT, "%.2fx", med / p), out.size(), out.syntheticCount(),
                    countsByName(out.y(), labels));
        }
        System.out.println("EmoLab s = median wall time; CPU s = mean process CPU time per run (all threads; what a run costs when");
        System.out.println("other processes compete for the cores). ratio = EmoLab wall / imbalanced-learn (below 1 = faster).");
        System.out.println("Peer figures: imbalanced-learn 0.10.0 on a 2-core machine of this kind, median of 3 runs.");
        System.out.printf(Locale.ROOT, "load average while measuring: %.2f%n", os.getSystemLoadAverage());
    }

    private static String countsByName(int[] y, Tables.Labels labels) {
        Map<String, Integer> m = new LinkedHashMap<>();
        new java.util.TreeMap<Integer, Integer>(java.util.Arrays.stream(y).boxed()
                .collect(java.util.stream.Collectors.toMap(k -> k, k -> 1, Integer::sum))).forEach((k, v) -> m.put(labels.classes().get(k), v));
        return m.toString();
    }

    private static Path defaultDir() {
        String env = System.getenv("EMOLAB_SHARED");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared");
        Path p = shared.resolve("ravdess").resolve("features");
        if (!Files.exists(p)) p = Path.of("..", "..", "shared", "ravdess", "features");
        return p.toAbsolutePath().normalize();
    }
}
