package emolab.numeric;

import java.util.Arrays;
import java.util.stream.IntStream;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Exact Euclidean k-nearest-neighbour search (the one copy; samplers, detectors and learners all
 * use it) with a fixed order: by distance, equal distances by the lower row index. Distances are
 * {@code sqrt(Σ_j (a_j − b_j)²)} summed in column order, as scikit-learn's KD-tree computes them,
 * so the three search structures below return bit-identical results:
 *
 * <ul>
 * <li>a KD-tree (median splits on the widest column, bounding-box pruning) for low dimension,
 *     where it avoids the O(n²) scan;</li>
 * <li>for high dimension, where no exact tree beats a scan (e.g. the 106-column prepared table),
 *     a scan screened by one BLAS product (the Gram trick): squared distances are estimated as
 *     ‖q‖² + ‖x‖² − 2 q·x from a float32 GEMM (float64 when the values are too large or too small
 *     for float32), every row whose estimate could still be among the k nearest — given a
 *     rigorous bound of the estimate's rounding error — is re-measured exactly, and only exact
 *     distances enter the result ({@link #gram});</li>
 * <li>a blocked plain scan, the reference for the other two ({@link #scan}).</li>
 * </ul>
 *
 * <p>{@link #of} picks the KD-tree when d ≤ {@value #KD_TREE_MAX_DIM} and n ≥
 * {@value #KD_TREE_MIN_ROWS}, the screened scan when d &gt; {@value #KD_TREE_MAX_DIM} and n &gt;
 * {@value #GRAM_MIN_ROWS}, else the plain scan. A query can exclude one data row (its own row in
 * {@link #selfNeighbours}): excluded by index, so an exact duplicate of it is a neighbour at
 * distance 0, as in scikit-learn's {@code kneighbors()}.
 */
public final class Neighbours {

    static final int KD_TREE_MAX_DIM = 16;
    static final int KD_TREE_MIN_ROWS = 512;
    static final int GRAM_MIN_ROWS = 64;
    /** Queries per block of the screened scan (a block's products, BLOCK_ROWS × n, one task). */
    static final int BLOCK_ROWS = 128;
    /** Largest n × n product held at once by the symmetric self-search (else row blocks against all rows). */
    static final long SYMMETRIC_MAX_ELEMENTS = 1L << 24;
    private static final int LEAF = 16;

    /** Neighbour lists: {@code indices[q][r]} is the r-th nearest (0-based) row of query q, at {@code distances[q][r]}. */
    public record Result(int[][] indices, double[][] distances) {
        /** Number of neighbours per query. */
        public int k() {
            return indices.length == 0 ? 0 : indices[0].length;
        }
    }

    private final double[][] data;
    private final int d;
    private final KdNode root;     // non-null → KD-tree
    private final boolean gram;    // screened scan
    private final boolean single;  // the screened scan's product in float32
    private final float[] dataF;   // row-major float32 copy (gram, single)
    private final double[] dataD;  // row-major float64 copy (gram, !single)
    private final double[] norms;  // ‖x‖² of the data rows (gram)

    private Neighbours(double[][] data, boolean tree, boolean gram) {
        if (data == null || data.length == 0) throw new IllegalArgumentException("no data rows to search");
        this.data = data;
        this.d = data[0].length;
        for (int i = 0; i < data.length; i++)
            if (data[i] == null || data[i].length != d)
                throw new IllegalArgumentException("data row " + i + " has " + (data[i] == null ? "no" : data[i].length) + " columns, row 0 has " + d);
        this.gram = gram;
        if (gram) {
            this.norms = squaredNorms(data);
            this.single = fitsFloat(data);
            this.dataF = single ? rowMajorFloat(data) : null;
            this.dataD = single ? null : rowMajor(data);
        } else {
            this.norms = null;
            this.single = false;
            this.dataF = null;
            this.dataD = null;
        }
        if (tree) {
            int[] perm = new int[data.length];
            for (int i = 0; i < perm.length; i++) perm[i] = i;
            this.root = build(perm, 0, perm.length);
        } else {
            this.root = null;
        }
    }

    /** The structure suited to the shape of {@code data} (not copied; do not modify it). */
    public static Neighbours of(double[][] data) {
        if (data == null || data.length == 0) throw new IllegalArgumentException("no data rows to search");
        int n = data.length, dim = data[0].length;
        if (dim > KD_TREE_MAX_DIM) return n > GRAM_MIN_ROWS && allFinite(data) ? gram(data) : scan(data);
        return new Neighbours(data, n >= KD_TREE_MIN_ROWS, false);
    }

    /** The scan screened by a BLAS product (exact results, equal to {@link #scan}'s). */
    public static Neighbours gram(double[][] data) {
        return new Neighbours(data, false, true);
    }

    /** The plain blocked scan (the reference). */
    public static Neighbours scan(double[][] data) {
        return new Neighbours(data, false, false);
    }

    /** The KD-tree. */
    public static Neighbours kdTree(double[][] data) {
        return new Neighbours(data, true, false);
    }

    public boolean usesTree() {
        return root != null;
    }

    public boolean usesGram() {
        return gram;
    }

    /** Number of data rows. */
    public int size() {
        return data.length;
    }

    /** k nearest rows of {@code data} for each row of {@code queries} (a query row is not excluded). */
    public static Result query(double[][] data, double[][] queries, int k) {
        return of(data).query(queries, (int[]) null, k);
    }

    /** k nearest rows of {@code data} for each query, never row {@code exclude[q]} (−1: none) for query q. */
    public static Result query(double[][] data, double[][] queries, int[] exclude, int k) {
        return of(data).query(queries, exclude, k);
    }

    /** The k nearest other rows of each row of {@code data} (the row itself excluded). */
    public static Result self(double[][] data, int k) {
        return of(data).selfNeighbours(k);
    }

    /** For each data row its {@code k} nearest other rows. Requires {@code k < n}. */
    public Result selfNeighbours(int k) {
        int[] ex = new int[data.length];
        Arrays.setAll(ex, i -> i);
        return search(data, ex, k, true);
    }

    /** For each query row its {@code k} nearest data rows. Requires {@code k ≤ n}. */
    public Result query(double[][] queries, int k) {
        return query(queries, (int[]) null, k);
    }

    /**
     * For each query row its {@code k} nearest data rows; {@code exclude[q]} (or −1) is a data row
     * never returned for query q, typically the query's own row.
     *
     * @throws IllegalArgumentException if k &lt; 1, the shapes disagree, or fewer than k candidate rows exist
     */
    public Result query(double[][] queries, int[] exclude, int k) {
        return search(queries, exclude, k, false);
    }

    private Result search(double[][] q, int[] exclude, int k, boolean self) {
        int n = data.length, m = q.length;
        if (k < 1) throw new IllegalArgumentException("n_neighbors must be >= 1, got " + k);
        if (exclude != null && exclude.length != m)
            throw new IllegalArgumentException("exclude has " + exclude.length + " entries for " + m + " queries");
        boolean anyExcluded = false;
        if (exclude != null) for (int e : exclude) anyExcluded |= e >= 0;
        int available = n - (anyExcluded ? 1 : 0);
        if (k > available)
            throw new IllegalArgumentException("k = " + k + " neighbours need at least " + (k + (anyExcluded ? 1 : 0)) + " rows"
                    + (anyExcluded ? " (the query's own row excluded)" : "") + ", got " + n + ": only " + available
                    + " candidate rows are available");
        for (int i = 0; i < m; i++)
            if (q[i] == null || q[i].length != d)
                throw new IllegalArgumentException("query row " + i + " has " + (q[i] == null ? "no" : q[i].length) + " columns, the data have " + d);
        int[][] idx = new int[m][];
        double[][] dist = new double[m][];
        if (m == 0) return new Result(idx, dist);
        if (gram) {
            gramSearch(q, exclude, k, self, idx, dist);
            return new Result(idx, dist);
        }
        int block = 16;
        int blocks = (m + block - 1) / block;
        IntStream range = IntStream.range(0, blocks);
        if ((long) m * n * Math.max(d, 1) > 1_000_000L) range = range.parallel();
        range.forEach(b -> {
            int from = b * block, to = Math.min(m, from + block);
            Heap[] heaps = new Heap[to - from];
            for (int i = from; i < to; i++) heaps[i - from] = new Heap(k);
            if (root != null) {
                for (int i = from; i < to; i++) searchTree(root, q[i], exclude == null ? -1 : exclude[i], heaps[i - from]);
            } else {
                scanBlock(q, from, to, exclude, heaps);
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

    /** Squared Euclidean distance, summed in feature order. */
    public static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }

    /** Euclidean distance ({@code sqrt} of {@link #squaredDistance}). */
    public static double distance(double[] a, double[] b) {
        return Math.sqrt(squaredDistance(a, b));
    }

    /**
     * Scans all data rows for queries [from, to): four data rows at a time with four independent
     * in-order sums (the same rounding as one row at a time, so results equal the KD-tree's).
     */
    private void scanBlock(double[][] q, int from, int to, int[] exclude, Heap[] heaps) {
        int n = data.length, tb = 256;
        for (int t0 = 0; t0 < n; t0 += tb) {
            int t1 = Math.min(n, t0 + tb);
            for (int i = from; i < to; i++) {
                double[] a = q[i];
                Heap h = heaps[i - from];
                int ex = exclude == null ? -1 : exclude[i];
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
                    if (t != ex) h.offer(s0, t);
                    if (t + 1 != ex) h.offer(s1, t + 1);
                    if (t + 2 != ex) h.offer(s2, t + 2);
                    if (t + 3 != ex) h.offer(s3, t + 3);
                }
                for (; t < t1; t++) {
                    if (t == ex) continue;
                    h.offer(squaredDistance(a, data[t]), t);
                }
            }
        }
    }

    // ---------------------------------------------------------------- screened scan (Gram trick)

    /**
     * Blocks of queries, each block's product with all data rows (one single-threaded GEMM into a
     * reused native buffer: no copy of the data or of the product through JNI arrays) and its
     * screening in one task, the tasks in parallel on every core; each query is screened from its
     * own row of the product, copied into a per-thread array (see {@link #screen}). OpenBLAS runs
     * single-threaded meanwhile ({@link SingleThreadedBlas}), so its threads neither compete with
     * the tasks nor spin on the cores after each call.
     */
    private void gramSearch(double[][] q, int[] exclude, int k, boolean self, int[][] idx, double[][] dist) {
        int n = data.length, m = q.length;
        double[] qNorms = self ? norms : squaredNorms(q);
        double maxNorm = 0;
        for (double v : norms) maxNorm = Math.max(maxNorm, v);
        double rel = (2.0 * d + 16.0) * (single ? 0x1.0p-24 : 0x1.0p-53), maxN = maxNorm;
        if (self && (long) n * n <= SYMMETRIC_MAX_ELEMENTS) {
            symmetricSearch(k, rel, maxN, idx, dist);
            return;
        }
        int block = Math.max(1, Math.min(BLOCK_ROWS, (m + 1) / 2));
        int blocks = (m + block - 1) / block;
        ThreadLocal<double[]> estimates = ThreadLocal.withInitial(() -> new double[n]);
        ThreadLocal<int[]> candidates = ThreadLocal.withInitial(() -> new int[n]);
        ThreadLocal<float[]> rowF = ThreadLocal.withInitial(() -> new float[n]);
        ThreadLocal<double[]> rowD = ThreadLocal.withInitial(() -> new double[n]);
        try (Pointer b = single ? new FloatPointer(dataF) : new DoublePointer(dataD)) {
            SingleThreadedBlas.run(() -> IntStream.range(0, blocks).parallel().forEach(bi -> {
                int start = bi * block, rows = Math.min(m, start + block) - start;
                try (Product p = Product.take(single, (long) block * n);
                     Pointer a = self ? null : single ? new FloatPointer(rowMajorFloat(q, start, rows)) : new DoublePointer(rowMajor(q, start, rows))) {
                    Pointer left = a != null ? a : b.getPointer((long) start * d);
                    if (single)
                        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, rows, n, d,
                                1f, (FloatPointer) left, d, (FloatPointer) b, d, 0f, p.f, n);
                    else
                        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, rows, n, d,
                                1.0, (DoublePointer) left, d, (DoublePointer) b, d, 0.0, p.d, n);
                    float[] gF = single ? rowF.get() : null;
                    double[] gD = single ? null : rowD.get();
                    for (int r = 0; r < rows; r++) {
                        int i = start + r;
                        if (single) p.fb.get(r * n, gF, 0, n);
                        else p.db.get(r * n, gD, 0, n);
                        Heap h = new Heap(k);
                        screen(q[i], qNorms[i], gF, gD, 0, exclude == null ? -1 : exclude[i], k, 2 * rel * (qNorms[i] + maxN),
                                candidates.get(), estimates.get(), h);
                        finish(h, k, i, idx, dist);
                    }
                }
            }));
        }
    }

    /**
     * The data rows queried against themselves: the Gram matrix is symmetric, so each block of rows
     * is multiplied only by itself and the rows after it (the blocks on and above the diagonal, about
     * half the products) into one n × n native buffer; a row's products with the earlier rows are
     * read back from the column its block left in the earlier blocks' rows. The entries read that
     * way were summed in another order than a row-wise product would have, which the rounding bound
     * of {@link #screen} allows (any order), so the screened candidates and the exact results are
     * the same.
     */
    private void symmetricSearch(int k, double rel, double maxN, int[][] idx, double[][] dist) {
        int n = data.length;
        int block = Math.max(1, Math.min(BLOCK_ROWS, (n + 1) / 2));
        int blocks = (n + block - 1) / block;
        ThreadLocal<double[]> estimates = ThreadLocal.withInitial(() -> new double[n]);
        ThreadLocal<int[]> candidates = ThreadLocal.withInitial(() -> new int[n]);
        ThreadLocal<float[]> rowsF = ThreadLocal.withInitial(() -> new float[block * n]);
        ThreadLocal<double[]> rowsD = ThreadLocal.withInitial(() -> new double[block * n]);
        ThreadLocal<float[]> colF = ThreadLocal.withInitial(() -> new float[block]);
        ThreadLocal<double[]> colD = ThreadLocal.withInitial(() -> new double[block]);
        try (Pointer b = single ? new FloatPointer(dataF) : new DoublePointer(dataD);
             Product p = Product.take(single, (long) n * n)) {
            SingleThreadedBlas.run(() -> {
                IntStream.range(0, blocks).parallel().forEach(bi -> {
                    int start = bi * block, rows = Math.min(n, start + block) - start;
                    long at = (long) start * n + start;
                    if (single) {
                        FloatPointer x = b.getPointer((long) start * d);
                        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, rows, n - start, d,
                                1f, x, d, x, d, 0f, p.f.getPointer(at), n);
                    } else {
                        DoublePointer x = b.getPointer((long) start * d);
                        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, rows, n - start, d,
                                1.0, x, d, x, d, 0.0, p.d.getPointer(at), n);
                    }
                });
                IntStream.range(0, blocks).parallel().forEach(bi -> {
                    int start = bi * block, rows = Math.min(n, start + block) - start;
                    float[] gF = single ? rowsF.get() : null;
                    double[] gD = single ? null : rowsD.get();
                    for (int r = 0; r < rows; r++) { // own products: the rows of this block, columns start..n
                        if (single) p.fb.get((start + r) * n + start, gF, r * n + start, n - start);
                        else p.db.get((start + r) * n + start, gD, r * n + start, n - start);
                    }
                    float[] cF = single ? colF.get() : null;
                    double[] cD = single ? null : colD.get();
                    for (int t = 0; t < start; t++) { // earlier rows: row t's products with this block, transposed
                        if (single) {
                            p.fb.get(t * n + start, cF, 0, rows);
                            for (int r = 0; r < rows; r++) gF[r * n + t] = cF[r];
                        } else {
                            p.db.get(t * n + start, cD, 0, rows);
                            for (int r = 0; r < rows; r++) gD[r * n + t] = cD[r];
                        }
                    }
                    for (int r = 0; r < rows; r++) {
                        int i = start + r;
                        Heap h = new Heap(k);
                        screen(data[i], norms[i], gF, gD, r * n, i, k, 2 * rel * (norms[i] + maxN),
                                candidates.get(), estimates.get(), h);
                        finish(h, k, i, idx, dist);
                    }
                });
            });
        }
    }

    /**
     * A native buffer for one block's product, handed back to a small pool after use (allocating
     * and first touching a megabyte of fresh memory per block costs a good part of its product).
     */
    private static final class Product implements AutoCloseable {
        private static final ConcurrentLinkedQueue<Product> SPARE = new ConcurrentLinkedQueue<>();
        private static final int MAX_SPARE = Math.max(2, Runtime.getRuntime().availableProcessors());
        final long capacity;
        final boolean single;
        final FloatPointer f;
        final DoublePointer d;
        final FloatBuffer fb;
        final DoubleBuffer db;

        private Product(boolean single, long capacity) {
            this.single = single;
            this.capacity = capacity;
            this.f = single ? new FloatPointer(capacity) : null;
            this.d = single ? null : new DoublePointer(capacity);
            this.fb = single ? f.asBuffer() : null;
            this.db = single ? null : d.asBuffer();
        }

        /** A buffer of at least {@code elements} values (a spare one when it fits, and is not four times too large). */
        static Product take(boolean single, long elements) {
            for (Product p; (p = SPARE.poll()) != null; ) {
                if (p.single == single && p.capacity >= elements && p.capacity <= 4 * elements) return p;
                p.free();
            }
            return new Product(single, elements);
        }

        @Override
        public void close() {
            if (SPARE.size() < MAX_SPARE) SPARE.offer(this);
            else free();
        }

        private void free() {
            if (f != null) f.close();
            if (d != null) d.close();
        }
    }

    /**
     * One query against all data rows, from the estimates e_t = ‖q‖² + ‖x_t‖² − 2 q·x_t (q·x_t =
     * {@code g[o + t]}, float32 or float64): measures exactly every row that may belong to the k
     * nearest. With S = ‖q‖² + max ‖x_t‖², each estimate lies within (d + 3)·u·S of the true value
     * (u = 2⁻²⁴ for the float32 product, whose inputs are rounded to float32 — normal numbers only,
     * see {@link #fitsFloat} —, 2⁻⁵³ for the float64 one; dot products in any order, with or
     * without FMA: |error| ≤ γ_{d+2} Σ|q_j x_j| ≤ γ_{d+2} S/2), the exact in-order sum within far
     * less; tol = (2d + 16)·u·S covers both with a margin of about 2. The k rows with the smallest
     * estimates (kth the largest of them) have exact distances ≤ kth + tol, so a row with e − tol
     * &gt; kth + tol has at least k rows strictly nearer and cannot be in the result: the rows with
     * e ≤ kth + 2·tol ({@code window} = 2·tol) are measured exactly and only exact values are
     * ranked. One pass: a row is kept as a candidate when its estimate is within the window of the
     * running k-th smallest (which only falls, so no final candidate is missed), and the kept rows
     * are filtered by the final threshold.
     */
    private void screen(double[] a, double qn, float[] gF, double[] gD, int o, int exclude, int k, double window,
                        int[] cand, double[] est, Heap h) {
        double[] top = new double[k];
        int c = gF != null ? collect(gF, o, qn, norms, exclude, window, top, cand, est)
                : collect(gD, o, qn, norms, exclude, window, top, cand, est);
        measure(a, top[k - 1] + window, c, cand, est, h);
    }

    /**
     * Rows whose estimate is within {@code window} of the running k-th smallest ({@code top},
     * ascending, length k); returns how many were written to {@code cand}/{@code est}.
     */
    private static int collect(float[] g, int o, double qn, double[] norms, int exclude, double window, double[] top, int[] cand, double[] est) {
        int n = norms.length, k = top.length, c = 0, size = 0;
        double worst = Double.POSITIVE_INFINITY, limit = Double.POSITIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            double v = qn + norms[t] - 2.0 * g[o + t];
            if (!(v <= limit) || t == exclude) continue;
            cand[c] = t;
            est[c++] = v;
            if (size < k || v < worst) {
                int p = size < k ? size++ : k - 1;
                while (p > 0 && v < top[p - 1]) {
                    top[p] = top[p - 1];
                    p--;
                }
                top[p] = v;
                if (size == k) {
                    worst = top[k - 1];
                    limit = worst + window;
                }
            }
        }
        return c;
    }

    /** {@link #collect(float[], int, double, double[], int, double, double[], int[], double[])} for a float64 product. */
    private static int collect(double[] g, int o, double qn, double[] norms, int exclude, double window, double[] top, int[] cand, double[] est) {
        int n = norms.length, k = top.length, c = 0, size = 0;
        double worst = Double.POSITIVE_INFINITY, limit = Double.POSITIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            double v = qn + norms[t] - 2.0 * g[o + t];
            if (!(v <= limit) || t == exclude) continue;
            cand[c] = t;
            est[c++] = v;
            if (size < k || v < worst) {
                int p = size < k ? size++ : k - 1;
                while (p > 0 && v < top[p - 1]) {
                    top[p] = top[p - 1];
                    p--;
                }
                top[p] = v;
                if (size == k) {
                    worst = top[k - 1];
                    limit = worst + window;
                }
            }
        }
        return c;
    }

    /** Exact squared distances of the collected rows with an estimate ≤ {@code limit}, offered to {@code h}. */
    private void measure(double[] a, double limit, int c, int[] cand, double[] est, Heap h) {
        int m = 0;
        for (int r = 0; r < c; r++) if (est[r] <= limit) cand[m++] = cand[r];
        int r = 0;
        for (; r + 3 < m; r += 4) { // four independent in-order sums (same rounding as one at a time)
            int t0 = cand[r], t1 = cand[r + 1], t2 = cand[r + 2], t3 = cand[r + 3];
            double[] b0 = data[t0], b1 = data[t1], b2 = data[t2], b3 = data[t3];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < d; j++) {
                double aj = a[j];
                double e0 = aj - b0[j], e1 = aj - b1[j], e2 = aj - b2[j], e3 = aj - b3[j];
                s0 += e0 * e0;
                s1 += e1 * e1;
                s2 += e2 * e2;
                s3 += e3 * e3;
            }
            h.offer(s0, t0);
            h.offer(s1, t1);
            h.offer(s2, t2);
            h.offer(s3, t3);
        }
        for (; r < m; r++) h.offer(squaredDistance(a, data[cand[r]]), cand[r]);
    }

    /** True when every value is finite. */
    private static boolean allFinite(double[][] x) {
        for (double[] r : x) for (double v : r) if (!Double.isFinite(v)) return false;
        return true;
    }

    /**
     * True when every non-zero |value| lies in [1e-15, 1e15]: converted to float32 it stays a
     * normal number, products of two stay normal and sums of them finite, so the relative error
     * bound of {@link #screen} holds.
     */
    private static boolean fitsFloat(double[][] x) {
        for (double[] r : x)
            for (double v : r) {
                double a = Math.abs(v);
                if (a != 0 && !(a >= 1e-15 && a <= 1e15)) return false;
            }
        return true;
    }

    private static float[] rowMajorFloat(double[][] x) {
        return rowMajorFloat(x, 0, x.length);
    }

    private static float[] rowMajorFloat(double[][] x, int from, int rows) {
        int d = x[0].length;
        float[] out = new float[rows * d];
        for (int i = 0; i < rows; i++) {
            double[] r = x[from + i];
            for (int j = 0; j < d; j++) out[i * d + j] = (float) r[j];
        }
        return out;
    }

    private static double[] rowMajor(double[][] x) {
        return rowMajor(x, 0, x.length);
    }

    private static double[] rowMajor(double[][] x, int from, int rows) {
        int d = x[0].length;
        double[] out = new double[rows * d];
        for (int i = 0; i < rows; i++) System.arraycopy(x[from + i], 0, out, i * d, d);
        return out;
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
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int p = from; p < to; p++) {
            double[] r = data[perm[p]];
            for (int j = 0; j < d; j++) {
                if (r[j] < lo[j]) lo[j] = r[j];
                if (r[j] > hi[j]) hi[j] = r[j];
            }
        }
        int widest = 0;
        for (int j = 1; j < d; j++) if (hi[j] - lo[j] > hi[widest] - lo[widest]) widest = j;
        if (to - from <= LEAF || d == 0 || !(hi[widest] > lo[widest])) {
            return new KdNode(Arrays.copyOfRange(perm, from, to), lo, hi);
        }
        int col = widest;
        // sort this segment by the split column (order inside a node does not matter)
        Integer[] seg = new Integer[to - from];
        for (int p = from; p < to; p++) seg[p - from] = perm[p];
        Arrays.sort(seg, (x, y) -> Double.compare(data[x][col], data[y][col]));
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
        int[] idx;
        int size;

        Heap(int k) {
            d2 = new double[k];
            idx = new int[k];
        }

        /** The current k-th smallest d², or +∞ while fewer than k are held. */
        double worst() {
            return size < d2.length ? Double.POSITIVE_INFINITY : d2[0];
        }

        private static boolean greater(double da, int ia, double db, int ib) {
            return da > db || (da == db && ia > ib);
        }

        void offer(double s, int t) {
            int k = d2.length;
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

        /** Sorts the held pairs ascending by (d², index): heap sort in place (pops the largest to the end). */
        void sortAscending() {
            int n = size;
            for (int end = n - 1; end > 0; end--) {
                swap(0, end);
                int c = 0;
                while (true) {
                    int l = 2 * c + 1, r = l + 1, big = c;
                    if (l < end && greater(d2[l], idx[l], d2[big], idx[big])) big = l;
                    if (r < end && greater(d2[r], idx[r], d2[big], idx[big])) big = r;
                    if (big == c) break;
                    swap(c, big);
                    c = big;
                }
            }
        }
    }
}
