package emolab.classify;

import java.util.Random;
import emolab.prep.LabeledData;

/**
 * Synthetic classification data for tests: unit-variance Gaussian noise plus, in the first
 * {@code informative} features, a class mean: with θ = 2πc/k, feature 0 has sep·cos θ, feature 1
 * sep·sin θ (class centres on a circle), feature j ≥ 2 has ½·sep·cos(θ + j). The other features
 * are pure noise. Actors are assigned round-robin so every actor has every class.
 */
public final class Blobs {
    private Blobs() {}

    public static LabeledData make(int k, int perClass, int features, int informative, double sep, int actors, long seed) {
        Random r = new Random(seed);
        int n = k * perClass;
        double[][] x = new double[n][features];
        int[] y = new int[n], g = new int[n];
        String[] classes = new String[k];
        for (int c = 0; c < k; c++) classes[c] = "c" + c;
        for (int i = 0; i < n; i++) {
            int c = i % k;
            y[i] = c;
            g[i] = (i / k) % actors + 1;
            for (int j = 0; j < features; j++) {
                double theta = 2 * Math.PI * c / k;
                double mean = j >= informative ? 0 : j == 0 ? sep * Math.cos(theta) : j == 1 ? sep * Math.sin(theta) : 0.5 * sep * Math.cos(theta + j);
                x[i][j] = mean + r.nextGaussian();
            }
        }
        return new LabeledData(x, y, classes, g, null);
    }

    /** 3 well separated classes, 4 features (2 informative), 6 actors. */
    public static LabeledData easy(int perClass, long seed) {
        return make(3, perClass, 4, 2, 3.0, 6, seed);
    }
}
