package emolab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import emolab.classify.Classifier;
import emolab.prep.CourseTables;
import emolab.prep.LabeledData;
import emolab.classify.models.ReferenceFigures;
import emolab.prep.PreparedData;
import emolab.classify.eval.Metrics;
import emolab.outliers.Lof;

/**
 * Model fits on the course's prepared table (1828 train × 106 features, 624 test rows, emotion,
 * train actors 1–18 / test 19–24): each {@link ReferenceFigures} model plus LOF (k = 20, fit and
 * the training rows' scores), timed against scikit-learn with the same settings in the same run.
 *
 * <pre>
 *   ./emolab bench classifiers [features-dir] [--repeats N] [--warmup W] [--models A,B,...] [--no-sklearn]
 * </pre>
 *
 * <p>The scikit-learn side is {@code environment/bench/sklearn_classifiers.py --serve}, a worker
 * process started once (Python from {@code environment/bench/sklearn-venv.sh}, which makes
 * {@code build/bench-venv} on first use); it has loaded the same table. For each model the two
 * sides fit alternately — ours, then scikit-learn's, W warm-up rounds and then N timed ones — so
 * load changes hit both alike; the median of the N is printed. Besides wall seconds each side
 * reports its process CPU seconds (Java: the process CPU time; Python: getrusage user + system),
 * which stay meaningful on a shared machine. One line per model:
 *
 * <pre>
 *   RF-1000 fit_s=… accuracy=… cpu_s=… sklearn_fit_s=… sklearn_cpu_s=… sklearn_accuracy=… ratio=…
 * </pre>
 *
 * {@code ratio} = our wall / scikit-learn's wall (below 1 = faster). For LOF, {@code accuracy} is
 * "-" and {@code max_rel_diff} gives the largest relative difference between the two sides'
 * training-row LOF values. Without scikit-learn (no venv can be made, or {@code --no-sklearn})
 * only our figures are printed, and the exit code is still 0.
 */
public final class ClassifierBenchmark {
    private ClassifierBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("../shared/ravdess/features");
        int repeats = 3, warmup = 1;
        boolean sklearn = true;
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeats" -> repeats = positive(args, ++i);
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--models" -> only = List.of(value(args, ++i).split(","));
                case "--no-sklearn" -> sklearn = false;
                case "-h", "--help" -> {
                    System.out.println("usage: ClassifierBenchmark [features-dir] [--repeats N] [--warmup W] [--models A,B,...] [--no-sklearn]");
                    return;
                }
                default -> {
                    if (args[i].startsWith("--")) usage("unknown option " + args[i]);
                    dir = Path.of(args[i]);
                }
            }
        }
        if (!Files.isRegularFile(dir.resolve("prepared_features_TRAIN.csv")))
            usage("no course table in " + dir.toAbsolutePath() + " (prepared_features_TRAIN.csv missing)");
        PreparedData s = CourseTables.load(dir, "emotion");
        LabeledData tr = s.train(), te = s.test();

        Map<String, Supplier<Result>> models = new LinkedHashMap<>();
        for (ReferenceFigures.Reference r : ReferenceFigures.course()) {
            models.put(r.name(), () -> {
                Classifier m = r.spec().fit(tr);
                return new Result(() -> Metrics.accuracy(te.y(), m.predict(te.x())), null);
            });
        }
        models.put("LOF", () -> new Result(null, new Lof(20).fit(tr.x()).trainingScores()));
        if (only != null) {
            for (String m : only) if (!models.containsKey(m)) usage("no model " + m + "; models: " + String.join(",", models.keySet()));
            models.keySet().retainAll(only);
        }

        Worker py = sklearn ? Worker.start(dir) : null;
        System.out.printf(Locale.ROOT, "# EmoLab classifier benchmark: %d train x %d features, %d test rows, %d classes; %d cores; "
                        + "load average %.2f at start; %d warm-up + median of %d alternating fits%s%n", tr.size(), tr.numFeatures(),
                te.size(), tr.numClasses(), Runtime.getRuntime().availableProcessors(), load(), warmup, repeats,
                py == null ? "; scikit-learn side not run" : "; " + py.banner);
        try {
            for (Map.Entry<String, Supplier<Result>> e : models.entrySet()) {
                String name = e.getKey();
                double[] wall = new double[repeats], cpu = new double[repeats];
                double[] skWall = new double[repeats], skCpu = new double[repeats];
                Result last = null;
                String[] skLast = null;
                for (int r = -warmup; r < repeats; r++) {
                    long c0 = cpuNanos(), t0 = System.nanoTime();
                    last = e.getValue().get();
                    double w = (System.nanoTime() - t0) / 1e9, c = (cpuNanos() - c0) / 1e9;
                    String[] sk = py == null ? null : py.fit(name);
                    if (r >= 0) {
                        wall[r] = w;
                        cpu[r] = c;
                        if (sk != null) {
                            skWall[r] = Double.parseDouble(field(sk, "fit_s"));
                            skCpu[r] = Double.parseDouble(field(sk, "cpu_s"));
                        }
                    }
                    skLast = sk;
                }
                StringBuilder line = new StringBuilder();
                line.append(String.format(Locale.ROOT, "%s fit_s=%.4f accuracy=%s cpu_s=%.4f", name, median(wall),
                        last.accuracy() == null ? "-" : String.format(Locale.ROOT, "%.4f", last.accuracy().get()), median(cpu)));
                if (py != null) {
                    double skw = median(skWall);
                    line.append(String.format(Locale.ROOT, " sklearn_fit_s=%.4f sklearn_cpu_s=%.4f sklearn_accuracy=%s ratio=%.2f cpu_ratio=%.2f",
                            skw, median(skCpu), field(skLast, "accuracy"), median(wall) / skw, median(cpu) / median(skCpu)));
                    if (last.scores() != null) line.append(String.format(Locale.ROOT, " max_rel_diff=%.2e", maxRelDiff(last.scores(), py.scores())));
                }
                System.out.println(line);
            }
        } finally {
            if (py != null) py.close();
        }
        System.out.printf(Locale.ROOT, "# load average %.2f at the end; ratio = our wall / scikit-learn's wall, cpu_ratio = our CPU / "
                + "scikit-learn's CPU (below 1 = faster)%n", load());
    }

    /** One fit's outcome: test accuracy (computed after timing) or, for LOF, the training rows' scores. */
    private record Result(Supplier<Double> accuracy, double[] scores) {}

    /** The scikit-learn worker process. */
    private static final class Worker implements AutoCloseable {
        final Process process;
        final PrintWriter in;
        final BufferedReader out;
        final String banner;
        final Path scores;

        private Worker(Process p, String banner, Path scores) {
            this.process = p;
            this.in = new PrintWriter(p.outputWriter(StandardCharsets.UTF_8), true);
            this.out = p.inputReader(StandardCharsets.UTF_8);
            this.banner = banner;
            this.scores = scores;
        }

        /** Starts the worker, or returns null (with the reason on stderr) when scikit-learn is not available. */
        static Worker start(Path dir) throws IOException, InterruptedException {
            Path root = Path.of(System.getProperty("emolab.home", "."));
            Path venv = root.resolve("environment/bench/sklearn-venv.sh"), script = root.resolve("environment/bench/sklearn_classifiers.py");
            if (!Files.isRegularFile(venv) || !Files.isRegularFile(script)) {
                System.err.println("[bench] scikit-learn side not run: " + script + " not found (set -Demolab.home to the repository)");
                return null;
            }
            Process v = new ProcessBuilder("bash", venv.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String python = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (v.waitFor() != 0 || python.isEmpty()) {
                System.err.println("[bench] scikit-learn side not run: no Python with scikit-learn (see above)");
                return null;
            }
            Process p = new ProcessBuilder(python, script.toString(), "--serve", dir.toAbsolutePath().toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader r = p.inputReader(StandardCharsets.UTF_8);
            String first = r.readLine();
            if (first == null || !first.startsWith("ready ")) {
                p.destroy();
                throw new IOException("the scikit-learn worker did not start (" + first + ")");
            }
            Path scores = Files.createTempFile("emolab-lof-sklearn", ".txt");
            return new Worker(p, first.substring("ready ".length()), scores);
        }

        String[] fit(String name) throws IOException {
            in.println(name.equals("LOF") ? name + " " + scores : name);
            String line = out.readLine();
            if (line == null) throw new IOException("the scikit-learn worker ended (model " + name + ")");
            if (!line.startsWith(name + " ")) throw new IOException("scikit-learn worker: " + line);
            return line.split(" ");
        }

        double[] scores() throws IOException {
            return Files.readAllLines(scores).stream().filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            in.println("quit");
            in.close();
            process.waitFor();
            Files.deleteIfExists(scores);
        }
    }

    private static String field(String[] parts, String key) {
        for (String p : parts) if (p.startsWith(key + "=")) return p.substring(key.length() + 1);
        throw new IllegalStateException("no " + key + " in " + String.join(" ", parts));
    }

    private static double maxRelDiff(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalStateException("LOF scores: " + a.length + " rows vs scikit-learn's " + b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300));
        return m;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return 0;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) usage(args[i - 1] + " needs a value");
        return args[i];
    }

    private static int positive(String[] args, int i) {
        int v = Integer.parseInt(value(args, i));
        if (v < 1) usage(args[i - 1] + " must be at least 1");
        return v;
    }

    private static void usage(String msg) {
        System.err.println("ClassifierBenchmark: " + msg);
        System.err.println("usage: ClassifierBenchmark [features-dir] [--repeats N] [--warmup W] [--models A,B,...] [--no-sklearn]");
        System.exit(2);
    }
}
