package emolab.classify;

/**
 * Capability: a built-in importance per feature (impurity decrease for trees, forests and
 * boosting; |coefficient| for linear models). Through {@link Classifier#as(Class)} the values
 * are normalised to sum to 1; models without it (k-NN, kernel SVM, networks) answer empty — use
 * permutation importance for them.
 */
public interface FeatureImportance {
    /** One value per feature, in the classifier's feature order. */
    double[] featureImportance();

    /** What the values measure. */
    Classifier.ImportanceKind importanceKind();
}
