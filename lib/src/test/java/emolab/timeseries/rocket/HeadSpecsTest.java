package emolab.timeseries.rocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import emolab.classify.Classifier;
import emolab.classify.FeatureImportance;
import emolab.classify.LabelledModel;
import emolab.classify.Probabilities;
import emolab.classify.TreeEnsembleAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ridge and logistic heads through the model contract give exactly what their direct fits give. */
class HeadSpecsTest {
    static final double[][] X = new double[90][12];
    static final int[] LABELS = new int[90];

    static {
        Random r = new Random(8);
        for (int i = 0; i < X.length; i++) {
            LABELS[i] = 3 + 2 * (i % 3); // labels 3, 5, 7
            for (int j = 0; j < 12; j++) X[i][j] = r.nextGaussian() + (j == i % 3 ? 1.5 : 0);
        }
    }

    @Test
    void ridgeSpecEqualsTheDirectFit(@TempDir Path dir) {
        for (boolean standardize : new boolean[] {false, true}) {
            RidgeClassifierCV direct = RidgeClassifierCV.fit(X, LABELS, RidgeClassifierCV.Options.defaults().withStandardize(standardize));
            LabelledModel viaSpec = RidgeClassifierCV.spec().with("standardize", standardize).fitLabels(X, LABELS);
            assertArrayEquals(direct.predict(X), viaSpec.predict(X), "standardize=" + standardize);
            RidgeClassifierCV engine = viaSpec.classifier().as(RidgeClassifierCV.class).orElseThrow();
            assertEquals(direct.alpha(), engine.alpha(), 0.0);
            assertArrayEquals(direct.looMse(), engine.looMse(), 0.0);
            Classifier c = viaSpec.classifier();
            assertTrue(c.as(Probabilities.class).isEmpty(), "ridge gives decision values, not probabilities");
            assertTrue(c.as(TreeEnsembleAccess.class).isEmpty() && c.as(FeatureImportance.class).isEmpty());
            Path file = dir.resolve("ridge" + standardize + ".model");
            c.save(file);
            assertArrayEquals(c.predict(X), Classifier.load(file).predict(X));
        }
    }

    @Test
    void logisticSpecEqualsTheDirectFit(@TempDir Path dir) {
        LogisticClassifier direct = LogisticClassifier.fit(X, LABELS, LogisticClassifier.Options.defaults());
        LabelledModel viaSpec = LogisticClassifier.spec().fitLabels(X, LABELS);
        assertArrayEquals(direct.predict(X), viaSpec.predict(X));
        double[][] a = direct.probabilities(X), b = viaSpec.predictProba(X);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], 0.0, "row " + i);
        Classifier c = viaSpec.classifier();
        assertTrue(c.as(Probabilities.class).isPresent());
        Path file = dir.resolve("logistic.model");
        c.save(file);
        assertArrayEquals(c.predictProba(X)[5], Classifier.load(file).predictProba(X)[5], 0.0);
        assertEquals(List.of("lambda", "tol", "max_iter"), LogisticClassifier.spec().parameterNames());
    }
}
