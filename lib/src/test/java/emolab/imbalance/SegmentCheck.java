package emolab.imbalance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Independent brute-force helpers for the over-sampling property tests (no use of {@link Neighbours}). */
final class SegmentCheck {
    private SegmentCheck() {}

    /** Positions (within rows) of the k nearest other rows of rows[i], by (distance, position). */
    static int[] bruteNeighbours(double[][] rows, int i, int k) {
        return IntStream.range(0, rows.length).filter(j -> j != i).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> sq(rows[i], rows[j])).thenComparing(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    static double sq(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return s;
    }

    /**
     * The parameter t with s = a + t(b − a), if s lies on that line within 1e-12 relative
     * (per component, against the segment length); NaN otherwise.
     */
    static double onLine(double[] s, double[] a, double[] b) {
        double num = 0, den = 0;
        for (int j = 0; j < s.length; j++) {
            num += (s[j] - a[j]) * (b[j] - a[j]);
            den += (b[j] - a[j]) * (b[j] - a[j]);
        }
        if (den == 0) return Arrays.equals(s, a) ? 0 : Double.NaN;
        double t = num / den, len = Math.sqrt(den);
        for (int j = 0; j < s.length; j++)
            if (Math.abs(a[j] + t * (b[j] - a[j]) - s[j]) > 1e-12 * (1 + len)) return Double.NaN;
        return t;
    }
}
