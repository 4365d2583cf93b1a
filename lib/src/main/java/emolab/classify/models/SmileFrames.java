package emolab.classify.models;

import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/** Conversions between plain arrays and Smile data frames for the tree-based Smile models. */
final class SmileFrames {
    private SmileFrames() {}

    static final String LABEL = "__label";
    static final Formula FORMULA = Formula.lhs(LABEL);

    static String[] names(int d) {
        String[] n = new String[d];
        for (int j = 0; j < d; j++) n[j] = "x" + j;
        return n;
    }

    /** Features plus the integer label column. */
    static DataFrame train(double[][] x, int[] y) {
        return DataFrame.of(x, names(x[0].length)).merge(IntVector.of(LABEL, y));
    }

    static DataFrame features(double[][] x) {
        return DataFrame.of(x, names(x[0].length));
    }

    static int[] predict(DataFrameClassifier model, double[][] x) {
        DataFrame df = features(x);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) out[i] = model.predict(df.get(i));
        return out;
    }

    /** Posterior probabilities from Smile's {@code predict(x, posteriori)}. */
    static double[][] proba(DataFrameClassifier model, double[][] x, int k) {
        DataFrame df = features(x);
        double[][] out = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            Tuple t = df.get(i);
            model.predict(t, out[i]);
        }
        return out;
    }

    /** Smile's maximal depth counts the root as depth 1: scikit-learn's max_depth d is Smile's d + 1; 0 means unlimited. */
    static int smileDepth(int sklearnMaxDepth) {
        return sklearnMaxDepth == 0 ? Integer.MAX_VALUE : sklearnMaxDepth + 1;
    }

    /** Smile's maxNodes (maximal number of leaves): {@code maxLeafNodes} if set, else 2^depth (capped by n). */
    static int maxLeaves(int maxLeafNodes, int sklearnMaxDepth, int n) {
        if (maxLeafNodes > 0) return maxLeafNodes;
        if (sklearnMaxDepth > 0 && sklearnMaxDepth < 30) return (int) Math.min(n, 1L << sklearnMaxDepth);
        return Math.max(2, n);
    }
}
