package emolab.imbalance;

import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;
import emolab.numeric.Neighbours;
import emolab.study.NotApplicableException;

/**
 * Exact k-nearest neighbours with uniform votes, scikit-learn's {@code KNeighborsClassifier}
 * as imbalanced-learn's examples use it: the probability of a class is its share among the
 * {@code n_neighbors} nearest training rows (Euclidean; ties in distance go to the lower row, as
 * the samplers' {@link Neighbours}); the prediction is the most probable class (ties to the lower
 * class). Fewer training rows than neighbours is not applicable. The zoo's
 * {@code KNearestNeighbors} wraps Smile's k-NN, whose distance ties may fall differently.
 */
public final class ExactKnn extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public ExactKnn() {
        super("ExactKNN", List.of(Param.integer("n_neighbors", 5, 1, 100_000, "number of neighbours")));
    }

    /** k-NN with {@code n_neighbors = k}. */
    public static ExactKnn of(int k) {
        return (ExactKnn) new ExactKnn().with("n_neighbors", k);
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int nn = intParam("n_neighbors");
        if (x.length < nn) throw new NotApplicableException("knn: k = " + nn + " but only " + x.length + " training rows");
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) rows[i] = x[i].clone();
        return new Engine(rows, y.clone(), k, nn);
    }

    private record Engine(double[][] train, int[] labels, int k, int nn) implements Classifier.ProbabilisticEngine {
        @Override
        public double[][] predictProba(double[][] q) {
            Neighbours.Result r = Neighbours.query(train, q, nn);
            double[][] p = new double[q.length][k];
            for (int i = 0; i < q.length; i++)
                for (int j : r.indices()[i]) p[i][labels[j]] += 1.0 / nn;
            return p;
        }
    }
}
