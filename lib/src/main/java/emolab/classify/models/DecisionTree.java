package emolab.classify.models;

import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;
import smile.base.cart.SplitRule;

/**
 * A single CART decision tree, wrapping Smile's {@code smile.classification.DecisionTree}.
 *
 * <p>Mapping from scikit-learn {@code DecisionTreeClassifier}: {@code criterion} gini/entropy →
 * {@code SplitRule.GINI/ENTROPY}; {@code max_depth} d → Smile {@code maxDepth} d + 1 (Smile
 * counts the root as depth 1), 0 = unlimited; {@code max_leaf_nodes} → {@code maxNodes} (0 =
 * unlimited: 2^max_depth or n); {@code min_samples_leaf} → {@code nodeSize}. All features are
 * considered at every split, so the tree is deterministic. Differences: Smile merges sibling
 * leaves that predict the same class (predictions unchanged) and its leaf probabilities are
 * Laplace-smoothed ((count + 1) / (n + k)). Importance: impurity decrease per feature.
 */
public final class DecisionTree extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public DecisionTree() {
        super("DecisionTree", List.of(
                Param.choice("criterion", "gini", List.of("gini", "entropy"), "split quality measure"),
                Param.integer("max_depth", 0, 0, 10_000, "maximal depth (0 = unlimited)"),
                Param.integer("max_leaf_nodes", 0, 0, Integer.MAX_VALUE, "maximal number of leaves (0 = unlimited); at least 2 when set"),
                Param.integer("min_samples_leaf", 1, 1, Integer.MAX_VALUE, "minimal rows in a leaf")));
    }

    static SplitRule rule(String criterion) {
        return criterion.equals("entropy") ? SplitRule.ENTROPY : SplitRule.GINI;
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int maxLeaf = intParam("max_leaf_nodes");
        if (maxLeaf == 1) throw new IllegalArgumentException("DecisionTree: max_leaf_nodes must be 0 (unlimited) or at least 2, got 1");
        var tree = smile.classification.DecisionTree.fit(SmileFrames.FORMULA, SmileFrames.train(x, y), rule(stringParam("criterion")),
                SmileFrames.smileDepth(intParam("max_depth")), SmileFrames.maxLeaves(maxLeaf, intParam("max_depth"), x.length),
                intParam("min_samples_leaf"));
        return new SmileTreeEngine(tree, k, tree.importance());
    }
}
