package emolab.classify.models;

import java.util.LinkedHashMap;
import java.util.Map;

import emolab.classify.ClassifierSpec;


/**
 * The model zoo: one factory method per family, each returning a spec at its defaults (see the
 * spec's Javadoc for the library it wraps and the scikit-learn mapping).
 *
 * <pre>{@code
 * ClassifierSpec svm = Classifiers.kernelSvm().with("C", 10).with("gamma", "auto");
 * ClassifierSpec bag = Classifiers.bagging(svm).with("n_estimators", 20);
 * }</pre>
 */
public final class Classifiers {
    private Classifiers() {}

    /** Baseline: the most frequent class. */
    public static Majority majority() { return new Majority(); }

    /** CART decision tree (Smile). */
    public static DecisionTree decisionTree() { return new DecisionTree(); }

    /** Random forest (Smile). */
    public static RandomForest randomForest() { return new RandomForest(); }

    /** Bagging of any base classifier. */
    public static Bagging bagging(ClassifierSpec estimator) { return new Bagging(estimator); }

    /** AdaBoost SAMME over decision stumps (Smile). */
    public static AdaBoost adaBoost() { return new AdaBoost(); }

    /** Gradient tree boosting (Smile). */
    public static GradientBoosting gradientBoosting() { return new GradientBoosting(); }

    /** XGBoost (Tribuo / xgboost4j). */
    public static XGBoost xgboost() { return new XGBoost(); }

    /** Linear SVM, one-vs-rest (Tribuo / LIBLINEAR). */
    public static LinearSvm linearSvm() { return new LinearSvm(); }

    /** Kernel SVM, one-vs-one (Tribuo / LIBSVM). */
    public static KernelSvm kernelSvm() { return new KernelSvm(); }

    /** One-vs-rest Gaussian-kernel SVM with Platt scaling (Smile); answers kernel-machine access for the batched explainer. */
    public static OneVsRestSvm oneVsRestSvm() { return new OneVsRestSvm(); }

    /** Multinomial logistic regression (Smile). */
    public static LogisticRegression logisticRegression() { return new LogisticRegression(); }

    /** k-nearest neighbours (Smile). */
    public static KNearestNeighbors kNearestNeighbors() { return new KNearestNeighbors(); }

    /** Multilayer perceptron (Smile). */
    public static SmileMlp smileMlp() { return new SmileMlp(); }

    /** Keras-style multilayer perceptron (DeepLearning4J). */
    public static Dl4jMlp dl4jMlp() { return new Dl4jMlp(); }

    /** {@code spec} behind a standard scaler fitted on the training rows. */
    public static StandardScaled standardScaled(ClassifierSpec spec) { return new StandardScaled(spec); }

    /** One spec of every family at its defaults, by family name (bagging over decision trees). */
    public static Map<String, ClassifierSpec> all() {
        Map<String, ClassifierSpec> m = new LinkedHashMap<>();
        for (ClassifierSpec s : new ClassifierSpec[] {majority(), decisionTree(), randomForest(), bagging(decisionTree()),
                adaBoost(), gradientBoosting(), xgboost(), linearSvm(), kernelSvm(), oneVsRestSvm(), logisticRegression(),
                kNearestNeighbors(), smileMlp(), dl4jMlp()}) m.put(s.name(), s);
        return m;
    }
}
