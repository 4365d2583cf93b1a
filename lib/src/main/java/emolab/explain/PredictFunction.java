package emolab.explain;

import java.util.Arrays;

/**
 * A model seen only through its outputs: rows in ({@code n × d}), one score per class out
 * ({@code n × k}). This is all that model-agnostic explainers ({@link KernelShap}, {@link ExactShap},
 * {@link BlackBoxImportance}, {@link Lime}) need. Implementations should be thread-safe and
 * fast on large batches: explainers call them with thousands of rows at once.
 */
@FunctionalInterface
public interface PredictFunction {
    /** Class scores for each row of {@code x}. */
    double[][] predict(double[][] x);

    /**
     * A soft Smile classifier ({@code predict(x, posteriori)}) as a predict function over its
     * {@code numClasses} posterior probabilities, evaluated in parallel.
     *
     * @throws IllegalArgumentException if the classifier is not soft (gives no probabilities)
     */
    static PredictFunction of(smile.classification.Classifier<double[]> model) {
        if (!model.soft())
            throw new IllegalArgumentException("model " + model.getClass().getSimpleName()
                    + " is not a soft classifier (no posterior probabilities); fit it with probability estimates");
        int k = model.numClasses();
        return x -> {
            double[][] out = new double[x.length][k];
            java.util.stream.IntStream.range(0, x.length).parallel().forEach(i -> model.predict(x[i], out[i]));
            return out;
        };
    }

    /**
     * The class probabilities of a fitted {@link emolab.classify.Classifier} (its
     * {@code predictProba}), one column per entry of its {@code classes()}.
     *
     * @throws IllegalArgumentException when the model gives no probabilities (e.g. an SVM fitted
     *                                  without {@code probability=true})
     */
    static PredictFunction of(emolab.classify.Classifier model) {
        emolab.classify.Probabilities p = model.as(emolab.classify.Probabilities.class).orElseThrow(() -> new IllegalArgumentException(
                model.spec() + " gives no class probabilities; explainers need them"
                        + (model.spec().accepts("probability") ? " (fit it with probability=true)" : "")));
        return p::predictProba;
    }

    /** Index of the largest score in each row (the predicted class). */
    static int[] argmax(double[][] scores) {
        return emolab.classify.Probabilities.argmax(scores);
    }

    /** Checks shapes and finiteness of one batch of outputs; used by the explainers. */
    static void checkOutput(double[][] out, int rows, int classes, String who) {
        if (out == null || out.length != rows)
            throw new IllegalStateException(who + ": predict function returned " + (out == null ? "null" : out.length + " rows")
                    + " for " + rows + " input rows");
        for (int i = 0; i < rows; i++) {
            if (out[i].length != classes)
                throw new IllegalStateException(who + ": predict function returned " + out[i].length + " scores in row " + i
                        + ", expected " + classes + " (one per class)");
            for (double v : out[i])
                if (!Double.isFinite(v))
                    throw new IllegalStateException(who + ": predict function returned a non-finite score in row " + i
                            + ": " + Arrays.toString(out[i]));
        }
    }
}
