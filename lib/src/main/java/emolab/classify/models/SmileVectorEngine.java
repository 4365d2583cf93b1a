package emolab.classify.models;

import emolab.classify.Classifier;

/** Engine over a Smile {@code Classifier<double[]>}, soft or hard. */
final class SmileVectorEngine implements Classifier.Engine {
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

    smile.classification.Classifier<double[]> model() {
        return model;
    }

    @Override
    public int[] predict(double[][] x) {
        if (model.soft()) return SmileFrames.argmax(predictProba(x));
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) out[i] = model.predict(x[i]);
        return out;
    }

    @Override
    public boolean hasProbabilities() {
        return model.soft();
    }

    @Override
    public double[][] predictProba(double[][] x) {
        double[][] out = new double[x.length][k];
        for (int i = 0; i < x.length; i++) model.predict(x[i], out[i]);
        return out;
    }

    @Override
    public double[] featureImportance() {
        return importance == null ? null : importance.clone();
    }

    @Override
    public Classifier.ImportanceKind importanceKind() {
        return importance == null ? null : kind;
    }
}
