package emolab.timeseries.representations;

import emolab.numeric.NumpySum;

import emolab.timeseries.Series;
import emolab.features.dsp.Numpy;

import java.util.Locale;

/**
 * Piecewise Aggregate Approximation: a series of {@code n} points becomes {@code segments} means.
 * When {@code segments} divides {@code n} all conventions agree (plain means of {@code n/segments}
 * points); otherwise they differ:
 * <ul>
 *   <li>{@link Convention#TSLEARN}: segment size {@code n / segments} (integer division), segment
 *       {@code s} = mean of {@code [s·size, (s+1)·size)}; the last {@code n mod segments} points
 *       are ignored (tslearn's {@code PiecewiseAggregateApproximation}).</li>
 *   <li>{@link Convention#PYTS_OVERLAP}: window {@code w = ceil(n / segments)}; segment {@code s}
 *       covers {@code [s·w − o_s, s·w − o_s + w)} with {@code o = floor(linspace(0, segments·w − n,
 *       segments))}, so equal-length segments overlap (pyts, {@code overlapping=True}).</li>
 *   <li>{@link Convention#PYTS_NONOVERLAP}: bounds {@code floor(linspace(0, n, segments + 1))},
 *       segments of {@code floor} or {@code ceil(n / segments)} points (pyts, {@code overlapping=False}).</li>
 *   <li>{@link Convention#FRACTIONAL}: Keogh's definition: point {@code t} contributes to segment
 *       {@code s} with weight {@code |[segments·t, segments·t + segments) ∩ [n·s, n·s + n)| / n}
 *       (saxpy's {@code paa}).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Paa {
    /** How a length that {@code segments} does not divide is split. */
    public enum Convention { TSLEARN, PYTS_OVERLAP, PYTS_NONOVERLAP, FRACTIONAL }

    private final int segments;
    private final Convention convention;

    public Paa(int segments, Convention convention) {
        if (segments < 1) throw new IllegalArgumentException("PAA segments must be >= 1, got " + segments);
        if (convention == null) throw new IllegalArgumentException("convention is null");
        this.segments = segments;
        this.convention = convention;
    }

    /** tslearn's convention (the course's). */
    public static Paa of(int segments) {
        return new Paa(segments, Convention.TSLEARN);
    }

    public int segments() { return segments; }
    public Convention convention() { return convention; }

    /**
     * {@code [segment][start, endExclusive]} for a series of {@code n} points (not defined for
     * {@link Convention#FRACTIONAL}, whose segments share points with fractional weights).
     */
    public int[][] bounds(int n) {
        requireLength(n);
        int[][] b = new int[segments][];
        switch (convention) {
            case TSLEARN -> {
                int size = n / segments;
                for (int s = 0; s < segments; s++) b[s] = new int[]{s * size, (s + 1) * size};
            }
            case PYTS_OVERLAP -> {
                int w = (n + segments - 1) / segments;
                double[] o = Numpy.linspace(0, (double) segments * w - n, segments, true);
                for (int s = 0; s < segments; s++) {
                    int start = s * w - (int) o[s];
                    b[s] = new int[]{start, start + w};
                }
            }
            case PYTS_NONOVERLAP -> {
                double[] e = Numpy.linspace(0, n, segments + 1, true);
                for (int s = 0; s < segments; s++) b[s] = new int[]{(int) e[s], (int) e[s + 1]};
            }
            case FRACTIONAL -> throw new UnsupportedOperationException(
                    "fractional PAA has no integer bounds: points are shared between segments with weights");
        }
        return b;
    }

    private void requireLength(int n) {
        if (n < segments)
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "PAA with %d segments needs a series of at least %d points, got %d", segments, segments, n));
    }

    /** The PAA of one series. */
    public double[] transform(double[] x) {
        Series.requireFinite(x, "series");
        int n = x.length;
        requireLength(n);
        double[] out = new double[segments];
        if (convention == Convention.FRACTIONAL) {
            // point t covers [S t, S t + S) of the S·n-long repeated series; segment s covers [n s, n s + n)
            long S = segments;
            for (int s = 0; s < segments; s++) {
                long lo = (long) n * s, hi = lo + n;
                int t0 = (int) (lo / S), t1 = (int) Math.min(n - 1, (hi - 1) / S);
                double sum = 0;
                for (int t = t0; t <= t1; t++) {
                    long a = Math.max(lo, S * t), bb = Math.min(hi, S * t + S);
                    if (bb > a) sum += x[t] * (bb - a);
                }
                out[s] = sum / n;
            }
            return out;
        }
        int[][] b = bounds(n);
        for (int s = 0; s < segments; s++) out[s] = NumpySum.pairwiseMean(x, b[s][0], b[s][1] - b[s][0]);
        return out;
    }

    /** The PAA of each series (lengths may differ). */
    public double[][] transform(double[][] xs) {
        double[][] out = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            try {
                out[i] = transform(xs[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("series " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The step function a PAA stands for, over {@code n} points (for plots): each point takes its
     * segment's value ({@link Convention#TSLEARN}'s ignored tail takes the last segment's; for the
     * overlapping and fractional conventions a point takes the segment holding its centre).
     */
    public double[] expand(double[] paa, int n) {
        if (paa.length != segments)
            throw new IllegalArgumentException("expected " + segments + " PAA values, got " + paa.length);
        requireLength(n);
        double[] out = new double[n];
        if (convention == Convention.TSLEARN || convention == Convention.PYTS_NONOVERLAP) {
            int[][] b = bounds(n);
            for (int s = 0; s < segments; s++) for (int t = b[s][0]; t < b[s][1]; t++) out[t] = paa[s];
            for (int t = b[segments - 1][1]; t < n; t++) out[t] = paa[segments - 1];
        } else {
            for (int t = 0; t < n; t++) out[t] = paa[(int) Math.min(segments - 1, ((long) t * segments + segments / 2) / n)];
        }
        return out;
    }
}
