package emolab.imbalance;

import emolab.numeric.Neighbours;

import emolab.study.NotApplicableException;

import java.util.Arrays;
import java.util.TreeSet;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;

/**
 * Ready-made {@link Learner}s: any {@link ClassifierSpec} of {@code emolab.classify} through
 * {@link #of}, plus a light exact k-nearest-neighbours learner.
 */
public final class Learners {
    private Learners() {}

    /**
     * k-NN with uniform votes (scikit-learn {@code KNeighborsClassifier}): the probability of a
     * class is its share among the k nearest training rows (ties in distance to the lower row).
     */
    public static Learner knn(int k) {
        if (k < 1) throw new IllegalArgumentException("knn: k must be >= 1, got " + k);
        return (X, y) -> {
            if (X.length < k) throw new NotApplicableException("knn: k = " + k + " but only " + X.length + " training rows");
            int[] classes = distinct(y);
            double[][] train = X.clone();
            int[] labels = y.clone();
            return new Learner.Model() {
                @Override public int[] classes() { return classes.clone(); }

                @Override public double[][] predictProba(double[][] Q) {
                    Neighbours.Result nn = Neighbours.query(train, Q, k);
                    double[][] p = new double[Q.length][classes.length];
                    for (int q = 0; q < Q.length; q++)
                        for (int j : nn.indices()[q]) p[q][Arrays.binarySearch(classes, labels[j])] += 1.0 / k;
                    return p;
                }

                @Override public String toString() { return "KNN(k=" + k + ")"; }
            };
        };
    }

    /**
     * A learner from an {@code emolab.classify} spec (model zoo). Probabilities are the model's
     * own; a model without them (an SVM fitted without {@code probability=true}) gives one-hot
     * rows of its predictions, so ROC AUC then only ranks by the predicted class.
     */
    public static Learner of(ClassifierSpec spec) {
        if (spec == null) throw new IllegalArgumentException("classifier spec is null");
        return new Learner() {
            @Override public Model fit(double[][] X, int[] y) {
                int[] classes = distinct(y);
                int[] codes = new int[y.length];
                for (int i = 0; i < y.length; i++) codes[i] = Arrays.binarySearch(classes, y[i]);
                String[] names = Arrays.stream(classes).mapToObj(String::valueOf).toArray(String[]::new);
                Classifier c = spec.fit(X, codes, names);
                return new Model() {
                    @Override public int[] classes() { return classes.clone(); }

                    @Override public double[][] predictProba(double[][] Q) {
                        if (c.hasProbabilities()) return c.predictProba(Q);
                        int[] p = c.predict(Q);
                        double[][] out = new double[Q.length][classes.length];
                        for (int i = 0; i < p.length; i++) out[i][p[i]] = 1;
                        return out;
                    }

                    @Override public int[] predict(double[][] Q) {
                        int[] p = c.predict(Q);
                        int[] out = new int[p.length];
                        for (int i = 0; i < p.length; i++) out[i] = classes[p[i]];
                        return out;
                    }

                    @Override public String toString() { return c.toString(); }
                };
            }

            @Override public String toString() { return spec.toString(); }
        };
    }

    static int[] distinct(int[] y) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int v : y) s.add(v);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
