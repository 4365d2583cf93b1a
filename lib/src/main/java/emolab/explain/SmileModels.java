package emolab.explain;

import java.util.List;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;

/**
 * Seeded Smile tree models fitted on plain arrays, for explaining: a random forest and a
 * gradient-boosted ensemble whose predictor schema carries the feature names, plus predict
 * functions over them. (The classification stage's model wrappers are the general API; these are
 * the minimal fits the explainers' tests, benchmark and notebook need.)
 */
public final class SmileModels {
    /** Name of the label column in the frames built here. */
    public static final String LABEL = "label";

    private SmileModels() {}

    /** A Smile data frame of {@code x} with columns {@code features} plus the int column {@value #LABEL}. */
    public static DataFrame frame(double[][] x, int[] y, List<String> features) {
        Inputs.requireRows(x, features.size(), features, "training rows");
        if (y.length != x.length) throw new IllegalArgumentException(y.length + " labels for " + x.length + " rows");
        if (features.contains(LABEL)) throw new IllegalArgumentException("a feature is named '" + LABEL + "', the label column's name");
        return DataFrame.of(x, features.toArray(new String[0])).merge(IntVector.of(LABEL, y));
    }

    /**
     * A random forest (Gini, {@code mtry = floor(sqrt(d))}, max depth 20, nodes of at least 5 rows,
     * bootstrap samples), every tree seeded from {@code seed}. Labels are 0..k-1.
     */
    public static RandomForest randomForest(double[][] x, int[] y, List<String> features, int trees, long seed) {
        DataFrame df = frame(x, y, features);
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(features.size())));
        // Smile re-seeds a tree's generator only for seeds > 1 (others run unseeded), so draw from [2, 2^62)
        LongStream seeds = new java.util.SplittableRandom(seed).longs(trees, 2, 1L << 62);
        return RandomForest.fit(Formula.lhs(LABEL), df, trees, mtry, SplitRule.GINI, 20, Math.max(2, x.length / 5), 5, 1.0, null, seeds);
    }

    /** Gradient-boosted trees (Smile's defaults: 6 leaves per tree, shrinkage 0.05, subsample 0.7), seeded. */
    public static GradientTreeBoost gradientBoost(double[][] x, int[] y, List<String> features, int trees, long seed) {
        DataFrame df = frame(x, y, features);
        smile.math.MathEx.setSeed(seed);
        return GradientTreeBoost.fit(Formula.lhs(LABEL), df, trees, 20, 6, 5, 0.05, 0.7);
    }

    /** Class probabilities of a Smile random forest, as Smile computes them (row by row, in parallel). */
    public static PredictFunction predictFunction(RandomForest rf) {
        StructType schema = rf.schema();
        int k = rf.numClasses();
        return x -> {
            double[][] out = new double[x.length][k];
            java.util.stream.IntStream.range(0, x.length).parallel()
                    .forEach(i -> rf.predict(Tuple.of(x[i], schema), out[i]));
            return out;
        };
    }

    /** Class probabilities of a Smile gradient-boosted model (softmax of its margins), row by row in parallel. */
    public static PredictFunction predictFunction(GradientTreeBoost gbt) {
        StructType schema = gbt.schema();
        int k = gbt.numClasses();
        return x -> {
            double[][] out = new double[x.length][k];
            java.util.stream.IntStream.range(0, x.length).parallel()
                    .forEach(i -> gbt.predict(Tuple.of(x[i], schema), out[i]));
            return out;
        };
    }
}
