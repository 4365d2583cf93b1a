package emolab.timeseries.clustering;

import emolab.timeseries.Series;
import java.util.HashMap;
import java.util.Map;

/**
 * External and internal clustering scores, as scikit-learn defines them:
 * <ul>
 *   <li>{@link #adjustedRandIndex} ({@code adjusted_rand_score}): pair-counting agreement corrected
 *       for chance; 1 = identical partitions, about 0 for random ones (can be negative);</li>
 *   <li>{@link #normalizedMutualInformation} ({@code normalized_mutual_info_score}, arithmetic
 *       mean): {@code I(U;V) / ((H(U) + H(V)) / 2)}, natural logs; 1 when both are a single
 *       cluster;</li>
 *   <li>{@link #silhouette} ({@code silhouette_score}): mean over points of
 *       {@code (b − a) / max(a, b)}, {@code a} = mean distance to the other members of its cluster,
 *       {@code b} = smallest mean distance to another cluster; 0 for points alone in their cluster.</li>
 * </ul>
 * Labels are arbitrary integers.
 */
public final class ClusterScores {
    private ClusterScores() {}

    private static long[][] contingency(int[] a, int[] b, int[][] codes) {
        if (a == null || b == null || a.length != b.length)
            throw new IllegalArgumentException("label arrays must have the same length, got "
                    + (a == null ? "null" : a.length) + " and " + (b == null ? "null" : b.length));
        if (a.length == 0) throw new IllegalArgumentException("no labels");
        codes[0] = encode(a);
        codes[1] = encode(b);
        int ka = max(codes[0]) + 1, kb = max(codes[1]) + 1;
        long[][] c = new long[ka][kb];
        for (int i = 0; i < a.length; i++) c[codes[0][i]][codes[1][i]]++;
        return c;
    }

    private static int[] encode(int[] labels) {
        Map<Integer, Integer> m = new HashMap<>();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) out[i] = m.computeIfAbsent(labels[i], k -> m.size());
        return out;
    }

    private static int max(int[] x) {
        int m = -1;
        for (int v : x) m = Math.max(m, v);
        return m;
    }

    private static double comb2(long n) {
        return n * (n - 1) / 2.0;
    }

    /** Adjusted Rand index of two labelings of the same items. */
    public static double adjustedRandIndex(int[] truth, int[] pred) {
        int[][] codes = new int[2][];
        long[][] c = contingency(truth, pred, codes);
        int n = truth.length;
        double sumComb = 0, sumA = 0, sumB = 0;
        long[] colSums = new long[c[0].length];
        for (long[] row : c) {
            long rs = 0;
            for (int j = 0; j < row.length; j++) {
                sumComb += comb2(row[j]);
                rs += row[j];
                colSums[j] += row[j];
            }
            sumA += comb2(rs);
        }
        for (long cs : colSums) sumB += comb2(cs);
        double expected = sumA * sumB / comb2(n);
        double maxIndex = (sumA + sumB) / 2;
        if (maxIndex == expected) return 1.0; // both trivial partitions (sklearn's special cases)
        return (sumComb - expected) / (maxIndex - expected);
    }

    /** Normalised mutual information with the arithmetic-mean normaliser. */
    public static double normalizedMutualInformation(int[] truth, int[] pred) {
        int[][] codes = new int[2][];
        long[][] c = contingency(truth, pred, codes);
        if (c.length == 1 && c[0].length == 1) return 1.0;
        double n = truth.length;
        long[] rows = new long[c.length], cols = new long[c[0].length];
        for (int i = 0; i < c.length; i++)
            for (int j = 0; j < c[0].length; j++) {
                rows[i] += c[i][j];
                cols[j] += c[i][j];
            }
        double mi = 0;
        for (int i = 0; i < c.length; i++)
            for (int j = 0; j < c[0].length; j++)
                if (c[i][j] > 0) mi += c[i][j] / n * Math.log(c[i][j] * n / ((double) rows[i] * cols[j]));
        double ha = entropy(rows, n), hb = entropy(cols, n);
        double norm = (ha + hb) / 2;
        if (mi <= 0 || norm <= 0) return 0.0;
        return Math.min(1.0, Math.max(0.0, mi / norm));
    }

    private static double entropy(long[] counts, double n) {
        double h = 0;
        for (long k : counts) if (k > 0) h -= k / n * Math.log(k / n);
        return h;
    }

    /** Mean silhouette from a symmetric distance matrix. Needs 2 ≤ clusters ≤ n − 1. */
    public static double silhouette(double[][] distances, int[] labels) {
        int n = labels.length;
        if (distances.length != n) throw new IllegalArgumentException("distance matrix is " + distances.length
                + "×…, labels " + n);
        int[] code = encode(labels);
        int k = max(code) + 1;
        if (k < 2 || k > n - 1)
            throw new emolab.study.NotApplicableException("silhouette needs 2 to n-1 clusters, got " + k + " for " + n + " points");
        int[] size = new int[k];
        for (int c : code) size[c]++;
        double total = 0;
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            if (distances[i].length != n) throw new IllegalArgumentException("distance matrix row " + i + " has " + distances[i].length + " entries");
            java.util.Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) if (j != i) sums[code[j]] += distances[i][j];
            int own = code[i];
            if (size[own] == 1) continue; // s = 0
            double a = sums[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) if (c != own) b = Math.min(b, sums[c] / size[c]);
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }

    /** Mean silhouette with Euclidean distances between the rows of {@code x}. */
    public static double silhouette(double[][] x, int[] labels, boolean euclidean) {
        if (!euclidean) throw new IllegalArgumentException("use silhouette(distanceMatrix, labels) for other distances");
        int n = x.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) d[i][j] = d[j][i] = Series.euclidean(x[i], x[j]);
        return silhouette(d, labels);
    }
}
