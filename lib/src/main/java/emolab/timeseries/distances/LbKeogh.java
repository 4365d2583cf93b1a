package emolab.timeseries.distances;

import emolab.timeseries.Series;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keogh's lower bound of the Sakoe–Chiba-banded DTW of equal-length series: with the envelope
 * {@code U_i = max(q[i−r .. i+r])}, {@code L_i = min(q[i−r .. i+r])} of {@code q},
 * {@code LB(q, c)² = Σ_i (c_i − U_i)² [c_i > U_i] + (L_i − c_i)² [c_i < L_i] ≤ DTW_r(q, c)²}.
 * Envelopes are computed in O(n) with Lemire's monotone deques.
 *
 * @param upper the upper envelope
 * @param lower the lower envelope
 * @param radius the band radius it was built for
 */
public record LbKeogh(double[] upper, double[] lower, int radius) implements java.io.Serializable {
    /** The envelope of {@code q} for a band of {@code radius} (≥ 0). */
    public static LbKeogh envelope(double[] q, int radius) {
        Series.requireFinite(q, "series");
        if (radius < 0) throw new IllegalArgumentException("LB_Keogh needs a band radius >= 0, got " + radius);
        int n = q.length;
        double[] up = new double[n], lo = new double[n];
        Deque<Integer> maxQ = new ArrayDeque<>(), minQ = new ArrayDeque<>();
        // window of i is [i - r, i + r]; push indices up to i + r, pop those below i - r
        int next = 0;
        for (int i = 0; i < n; i++) {
            int end = Math.min(n - 1, i + radius);
            while (next <= end) {
                while (!maxQ.isEmpty() && q[maxQ.peekLast()] <= q[next]) maxQ.pollLast();
                maxQ.addLast(next);
                while (!minQ.isEmpty() && q[minQ.peekLast()] >= q[next]) minQ.pollLast();
                minQ.addLast(next);
                next++;
            }
            while (maxQ.peekFirst() < i - radius) maxQ.pollFirst();
            while (minQ.peekFirst() < i - radius) minQ.pollFirst();
            up[i] = q[maxQ.peekFirst()];
            lo[i] = q[minQ.peekFirst()];
        }
        return new LbKeogh(up, lo, radius);
    }

    /**
     * The squared bound for a candidate of the same length; stops and returns the partial sum once it
     * exceeds {@code cutoff}.
     */
    public double squared(double[] c, double cutoff) {
        if (c.length != upper.length)
            throw new IllegalArgumentException("LB_Keogh needs equal lengths: envelope " + upper.length
                    + ", candidate " + c.length);
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            double v = c[i];
            if (v > upper[i]) {
                double d = v - upper[i];
                s += d * d;
            } else if (v < lower[i]) {
                double d = lower[i] - v;
                s += d * d;
            }
            if (s > cutoff) return s;
        }
        return s;
    }

    /** The bound itself, {@code sqrt} of {@link #squared}. */
    public double bound(double[] c) {
        return Math.sqrt(squared(c, Double.POSITIVE_INFINITY));
    }
}
