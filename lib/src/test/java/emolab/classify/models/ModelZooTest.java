package emolab.classify.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import emolab.classify.Blobs;
import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.prep.LabeledData;
import emolab.classify.eval.Metrics;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every family: learns easy data, probabilities are proper, fits are deterministic and survive a save/load round trip. */
class ModelZooTest {
    static final LabeledData TRAIN = Blobs.easy(60, 1), TEST = Blobs.easy(40, 2);

    /** name, spec, whether predict() must equal the argmax of predictProba(). */
    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("DecisionTree", Classifiers.decisionTree().with("max_depth", 4), true),
                Arguments.of("RandomForest", Classifiers.randomForest().with("n_estimators", 30), true),
                Arguments.of("Bagging(tree)", Classifiers.bagging(Classifiers.decisionTree()).with("n_estimators", 7), true),
                Arguments.of("Bagging(svm)", Classifiers.bagging(Classifiers.kernelSvm()).with("n_estimators", 5), true),
                Arguments.of("AdaBoost", Classifiers.adaBoost().with("n_estimators", 20).with("max_depth", 2), true),
                Arguments.of("GradientBoosting", Classifiers.gradientBoosting().with("n_estimators", 20), true),
                Arguments.of("XGBoost", Classifiers.xgboost().with("n_estimators", 20).with("n_jobs", 1), true),
                Arguments.of("LinearSvm", Classifiers.linearSvm(), false),
                Arguments.of("LinearSvm(prob)", Classifiers.linearSvm().with("probability", true), false),
                Arguments.of("KernelSvm", Classifiers.kernelSvm(), false),
                Arguments.of("KernelSvm(prob)", Classifiers.kernelSvm().with("probability", true), true),
                Arguments.of("KernelSvm(poly)", Classifiers.kernelSvm().with("kernel", "poly").with("degree", 2).with("coef0", 1.0), false),
                Arguments.of("LogisticRegression", Classifiers.logisticRegression(), true),
                Arguments.of("KNN", Classifiers.kNearestNeighbors().with("n_neighbors", 7), true),
                Arguments.of("SmileMlp", Classifiers.smileMlp().with("hidden_layer_sizes", new int[] {16}).with("max_iter", 30), true),
                Arguments.of("Dl4jMlp", Classifiers.dl4jMlp().with("hidden_layer_sizes", new int[] {16}).with("max_iter", 30)
                        .with("learning_rate_init", 0.01).with("dropout", 0.2), true),
                Arguments.of("Scaled(KNN)", Classifiers.standardScaled(Classifiers.kNearestNeighbors()), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void learnsEasyDataWithProperProbabilities(String name, ClassifierSpec spec, boolean argmax) {
        Classifier m = spec.fit(TRAIN);
        int[] p = m.predict(TEST.x());
        double acc = Metrics.accuracy(TEST.y(), p);
        assertTrue(acc > 0.9, name + " accuracy " + acc);
        assertEquals(TRAIN.numFeatures(), m.numFeatures());
        assertArrayEquals(TRAIN.classes(), m.classes());
        if (m.hasProbabilities()) {
            double[][] pr = m.predictProba(TEST.x());
            assertEquals(TEST.size(), pr.length);
            int agree = 0;
            for (int i = 0; i < pr.length; i++) {
                assertEquals(3, pr[i].length);
                double s = 0;
                for (double v : pr[i]) { assertTrue(v >= -1e-12 && v <= 1 + 1e-12, name + " probability " + v); s += v; }
                assertEquals(1.0, s, 1e-6, name + " row " + i);
                if (argmaxOf(pr[i]) == p[i]) agree++;
            }
            if (argmax) assertEquals(pr.length, agree, name + ": predict() is not the argmax of predictProba()");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void deterministicAndSerializable(String name, ClassifierSpec spec, boolean argmax, @TempDir Path dir) throws Exception {
        Classifier a = spec.fit(TRAIN), b = spec.fit(TRAIN);
        assertArrayEquals(a.predict(TEST.x()), b.predict(TEST.x()), name + ": two fits with the same seed differ");
        Path file = dir.resolve("model.bin");
        a.save(file);
        assertTrue(Files.size(file) > 0);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "temporary file left behind");
        }
        Classifier c = Classifier.load(file);
        assertArrayEquals(a.predict(TEST.x()), c.predict(TEST.x()), name + ": predictions change after save/load");
        assertEquals(a.hasProbabilities(), c.hasProbabilities());
        if (a.hasProbabilities()) {
            double[][] pa = a.predictProba(TEST.x()), pb = b.predictProba(TEST.x()), pc = c.predictProba(TEST.x());
            for (int i = 0; i < pa.length; i++) {
                assertArrayEquals(pa[i], pb[i], 0.0, name + ": probabilities differ between fits");
                assertArrayEquals(pa[i], pc[i], 0.0, name + ": probabilities change after save/load");
            }
        }
        assertEquals(a.spec(), c.spec());
        assertEquals(a.featureNames(), c.featureNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void classAbsentFromTrainingIsNeverPredicted(String name, ClassifierSpec spec, boolean argmax) {
        String[] classes = {"c0", "c1", "unused", "c2"};
        int[] y = TRAIN.y().clone();
        for (int i = 0; i < y.length; i++) if (y[i] == 2) y[i] = 3;
        Classifier m = spec.fit(TRAIN.x(), y, classes);
        assertArrayEquals(new int[] {0, 1, 3}, m.trainedClasses());
        for (int v : m.predict(TEST.x())) assertFalse(v == 2, name + " predicted a class it never saw");
        if (m.hasProbabilities()) for (double[] row : m.predictProba(TEST.x())) assertEquals(0.0, row[2], name);
    }

    static int argmaxOf(double[] p) {
        int b = 0;
        for (int j = 1; j < p.length; j++) if (p[j] > p[b]) b = j;
        return b;
    }
}
