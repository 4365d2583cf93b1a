package emolab.outliers;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Isolation Forest (Liu, Ting &amp; Zhou, ICDM 2008), with scikit-learn's conventions: each of
 * {@code trees} isolation trees is grown on ψ = min({@code maxSamples}, n) training rows drawn
 * without replacement, to depth ⌈log₂ ψ⌉; a node splits on a random column (among those not
 * constant in the node) at a value drawn uniformly between the node's minimum and maximum. A row
 * that is isolated after few splits is an outlier. The score is
 *
 * <pre>
 *   s(x) = 2^(−E[h(x)] / c(ψ)),   c(m) = 2H(m − 1) − 2(m − 1)/m,  H(i) ≈ ln i + 0.5772156649
 * </pre>
 *
 * with h(x) the depth at which x reaches a leaf plus c(leaf size) — in (0, 1], about 0.5 for
 * ordinary rows and close to 1 for outliers (scikit-learn's {@code score_samples} is −s).
 *
 * <p>Deterministic: tree t is grown from a random stream derived from {@code seed} and t only, so
 * the same seed gives the same scores whatever the number of threads. Written here because
 * Smile's {@code IsolationForest} takes no seed (it draws from a shared thread-local generator
 * inside a parallel stream).
 */
public final class IsolationForest implements OutlierDetector {

    private static final double EULER = 0.5772156649;

    private final int trees;
    private final int maxSamples;
    private final long seed;

    /**
     * @param trees      number of trees (scikit-learn's {@code n_estimators}, default 100)
     * @param maxSamples sub-sample size ψ per tree (scikit-learn's default 256)
     * @param seed       random seed
     */
    public IsolationForest(int trees, int maxSamples, long seed) {
        this.trees = DetectorInput.positive("trees", trees);
        if (maxSamples < 2) throw new IllegalArgumentException("maxSamples must be >= 2, got " + maxSamples);
        this.maxSamples = maxSamples;
        this.seed = seed;
    }

    /** 100 trees of 256 rows. */
    public IsolationForest(long seed) {
        this(100, 256, seed);
    }

    @Override
    public String name() {
        return "Isolation Forest";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IsolationForest[trees=%d, maxSamples=%d, seed=%d]", trees, maxSamples, seed);
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, 2, "a split");
        int n = train.length;
        int psi = Math.min(maxSamples, n);
        int maxDepth = (int) Math.ceil(Math.log(psi) / Math.log(2));
        SplittableRandom master = new SplittableRandom(seed);
        long[] treeSeeds = new long[trees];
        for (int t = 0; t < trees; t++) treeSeeds[t] = master.nextLong();
        Tree[] forest = new Tree[trees];
        IntStream.range(0, trees).parallel().forEach(t -> {
            SplittableRandom rnd = new SplittableRandom(treeSeeds[t]);
            int[] sample = sampleWithoutReplacement(n, psi, rnd);
            forest[t] = new Tree(train, sample, maxDepth, rnd);
        });
        double norm = averagePathLength(psi);
        OutlierModel.Scorer scorer = x -> {
            double[] out = new double[x.length];
            int block = 128, blocks = (x.length + block - 1) / block;
            // tree-major within a block of rows keeps each tree in cache; every row still sums
            // its path lengths in tree order, so the result does not depend on the blocking
            IntStream.range(0, blocks).parallel().forEach(b -> {
                int from = b * block, to = Math.min(x.length, from + block);
                double[] h = new double[to - from];
                for (Tree tree : forest)
                    for (int i = from; i < to; i++) h[i - from] += tree.pathLength(x[i]);
                for (int i = from; i < to; i++) out[i] = Math.pow(2, -(h[i - from] / trees) / norm);
            });
            return out;
        };
        return OutlierModel.of(name(), train[0].length, scorer.score(train), scorer);
    }

    /** c(m): the average path length of an unsuccessful search in a binary search tree of m items. */
    static double averagePathLength(int m) {
        if (m <= 1) return 0;
        if (m == 2) return 1;
        return 2 * (Math.log(m - 1) + EULER) - 2.0 * (m - 1) / m;
    }

    private static int[] sampleWithoutReplacement(int n, int k, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = 0; i < k; i++) { // partial Fisher–Yates
            int j = i + rnd.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, k);
    }

    /** One isolation tree in flat arrays; leaves store the path-length correction c(size). */
    private static final class Tree {
        private int[] feature = new int[64];
        private double[] split = new double[64];
        private int[] left = new int[64], right = new int[64];
        private double[] leafValue = new double[64];
        private int nodes;
        private int[] scratch;

        Tree(double[][] x, int[] rows, int maxDepth, SplittableRandom rnd) {
            build(x, rows, 0, rows.length, 0, maxDepth, rnd);
            scratch = null;
            feature = java.util.Arrays.copyOf(feature, nodes);
            split = java.util.Arrays.copyOf(split, nodes);
            left = java.util.Arrays.copyOf(left, nodes);
            right = java.util.Arrays.copyOf(right, nodes);
            leafValue = java.util.Arrays.copyOf(leafValue, nodes);
        }

        /** The column order array (its state carries over between nodes; any permutation is fine). */
        private int[] columnScratch(int d) {
            if (scratch == null) {
                scratch = new int[d];
                for (int j = 0; j < d; j++) scratch[j] = j;
            }
            return scratch;
        }

        private int newNode() {
            if (nodes == feature.length) {
                int c = nodes * 2;
                feature = java.util.Arrays.copyOf(feature, c);
                split = java.util.Arrays.copyOf(split, c);
                left = java.util.Arrays.copyOf(left, c);
                right = java.util.Arrays.copyOf(right, c);
                leafValue = java.util.Arrays.copyOf(leafValue, c);
            }
            return nodes++;
        }

        private int build(double[][] x, int[] rows, int from, int to, int depth, int maxDepth, SplittableRandom rnd) {
            int node = newNode();
            int size = to - from;
            if (depth >= maxDepth || size <= 1) return leaf(node, size);
            // a column drawn uniformly among those not constant in this node: draw columns without
            // replacement (lazy Fisher–Yates) and keep the first that varies, so only that column's
            // range is computed (O(node size) instead of O(node size × d))
            int d = x[0].length;
            int[] cols = columnScratch(d);
            int col = -1;
            double lo = 0, hi = 0;
            for (int t = 0; t < d && col < 0; t++) {
                int r = t + rnd.nextInt(d - t);
                int c = cols[r];
                cols[r] = cols[t];
                cols[t] = c;
                double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
                for (int p = from; p < to; p++) {
                    double v = x[rows[p]][c];
                    if (v < mn) mn = v;
                    if (v > mx) mx = v;
                }
                if (mx > mn) {
                    col = c;
                    lo = mn;
                    hi = mx;
                }
            }
            if (col < 0) return leaf(node, size);
            double s = lo + rnd.nextDouble() * (hi - lo);
            if (s >= hi) s = lo; // rounding guard: keep the maximum on the right
            // partition rows: value ≤ s to the left (holds the minimum), > s to the right (holds the maximum)
            int i = from, j = to - 1;
            while (i <= j) {
                if (x[rows[i]][col] <= s) i++;
                else {
                    int t = rows[i];
                    rows[i] = rows[j];
                    rows[j] = t;
                    j--;
                }
            }
            feature[node] = col;
            split[node] = s;
            int l = build(x, rows, from, i, depth + 1, maxDepth, rnd);
            int r = build(x, rows, i, to, depth + 1, maxDepth, rnd);
            left[node] = l;
            right[node] = r;
            return node;
        }

        private int leaf(int node, int size) {
            feature[node] = -1;
            leafValue[node] = averagePathLength(size);
            return node;
        }

        double pathLength(double[] v) {
            int node = 0, depth = 0;
            while (feature[node] >= 0) {
                node = v[feature[node]] <= split[node] ? left[node] : right[node];
                depth++;
            }
            return depth + leafValue[node];
        }
    }
}
