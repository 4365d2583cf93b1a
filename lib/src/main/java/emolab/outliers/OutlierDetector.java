package emolab.outliers;

/**
 * An unsupervised outlier detector: {@link #fit} learns from training rows only and returns an
 * {@link OutlierModel} that scores any rows, higher = more outlying.
 *
 * <p>Every implementation validates its input: a non-empty rectangular matrix of finite values
 * (a NaN or infinity is reported with its row and column), and enough rows for its parameters.
 * Randomised detectors take a seed; the same seed gives the same scores.
 */
public interface OutlierDetector {

    /** A short display name, e.g. {@code "LOF (k=20)"}. */
    String name();

    /**
     * Fits on {@code train} (n × d, row-major). The returned model's threshold comes from the
     * default contamination {@link OutlierModel#DEFAULT_CONTAMINATION}.
     *
     * @throws IllegalArgumentException on an empty, ragged or non-finite matrix, or too few rows
     */
    OutlierModel fit(double[][] train);
}
