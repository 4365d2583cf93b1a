package emolab.classify.models;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;

/**
 * Random forest: EmoLab's {@link RankForest} (scikit-learn's tree growing, exact splits on
 * per-feature ranks, about 2× faster than scikit-learn here) unless {@code max_leaf_nodes} is
 * set, which needs best-first growth: then Smile's {@code smile.classification.RandomForest}
 * (trees grown in parallel on the common fork-join pool). The Smile details below apply to that
 * case; {@link RankForest} maps the parameters one to one to scikit-learn's (leaf posteriors
 * are plain class frequencies, importance the summed weighted impurity decrease).
 *
 * <p>Mapping from scikit-learn {@code RandomForestClassifier}: {@code n_estimators} →
 * {@code ntrees}; {@code criterion} → split rule; {@code max_features} "sqrt" (default) /
 * "log2" / "all" / a fraction ≤ 1 / a count &gt; 1 → {@code mtry} (sqrt and log2 floored as in
 * sklearn); {@code max_depth} d → Smile d + 1, 0 = unlimited; {@code max_leaf_nodes} →
 * {@code maxNodes} (0 = unlimited); {@code min_samples_leaf} → {@code nodeSize};
 * {@code subsample} 1.0 = bootstrap sample of n rows with replacement (sklearn
 * {@code bootstrap=True}), below 1 Smile draws that fraction without replacement;
 * {@code random_state} draws one Smile seed per tree (all &gt; 1: Smile ignores seeds ≤ 1). Predictions are the argmax of the
 * averaged tree posteriors (soft voting, as sklearn). Smile's leaf posteriors are
 * Laplace-smoothed, so probabilities are flatter than sklearn's; with fully grown trees the
 * predictions are the majority vote either way. Importance: summed impurity decrease.
 */
public final class RandomForest extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public RandomForest() {
        super("RandomForest", List.of(
                Param.integer("n_estimators", 100, 1, 100_000, "number of trees"),
                Param.choice("criterion", "gini", List.of("gini", "entropy"), "split quality measure"),
                Param.choiceOrReal("max_features", "sqrt", List.of("sqrt", "log2", "all"), 1e-9, 1e9,
                        "features tried per split: sqrt, log2, all, a fraction ≤ 1 or a count > 1"),
                Param.integer("max_depth", 0, 0, 10_000, "maximal depth (0 = unlimited)"),
                Param.integer("max_leaf_nodes", 0, 0, Integer.MAX_VALUE, "maximal leaves per tree (0 = unlimited)"),
                Param.integer("min_samples_leaf", 1, 1, Integer.MAX_VALUE, "minimal rows in a leaf"),
                Param.real("subsample", 1.0, 1e-9, 1.0, "1.0 = bootstrap with replacement; < 1 = fraction without replacement"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed")));
    }

    /** Number of features per split for {@code max_features} on d features (sklearn's rule). */
    static int mtry(Object maxFeatures, int d) {
        int m;
        if (maxFeatures instanceof String s) {
            m = switch (s) {
                case "sqrt" -> (int) Math.floor(Math.sqrt(d));
                case "log2" -> (int) Math.floor(Math.log(d) / Math.log(2));
                default -> d;
            };
        } else {
            double v = (Double) maxFeatures;
            if (v <= 1.0) m = (int) Math.floor(v * d);
            else {
                if (v != Math.rint(v)) throw new IllegalArgumentException("max_features > 1 must be a whole count, got " + v);
                if (v > d) throw new IllegalArgumentException("max_features = " + (int) v + " exceeds the " + d + " features");
                m = (int) v;
            }
        }
        return Math.max(1, Math.min(d, m));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int nt = intParam("n_estimators");
        int maxLeaf = intParam("max_leaf_nodes");
        if (maxLeaf == 1) throw new IllegalArgumentException("RandomForest: max_leaf_nodes must be 0 (unlimited) or at least 2, got 1");
        // Smile applies a tree's seed only when it is > 1 (otherwise the tree draws from whatever state
        // its thread's generator is in), so draw the per-tree seeds from [2, Long.MAX_VALUE).
        if (maxLeaf == 0) {
            var settings = new RankForest.Settings(nt, stringParam("criterion").equals("entropy"), mtry(rawParam("max_features"), x[0].length),
                    intParam("max_depth"), intParam("min_samples_leaf"), realParam("subsample"), intParam("random_state"));
            return RankForest.fit(x, y, k, settings);
        }
        long[] seeds = new Random(intParam("random_state")).longs(nt, 2, Long.MAX_VALUE).toArray();
        var rf = smile.classification.RandomForest.fit(SmileFrames.FORMULA, SmileFrames.train(x, y), nt,
                mtry(rawParam("max_features"), x[0].length), DecisionTree.rule(stringParam("criterion")),
                SmileFrames.smileDepth(intParam("max_depth")), SmileFrames.maxLeaves(maxLeaf, intParam("max_depth"), x.length),
                intParam("min_samples_leaf"), realParam("subsample"), null, LongStream.of(seeds));
        return new SmileTreeEngine(rf, k, rf.importance());
    }
}
