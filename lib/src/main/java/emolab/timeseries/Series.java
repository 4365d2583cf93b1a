package emolab.timeseries;

import java.util.Arrays;

/** Checks and small shape operations shared by the time-series methods. */
public final class Series {
    private Series() {}

    /** Throws an {@link IllegalArgumentException} naming {@code what} and the index of the first NaN or infinity. */
    public static void requireFinite(double[] x, String what) {
        if (x == null) throw new IllegalArgumentException(what + " is null");
        for (int i = 0; i < x.length; i++)
            if (!Double.isFinite(x[i]))
                throw new IllegalArgumentException(what + " has a " + (Double.isNaN(x[i]) ? "NaN" : "non-finite value")
                        + " at index " + i);
    }

    /** {@link #requireFinite(double[], String)} for every series of a data set; messages name the series index. */
    public static void requireFinite(double[][] xs, String what) {
        if (xs == null) throw new IllegalArgumentException(what + " is null");
        for (int i = 0; i < xs.length; i++) requireFinite(xs[i], what + "[" + i + "]");
    }

    /** Throws unless every series has the same length; returns that length. */
    public static int requireEqualLengths(double[][] xs, String what) {
        if (xs == null || xs.length == 0) throw new IllegalArgumentException(what + " holds no series");
        for (int i = 0; i < xs.length; i++)
            if (xs[i] == null) throw new IllegalArgumentException(what + "[" + i + "] is null");
        int n = xs[0].length;
        for (int i = 1; i < xs.length; i++)
            if (xs[i].length != n)
                throw new IllegalArgumentException(what + ": series have different lengths (" + what + "[0] has " + n
                        + " points, " + what + "[" + i + "] has " + xs[i].length
                        + "); cut or pad them to one length first (Series.padOrCut)");
        return n;
    }

    /** Throws unless {@code x} has at least {@code min} points ({@code need} says why). */
    public static void requireLength(double[] x, int min, String what, String need) {
        if (x == null) throw new IllegalArgumentException(what + " is null");
        if (x.length < min)
            throw new IllegalArgumentException(what + " has " + x.length + " points; " + need + " needs at least " + min);
    }

    /** The first {@code length} points of {@code x}, padded at the end with {@code pad} if it is shorter. */
    public static double[] padOrCut(double[] x, int length, double pad) {
        if (length < 0) throw new IllegalArgumentException("length must be >= 0, got " + length);
        double[] out = Arrays.copyOf(x, length);
        if (x.length < length) Arrays.fill(out, x.length, length, pad);
        return out;
    }

    /** {@link #padOrCut(double[], int, double)} for each channel of a multivariate series {@code [channel][time]}. */
    public static double[][] padOrCut(double[][] x, int length, double pad) {
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) out[c] = padOrCut(x[c], length, pad);
        return out;
    }

    /** Euclidean distance between equal-length series. */
    public static double euclidean(double[] a, double[] b) {
        return Math.sqrt(squaredEuclidean(a, b, Double.POSITIVE_INFINITY));
    }

    /**
     * Squared Euclidean distance, abandoned early: once the running sum exceeds {@code cutoff} the
     * partial sum (already &gt; cutoff) is returned.
     */
    public static double squaredEuclidean(double[] a, double[] b, double cutoff) {
        if (a.length != b.length)
            throw new IllegalArgumentException("Euclidean distance needs equal lengths, got " + a.length + " and " + b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
            if (s > cutoff) return s;
        }
        return s;
    }

    /** Rows of {@code a} followed by the same rows of {@code b}: {@code [a_i | b_i]} (e.g. two feature sets). */
    public static double[][] concatColumns(double[][] a, double[][] b) {
        if (a.length != b.length) throw new IllegalArgumentException("cannot join " + a.length + " rows with " + b.length + " rows");
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length + b[i].length];
            System.arraycopy(a[i], 0, out[i], 0, a[i].length);
            System.arraycopy(b[i], 0, out[i], a[i].length, b[i].length);
        }
        return out;
    }
}
