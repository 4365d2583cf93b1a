package emolab.classify.models;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import emolab.classify.Classifier;
import emolab.classify.FeatureImportance;
import emolab.classify.TreeEnsembleAccess;

/**
 * Random forest grown the way scikit-learn's {@code RandomForestClassifier} grows its trees —
 * exact best splits (every distinct value of a feature is a candidate threshold, thresholds
 * halfway between neighbouring values, {@code x ≤ t} goes left), depth first, a node split while
 * it holds at least 2 rows, is impure and above {@code max_depth}, children of at least
 * {@code min_samples_leaf} rows; each split looks at features drawn without replacement until
 * {@code mtry} features that are not constant in the node have been examined; bootstrap rows
 * enter with their draw counts as weights. Predictions average the trees' leaf class
 * frequencies (soft voting).
 *
 * <p>Why it is fast: each feature is ranked once (value → dense rank), and a node sorts its rows
 * by rank with a primitive sort (or a counting pass when the node is large against the number of
 * distinct values), so a node of m rows costs O(m log m) per examined feature; the impurity of
 * both sides is updated in O(1) per row from a table of c·ln c over the integer weights. Trees
 * grow in parallel, each from its own seed (drawn from {@code random_state}), so the forest does
 * not depend on the thread count. {@code RankForestTest} checks every split against a brute-force
 * search over all thresholds.
 */
final class RankForest implements Classifier.ProbabilisticEngine, FeatureImportance, TreeEnsembleAccess {
    private static final long serialVersionUID = 1L;

    /** Growth settings. {@code subsample} 1 = bootstrap of n rows with replacement, below 1 = that fraction without. */
    record Settings(int trees, boolean entropy, int mtry, int maxDepth, int minLeaf, double subsample, long seed) implements Serializable {}

    private final Tree[] trees;
    private final int k;
    private final double[] importance;

    private RankForest(Tree[] trees, int k, double[] importance) {
        this.trees = trees;
        this.k = k;
        this.importance = importance;
    }

    /**
     * One fitted tree: node arrays (leaf: feature −1, {@code left} = offset of its k class
     * frequencies in {@code leafProba}, {@code right} −1), the training weight per node, its depth.
     */
    record Tree(int[] feature, double[] threshold, int[] left, int[] right, float[] leafProba, double[] cover, int depth)
            implements Serializable {
        int leafOffset(double[] x) {
            int node = 0;
            while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            return left[node];
        }
    }

    static RankForest fit(double[][] x, int[] y, int k, Settings s) {
        Ranked data = Ranked.of(x);
        long[] seeds = new Random(s.seed()).longs(s.trees()).toArray();
        Tree[] trees = new Tree[s.trees()];
        double[][] imps = new double[s.trees()][];
        IntStream.range(0, s.trees()).parallel().forEach(t -> {
            Grower g = new Grower(data, y, k, s, new SplittableRandom(seeds[t]));
            trees[t] = g.grow();
            imps[t] = g.importance;
        });
        double[] imp = new double[x[0].length];
        for (double[] a : imps) for (int j = 0; j < imp.length; j++) imp[j] += a[j];
        return new RankForest(trees, k, imp);
    }

    /** Fits one tree on all rows (weights 1), every feature examined at each split: for tests. */
    static Tree fitOneTree(double[][] x, int[] y, int k, boolean entropy, int minLeaf) {
        Settings s = new Settings(1, entropy, x[0].length, 0, minLeaf, 1.0, 0);
        Grower g = new Grower(Ranked.of(x), y, k, s, new SplittableRandom(0));
        g.noBootstrap = true;
        return g.grow();
    }

    Tree[] trees() {
        return trees;
    }

    @Override
    public int numTrees() {
        return trees.length;
    }

    @Override
    public int numFeatures() {
        return importance.length;
    }

    @Override
    public int numClasses() {
        return k;
    }

    @Override
    public int[] feature(int tree) {
        return trees[tree].feature().clone();
    }

    @Override
    public double[] threshold(int tree) {
        return trees[tree].threshold().clone();
    }

    @Override
    public int[] leftChild(int tree) {
        Tree t = trees[tree];
        int[] out = t.left().clone();
        for (int i = 0; i < out.length; i++) if (t.feature()[i] < 0) out[i] = -1;
        return out;
    }

    @Override
    public int[] rightChild(int tree) {
        return trees[tree].right().clone();
    }

    @Override
    public double[] cover(int tree) {
        return trees[tree].cover().clone();
    }

    @Override
    public double[] leafValue(int tree, int node) {
        Tree t = trees[tree];
        if (t.feature()[node] >= 0) throw new IllegalArgumentException("node " + node + " of tree " + tree + " is not a leaf");
        double[] v = new double[k];
        for (int c = 0; c < k; c++) v[c] = t.leafProba()[t.left()[node] + c];
        return v;
    }

    @Override
    public int depth(int tree) {
        return trees[tree].depth();
    }

    @Override
    public double[][] predictProba(double[][] x) {
        double[][] out = new double[x.length][];
        IntStream.range(0, x.length).parallel().forEach(i -> {
            double[] p = new double[k];
            for (Tree t : trees) {
                int o = t.leafOffset(x[i]);
                for (int c = 0; c < k; c++) p[c] += t.leafProba()[o + c];
            }
            for (int c = 0; c < k; c++) p[c] /= trees.length;
            out[i] = p;
        });
        return out;
    }

    @Override
    public Output output() {
        return Output.PROBABILITY;
    }

    @Override
    public double weight(int tree) {
        return 1.0 / trees.length;
    }

    @Override
    public double[] featureImportance() {
        return importance.clone();
    }

    @Override
    public Classifier.ImportanceKind importanceKind() {
        return Classifier.ImportanceKind.IMPURITY;
    }

    /** The training rows ranked per feature: {@code rank[j][i]} dense rank of x[i][j], {@code value[j][r]} the r-th distinct value. */
    record Ranked(int n, int d, int[][] rank, double[][] value) {
        static Ranked of(double[][] x) {
            int n = x.length, d = x[0].length;
            int[][] rank = new int[d][n];
            double[][] value = new double[d][];
            IntStream.range(0, d).parallel().forEach(j -> {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) col[i] = x[i][j];
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) order[i] = i;
                Arrays.sort(order, (a, b) -> Double.compare(col[a], col[b]));
                double[] vals = new double[n];
                int r = -1;
                for (int p = 0; p < n; p++) {
                    double v = col[order[p]];
                    if (r < 0 || v != vals[r]) vals[++r] = v;
                    rank[j][order[p]] = r;
                }
                value[j] = Arrays.copyOf(vals, r + 1);
            });
            return new Ranked(n, d, rank, value);
        }
    }

    /** Grows one tree. */
    private static final class Grower {
        final Ranked data;
        final int[] y;
        final int k;
        final Settings s;
        final SplittableRandom rnd;
        final double[] importance;
        boolean noBootstrap;

        // node arrays
        int[] feature = new int[64], left = new int[64], right = new int[64];
        double[] threshold = new double[64], cover = new double[64];
        float[] leafProba = new float[64];
        int nodes, leafFloats, maxDepth;

        // work
        int[] rows, w, features;
        long[] keys;
        double[] clogc; // c·ln c for integer c
        int[] countsL, countsR, countsNode;

        Grower(Ranked data, int[] y, int k, Settings s, SplittableRandom rnd) {
            this.data = data;
            this.y = y;
            this.k = k;
            this.s = s;
            this.rnd = rnd;
            this.importance = new double[data.d()];
        }

        Tree grow() {
            int n = data.n();
            w = new int[n];
            if (noBootstrap) {
                Arrays.fill(w, 1);
            } else if (s.subsample() >= 1.0) {
                for (int t = 0; t < n; t++) w[rnd.nextInt(n)]++;
            } else {
                int m = Math.max(1, (int) Math.round(s.subsample() * n));
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) perm[i] = i;
                for (int i = 0; i < m; i++) {
                    int j = i + rnd.nextInt(n - i);
                    int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
                    w[perm[i]] = 1;
                }
            }
            int m = 0;
            for (int v : w) if (v > 0) m++;
            rows = new int[m];
            for (int i = 0, p = 0; i < n; i++) if (w[i] > 0) rows[p++] = i;
            int total = 0;
            for (int v : w) total += v;
            clogc = new double[total + 1];
            for (int c = 1; c <= total; c++) clogc[c] = c * Math.log(c);
            keys = new long[m];
            features = new int[data.d()];
            for (int j = 0; j < features.length; j++) features[j] = j;
            countsL = new int[k];
            countsR = new int[k];
            countsNode = new int[k];
            build(0, m, 0);
            return new Tree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes), Arrays.copyOf(left, nodes),
                    Arrays.copyOf(right, nodes), Arrays.copyOf(leafProba, leafFloats), Arrays.copyOf(cover, nodes), maxDepth);
        }

        private int newNode() {
            if (nodes == feature.length) {
                int c = nodes * 2;
                feature = Arrays.copyOf(feature, c);
                left = Arrays.copyOf(left, c);
                right = Arrays.copyOf(right, c);
                threshold = Arrays.copyOf(threshold, c);
                cover = Arrays.copyOf(cover, c);
            }
            return nodes++;
        }

        /** Impurity × weight of a side with class weights {@code c} and total {@code n}: entropy n·H (nats) or gini n·G. */
        private double cost(int[] c, int n) {
            if (n == 0) return 0;
            if (s.entropy()) {
                double v = clogc[n];
                for (int q = 0; q < k; q++) v -= clogc[c[q]];
                return v;
            }
            double sq = 0;
            for (int q = 0; q < k; q++) sq += (double) c[q] * c[q];
            return n - sq / n;
        }

        /** Builds the subtree of rows[from, to) at {@code depth}; returns its node id. */
        private int build(int from, int to, int depth) {
            int node = newNode();
            int[] cn = new int[k];
            int wn = 0;
            for (int p = from; p < to; p++) {
                int i = rows[p];
                cn[y[i]] += w[i];
                wn += w[i];
            }
            cover[node] = wn;
            maxDepth = Math.max(maxDepth, depth);
            int classes = 0;
            for (int v : cn) if (v > 0) classes++;
            int m = to - from;
            boolean canSplit = classes > 1 && m >= 2 && m >= 2 * s.minLeaf() && (s.maxDepth() == 0 || depth < s.maxDepth());
            int bestF = -1, bestRank = -1, bestNext = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            if (canSplit) {
                int visited = 0, d = features.length;
                for (int t = 0; t < d && visited < s.mtry(); t++) {
                    int pick = t + rnd.nextInt(d - t);
                    int f = features[pick];
                    features[pick] = features[t];
                    features[t] = f;
                    int[] rk = data.rank()[f];
                    // sort the node's rows by rank of f (key = rank << 32 | row)
                    for (int p = from; p < to; p++) keys[p - from] = ((long) rk[rows[p]] << 32) | rows[p];
                    Arrays.sort(keys, 0, m);
                    if ((int) (keys[0] >>> 32) == (int) (keys[m - 1] >>> 32)) continue; // constant here
                    visited++;
                    Arrays.fill(countsL, 0);
                    System.arraycopy(cn, 0, countsR, 0, k);
                    int wl = 0;
                    double sumL = 0, sumR = 0; // Σ_c c·ln c of each side (entropy), Σ c² (gini)
                    for (int q = 0; q < k; q++) sumR += s.entropy() ? clogc[cn[q]] : (double) cn[q] * cn[q];
                    for (int p = 0; p < m - 1; p++) {
                        int i = (int) keys[p];
                        int c = y[i], wi = w[i];
                        if (s.entropy()) {
                            sumL += clogc[countsL[c] + wi] - clogc[countsL[c]];
                            sumR += clogc[countsR[c] - wi] - clogc[countsR[c]];
                        } else {
                            sumL += (double) (countsL[c] + wi) * (countsL[c] + wi) - (double) countsL[c] * countsL[c];
                            sumR += (double) (countsR[c] - wi) * (countsR[c] - wi) - (double) countsR[c] * countsR[c];
                        }
                        countsL[c] += wi;
                        countsR[c] -= wi;
                        wl += wi;
                        int r0 = (int) (keys[p] >>> 32), r1 = (int) (keys[p + 1] >>> 32);
                        if (r0 == r1) continue;
                        if (p + 1 < s.minLeaf() || m - p - 1 < s.minLeaf()) continue;
                        int wr = wn - wl;
                        double cost = s.entropy() ? clogc[wl] - sumL + clogc[wr] - sumR : wl - sumL / wl + wr - sumR / wr;
                        if (bestF < 0 || cost < bestCost - 1e-12 * Math.max(1.0, bestCost)) { // ties (to rounding): the first found
                            bestCost = cost;
                            bestF = f;
                            bestRank = r0;
                            bestNext = r1;
                        }
                    }
                }
            }
            double nodeCost = cost(cn, wn);
            if (bestF < 0) { // as sklearn: any valid split is taken, even one that does not lower the impurity
                feature[node] = -1;
                if (leafFloats + k > leafProba.length) leafProba = Arrays.copyOf(leafProba, Math.max(2 * leafProba.length, leafFloats + k));
                left[node] = leafFloats;
                for (int c = 0; c < k; c++) leafProba[leafFloats + c] = (float) ((double) cn[c] / wn);
                leafFloats += k;
                right[node] = -1;
                return node;
            }
            importance[bestF] += nodeCost - bestCost;
            double[] vals = data.value()[bestF];
            double thr = (vals[bestRank] + vals[bestNext]) / 2; // halfway to the node's next value, as sklearn
            if (thr == vals[bestNext]) thr = vals[bestRank]; // no representable midpoint (sklearn's rule)
            feature[node] = bestF;
            threshold[node] = thr;
            // partition rows[from, to): rank ≤ bestRank first (stable)
            int[] rk = data.rank()[bestF];
            int[] tmp = new int[m];
            int l = 0, r = m;
            for (int p = from; p < to; p++) if (rk[rows[p]] <= bestRank) tmp[l++] = rows[p];
            for (int p = to - 1; p >= from; p--) if (rk[rows[p]] > bestRank) tmp[--r] = rows[p];
            System.arraycopy(tmp, 0, rows, from, m);
            int a = build(from, from + l, depth + 1);
            int b = build(from + l, to, depth + 1);
            left[node] = a;
            right[node] = b;
            return node;
        }
    }
}
