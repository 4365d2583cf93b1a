package emolab.timeseries.classification;

import emolab.timeseries.Series;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.util.stream.LongStream;

/**
 * A random forest (Smile's {@link RandomForest}, Gini, √p features per split, bootstrap) on a
 * feature matrix, seeded so a rerun grows the same trees. Used for the moment-feature baseline.
 */
public final class FeatureForest {
    private final RandomForest forest;
    private final int features;

    private FeatureForest(RandomForest forest, int features) {
        this.forest = forest;
        this.features = features;
    }

    /** Trains {@code trees} trees on rows {@code x} with labels {@code y}. */
    public static FeatureForest fit(double[][] x, int[] y, int trees, long seed) {
        if (x.length == 0 || x.length != y.length)
            throw new IllegalArgumentException("need as many labels as rows (> 0), got " + x.length + " rows, " + y.length + " labels");
        long classes = java.util.Arrays.stream(y).distinct().count();
        emolab.study.NotApplicableException.require(classes >= 2, "random forest: the training labels hold " + classes + " class; it needs at least 2");
        Series.requireEqualLengths(x, "feature rows");
        Series.requireFinite(x, "feature rows");
        int p = x[0].length;
        DataFrame df = frame(x).merge(IntVector.of("y", y));
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        // Smile's defaults otherwise: depth 20, at most n/5 leaves, leaves of 5+ rows, bootstrap of n rows
        RandomForest rf = RandomForest.fit(Formula.lhs("y"), df, trees, mtry, SplitRule.GINI, 20, Math.max(2, x.length / 5), 5, 1.0,
                null, LongStream.range(0, trees).map(i -> seed * 1_000_003L + i));
        return new FeatureForest(rf, p);
    }

    private static DataFrame frame(double[][] x) {
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) names[j] = "f" + j;
        return DataFrame.of(x, names);
    }

    /** Predicted labels. */
    public int[] predict(double[][] x) {
        Series.requireFinite(x, "feature rows");
        for (int i = 0; i < x.length; i++)
            if (x[i].length != features)
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, the forest was trained on " + features);
        return forest.predict(frame(x));
    }
}
