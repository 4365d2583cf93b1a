package emolab.classify.models;

import java.util.Optional;

import emolab.classify.Classifier;
import emolab.classify.FeatureImportance;
import emolab.classify.Probabilities;

/** Engine over a Smile {@code Classifier<double[]>}, soft (probabilities, argmax prediction) or hard. */
final class SmileVectorEngine implements Classifier.ProbabilisticEngine, FeatureImportance {
    private static final long serialVersionUID = 1L;

    private final smile.classification.Classifier<double[]> model;
    private final int k;
    private final double[] importance;
    private final Classifier.ImportanceKind kind;

    SmileVectorEngine(smile.classification.Classifier<double[]> model, int k, double[] importance, Classifier.ImportanceKind kind) {
        this.model = model;
        this.k = k;
        this.importance = importance;
        this.kind = kind;
    }

    @Override
    public int[] predict(double[][] x) {
        if (model.soft()) return Classifier.ProbabilisticEngine.super.predict(x);
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) out[i] = model.predict(x[i]);
        return out;
    }

    @Override
    public double[][] predictProba(double[][] x) {
        double[][] out = new double[x.length][k];
        for (int i = 0; i < x.length; i++) model.predict(x[i], out[i]);
        return out;
    }

    @Override
    public double[] featureImportance() {
        return importance.clone();
    }

    @Override
    public Classifier.ImportanceKind importanceKind() {
        return kind;
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == Probabilities.class && !model.soft()) return Optional.empty();
        if (type == FeatureImportance.class && importance == null) return Optional.empty();
        return Classifier.ProbabilisticEngine.super.capability(type);
    }
}
