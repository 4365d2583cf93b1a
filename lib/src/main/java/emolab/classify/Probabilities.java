package emolab.classify;

/**
 * Capability: class probabilities. {@link Classifier#as(Class) Classifier.as(Probabilities.class)}
 * answers it for models that have probabilities (trees, forests, boosting, logistic regression,
 * networks; an SVM only when fitted with {@code probability=true}); the view it returns works in
 * the classifier's class codes (n × {@code classes().length}, classes absent from training get 0)
 * and checks its input like {@link Classifier#predict}.
 *
 * <p>An engine with probabilities implements {@link Classifier.ProbabilisticEngine}, whose
 * prediction is {@link #argmax} of these probabilities: that rule is written once, here.
 */
public interface Probabilities {
    /** Class probabilities, one row per row of {@code x}, each row summing to 1. */
    double[][] predictProba(double[][] x);

    /** Index of the largest value (the first on ties, like numpy's {@code argmax}). */
    static int argmax(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
        return best;
    }

    /** {@link #argmax(double[])} of every row. */
    static int[] argmax(double[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = argmax(p[i]);
        return out;
    }
}
