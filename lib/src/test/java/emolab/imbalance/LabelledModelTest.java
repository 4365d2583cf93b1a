package emolab.imbalance;

import emolab.classify.LabelledModel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import emolab.classify.Classifier;
import emolab.classify.models.Classifiers;

/** {@link LabelledModel} keeps arbitrary labels; {@link ExactKnn} votes like scikit-learn. */
class LabelledModelTest {
    static final double[][] X = new double[90][2];
    static final int[] y = new int[90];

    static {
        Random r = new Random(5);
        for (int i = 0; i < 90; i++) {
            y[i] = i % 3 == 0 ? 7 : 3;
            X[i][0] = r.nextGaussian() + (y[i] == 7 ? 3 : 0);
            X[i][1] = r.nextGaussian();
        }
    }

    @Test
    void classifySpecAdapterMapsLabels() {
        LabelledModel m = LabelledModel.fit(Classifiers.logisticRegression(), X, y);
        assertArrayEquals(new int[] {3, 7}, m.classes());
        int[] codes = new int[90];
        for (int i = 0; i < 90; i++) codes[i] = y[i] == 3 ? 0 : 1;
        Classifier direct = Classifiers.logisticRegression().fit(X, codes, new String[] {"3", "7"});
        int[] p = m.predict(X), d = direct.predict(X);
        for (int i = 0; i < 90; i++) assertEquals(d[i] == 0 ? 3 : 7, p[i]);
        double[][] pr = m.predictProba(X);
        assertArrayEquals(direct.predictProba(X)[4], pr[4], 0.0);
        // a model without probabilities gives one-hot rows of its predictions
        LabelledModel svm = LabelledModel.fit(Classifiers.kernelSvm(), X, y);
        double[][] oneHot = svm.predictProba(X);
        int[] sp = svm.predict(X);
        for (int i = 0; i < 90; i++) assertEquals(1.0, oneHot[i][sp[i] == 3 ? 0 : 1]);
        assertThrows(IllegalArgumentException.class, () -> LabelledModel.fit(null, X, y));
    }

    @Test
    void knnVotesAndProbabilities() {
        double[][] T = {{0}, {1}, {2}, {10}};
        int[] ty = {5, 5, 9, 9};
        LabelledModel m = LabelledModel.fit(ExactKnn.of(3), T, ty);
        double[][] p = m.predictProba(new double[][] {{0.4}, {9}});
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0}, p[0], 1e-15);
        assertArrayEquals(new int[] {5, 9}, m.predict(new double[][] {{0.4}, {9}}));
        assertThrows(emolab.study.NotApplicableException.class, () -> LabelledModel.fit(ExactKnn.of(5), T, ty));
    }

    @Test
    void exactKnnIsAClassifierSpecWithProbabilitiesOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        int[] codes = java.util.Arrays.stream(y).map(v -> v == 3 ? 0 : 1).toArray();
        Classifier knn = ExactKnn.of(5).fit(X, codes, new String[] {"3", "7"});
        java.nio.file.Path file = dir.resolve("knn.model");
        knn.save(file);
        for (Classifier m : java.util.List.of(knn, Classifier.load(file))) {
            assertTrue(m.as(emolab.classify.Probabilities.class).isPresent());
            assertTrue(m.as(emolab.classify.FeatureImportance.class).isEmpty());
            assertTrue(m.as(emolab.classify.TreeEnsembleAccess.class).isEmpty());
            assertArrayEquals(emolab.classify.Probabilities.argmax(m.predictProba(X)), m.predict(X));
        }
        assertArrayEquals(knn.predictProba(X)[7], Classifier.load(file).predictProba(X)[7], 0.0);
        assertEquals("ExactKNN(n_neighbors=5)", ExactKnn.of(5).toString());
    }

    @Test
    void instanceHardnessDefaultLearner() {
        Resampled r = new InstanceHardnessThreshold().seed(1).fitResample(X, y);
        assertEquals(30, r.classCounts().get(7));
        assertTrue(r.classCounts().get(3) >= 30 && r.classCounts().get(3) < 60, r.toString());
    }
}
