package emolab.outliers;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsolationForestTest {

    @Test
    void sameSeedSameScoresWhateverTheThreads() throws Exception {
        double[][] x = Fixtures.input();
        double[] a = new IsolationForest(100, 256, 7).fit(x).trainingScores();
        double[] b = new IsolationForest(100, 256, 7).fit(x).trainingScores();
        ForkJoinPool one = new ForkJoinPool(1);
        double[] c = one.submit(() -> new IsolationForest(100, 256, 7).fit(x).trainingScores()).get();
        one.shutdown();
        assertArrayEquals(a, b, 0.0);
        assertArrayEquals(a, c, 0.0);
        double[] other = new IsolationForest(100, 256, 8).fit(x).trainingScores();
        assertFalse(java.util.Arrays.equals(a, other), "a different seed gives different trees");
        for (double s : a) assertTrue(s > 0 && s <= 1, "score in (0, 1]: " + s);
    }

    @Test
    void plantedOutliersAreFound() {
        Planted p = new Planted(Fixtures.input(), 42);
        for (long seed = 0; seed < 3; seed++) {
            double auc = Planted.auc(new IsolationForest(100, 256, seed).fit(p.train).score(p.test), p.outlier);
            System.out.printf("Isolation Forest seed %d: planted-outlier ROC-AUC %.4f%n", seed, auc);
            assertTrue(auc >= 0.95, "ROC-AUC " + auc + " < 0.95 (seed " + seed + ")");
        }
    }

    @Test
    void averagePathLengthMatchesTheFormula() {
        assertEquals(0, IsolationForest.averagePathLength(1));
        assertEquals(1, IsolationForest.averagePathLength(2));
        // c(256) = 2(ln 255 + γ) − 2·255/256
        assertEquals(2 * (Math.log(255) + 0.5772156649) - 2 * 255.0 / 256, IsolationForest.averagePathLength(256), 1e-12);
        assertEquals(10.244770920116851, IsolationForest.averagePathLength(256), 1e-9);
    }
}
