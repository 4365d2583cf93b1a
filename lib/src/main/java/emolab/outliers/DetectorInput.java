package emolab.outliers;

import java.util.Locale;

import emolab.study.NotApplicableException;

/**
 * Input validation shared by the detectors. Bad input (null, ragged, NaN, a bad parameter) is an
 * {@link IllegalArgumentException} naming the problem; data a detector cannot work on (too few rows
 * for its k, a constant column under a covariance model) is a {@link NotApplicableException}, so a
 * study turns it into a "not applicable" row.
 */
final class DetectorInput {
    private DetectorInput() {}

    /** Non-null, at least one row and one column, rectangular, all values finite. */
    static void matrix(String what, double[][] x) {
        if (x == null) throw new IllegalArgumentException(what + " is null");
        if (x.length == 0) throw new IllegalArgumentException(what + " has no rows");
        if (x[0] == null) throw new IllegalArgumentException(what + " row 0 is null");
        int d = x[0].length;
        if (d == 0) throw new IllegalArgumentException(what + " has no columns");
        for (int i = 0; i < x.length; i++) {
            double[] r = x[i];
            if (r == null) throw new IllegalArgumentException(what + " row " + i + " is null");
            if (r.length != d)
                throw new IllegalArgumentException(what + " row " + i + " has " + r.length + " columns, row 0 has " + d);
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(r[j]))
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "%s row %d, column %d is %s (outlier detectors need finite values)", what, i, j, r[j]));
            }
        }
    }

    /** {@link #matrix} for training data plus a minimum row count (too few rows: {@link NotApplicableException}). */
    static void train(String detector, double[][] x, int minRows, String why) {
        matrix(detector + ": training data", x);
        if (x.length < minRows)
            throw new NotApplicableException(String.format(Locale.ROOT,
                    "%s: needs at least %d training rows (%s), got %d", detector, minRows, why, x.length));
    }

    /** Contamination must lie in (0, 0.5]. */
    static void contamination(double rate) {
        if (!(rate > 0 && rate <= 0.5))
            throw new IllegalArgumentException("contamination must be in (0, 0.5], got " + rate);
    }

    static int positive(String name, int v) {
        if (v < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        return v;
    }

    /** Index of the first column with a single distinct value, or -1. */
    static int constantColumn(double[][] x) {
        int d = x[0].length;
        for (int j = 0; j < d; j++) {
            double v = x[0][j];
            boolean constant = true;
            for (int i = 1; i < x.length && constant; i++) constant = x[i][j] == v;
            if (constant) return j;
        }
        return -1;
    }

    /** Refuses ({@link NotApplicableException}) when a column is constant (its variance is 0, so a covariance matrix is singular). */
    static void noConstantColumn(String detector, double[][] x) {
        int j = constantColumn(x);
        if (j >= 0)
            throw new NotApplicableException(String.format(Locale.ROOT,
                    "%s: training column %d is constant (value %s), so the covariance is singular; "
                            + "drop constant columns first (Preparation.dropConstant)", detector, j, x[0][j]));
    }
}
