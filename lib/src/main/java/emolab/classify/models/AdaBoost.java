package emolab.classify.models;

import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;
import smile.math.MathEx;

/**
 * AdaBoost with decision trees, wrapping Smile's {@code smile.classification.AdaBoost}, which is
 * multi-class <b>SAMME</b> (Zhu et al. 2009): tree weight α = log((1 − e)/e) + log(k − 1) and
 * misclassified rows re-weighted by e^α. Unlike scikit-learn's {@code AdaBoostClassifier
 * (algorithm="SAMME")}, Smile fits each tree on a weighted resample of the rows instead of
 * passing the weights to the tree, has no {@code learning_rate} (it is 1) and uses the Gini
 * rule; a tree no better than chance is skipped (Smile stops after 3 such in a row).
 *
 * <p>Mapping: {@code n_estimators} → {@code ntrees}; {@code max_depth} d (default 1 = stumps,
 * as sklearn) → Smile d + 1; {@code max_leaf_nodes} (0 = 2^max_depth) → {@code maxNodes};
 * {@code min_samples_leaf} → {@code nodeSize}; {@code random_state} seeds Smile's resampling.
 * Probabilities: α-weighted votes normalised to 1. Importance: summed impurity decrease.
 */
public final class AdaBoost extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public AdaBoost() {
        super("AdaBoost", List.of(
                Param.integer("n_estimators", 50, 1, 100_000, "number of boosting rounds (trees)"),
                Param.integer("max_depth", 1, 1, 10_000, "depth of each tree (1 = decision stumps)"),
                Param.integer("max_leaf_nodes", 0, 0, Integer.MAX_VALUE, "maximal leaves per tree (0 = 2^max_depth)"),
                Param.integer("min_samples_leaf", 1, 1, Integer.MAX_VALUE, "minimal rows in a leaf"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed of the weighted resampling")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int depth = intParam("max_depth");
        int leaves = SmileFrames.maxLeaves(intParam("max_leaf_nodes"), depth, x.length);
        if (leaves < 2) throw new IllegalArgumentException("AdaBoost: max_leaf_nodes must be 0 or at least 2, got " + leaves);
        MathEx.setSeed(intParam("random_state"));
        var ada = smile.classification.AdaBoost.fit(SmileFrames.FORMULA, SmileFrames.train(x, y), intParam("n_estimators"),
                SmileFrames.smileDepth(depth), leaves, intParam("min_samples_leaf"));
        return new SmileTreeEngine(ada, k, ada.importance());
    }
}
