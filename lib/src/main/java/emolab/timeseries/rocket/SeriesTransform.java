package emolab.timeseries.rocket;

/**
 * A fitted transform from one multivariate series {@code [channel][time]} of fixed shape to a
 * fixed-length feature vector. Features are computed in double; {@link #transformFloat32} halves
 * the memory of the result (the reference implementations return float32). Implementations are
 * immutable and thread-safe; {@link ParallelTransform} runs them over many series.
 */
public interface SeriesTransform {
    /** Number of channels the transform was fitted on. */
    int channels();

    /** Series length the transform was fitted on. */
    int length();

    /** Number of output features. */
    int numFeatures();

    /**
     * Writes the features of one series into {@code out[offset .. offset + numFeatures())}.
     * The series must have {@link #channels()} channels of {@link #length()} finite values.
     */
    void features(double[][] series, double[] out, int offset);

    /** The features of one series. */
    default double[] features(double[][] series) {
        double[] out = new double[numFeatures()];
        features(series, out, 0);
        return out;
    }

    /** Features of every series, in parallel on all cores: {@code [series][feature]}. */
    default double[][] transform(SeriesSource source) {
        return ParallelTransform.defaults().apply(this, source);
    }

    /** Features of multivariate series {@code x[series][channel][time]}. */
    default double[][] transform(double[][][] x) {
        return transform(SeriesSource.of(x));
    }

    /** Features of univariate series {@code x[series][time]} (one channel). */
    default double[][] transformUnivariate(double[][] x) {
        return transform(SeriesSource.univariate(x));
    }

    /** Features of every series rounded to float32 (half the memory), in parallel on all cores. */
    default float[][] transformFloat32(SeriesSource source) {
        return ParallelTransform.defaults().applyFloat32(this, source);
    }
}
