package emolab.classify.models;

import java.util.Optional;

import emolab.classify.Classifier;
import emolab.classify.FeatureImportance;
import emolab.classify.TreeEnsembleAccess;
import smile.classification.DataFrameClassifier;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;

/**
 * Engine over a Smile data-frame classifier with posteriors (trees, forests, boosting):
 * predictions are the argmax of the posterior, as scikit-learn's soft-voting ensembles do.
 * Decision trees, random forests and gradient boosting answer {@link TreeEnsembleAccess} (read
 * through Smile's public API, {@link SmileTreeAccess}); AdaBoost does not (its vote is not a sum
 * over leaves). Gradient boosting's shrinkage and binary intercept are not public in Smile, so
 * the engine keeps the values it was fitted with.
 */
final class SmileTreeEngine implements Classifier.ProbabilisticEngine, FeatureImportance {
    private static final long serialVersionUID = 2L;

    private final DataFrameClassifier model;
    private final int k;
    private final double[] importance;
    private final double shrinkage;
    private final double intercept;

    SmileTreeEngine(DataFrameClassifier model, int k, double[] importance) {
        this(model, k, importance, Double.NaN, Double.NaN);
    }

    /** A gradient-boosted model with the shrinkage it was fitted with and its initial score (binary; NaN otherwise). */
    SmileTreeEngine(DataFrameClassifier model, int k, double[] importance, double shrinkage, double intercept) {
        this.model = model;
        this.k = k;
        this.importance = importance == null ? null : importance.clone();
        this.shrinkage = shrinkage;
        this.intercept = intercept;
    }

    @Override
    public double[][] predictProba(double[][] x) {
        return SmileFrames.proba(model, x, k);
    }

    @Override
    public double[] featureImportance() {
        return importance.clone();
    }

    @Override
    public Classifier.ImportanceKind importanceKind() {
        return Classifier.ImportanceKind.IMPURITY;
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == FeatureImportance.class && importance == null) return Optional.empty();
        if (type == TreeEnsembleAccess.class) {
            TreeEnsembleAccess trees = null;
            if (model instanceof RandomForest rf) trees = SmileTreeAccess.of(rf);
            else if (model instanceof DecisionTree dt) trees = SmileTreeAccess.of(dt);
            else if (model instanceof GradientTreeBoost gbt) trees = SmileTreeAccess.of(gbt, shrinkage, intercept);
            return Optional.ofNullable(trees).map(type::cast);
        }
        return Classifier.ProbabilisticEngine.super.capability(type);
    }
}
