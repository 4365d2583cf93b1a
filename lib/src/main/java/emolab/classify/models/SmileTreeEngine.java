package emolab.classify.models;

import emolab.classify.Classifier;
import smile.classification.DataFrameClassifier;

/**
 * Engine over a Smile data-frame classifier with posteriors (trees, forests, boosting):
 * predictions are the argmax of the posterior, as scikit-learn's soft-voting ensembles do.
 */
final class SmileTreeEngine implements Classifier.Engine {
    private static final long serialVersionUID = 1L;

    private final DataFrameClassifier model;
    private final int k;
    private final double[] importance;

    SmileTreeEngine(DataFrameClassifier model, int k, double[] importance) {
        this.model = model;
        this.k = k;
        this.importance = importance == null ? null : importance.clone();
    }

    DataFrameClassifier model() {
        return model;
    }

    @Override
    public int[] predict(double[][] x) {
        return SmileFrames.argmax(predictProba(x));
    }

    @Override
    public boolean hasProbabilities() {
        return true;
    }

    @Override
    public double[][] predictProba(double[][] x) {
        return SmileFrames.proba(model, x, k);
    }

    @Override
    public double[] featureImportance() {
        return importance == null ? null : importance.clone();
    }

    @Override
    public Classifier.ImportanceKind importanceKind() {
        return importance == null ? null : Classifier.ImportanceKind.IMPURITY;
    }
}
