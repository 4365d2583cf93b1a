package emolab.classify;

import java.util.Arrays;
import java.util.TreeSet;


/**
 * A {@link Classifier} fitted on integer labels of any values (the samplers' and the time-series
 * stage's convention; {@link ClassifierSpec#fitLabels}), with
 * the label ↔ class-code mapping: {@link #classes()} are the training labels, ascending, and the
 * columns of {@link #predictProba}. Fewer than two distinct labels is not applicable
 * ({@code NotApplicableException}: a comparison row, not a crash). A model without probabilities (an SVM fitted without
 * {@code probability=true}) gives one-hot rows of its predictions, so ROC AUC then only ranks by
 * the predicted class.
 */
public record LabelledModel(Classifier classifier, int[] classes) {
    public LabelledModel {
        classes = classes.clone();
    }

    /** Fits {@code spec} on {@code (X, y)}; the class names are the labels as text. */
    public static LabelledModel fit(ClassifierSpec spec, double[][] X, int[] y) {
        if (spec == null) throw new IllegalArgumentException("classifier spec is null");
        if (y.length != X.length) throw new IllegalArgumentException("X has " + X.length + " rows but y has " + y.length);
        int[] classes = new TreeSet<>(Arrays.stream(y).boxed().toList()).stream().mapToInt(Integer::intValue).toArray();
        emolab.study.NotApplicableException.require(classes.length >= 2, spec.name() + ": the training labels hold " + classes.length
                + " class" + (classes.length == 1 ? " (" + classes[0] + ")" : "es") + "; a classifier needs at least 2");
        int[] codes = new int[y.length];
        for (int i = 0; i < y.length; i++) codes[i] = Arrays.binarySearch(classes, y[i]);
        String[] names = Arrays.stream(classes).mapToObj(String::valueOf).toArray(String[]::new);
        return new LabelledModel(spec.fit(X, codes, names), classes);
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** Class probabilities, columns as {@link #classes()}. */
    public double[][] predictProba(double[][] X) {
        var p = classifier.as(Probabilities.class);
        if (p.isPresent()) return p.get().predictProba(X);
        int[] codes = classifier.predict(X);
        double[][] out = new double[X.length][classes.length];
        for (int i = 0; i < codes.length; i++) out[i][codes[i]] = 1;
        return out;
    }

    /** Predicted labels. */
    public int[] predict(double[][] X) {
        int[] codes = classifier.predict(X);
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) out[i] = classes[codes[i]];
        return out;
    }

    @Override
    public String toString() {
        return classifier.toString();
    }
}
