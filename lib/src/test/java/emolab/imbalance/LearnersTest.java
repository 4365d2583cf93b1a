package emolab.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import emolab.classify.Classifier;
import emolab.classify.models.Classifiers;

/** {@link Learners}: the classify adapter keeps arbitrary labels; k-NN votes like scikit-learn. */
class LearnersTest {
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
        Learner.Model m = Learners.of(Classifiers.logisticRegression()).fit(X, y);
        assertArrayEquals(new int[] {3, 7}, m.classes());
        int[] codes = new int[90];
        for (int i = 0; i < 90; i++) codes[i] = y[i] == 3 ? 0 : 1;
        Classifier direct = Classifiers.logisticRegression().fit(X, codes, new String[] {"3", "7"});
        int[] p = m.predict(X), d = direct.predict(X);
        for (int i = 0; i < 90; i++) assertEquals(d[i] == 0 ? 3 : 7, p[i]);
        double[][] pr = m.predictProba(X);
        assertArrayEquals(direct.predictProba(X)[4], pr[4], 0.0);
        // a model without probabilities gives one-hot rows of its predictions
        Learner.Model svm = Learners.of(Classifiers.kernelSvm()).fit(X, y);
        double[][] oneHot = svm.predictProba(X);
        int[] sp = svm.predict(X);
        for (int i = 0; i < 90; i++) assertEquals(1.0, oneHot[i][sp[i] == 3 ? 0 : 1]);
        assertThrows(IllegalArgumentException.class, () -> Learners.of(null));
    }

    @Test
    void knnVotesAndProbabilities() {
        double[][] T = {{0}, {1}, {2}, {10}};
        int[] ty = {5, 5, 9, 9};
        Learner.Model m = Learners.knn(3).fit(T, ty);
        double[][] p = m.predictProba(new double[][] {{0.4}, {9}});
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0}, p[0], 1e-15);
        assertArrayEquals(new int[] {5, 9}, m.predict(new double[][] {{0.4}, {9}}));
        assertThrows(emolab.study.NotApplicableException.class, () -> Learners.knn(5).fit(T, ty));
    }

    @Test
    void instanceHardnessDefaultLearner() {
        Resampled r = new InstanceHardnessThreshold().seed(1).fitResample(X, y);
        assertEquals(30, r.classCounts().get(7));
        assertTrue(r.classCounts().get(3) >= 30 && r.classCounts().get(3) < 60, r.toString());
    }
}
