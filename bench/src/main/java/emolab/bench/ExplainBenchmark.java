package emolab.bench;

import emolab.prep.CourseTables;
import emolab.prep.LabeledData;
import emolab.prep.PreparedData;
import emolab.explain.*;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import emolab.classify.Classifier;
import emolab.classify.models.Classifiers;

/**
 * Speed of the explainers on the course's prepared table (train on
 * {@code prepared_features_TRAIN}, explain {@code prepared_features_TEST}): TreeSHAP for all 624
 * held-out rows of a 500-tree random forest, and KernelSHAP at the default budget (2·d + 2048
 * coalitions) for 50 held-out rows of the course's SVM (Gaussian kernel, C = 10, gamma = 1/d)
 * with a k-means background. Prints wall and CPU seconds and the core count; the machine may be
 * shared, so figures are upper bounds.
 *
 * <p>Usage: {@code ExplainBenchmark [featuresDir] [backgroundRows]} (defaults
 * {@code <project>/../shared/ravdess/features}, 10).
 */
public final class ExplainBenchmark {
    private ExplainBenchmark() {}

    public static void main(String[] args) {
        Path dir = args.length > 0 ? Path.of(args[0])
                : emolab.data.DataSource.projectRoot().resolve("../shared/ravdess/features").normalize();
        int bgRows = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PreparedData course = CourseTables.load(dir, "emotion");
        LabeledData train = course.train(), test = course.test();
        System.out.printf(Locale.ROOT, "cores: %d; train %d × %d, test %d rows%n", Runtime.getRuntime().availableProcessors(),
                train.size(), train.numFeatures(), test.size());

        Clock fit = new Clock();
        // Smile's forest (max_leaf_nodes set): depth 20 in Smile's count, leaves ≤ n/5, nodes ≥ 5 rows
        Classifier rf = Classifiers.randomForest().with("n_estimators", 500).with("max_depth", 19)
                .with("max_leaf_nodes", Math.max(2, train.size() / 5)).with("min_samples_leaf", 5).with("random_state", 1).fit(train);
        System.out.printf(Locale.ROOT, "random forest, 500 trees: fit %s%n", fit);
        TreeShap ts = TreeShap.of(rf);
        ts.explain(Arrays.copyOf(test.x(), 8)); // warm-up
        Clock tree = new Clock();
        Explanations te = ts.explain(test.x());
        System.out.printf(Locale.ROOT, "TreeSHAP, %d rows × 500 trees (%d nodes, depth %d): %s; max additivity error %.1e (target ≤ 30 s)%n",
                te.size(), ts.ensemble().numNodes(), ts.ensemble().depth(), tree, te.maxAdditivityError());

        Clock svmFit = new Clock();
        GaussianSvm svm = GaussianSvm.of(Classifiers.oneVsRestSvm().with("C", 10).with("gamma", "auto").with("random_state", 1).fit(train));
        System.out.printf(Locale.ROOT, "SVM (one-vs-rest, %d support vectors): fit %s%n", svm.numSupportVectors(), svmFit);
        Background bg = Background.kmeans(train.x(), bgRows, 1);
        KernelShap ks = KernelShap.builder(bg).seed(1).features(train.featureNames()).classes(List.of(train.classes())).build();
        double[][] rows = Arrays.copyOf(test.x(), 50);
        ks.explain(svm, Arrays.copyOf(rows, 1)); // warm-up
        Clock kernel = new Clock();
        Explanations ke = ks.explain(svm, rows);
        System.out.printf(Locale.ROOT, "KernelSHAP, 50 rows, budget %d coalitions × %d background rows = %d model calls per row: %s; "
                        + "max additivity error %.1e (target ≤ 60 s)%n",
                ks.budget(), bg.size(), ks.budget() * bg.size(), kernel, ke.maxAdditivityError());
    }

    /** Wall and process-CPU time since construction. */
    private static final class Clock {
        private final long wall = System.nanoTime(), cpu = cpu();

        private static long cpu() {
            var os = ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
        }

        @Override
        public String toString() {
            double w = (System.nanoTime() - wall) / 1e9, c = (cpu() - cpu) / 1e9;
            return String.format(Locale.ROOT, "%.1f s wall (%.1f s CPU)", w, c);
        }
    }
}
