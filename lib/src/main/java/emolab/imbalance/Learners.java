package emolab.imbalance;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.LongStream;

import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/** Ready-made {@link Learner}s: k-nearest neighbours and Smile's random forest. */
public final class Learners {
    private Learners() {}

    /**
     * k-NN with uniform votes (scikit-learn {@code KNeighborsClassifier}): the probability of a
     * class is its share among the k nearest training rows (ties in distance to the lower row).
     */
    public static Learner knn(int k) {
        if (k < 1) throw new IllegalArgumentException("knn: k must be >= 1, got " + k);
        return (X, y) -> {
            if (X.length < k) throw new IllegalArgumentException("knn: k = " + k + " but only " + X.length + " training rows");
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
     * Smile random forest with {@code nTrees} Gini trees, √d features per split, unlimited depth,
     * leaves of ≥ 1 row, bootstrap samples, tree seeds derived from {@code seed} (so a seed gives
     * the same forest). Probabilities are Smile's vote-averaged posteriors.
     */
    public static Learner randomForest(int nTrees, long seed) {
        if (nTrees < 1) throw new IllegalArgumentException("randomForest: nTrees must be >= 1, got " + nTrees);
        return (X, y) -> {
            int d = X[0].length;
            String[] names = new String[d];
            for (int j = 0; j < d; j++) names[j] = "f" + j;
            DataFrame df = DataFrame.of(X, names).merge(IntVector.of("y", y));
            int[] classes = distinct(y);
            NumpyRandomState rs = new NumpyRandomState(seed & 0xFFFFFFFFL);
            long[] seeds = new long[nTrees];
            for (int t = 0; t < nTrees; t++) seeds[t] = rs.randint(0, 1L << 40);
            RandomForest rf = RandomForest.fit(Formula.lhs("y"), df, nTrees, Math.max(1, (int) Math.floor(Math.sqrt(d))),
                    SplitRule.GINI, 64, X.length, 1, 1.0, null, LongStream.of(seeds));
            return new Learner.Model() {
                @Override public int[] classes() { return classes.clone(); }

                @Override public double[][] predictProba(double[][] Q) {
                    DataFrame q = DataFrame.of(Q, names);
                    double[][] p = new double[Q.length][classes.length];
                    for (int i = 0; i < Q.length; i++) rf.predict(q.get(i), p[i]);
                    return p;
                }

                @Override public String toString() { return "RandomForest(" + nTrees + " trees)"; }
            };
        };
    }

    static int[] distinct(int[] y) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int v : y) s.add(v);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
