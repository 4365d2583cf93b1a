package emolab.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import emolab.classify.Classifier;
import emolab.classify.FeatureImportance;
import emolab.classify.KernelModelAccess;
import emolab.classify.LabelledModel;
import emolab.classify.Probabilities;
import emolab.classify.TreeEnsembleAccess;
import emolab.explain.TreeShap;
import emolab.study.NotApplicableException;
import emolab.timeseries.classification.FeatureForest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time-series stage's feature forest is a ClassifierSpec: labels kept, seeded, capabilities answered, TreeSHAP additive. */
class FeatureForestTest {
    static final double[][] X = new double[120][5];
    static final int[] LABELS = new int[120];

    static {
        Random r = new Random(3);
        for (int i = 0; i < X.length; i++) {
            LABELS[i] = 1 + i % 3; // emotion-like codes 1..3
            for (int j = 0; j < 5; j++) X[i][j] = r.nextGaussian() + (j < 2 ? LABELS[i] : 0);
        }
    }

    @Test
    void fitsOnLabelsReproduciblyAndAnswersItsCapabilities(@TempDir Path dir) {
        LabelledModel a = FeatureForest.of(20, 1).fitLabels(X, LABELS), b = FeatureForest.of(20, 1).fitLabels(X, LABELS);
        assertArrayEquals(new int[] {1, 2, 3}, a.classes());
        assertArrayEquals(a.predict(X), b.predict(X), "same seed, same forest");
        long right = 0;
        int[] p = a.predict(X);
        for (int i = 0; i < p.length; i++) if (p[i] == LABELS[i]) right++;
        assertTrue(right > 100, "learns separable data: " + right + "/120");
        Classifier c = a.classifier();
        Path file = dir.resolve("forest.model");
        c.save(file);
        for (Classifier m : java.util.List.of(c, Classifier.load(file))) {
            assertTrue(m.as(Probabilities.class).isPresent());
            assertTrue(m.as(FeatureImportance.class).isPresent());
            assertTrue(m.as(TreeEnsembleAccess.class).isPresent());
            assertTrue(m.as(KernelModelAccess.class).isEmpty());
            var e = TreeShap.of(m).explain(Arrays.copyOf(X, 20));
            assertTrue(e.maxAdditivityError() < 1e-9, "additivity " + e.maxAdditivityError());
            double[][] proba = m.predictProba(Arrays.copyOf(X, 20));
            for (int i = 0; i < 20; i++) assertArrayEquals(proba[i], e.outputs()[i], 1e-12, "trees give Smile's probabilities, row " + i);
        }
        assertArrayEquals(c.predict(X), Classifier.load(file).predict(X));
    }

    @Test
    void oneClassIsNotApplicable() {
        NotApplicableException e = assertThrows(NotApplicableException.class, () -> FeatureForest.of(5, 1).fitLabels(X, new int[120]));
        assertTrue(e.getMessage().contains("1 class (0)"), e.getMessage());
        assertEquals("FeatureForest(n_estimators=5, random_state=1)", FeatureForest.of(5, 1).toString());
    }
}
