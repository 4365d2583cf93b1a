package emolab.imbalance;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact Euclidean k-nearest-neighbour search with a defined order: neighbours are sorted by the
 * squared distance Σ_j (q_j − x_j)², summed in feature order (as scikit-learn's KD-tree sums it),
 * and equal distances are broken by the lower row index. Returned distances are the square roots.
 *
 * <p>Speed without changing results: for higher dimensions a vectorised dot-product kernel
 * (‖q‖² + ‖x‖² − 2 q·x on the transposed data, four queries at a time, both cores) ranks the
 * candidates approximately; every candidate within a rigorous rounding-error bound of the k-th
 * approximate distance is then re-measured exactly, so the output is identical to a brute-force
 * exact search (see {@code NeighboursTest}).
 */
public final class Neighbours {
    private Neighbours() {}

    /** Neighbour rows ({@code indices[q][r]}, indices into the searched data) and their distances. */
    public record Result(int[][] indices, double[][] distances) {
        /** Number of neighbours per query. */
        public int k() {
            return indices.length == 0 ? 0 : indices[0].length;
        }
    }

    /** Force the brute-force exact path (tests compare both paths). */
    static volatile boolean forceBrute = false;

    /** k nearest rows of {@code data} for each row of {@code queries} (a query row is not excluded). */
    public static Result query(double[][] data, double[][] queries, int k) {
        return query(data, queries, null, k);
    }

    /**
     * k nearest rows of {@code data} for each query; {@code exclude[q]} (or −1) is a row of
     * {@code data} never returned for query q, typically the query's own row.
     *
     * @throws IllegalArgumentException if k &lt; 1 or fewer than k candidate rows exist
     */
    public static Result query(double[][] data, double[][] queries, int[] exclude, int k) {
        int n = data.length, m = queries.length;
        if (k < 1) throw new IllegalArgumentException("n_neighbors must be >= 1, got " + k);
        if (exclude != null && exclude.length != m)
            throw new IllegalArgumentException("exclude has " + exclude.length + " entries for " + m + " queries");
        boolean anyExcluded = false;
        if (exclude != null) for (int e : exclude) anyExcluded |= e >= 0;
        int available = n - (anyExcluded ? 1 : 0);
        if (k > available)
            throw new IllegalArgumentException("n_neighbors = " + k + " but only " + available
                    + " candidate rows are available (" + n + " rows searched"
                    + (anyExcluded ? ", the query's own row excluded)" : ")"));
        int[][] idx = new int[m][k];
        double[][] dist = new double[m][k];
        if (m == 0) return new Result(idx, dist);
        int d = data[0].length;
        boolean brute = forceBrute || d <= 16 || n <= 64 || 4L * k >= n;
        long work = (long) m * n * Math.max(d, 1);
        int blocks = (m + 3) / 4;
        boolean parallel = work > 4_000_000L;
        // contiguous runs of 4-query blocks; each chunk allocates its buffers once
        int chunks = parallel ? Math.min(blocks, 8 * Runtime.getRuntime().availableProcessors()) : 1;
        IntStream range = IntStream.range(0, chunks);
        if (parallel) range = range.parallel();
        if (brute) {
            range.forEach(ch -> {
                double[] buf = new double[n];
                int from = 4 * (int) ((long) blocks * ch / chunks), to = Math.min(m, 4 * (int) ((long) blocks * (ch + 1) / chunks));
                for (int q = from; q < to; q++) {
                    exactAll(queries[q], data, buf);
                    if (exclude != null && exclude[q] >= 0) buf[exclude[q]] = Double.POSITIVE_INFINITY;
                    selectK(buf, null, n, k, idx[q], dist[q]);
                }
            });
        } else {
            double[] normData = new double[n];
            double maxNorm = 0;
            for (int i = 0; i < n; i++) maxNorm = Math.max(maxNorm, normData[i] = sumSquares(data[i]));
            final double maxN = maxNorm;
            double[][] dataT = new double[d][n];
            for (int i = 0; i < n; i++) {
                double[] r = data[i];
                for (int j = 0; j < d; j++) dataT[j][i] = r[j];
            }
            range.forEach(ch -> {
                double[][] dots = new double[4][n];
                double[] approx = new double[n], exact = new double[n];
                int[] cand = new int[n];
                int bFrom = (int) ((long) blocks * ch / chunks), bTo = (int) ((long) blocks * (ch + 1) / chunks);
                for (int b = bFrom; b < bTo; b++) {
                int q0 = 4 * b, q1 = Math.min(m, q0 + 4);
                dots4(queries, q0, q1, dataT, n, dots);
                for (int q = q0; q < q1; q++) {
                    double[] dq = dots[q - q0], x = queries[q];
                    double nq = sumSquares(x);
                    for (int i = 0; i < n; i++) approx[i] = nq + normData[i] - 2 * dq[i];
                    int ex = exclude == null ? -1 : exclude[q];
                    if (ex >= 0) approx[ex] = Double.POSITIVE_INFINITY;
                    double kth = kthSmallest(approx, n, k);
                    double tol = (4.0 * d + 16) * 0x1p-52 * (nq + maxN);
                    double threshold = kth + 2 * tol;
                    int c = 0;
                    for (int i = 0; i < n; i++) {
                        if (approx[i] <= threshold && i != ex) {
                            cand[c] = i;
                            exact[c++] = sqDist(x, data[i]);
                        }
                    }
                    selectK(exact, cand, c, k, idx[q], dist[q]);
                }
                }
            });
        }
        return new Result(idx, dist);
    }

    /** The k nearest other rows of each row of {@code data} (the row itself excluded). */
    public static Result self(double[][] data, int k) {
        int[] ex = new int[data.length];
        Arrays.setAll(ex, i -> i);
        return query(data, data, ex, k);
    }

    /** Squared Euclidean distance, summed in feature order. */
    public static double sqDist(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }

    /** Euclidean distance ({@code sqrt} of {@link #sqDist}). */
    public static double distance(double[] a, double[] b) {
        return Math.sqrt(sqDist(a, b));
    }

    private static double sumSquares(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return s;
    }

    /** Exact squared distances from q to every row, four rows interleaved (same per-pair order). */
    private static void exactAll(double[] q, double[][] c, double[] out) {
        int n = c.length, d = q.length, i = 0;
        for (; i + 3 < n; i += 4) {
            double[] a = c[i], b = c[i + 1], e = c[i + 2], f = c[i + 3];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < d; j++) {
                double x = q[j];
                double d0 = x - a[j], d1 = x - b[j], d2 = x - e[j], d3 = x - f[j];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            out[i] = s0;
            out[i + 1] = s1;
            out[i + 2] = s2;
            out[i + 3] = s3;
        }
        for (; i < n; i++) out[i] = sqDist(q, c[i]);
    }

    /**
     * Dot products of queries[q0..q1) (at most 4) with every row, from the transposed data
     * {@code cT[j][i]}: the inner loop runs over rows, contiguous and independent, so the JIT
     * vectorises it.
     */
    private static void dots4(double[][] queries, int q0, int q1, double[][] cT, int n, double[][] out) {
        int d = cT.length;
        for (int r = 0; r < 4; r++) Arrays.fill(out[r], 0, n, 0.0);
        if (q1 - q0 < 4) {
            for (int q = q0; q < q1; q++) {
                double[] x = queries[q], o = out[q - q0];
                for (int j = 0; j < d; j++) {
                    double xj = x[j];
                    double[] col = cT[j];
                    for (int i = 0; i < n; i++) o[i] += xj * col[i];
                }
            }
            return;
        }
        double[] x0 = queries[q0], x1 = queries[q0 + 1], x2 = queries[q0 + 2], x3 = queries[q0 + 3];
        double[] o0 = out[0], o1 = out[1], o2 = out[2], o3 = out[3];
        for (int j = 0; j < d; j++) {
            double a = x0[j], b = x1[j], c = x2[j], e = x3[j];
            double[] col = cT[j];
            for (int i = 0; i < n; i++) {
                double v = col[i];
                o0[i] += a * v;
                o1[i] += b * v;
                o2[i] += c * v;
                o3[i] += e * v;
            }
        }
    }

    /** The k-th smallest (1-based) of v[0..n). */
    private static double kthSmallest(double[] v, int n, int k) {
        if (k <= 32) {
            double[] top = new double[k];
            int size = 0;
            for (int i = 0; i < n; i++) {
                double x = v[i];
                if (size == k && !(x < top[k - 1])) continue;
                int p = size < k ? size++ : k - 1;
                while (p > 0 && x < top[p - 1]) {
                    top[p] = top[p - 1];
                    p--;
                }
                top[p] = x;
            }
            return top[k - 1];
        }
        double[] copy = Arrays.copyOf(v, n);
        Arrays.sort(copy);
        return copy[k - 1];
    }

    /**
     * The k smallest of v[0..n) by (value, id), where id = ids[i] (or i when ids is null) and ids
     * ascend; writes ids and square roots of the values.
     */
    static void selectK(double[] v, int[] ids, int n, int k, int[] outIdx, double[] outDist) {
        if (k <= 32) {
            double[] top = new double[k];
            int[] topId = new int[k];
            int size = 0;
            for (int i = 0; i < n; i++) {
                double x = v[i];
                if (size == k && !(x < top[k - 1])) continue; // ties keep the earlier (lower) id
                int p = size < k ? size++ : k - 1;
                while (p > 0 && x < top[p - 1]) {
                    top[p] = top[p - 1];
                    topId[p] = topId[p - 1];
                    p--;
                }
                top[p] = x;
                topId[p] = ids == null ? i : ids[i];
            }
            for (int r = 0; r < k; r++) {
                outIdx[r] = topId[r];
                outDist[r] = Math.sqrt(top[r]);
            }
            return;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        order = stableSortByValue(order, v);
        for (int r = 0; r < k; r++) {
            int i = order[r];
            outIdx[r] = ids == null ? i : ids[i];
            outDist[r] = Math.sqrt(v[i]);
        }
    }

    /** Stable merge sort of positions by v (so equal values keep ascending position). */
    static int[] stableSortByValue(int[] order, double[] v) {
        int n = order.length;
        int[] a = order, b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, o = lo;
                while (i < mid && j < hi) b[o++] = v[a[j]] < v[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[o++] = a[i++];
                while (j < hi) b[o++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
