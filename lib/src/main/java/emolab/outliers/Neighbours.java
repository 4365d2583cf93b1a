package emolab.outliers;

import java.util.stream.IntStream;

/**
 * Exact Euclidean k-nearest-neighbour search with a fixed order: by distance, equal distances by
 * the lower row index. Distances are {@code sqrt(Σ_j (a_j − b_j)²)} summed in column order, as
 * scikit-learn's KD-tree computes them, so both search structures below return bit-identical
 * results:
 *
 * <ul>
 * <li>a KD-tree (median splits on the widest column, bounding-box pruning) for low dimension,
 *     where it avoids the O(n²) scan;</li>
 * <li>for high dimension, where no exact tree beats a scan (e.g. the 106-column prepared table),
 *     a scan whose candidates come from one BLAS product: squared distances are estimated as
 *     ‖q‖² + ‖x‖² − 2 q·x (Smile/OpenBLAS {@code mt}), every row whose estimate could still be
 *     among the k nearest — given a rigorous rounding bound of the estimate — is re-measured
 *     exactly, and only exact distances enter the result ({@link #product});</li>
 * <li>a blocked plain scan, the reference for the other two ({@link #scan}).</li>
 * </ul>
 *
 * <p>{@link #of} picks the KD-tree when d ≤ {@value #KD_TREE_MAX_DIM} and n ≥
 * {@value #KD_TREE_MIN_ROWS}, the BLAS-screened scan when d &gt; {@value #KD_TREE_MAX_DIM}, else
 * the plain scan. A row is never its own neighbour in {@link #selfNeighbours}
 * (excluded by index, so an exact duplicate of it is a neighbour at distance 0, as in
 * scikit-learn's {@code kneighbors()}).
 */
final class Neighbours {

    static final int KD_TREE_MAX_DIM = 16;
    static final int KD_TREE_MIN_ROWS = 512;
    private static final int LEAF = 16;

    /** Neighbour lists: {@code index[i][r]} is the r-th nearest (0-based) of query i, at {@code distance[i][r]}. */
    record Result(int[][] index, double[][] distance) {}

    private final double[][] data;
    private final int d;
    private final KdNode root; // null → scan
    private final smile.math.matrix.Matrix product; // non-null → BLAS-screened scan
    private final double[] norms;                   // ‖x‖² of the data rows (with product)

    private Neighbours(double[][] data, boolean tree) {
        this(data, tree, false);
    }

    private Neighbours(double[][] data, boolean tree, boolean blas) {
        this.data = data;
        this.d = data[0].length;
        this.product = blas ? smile.math.matrix.Matrix.of(data) : null;
        this.norms = blas ? squaredNorms(data) : null;
        if (tree) {
            int[] perm = new int[data.length];
            for (int i = 0; i < perm.length; i++) perm[i] = i;
            this.root = build(perm, 0, perm.length);
        } else {
            this.root = null;
        }
    }

    /** The structure suited to the shape of {@code data} (not copied; do not modify it). */
    static Neighbours of(double[][] data) {
        if (data[0].length > KD_TREE_MAX_DIM) return product(data);
        return new Neighbours(data, data.length >= KD_TREE_MIN_ROWS);
    }

    /** The scan screened by one BLAS product (exact results, equal to {@link #scan}'s). */
    static Neighbours product(double[][] data) {
        return new Neighbours(data, false, true);
    }

    boolean usesProduct() {
        return product != null;
    }

    static Neighbours scan(double[][] data) {
        return new Neighbours(data, false);
    }

    static Neighbours kdTree(double[][] data) {
        return new Neighbours(data, true);
    }

    boolean usesTree() {
        return root != null;
    }

    /** For each data row its {@code k} nearest other rows. Requires {@code k < n}. */
    Result selfNeighbours(int k) {
        if (k >= data.length)
            throw new IllegalArgumentException("k = " + k + " neighbours need at least " + (k + 1) + " rows, got " + data.length);
        return search(data, k, true);
    }

    /** For each query row its {@code k} nearest data rows. Requires {@code k ≤ n}. */
    Result query(double[][] queries, int k) {
        if (k > data.length)
            throw new IllegalArgumentException("k = " + k + " neighbours need at least " + k + " rows, got " + data.length);
        return search(queries, k, false);
    }

    private Result search(double[][] q, int k, boolean self) {
        int m = q.length;
        int[][] idx = new int[m][];
        double[][] dist = new double[m][];
        if (product != null) {
            // one BLAS product per chunk of queries (OpenBLAS runs its own threads), then the queries of
            // the chunk screened in parallel; data × queryᵀ keeps each query's dot products contiguous
            int chunk = Math.max(1, Math.min(m, (1 << 24) / Math.max(1, data.length))); // ≤ 128 MB of products
            for (int from = 0; from < m; from += chunk) {
                int start = from, to = Math.min(m, from + chunk);
                smile.math.matrix.Matrix g = product.mt(smile.math.matrix.Matrix.of(java.util.Arrays.copyOfRange(q, start, to)));
                ThreadLocal<double[]> est = ThreadLocal.withInitial(() -> new double[data.length]);
                IntStream.range(start, to).parallel().forEach(i -> {
                    Heap h = new Heap(k);
                    screened(q[i], i - start, g, self ? i : -1, k, h, est.get());
                    finish(h, k, i, idx, dist);
                });
            }
            return new Result(idx, dist);
        }
        int block = 16;
        int blocks = (m + block - 1) / block;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * block, to = Math.min(m, from + block);
            Heap[] heaps = new Heap[to - from];
            for (int i = from; i < to; i++) heaps[i - from] = new Heap(k);
            if (root != null) {
                for (int i = from; i < to; i++) searchTree(root, q[i], self ? i : -1, heaps[i - from]);
            } else {
                scanBlock(q, from, to, self, heaps);
            }
            for (int i = from; i < to; i++) finish(heaps[i - from], k, i, idx, dist);
        });
        return new Result(idx, dist);
    }

    private static void finish(Heap h, int k, int i, int[][] idx, double[][] dist) {
        h.sortAscending();
        idx[i] = h.idx;
        double[] ds = new double[k];
        for (int r = 0; r < k; r++) ds[r] = Math.sqrt(h.d2[r]);
        dist[i] = ds;
    }

    /**
     * Scans all data rows for queries [from, to): four data rows at a time with four independent
     * in-order sums (the same rounding as one row at a time, so results equal the KD-tree's).
     */
    private void scanBlock(double[][] q, int from, int to, boolean self, Heap[] heaps) {
        int n = data.length, tb = 256;
        for (int t0 = 0; t0 < n; t0 += tb) {
            int t1 = Math.min(n, t0 + tb);
            for (int i = from; i < to; i++) {
                double[] a = q[i];
                Heap h = heaps[i - from];
                int t = t0;
                for (; t + 3 < t1; t += 4) {
                    double[] b0 = data[t], b1 = data[t + 1], b2 = data[t + 2], b3 = data[t + 3];
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    for (int j = 0; j < d; j++) {
                        double aj = a[j];
                        double e0 = aj - b0[j], e1 = aj - b1[j], e2 = aj - b2[j], e3 = aj - b3[j];
                        s0 += e0 * e0;
                        s1 += e1 * e1;
                        s2 += e2 * e2;
                        s3 += e3 * e3;
                    }
                    if (!(self && t == i)) h.offer(s0, t);
                    if (!(self && t + 1 == i)) h.offer(s1, t + 1);
                    if (!(self && t + 2 == i)) h.offer(s2, t + 2);
                    if (!(self && t + 3 == i)) h.offer(s3, t + 3);
                }
                for (; t < t1; t++) {
                    if (self && t == i) continue;
                    h.offer(squaredDistance(a, data[t]), t);
                }
            }
        }
    }

    /**
     * One query against all data rows: estimates e = ‖q‖² + ‖x‖² − 2 q·x from the BLAS product
     * (column {@code col} of {@code g} = data × queriesᵀ), then measures exactly every row that may belong to the k nearest. With S = ‖q‖² +
     * ‖x‖², the estimate and the exact in-order sum each lie within about (2d + 3)·u·S of the true
     * value (u = 2⁻⁵³; dot products in any order, with or without FMA: |error| ≤ γ_d Σ|q_j x_j| ≤
     * γ_d S/2); {@code tol} = (8d + 16)·u·S covers their difference with a margin of 2. U = the
     * largest (e + tol) among the k smallest estimates bounds the exact k-th distance from above, so
     * a row with e − tol &gt; U has at least k rows strictly nearer and cannot be in the result.
     */
    private void screened(double[] a, int col, smile.math.matrix.Matrix g, int exclude, int k, Heap h, double[] est) {
        int n = data.length;
        double rel = (8.0 * d + 16.0) * 0x1.0p-53;
        double qn = squaredNorm(a);
        Heap approx = new Heap(k);
        for (int t = 0; t < n; t++) {
            double e = qn + norms[t] - 2 * g.get(t, col);
            est[t] = e;
            if (t != exclude && e <= approx.worst()) approx.offer(e, t);
        }
        double bound = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < approx.size; c++) bound = Math.max(bound, approx.d2[c] + rel * (qn + norms[approx.idx[c]]));
        if (approx.size < k) bound = Double.POSITIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            if (t == exclude || est[t] - rel * (qn + norms[t]) > bound) continue;
            h.offer(squaredDistance(a, data[t]), t);
        }
    }

    private static double squaredNorm(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return s;
    }

    private static double[] squaredNorms(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = squaredNorm(x[i]);
        return out;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }

    // ---------------------------------------------------------------- KD-tree

    private static final class KdNode {
        final int[] rows;      // leaf rows (null for inner nodes)
        final double[] lo, hi; // bounding box
        KdNode left, right;

        KdNode(int[] rows, double[] lo, double[] hi) {
            this.rows = rows;
            this.lo = lo;
            this.hi = hi;
        }
    }

    private KdNode build(int[] perm, int from, int to) {
        double[] lo = new double[d], hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int p = from; p < to; p++) {
            double[] r = data[perm[p]];
            for (int j = 0; j < d; j++) {
                if (r[j] < lo[j]) lo[j] = r[j];
                if (r[j] > hi[j]) hi[j] = r[j];
            }
        }
        int widest = 0;
        for (int j = 1; j < d; j++) if (hi[j] - lo[j] > hi[widest] - lo[widest]) widest = j;
        if (to - from <= LEAF || hi[widest] == lo[widest]) {
            return new KdNode(java.util.Arrays.copyOfRange(perm, from, to), lo, hi);
        }
        int col = widest;
        // sort this segment by the split column (stable enough: order inside a node does not matter)
        Integer[] seg = new Integer[to - from];
        for (int p = from; p < to; p++) seg[p - from] = perm[p];
        java.util.Arrays.sort(seg, (x, y) -> Double.compare(data[x][col], data[y][col]));
        for (int p = from; p < to; p++) perm[p] = seg[p - from];
        int mid = from + (to - from) / 2;
        KdNode node = new KdNode(null, lo, hi);
        node.left = build(perm, from, mid);
        node.right = build(perm, mid, to);
        return node;
    }

    /** A lower bound of the squared distance from {@code q} to any point in the box; never above the true value. */
    private double boxBound(KdNode node, double[] q) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double v = q[j];
            double diff = v < node.lo[j] ? node.lo[j] - v : v > node.hi[j] ? v - node.hi[j] : 0;
            s += diff * diff;
        }
        return s;
    }

    private void searchTree(KdNode node, double[] q, int exclude, Heap h) {
        if (node.rows != null) {
            for (int t : node.rows) {
                if (t == exclude) continue;
                double[] b = data[t];
                double worst = h.worst();
                double s = 0;
                boolean abandoned = false;
                for (int j = 0; j < d; j++) {
                    double diff = q[j] - b[j];
                    s += diff * diff;
                    if (s > worst) {
                        abandoned = true;
                        break;
                    }
                }
                if (!abandoned) h.offer(s, t);
            }
            return;
        }
        double bl = boxBound(node.left, q), br = boxBound(node.right, q);
        KdNode first = bl <= br ? node.left : node.right, second = first == node.left ? node.right : node.left;
        double b1 = Math.min(bl, br), b2 = Math.max(bl, br);
        if (!(b1 > h.worst())) searchTree(first, q, exclude, h);
        if (!(b2 > h.worst())) searchTree(second, q, exclude, h);
    }

    // ---------------------------------------------------------------- bounded heap

    /** The k smallest (squared distance, index) pairs seen, as a max-heap on (d², index). */
    private static final class Heap {
        final double[] d2;
        final int[] idx;
        int size;

        Heap(int k) {
            d2 = new double[k];
            idx = new int[k];
        }

        /** The current k-th smallest d², or +∞ while fewer than k are held. */
        double worst() {
            return size < d2.length ? Double.POSITIVE_INFINITY : d2[0];
        }

        private boolean greater(double da, int ia, double db, int ib) {
            return da > db || (da == db && ia > ib);
        }

        void offer(double s, int t) {
            int k = d2.length;
            if (k == 0) return;
            if (size < k) {
                int c = size++;
                d2[c] = s;
                idx[c] = t;
                while (c > 0) { // sift up
                    int p = (c - 1) / 2;
                    if (!greater(d2[c], idx[c], d2[p], idx[p])) break;
                    swap(c, p);
                    c = p;
                }
            } else if (greater(d2[0], idx[0], s, t)) {
                d2[0] = s;
                idx[0] = t;
                int c = 0;
                while (true) { // sift down
                    int l = 2 * c + 1, r = l + 1, big = c;
                    if (l < k && greater(d2[l], idx[l], d2[big], idx[big])) big = l;
                    if (r < k && greater(d2[r], idx[r], d2[big], idx[big])) big = r;
                    if (big == c) break;
                    swap(c, big);
                    c = big;
                }
            }
        }

        private void swap(int a, int b) {
            double td = d2[a];
            d2[a] = d2[b];
            d2[b] = td;
            int ti = idx[a];
            idx[a] = idx[b];
            idx[b] = ti;
        }

        /** Sorts the held pairs ascending by (d², index). */
        void sortAscending() {
            Integer[] o = new Integer[size];
            for (int i = 0; i < size; i++) o[i] = i;
            java.util.Arrays.sort(o, (x, y) -> d2[x] != d2[y] ? Double.compare(d2[x], d2[y]) : Integer.compare(idx[x], idx[y]));
            double[] nd = new double[size];
            int[] ni = new int[size];
            for (int i = 0; i < size; i++) {
                nd[i] = d2[o[i]];
                ni[i] = idx[o[i]];
            }
            System.arraycopy(nd, 0, d2, 0, size);
            System.arraycopy(ni, 0, idx, 0, size);
        }
    }
}
