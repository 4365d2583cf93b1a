package emolab.timeseries.distances;

import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic time warping with tslearn's conventions: local cost {@code (a_i − b_j)²} (summed over
 * channels for multivariate series, i.e. dependent DTW), {@code C(i,j) = cost(i,j) +
 * min(C(i−1,j), C(i,j−1), C(i−1,j−1))}, result {@code sqrt(C(n−1, m−1))}.
 *
 * <p>Sakoe–Chiba band of radius {@code r} (negative = no band): for equal lengths only cells with
 * {@code |i − j| ≤ r}; for lengths {@code n ≤ m}, row {@code i} allows
 * {@code j ∈ [i − r, i + (m − n) + r]} (tslearn's {@code sakoe_chiba_mask}), symmetric otherwise.
 * {@link #squared(double[], double[], int, double)} abandons early: it returns
 * {@link Double#POSITIVE_INFINITY} whenever the squared distance exceeds the cut-off, and stops as
 * soon as every cell of a row does.
 * Stateless and thread-safe; O(m) memory.
 */
public final class Dtw {
    private Dtw() {}

    /** Full DTW distance. */
    public static double distance(double[] a, double[] b) {
        return distance(a, b, -1);
    }

    /** DTW distance within a Sakoe–Chiba band of {@code radius} (negative: unconstrained). */
    public static double distance(double[] a, double[] b, int radius) {
        return Math.sqrt(squared(a, b, radius, Double.POSITIVE_INFINITY));
    }

    /**
     * Squared DTW distance {@code C(n−1, m−1)}, or {@link Double#POSITIVE_INFINITY} if it exceeds
     * {@code cutoff} (early abandoning; pass +∞ for the exact value).
     */
    public static double squared(double[] a, double[] b, int radius, double cutoff) {
        check(a, b);
        int n = a.length, m = b.length;
        // 1-based columns; column 0 and the virtual row -1 hold the boundary (0 at the origin, +inf elsewhere)
        double inf = Double.POSITIVE_INFINITY;
        double[] prev = new double[m + 1], cur = new double[m + 1];
        java.util.Arrays.fill(prev, inf);
        java.util.Arrays.fill(cur, inf);
        prev[0] = 0;
        int curLo = 1, curHi = 0, prevLo = 0, prevHi = 0; // finite ranges held by cur (two rows back) and prev
        for (int i = 0; i < n; i++) {
            int lo = lower(i, n, m, radius) + 1, hi = upper(i, n, m, radius) + 1;
            for (int j = curLo; j <= curHi; j++) cur[j] = inf;
            double rowMin = inf;
            double ai = a[i];
            double left = cur[lo - 1];
            for (int j = lo; j <= hi; j++) {
                double d = ai - b[j - 1];
                double v = d * d + Math.min(Math.min(prev[j - 1], prev[j]), left);
                cur[j] = v;
                left = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cutoff) return inf;
            double[] t = prev; prev = cur; cur = t;
            curLo = prevLo; curHi = prevHi; prevLo = lo; prevHi = hi;
        }
        return prev[m] > cutoff ? inf : prev[m];
    }

    /** Dependent multivariate DTW of series {@code [channel][time]} (all channels of one series equally long). */
    public static double distance(double[][] a, double[][] b, int radius) {
        return Math.sqrt(squared(a, b, radius, Double.POSITIVE_INFINITY));
    }

    /** Squared multivariate DTW with early abandoning (see {@link #squared(double[], double[], int, double)}). */
    public static double squared(double[][] a, double[][] b, int radius, double cutoff) {
        if (a.length == 0 || a.length != b.length)
            throw new IllegalArgumentException("multivariate DTW needs the same number (> 0) of channels, got "
                    + a.length + " and " + b.length);
        int n = a[0].length, m = b[0].length;
        for (int c = 0; c < a.length; c++) {
            if (a[c].length != n || b[c].length != m)
                throw new IllegalArgumentException("channel " + c + " differs in length from channel 0");
            check(a[c], b[c]);
        }
        int ch = a.length;
        double[] prev = new double[m], cur = new double[m];
        java.util.Arrays.fill(prev, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(cur, Double.POSITIVE_INFINITY);
        int curLo = 0, curHi = -1, prevLo = 0, prevHi = -1;
        for (int i = 0; i < n; i++) {
            int lo = lower(i, n, m, radius), hi = upper(i, n, m, radius);
            for (int j = curLo; j <= curHi; j++) cur[j] = Double.POSITIVE_INFINITY;
            double rowMin = Double.POSITIVE_INFINITY;
            for (int j = lo; j <= hi; j++) {
                double cost = 0;
                for (int c = 0; c < ch; c++) {
                    double d = a[c][i] - b[c][j];
                    cost += d * d;
                }
                double best;
                if (i == 0 && j == 0) best = 0;
                else {
                    best = prev[j];
                    if (j > 0) best = Math.min(best, Math.min(cur[j - 1], prev[j - 1]));
                }
                double v = cost + best;
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > cutoff) return Double.POSITIVE_INFINITY;
            double[] t = prev; prev = cur; cur = t;
            curLo = prevLo; curHi = prevHi; prevLo = lo; prevHi = hi;
        }
        return prev[m - 1] > cutoff ? Double.POSITIVE_INFINITY : prev[m - 1];
    }

    /**
     * An optimal warping path from {@code (0,0)} to {@code (n−1, m−1)} as {@code {i, j}} pairs in
     * order (ties broken towards the diagonal, then {@code i−1}, then {@code j−1}, as tslearn).
     */
    public static List<int[]> path(double[] a, double[] b, int radius) {
        check(a, b);
        int n = a.length, m = b.length;
        double[][] acc = new double[n][m];
        for (double[] r : acc) java.util.Arrays.fill(r, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int lo = lower(i, n, m, radius), hi = upper(i, n, m, radius);
            for (int j = lo; j <= hi; j++) {
                double d = a[i] - b[j];
                double best;
                if (i == 0 && j == 0) best = 0;
                else {
                    best = Double.POSITIVE_INFINITY;
                    if (i > 0) best = Math.min(best, acc[i - 1][j]);
                    if (j > 0) best = Math.min(best, acc[i][j - 1]);
                    if (i > 0 && j > 0) best = Math.min(best, acc[i - 1][j - 1]);
                }
                acc[i][j] = d * d + best;
            }
        }
        List<int[]> path = new ArrayList<>();
        int i = n - 1, j = m - 1;
        path.add(new int[]{i, j});
        while (i > 0 || j > 0) {
            if (i == 0) j--;
            else if (j == 0) i--;
            else {
                double diag = acc[i - 1][j - 1], up = acc[i - 1][j], left = acc[i][j - 1];
                if (diag <= up && diag <= left) { i--; j--; }
                else if (up <= left) i--;
                else j--;
            }
            path.add(new int[]{i, j});
        }
        java.util.Collections.reverse(path);
        return path;
    }

    /** First allowed column of row {@code i}. */
    static int lower(int i, int n, int m, int r) {
        if (r < 0) return 0;
        if (n <= m) return Math.max(0, i - r);
        return Math.max(0, i - (n - m) - r);
    }

    /** Last allowed column of row {@code i}. */
    static int upper(int i, int n, int m, int r) {
        if (r < 0) return m - 1;
        if (n <= m) return Math.min(m - 1, i + (m - n) + r);
        return Math.min(m - 1, i + r);
    }

    private static void check(double[] a, double[] b) {
        if (a == null || b == null) throw new IllegalArgumentException("DTW series is null");
        if (a.length == 0 || b.length == 0) throw new IllegalArgumentException("DTW needs non-empty series, got lengths "
                + a.length + " and " + b.length);
    }
}
