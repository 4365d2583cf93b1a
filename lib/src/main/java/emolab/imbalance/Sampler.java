package emolab.imbalance;

/**
 * A re-sampler of a labelled data set (imbalanced-learn's {@code fit_resample}): returns a new
 * data set with more rows of some classes (over-sampling), fewer (under-sampling/cleaning), or
 * both. Implementations never modify their inputs and keep no state between calls, so one
 * instance can be reused across cross-validation folds.
 */
@FunctionalInterface
public interface Sampler {
    /**
     * Re-samples {@code (X, y)}.
     *
     * @param X n × d feature matrix, finite values, all rows of equal length
     * @param y n class labels (any ints)
     * @throws IllegalArgumentException on invalid input or parameters (the message names them)
     * @throws emolab.study.NotApplicableException when the data do not allow this sampler (k larger
     *         than a class, a single class, nothing to generate): a study's "not applicable" row
     */
    Resampled fitResample(double[][] X, int[] y);
}
