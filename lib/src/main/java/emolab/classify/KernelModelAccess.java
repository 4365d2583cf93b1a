package emolab.classify;

/**
 * Capability: read-only access to a one-vs-rest Gaussian-kernel machine with Platt scaling, what
 * a batched evaluator (the explainers' {@code GaussianSvm}) needs. For class {@code c},
 * {@code score_c(x) = intercept(c) + Σ_i weights(c)[i] · exp(−gamma · ‖x − supportVectors(c)[i]‖²)},
 * and the probability is {@code calibrate(c, score_c)} normalised over the classes. Answered by
 * {@code OneVsRestSvm}; refused (empty) by every other model. Classes are indexed like
 * {@link Classifier#trainedClasses()}. The arrays are the model's own: do not modify them (the same
 * training row shared by two machines is the same array, so callers may merge them by identity).
 */
public interface KernelModelAccess {
    int numClasses();

    /** The Gaussian kernel's {@code gamma} (= 1 / (2σ²)). */
    double gamma();

    /** Support vectors of class {@code c}'s binary machine. */
    double[][] supportVectors(int c);

    /** Their dual weights (label × coefficient). */
    double[] weights(int c);

    double intercept(int c);

    /** The Platt-scaled probability-like value of class {@code c}'s score. */
    double calibrate(int c, double score);
}
