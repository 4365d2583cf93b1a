package emolab.classify.models;

import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;

/**
 * k-nearest neighbours with Euclidean distance and uniform weights, wrapping Smile's
 * {@code smile.classification.KNN} (scikit-learn {@code KNeighborsClassifier(n_neighbors)}).
 * Probabilities are the neighbours' vote fractions. Scale the features first (the course's
 * prepared tables are standardised; otherwise use {@link StandardScaled}).
 */
public final class KNearestNeighbors extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public KNearestNeighbors() {
        super("KNearestNeighbors", List.of(Param.integer("n_neighbors", 5, 1, 100_000, "number of neighbours")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int nn = intParam("n_neighbors");
        if (nn > x.length)
            throw new IllegalArgumentException("KNearestNeighbors: n_neighbors = " + nn + " exceeds the " + x.length + " training rows");
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) copy[i] = x[i].clone();
        return new SmileVectorEngine(smile.classification.KNN.fit(copy, y, nn), k, null, null);
    }
}
