package emolab.timeseries.rocket;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LogisticClassifierTest {
    @Test
    void separableClassesKeepTheirLabels() {
        int[] classes = {2, 4, 8};
        int[] ytr = RidgeClassifierCVTest.labels(90, classes, 1), yte = RidgeClassifierCVTest.labels(30, classes, 2);
        // features 2, 4 and 8 carry the class means (p = 10)
        double[][] xtr = RidgeClassifierCVTest.blobs(ytr, 10, 10, 3), xte = RidgeClassifierCVTest.blobs(yte, 10, 10, 4);
        LogisticClassifier m = LogisticClassifier.fit(xtr, ytr, LogisticClassifier.Options.defaults());
        assertArrayEquals(classes, m.classes());
        assertArrayEquals(yte, m.predict(xte));
        double[][] p = m.probabilities(xte);
        for (int i = 0; i < p.length; i++) {
            double s = 0;
            int arg = 0;
            for (int c = 0; c < 3; c++) {
                s += p[i][c];
                if (p[i][c] > p[i][arg]) arg = c;
            }
            assertEquals(1.0, s, 1e-9);
            assertEquals(yte[i], classes[arg], "the most probable class is the prediction");
        }
        // float rows give the same predictions
        float[][] f = new float[xte.length][10];
        for (int i = 0; i < xte.length; i++) for (int j = 0; j < 10; j++) f[i][j] = (float) xte[i][j];
        assertArrayEquals(yte, m.predict(f));
    }

    @Test
    void twoClasses() {
        int[] y = RidgeClassifierCVTest.labels(60, new int[] {0, 1}, 5);
        double[][] x = RidgeClassifierCVTest.blobs(y, 4, 8, 6);
        LogisticClassifier m = LogisticClassifier.fit(x, y, LogisticClassifier.Options.defaults());
        assertArrayEquals(y, m.predict(x));
    }

    @Test
    void strongerPenaltyShrinksTowardsUniform() {
        int[] y = RidgeClassifierCVTest.labels(60, new int[] {0, 1, 2}, 7);
        double[][] x = RidgeClassifierCVTest.blobs(y, 5, 3, 8);
        double[][] weak = LogisticClassifier.fit(x, y, LogisticClassifier.Options.defaults().withLambda(0.1)).probabilities(x);
        double[][] strong = LogisticClassifier.fit(x, y, LogisticClassifier.Options.defaults().withLambda(1e4)).probabilities(x);
        double maxWeak = 0, maxStrong = 0;
        for (int i = 0; i < 60; i++)
            for (int c = 0; c < 3; c++) {
                maxWeak = Math.max(maxWeak, weak[i][c]);
                maxStrong = Math.max(maxStrong, strong[i][c]);
            }
        assertTrue(maxStrong < 0.5 && maxWeak > 0.9, "strong " + maxStrong + ", weak " + maxWeak);
    }

    @Test
    void badInputGivesClearErrors() {
        int[] y = RidgeClassifierCVTest.labels(10, new int[] {0, 1}, 1);
        double[][] x = RidgeClassifierCVTest.blobs(y, 3, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> LogisticClassifier.fit(x, new int[3], LogisticClassifier.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> LogisticClassifier.fit(x, new int[10], LogisticClassifier.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> LogisticClassifier.Options.defaults().withLambda(-1));
        LogisticClassifier m = LogisticClassifier.fit(x, y, LogisticClassifier.Options.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predict(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("2 features") && e.getMessage().contains("fitted on 3"), e.getMessage());
        double[][] nan = RidgeClassifierCVTest.blobs(y, 3, 2, 1);
        nan[0][0] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> LogisticClassifier.fit(nan, y, LogisticClassifier.Options.defaults()));
        assertTrue(e.getMessage().contains("x[0][0]"), e.getMessage());
    }
}
