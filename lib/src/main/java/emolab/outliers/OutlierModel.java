package emolab.outliers;

import emolab.numeric.Ranks;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A fitted outlier detector: scores for any rows (higher = more outlying), the scores of the
 * training rows, a threshold and 0/1 labels.
 *
 * <p>The threshold is either derived from a <em>contamination</em> rate c ∈ (0, 0.5] — pyod's
 * rule: the {@code 100·(1 − c)}-th percentile of the training scores (numpy's linear
 * interpolation), so about a fraction c of the training rows lie above it — or given
 * explicitly. A row is an outlier when its score is strictly greater than the threshold.
 * {@link #withContamination} and {@link #withThreshold} return views that share the fitted state.
 */
public final class OutlierModel {

    /** The contamination used by {@link OutlierDetector#fit} unless changed (pyod's default). */
    public static final double DEFAULT_CONTAMINATION = 0.1;

    /** Scores the rows of an already validated matrix of the fitted dimension. */
    @FunctionalInterface
    public interface Scorer {
        double[] score(double[][] x);
    }

    private final String detector;
    private final int dimension;
    private final Scorer scorer;
    private final double[] trainingScores;
    private final double threshold;
    private final double contamination;

    private OutlierModel(String detector, int dimension, Scorer scorer, double[] trainingScores,
                         double threshold, double contamination) {
        this.detector = detector;
        this.dimension = dimension;
        this.scorer = scorer;
        this.trainingScores = trainingScores;
        this.threshold = threshold;
        this.contamination = contamination;
    }

    /**
     * A model from a detector's fitted state. {@code trainingScores} are the scores of the
     * training rows as the detector defines them (e.g. leaving each row out of its own
     * neighbours); {@code scorer} scores new rows. The threshold uses
     * {@link #DEFAULT_CONTAMINATION}.
     */
    public static OutlierModel of(String detector, int dimension, double[] trainingScores, Scorer scorer) {
        if (trainingScores.length == 0) throw new IllegalArgumentException(detector + ": no training scores");
        for (int i = 0; i < trainingScores.length; i++)
            if (Double.isNaN(trainingScores[i]))
                throw new IllegalStateException(detector + ": training score " + i + " is NaN");
        double[] s = trainingScores.clone();
        return new OutlierModel(detector, dimension, scorer, s, percentileThreshold(s, DEFAULT_CONTAMINATION),
                DEFAULT_CONTAMINATION);
    }

    /** The name of the detector that produced this model. */
    public String detector() {
        return detector;
    }

    /** The number of columns the model was fitted on. */
    public int dimension() {
        return dimension;
    }

    /**
     * Outlier scores of the rows of {@code x} (higher = more outlying).
     *
     * @throws IllegalArgumentException on an empty, ragged or non-finite matrix or a wrong width
     */
    public double[] score(double[][] x) {
        DetectorInput.matrix("score input", x);
        if (x[0].length != dimension)
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: score input has %d columns, the model was fitted on %d", detector, x[0].length, dimension));
        return scorer.score(x);
    }

    /** The training rows' scores (a copy), in training-row order. */
    public double[] trainingScores() {
        return trainingScores.clone();
    }

    /** The current threshold: scores strictly above it are outliers. */
    public double threshold() {
        return threshold;
    }

    /** The contamination the threshold came from, or empty when it was set explicitly. */
    public OptionalDouble contamination() {
        return Double.isNaN(contamination) ? OptionalDouble.empty() : OptionalDouble.of(contamination);
    }

    /**
     * The same model with the threshold at the {@code 100·(1 − rate)}-th percentile of the
     * training scores.
     *
     * @throws IllegalArgumentException unless {@code rate} ∈ (0, 0.5]
     */
    public OutlierModel withContamination(double rate) {
        DetectorInput.contamination(rate);
        return new OutlierModel(detector, dimension, scorer, trainingScores,
                percentileThreshold(trainingScores, rate), rate);
    }

    /**
     * The same model with an explicit threshold.
     *
     * @throws IllegalArgumentException when {@code threshold} is NaN
     */
    public OutlierModel withThreshold(double threshold) {
        if (Double.isNaN(threshold)) throw new IllegalArgumentException(detector + ": threshold is NaN");
        return new OutlierModel(detector, dimension, scorer, trainingScores, threshold, Double.NaN);
    }

    /** {@code true} for each row of {@code x} whose score is above the threshold. */
    public boolean[] labels(double[][] x) {
        return above(score(x));
    }

    /** {@code true} for each training row whose score is above the threshold. */
    public boolean[] trainingLabels() {
        return above(trainingScores);
    }

    /** How many training rows are above the threshold. */
    public int trainingOutlierCount() {
        int c = 0;
        for (double s : trainingScores) if (s > threshold) c++;
        return c;
    }

    /**
     * Training-row indices ordered from most to least outlying (descending score; equal scores
     * keep the lower index first).
     */
    public int[] ranking() {
        return Ranks.descending(trainingScores);
    }

    /** The {@code k} most outlying training rows ({@link #ranking()} cut at {@code k}). */
    public int[] top(int k) {
        if (k < 0 || k > trainingScores.length)
            throw new IllegalArgumentException("k must be in [0, " + trainingScores.length + "], got " + k);
        return Arrays.copyOf(ranking(), k);
    }

    private boolean[] above(double[] s) {
        boolean[] out = new boolean[s.length];
        for (int i = 0; i < s.length; i++) out[i] = s[i] > threshold;
        return out;
    }

    /**
     * numpy {@code percentile(scores, 100·(1 − rate))} with linear interpolation: position
     * {@code (n − 1)·q} in the sorted scores, q = 1 − rate.
     */
    static double percentileThreshold(double[] scores, double rate) {
        double[] s = scores.clone();
        Arrays.sort(s);
        int n = s.length;
        double q = 1.0 - rate;
        double pos = (n - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        double frac = pos - lo;
        if (frac == 0 || s[lo] == s[hi]) return s[lo];
        return s[lo] + (s[hi] - s[lo]) * frac;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OutlierModel[%s, %d training rows × %d, threshold %.6g%s, %d above]",
                detector, trainingScores.length, dimension, threshold,
                Double.isNaN(contamination) ? " (explicit)" : " (contamination " + contamination + ")",
                trainingOutlierCount());
    }
}
