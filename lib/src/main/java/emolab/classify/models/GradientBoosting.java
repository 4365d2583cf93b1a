package emolab.classify.models;

import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;
import smile.math.MathEx;

/**
 * Gradient tree boosting, wrapping Smile's {@code smile.classification.GradientTreeBoost}
 * (Friedman's algorithm; for k &gt; 2 classes, k regression trees per round on the softmax
 * deviance, as scikit-learn).
 *
 * <p>Mapping from scikit-learn {@code GradientBoostingClassifier} defaults: {@code n_estimators}
 * 100 → {@code ntrees}; {@code learning_rate} 0.1 → {@code shrinkage}; {@code max_depth} 3 →
 * Smile {@code maxDepth} 4 (Smile counts the root as depth 1) with {@code maxNodes} = 2^3 = 8
 * leaves unless {@code max_leaf_nodes} is set; {@code min_samples_leaf} 1 → {@code nodeSize};
 * {@code subsample} 1.0 → {@code subsample} (all rows each round); {@code random_state} seeds
 * Smile's row sampling. Differences: Smile's trees use the variance-reduction split rule
 * (sklearn: friedman_mse) and start from a zero score instead of the log class priors.
 * Importance: summed impurity decrease.
 */
public final class GradientBoosting extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public GradientBoosting() {
        super("GradientBoosting", List.of(
                Param.integer("n_estimators", 100, 1, 100_000, "boosting rounds"),
                Param.real("learning_rate", 0.1, 1e-12, 1.0, "shrinkage of each tree"),
                Param.integer("max_depth", 3, 1, 10_000, "depth of each regression tree"),
                Param.integer("max_leaf_nodes", 0, 0, Integer.MAX_VALUE, "maximal leaves per tree (0 = 2^max_depth)"),
                Param.integer("min_samples_leaf", 1, 1, Integer.MAX_VALUE, "minimal rows in a leaf"),
                Param.real("subsample", 1.0, 1e-9, 1.0, "fraction of rows drawn (without replacement) per round"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int depth = intParam("max_depth");
        int leaves = SmileFrames.maxLeaves(intParam("max_leaf_nodes"), depth, x.length);
        if (leaves < 2) throw new IllegalArgumentException("GradientBoosting: max_leaf_nodes must be 0 or at least 2, got " + leaves);
        MathEx.setSeed(intParam("random_state"));
        var gb = smile.classification.GradientTreeBoost.fit(SmileFrames.FORMULA, SmileFrames.train(x, y), intParam("n_estimators"),
                SmileFrames.smileDepth(depth), leaves, intParam("min_samples_leaf"), realParam("learning_rate"), realParam("subsample"));
        // Smile keeps the shrinkage and the binary model's initial score private: keep them here for tree access
        double intercept = k == 2 ? smile.base.cart.Loss.logistic(y).intercept(null) : Double.NaN;
        return new SmileTreeEngine(gb, k, gb.importance(), realParam("learning_rate"), intercept);
    }
}
