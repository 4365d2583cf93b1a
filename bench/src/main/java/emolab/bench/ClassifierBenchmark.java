package emolab.bench;

import emolab.classify.*;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;

/**
 * Fits each {@link ReferenceFigures} model on the course's prepared train table and prints its
 * fit time and test accuracy beside scikit-learn 1.2.1's.
 *
 * <p>Usage: {@code ClassifierBenchmark [featuresDir] [repeats]} (default
 * {@code ../shared/ravdess/features}, 3 repeats; the median is printed, as for the sklearn
 * figures). Besides wall-clock seconds it prints the process CPU seconds spent in the fit, which
 * stay meaningful when other jobs share the machine: on an idle 2-core machine a fit that keeps
 * both cores busy takes about CPU/2 wall seconds. Compare ratios, and rerun on an idle machine.
 */
public final class ClassifierBenchmark {
    private ClassifierBenchmark() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/ravdess/features");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        TrainTest s = CourseTables.load(dir, "emotion");
        LabeledData tr = s.train(), te = s.test();
        System.out.printf(Locale.ROOT, "EmoLab classifier benchmark: %d train x %d features, %d test rows, %d classes; "
                        + "%d cores, load average %.1f, median of %d fit(s)%n", tr.size(), tr.numFeatures(), te.size(),
                tr.numClasses(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), repeats);
        System.out.printf(Locale.ROOT, "%-15s %9s %9s %9s %8s %9s %9s %8s%n", "model", "fit s", "cpu s", "sk fit s", "ratio",
                "accuracy", "sk acc", "macroF1");
        for (ReferenceFigures.Reference r : ReferenceFigures.course()) {
            double[] wall = new double[repeats], cpu = new double[repeats];
            Classifier m = null;
            for (int i = 0; i < repeats; i++) {
                long c0 = cpuNanos(), t0 = System.nanoTime();
                m = tr.fit(r.spec());
                wall[i] = (System.nanoTime() - t0) / 1e9;
                cpu[i] = (cpuNanos() - c0) / 1e9;
            }
            double t = median(wall), c = median(cpu);
            int[] p = m.predict(te.x());
            double acc = Metrics.accuracy(te.y(), p);
            double f1 = Metrics.f1(te.y(), p, te.numClasses(), Average.MACRO);
            boolean sk = !Double.isNaN(r.sklearnFitSeconds());
            System.out.printf(Locale.ROOT, "%-15s %9.2f %9.2f %9s %8s %9.4f %9.4f %8.4f%n", r.name(), t, c,
                    sk ? String.format(Locale.ROOT, "%.2f", r.sklearnFitSeconds()) : "-",
                    sk ? String.format(Locale.ROOT, "%.2fx", t / r.sklearnFitSeconds()) : "-", acc, r.sklearnAccuracy(), f1);
        }
        System.out.println("ratio = EmoLab wall-clock fit time / scikit-learn's (below 1 = faster); scikit-learn's times: "
                + "median of 3 on an otherwise idle 2-core machine.");
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
}
