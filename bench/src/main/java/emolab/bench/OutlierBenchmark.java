package emolab.bench;

import emolab.outliers.*;

import emolab.prep.Csv;
import emolab.prep.Tables;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times every detector on the course's prepared training table (1828 × 106): fit, and fit +
 * scoring the training rows again (what scikit-learn's {@code fit} + {@code score_samples}
 * does), median of {@code runs} after one warm-up, next to the scikit-learn 1.2.1 figures of
 * {@code ../shared/conformance/README.md} ("Peer timings", 2-core machine).
 *
 * <pre>
 *   java -cp ... emolab.outliers.OutlierBenchmark [prepared_features_TRAIN.csv] [runs] [--big]
 * </pre>
 *
 * {@code --big} adds Isolation Forest with 10,000 trees (one run).
 */
public final class OutlierBenchmark {
    private OutlierBenchmark() {}

    /**
     * scikit-learn 1.2.1 medians from the conformance README (seconds), and whether the call
     * includes scoring the training rows again: {@code IsolationForest} fit + score_samples
     * (compare with our fit + score), {@code LocalOutlierFactor.fit_predict} (the training LOF is
     * computed in fit: compare with our fit).
     */
    record Peer(double seconds, boolean withScore) {}

    static final Map<String, Peer> PEER = Map.of(
            "Isolation Forest", new Peer(0.118, true),
            "Isolation Forest (10000 trees)", new Peer(11.8, true),
            "LOF (k=20)", new Peer(0.028, false));

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/ravdess/features/prepared_features_TRAIN.csv");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean big = Arrays.asList(args).contains("--big");
        if (!Files.exists(file)) {
            System.err.println("prepared table not found: " + file.toAbsolutePath() + " (pass its path as the first argument)");
            System.exit(2);
        }
        Table t = Csv.read(file);
        List<String> cols = new ArrayList<>(t.columnNames());
        cols.remove("row");
        double[][] x = Tables.toMatrix(t, cols);
        System.out.printf(Locale.ROOT, "OutlierBenchmark: %s, %d rows x %d columns; %d cores (availableProcessors), "
                        + "Java %s; median of %d runs after 1 warm-up%n", file.getFileName(), x.length, x[0].length,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs);
        Map<String, OutlierDetector> dets = new LinkedHashMap<>();
        for (OutlierDetector d : Detectors.standard(0)) dets.put(d.name(), d);
        System.out.printf(Locale.ROOT, "%-30s %10s %14s %12s %14s%n", "detector", "fit s", "fit+score s", "sklearn s", "ratio");
        for (Map.Entry<String, OutlierDetector> e : dets.entrySet()) row(e.getKey(), e.getValue(), x, runs);
        if (big) row("Isolation Forest (10000 trees)", new IsolationForest(10_000, 256, 0), x, 1);
        System.out.println("table: " + x.length + " rows x " + x[0].length + " columns (exact neighbours: a KD-tree up to 16 columns, above that a scan screened by one BLAS product)");
    }

    private static void row(String name, OutlierDetector d, double[][] x, int runs) {
        if (runs > 1) time(d, x);
        double[] fit = new double[runs], both = new double[runs];
        for (int r = 0; r < runs; r++) {
            double[] t = time(d, x);
            fit[r] = t[0];
            both[r] = t[1];
        }
        double f = median(fit), b = median(both);
        Peer peer = PEER.get(name);
        System.out.printf(Locale.ROOT, "%-30s %10.3f %14.3f %12s %14s%n", name, f, b,
                peer == null ? "-" : String.format(Locale.ROOT, "%.3f", peer.seconds()),
                peer == null ? "-" : String.format(Locale.ROOT, "%.1fx (%s)", (peer.withScore() ? b : f) / peer.seconds(),
                        peer.withScore() ? "fit+score" : "fit"));
    }

    /** {fit seconds, fit + score(train) seconds}. */
    private static double[] time(OutlierDetector d, double[][] x) {
        long t0 = System.nanoTime();
        OutlierModel m = d.fit(x);
        long t1 = System.nanoTime();
        double[] s = m.score(x);
        long t2 = System.nanoTime();
        if (s.length != x.length) throw new IllegalStateException();
        return new double[] {(t1 - t0) / 1e9, (t2 - t0) / 1e9};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
