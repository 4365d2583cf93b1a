package emolab.classify.models;

import emolab.classify.ClassifierSpec;

import java.util.List;

/**
 * scikit-learn 1.2.1 reference results on the course's prepared table (emotion, 8 classes;
 * train actors 1–18, test actors 19–24) and the EmoLab spec with the same settings. Fit times
 * are sklearn's on a 2-core machine (NaN where not measured).
 */
public final class ReferenceFigures {
    private ReferenceFigures() {}

    /**
     * One reference model.
     *
     * @param name              short name
     * @param sklearn           the scikit-learn call
     * @param spec              the EmoLab spec with the same settings
     * @param sklearnAccuracy   sklearn's test accuracy
     * @param sklearnFitSeconds sklearn's fit time on 2 cores, or NaN
     */
    public record Reference(String name, String sklearn, ClassifierSpec spec, double sklearnAccuracy, double sklearnFitSeconds) {}

    /**
     * The seven reference models. Settings mapped: gamma = 1/n_features is {@code "auto"};
     * the bagged SVCs are taken to be the same SVC (C=10, gamma=1/n_features) with sklearn's
     * bagging defaults (bootstrap, max_samples=1.0, hard votes since SVC has no probabilities).
     */
    public static List<Reference> course() {
        ClassifierSpec svc = Classifiers.kernelSvm().with("C", 10).with("gamma", "auto");
        return List.of(
                new Reference("RF-1000", "RandomForestClassifier(n_estimators=1000, criterion='entropy', n_jobs=-1)",
                        Classifiers.randomForest().with("n_estimators", 1000).with("criterion", "entropy"), 0.4439, 8.15),
                new Reference("SVC-RBF", "SVC(C=10, gamma='auto')", svc, 0.4567, 0.26),
                new Reference("LinearSVC", "LinearSVC(C=0.01)", Classifiers.linearSvm().with("C", 0.01), 0.4519, Double.NaN),
                new Reference("LogReg", "LogisticRegression(C=0.1)", Classifiers.logisticRegression().with("C", 0.1), 0.4631, Double.NaN),
                new Reference("GradBoost", "GradientBoostingClassifier()", Classifiers.gradientBoosting(), 0.4519, 29.7),
                new Reference("Bagging-20-SVC", "BaggingClassifier(SVC(C=10, gamma='auto'), n_estimators=20)",
                        Classifiers.bagging(svc).with("n_estimators", 20), 0.4647, Double.NaN),
                new Reference("MLP-128", "MLPClassifier(hidden_layer_sizes=(128,), early_stopping=True)",
                        Classifiers.dl4jMlp().with("hidden_layer_sizes", new int[] {128}).with("early_stopping", true), 0.4455, Double.NaN));
    }
}
