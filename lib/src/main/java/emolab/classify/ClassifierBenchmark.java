package emolab.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;

/**
 * Fits each {@link ReferenceFigures} model on the course's prepared train table and prints its
 * fit time and test accuracy beside scikit-learn's.
 *
 * <p>Usage: {@code ClassifierBenchmark [featuresDir] [repeats]} (default
 * {@code ../shared/ravdess/features}, 1 repeat; with more, the median fit time is printed).
 * Times are wall-clock on this machine: compare ratios, and rerun on an idle machine.
 */
public final class ClassifierBenchmark {
    private ClassifierBenchmark() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/ravdess/features");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        TrainTest s = CourseTables.load(dir, "emotion");
        LabeledData tr = s.train(), te = s.test();
        System.out.printf(Locale.ROOT, "EmoLab classifier benchmark: %d train × %d features, %d test rows, %d classes; %d cores, %d repeat(s)%n",
                tr.size(), tr.numFeatures(), te.size(), tr.numClasses(), Runtime.getRuntime().availableProcessors(), repeats);
        System.out.printf(Locale.ROOT, "%-15s %10s %10s %9s %10s %10s %8s%n", "model", "fit s", "sk fit s", "ratio",
                "accuracy", "sk acc", "macroF1");
        for (ReferenceFigures.Reference r : ReferenceFigures.course()) {
            double[] times = new double[repeats];
            Classifier m = null;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                m = tr.fit(r.spec());
                times[i] = (System.nanoTime() - t0) / 1e9;
            }
            java.util.Arrays.sort(times);
            double t = times[repeats / 2];
            int[] p = m.predict(te.x());
            double acc = Metrics.accuracy(te.y(), p);
            double f1 = Metrics.f1(te.y(), p, te.numClasses(), Average.MACRO);
            System.out.printf(Locale.ROOT, "%-15s %10.2f %10s %9s %10.4f %10.4f %8.4f%n", r.name(), t,
                    Double.isNaN(r.sklearnFitSeconds()) ? "-" : String.format(Locale.ROOT, "%.2f", r.sklearnFitSeconds()),
                    Double.isNaN(r.sklearnFitSeconds()) ? "-" : String.format(Locale.ROOT, "%.2fx", t / r.sklearnFitSeconds()),
                    acc, r.sklearnAccuracy(), f1);
        }
        System.out.println("ratio = EmoLab fit time / scikit-learn fit time (below 1 = faster); "
                + "sklearn times were measured on an otherwise idle 2-core machine.");
    }

    static List<ReferenceFigures.Reference> references() {
        return ReferenceFigures.course();
    }
}
