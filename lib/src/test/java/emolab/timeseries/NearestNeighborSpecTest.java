package emolab.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import emolab.classify.Classifier;
import emolab.classify.LabelledModel;
import emolab.classify.Probabilities;
import emolab.timeseries.classification.OneNearestNeighbor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1-NN through the model contract predicts exactly what the direct fit predicts, and survives save/load. */
class NearestNeighborSpecTest {
    @Test
    void specEqualsTheDirectFitForBothMetrics(@TempDir Path dir) {
        Random r = new Random(4);
        double[][] train = new double[40][30], test = new double[15][30];
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = 2 + i % 2;
            for (int t = 0; t < 30; t++) train[i][t] = Math.sin(t * (labels[i] == 2 ? 0.3 : 0.7)) + 0.3 * r.nextGaussian();
        }
        for (double[] q : test) for (int t = 0; t < 30; t++) q[t] = Math.sin(t * (r.nextBoolean() ? 0.3 : 0.7)) + 0.3 * r.nextGaussian();
        for (String metric : new String[] {"euclidean", "dtw"}) {
            OneNearestNeighbor direct = (metric.equals("dtw") ? OneNearestNeighbor.dtw(3) : OneNearestNeighbor.euclidean()).fit(train, labels);
            LabelledModel viaSpec = OneNearestNeighbor.spec().with("metric", metric).with("radius", 3).fitLabels(train, labels);
            assertArrayEquals(direct.predict(test), viaSpec.predict(test), metric);
            Classifier c = viaSpec.classifier();
            assertTrue(c.as(OneNearestNeighbor.class).isPresent(), "the fitted index is reachable for progress and pruning statistics");
            assertTrue(c.as(Probabilities.class).isEmpty(), "1-NN gives no probabilities");
            Path file = dir.resolve(metric + ".model");
            c.save(file);
            assertArrayEquals(c.predict(test), Classifier.load(file).predict(test), metric + " after save/load");
        }
    }
}
