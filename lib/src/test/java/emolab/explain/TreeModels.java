package emolab.explain;

import emolab.classify.Classifier;
import emolab.prep.LabeledData;
import emolab.classify.models.Classifiers;

/**
 * Seeded tree models for the explainer tests, all through the model contract: Smile's random
 * forest (the zoo's {@code RandomForest} with {@code max_leaf_nodes} set: max depth 20 in Smile's
 * count, leaves ≤ n/5, nodes ≥ 5 rows, bootstrap) and Smile's gradient boosting (6 leaves per
 * tree, shrinkage 0.05, subsample 0.7).
 */
final class TreeModels {
    private TreeModels() {}

    static Classifier smileForest(LabeledData d, int trees, int seed) {
        return Classifiers.randomForest().with("n_estimators", trees).with("max_depth", 19)
                .with("max_leaf_nodes", Math.max(2, d.size() / 5)).with("min_samples_leaf", 5).with("random_state", seed)
                .fit(d);
    }

    static Classifier boosting(LabeledData d, int trees, int seed) {
        return Classifiers.gradientBoosting().with("n_estimators", trees).with("max_depth", 19).with("max_leaf_nodes", 6)
                .with("min_samples_leaf", 5).with("learning_rate", 0.05).with("subsample", 0.7).with("random_state", seed)
                .fit(d);
    }
}
