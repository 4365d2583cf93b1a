package emolab.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * A tree model flattened into arrays, in the form TreeSHAP walks: binary trees whose internal
 * nodes send {@code x[feature] <= threshold} to the left ("true") child, each node's cover (the
 * training samples that reached it), and per-class leaf values already multiplied by the tree's
 * weight in the ensemble. The model output is {@code offset[c] + Σ_trees leafValue[c]}.
 *
 * <p>A tree either carries one value per class at its leaves (a random forest's posteriors) or
 * a single value added to one class (a multi-class gradient-boosting tree). Build one with
 * {@link Builder} or, for any model that answers {@code TreeEnsembleAccess}, {@link TreeShap#ensemble}.
 */
public final class TreeEnsemble {
    final int numFeatures;
    final int numClasses;
    final double[] offset;
    // per tree
    final int[] root;        // node index of each tree's root
    final int[] treeClass;   // -1: leaves hold numClasses values; else the class the single leaf value adds to
    final int[] maxDepth;
    // per node (all trees concatenated)
    final int[] feature;     // -1 for leaves
    final double[] threshold;
    final int[] left, right;
    final double[] cover;
    final int[] valueAt;     // index into values for leaves
    final double[] values;

    private TreeEnsemble(Builder b) {
        this.numFeatures = b.numFeatures;
        this.numClasses = b.numClasses;
        this.offset = b.offset.clone();
        this.root = b.roots.stream().mapToInt(Integer::intValue).toArray();
        this.treeClass = b.treeClass.stream().mapToInt(Integer::intValue).toArray();
        this.maxDepth = b.depths.stream().mapToInt(Integer::intValue).toArray();
        int n = b.feature.size();
        feature = new int[n];
        threshold = new double[n];
        left = new int[n];
        right = new int[n];
        cover = new double[n];
        valueAt = new int[n];
        for (int i = 0; i < n; i++) {
            feature[i] = b.feature.get(i);
            threshold[i] = b.threshold.get(i);
            left[i] = b.left.get(i);
            right[i] = b.right.get(i);
            cover[i] = b.cover.get(i);
            valueAt[i] = b.valueAt.get(i);
        }
        values = b.values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public int numFeatures() { return numFeatures; }

    public int numClasses() { return numClasses; }

    public int numTrees() { return root.length; }

    /** Total number of nodes. */
    public int numNodes() { return feature.length; }

    /** The deepest tree's depth (edges from root to its deepest leaf). */
    public int depth() {
        int m = 0;
        for (int v : maxDepth) m = Math.max(m, v);
        return m;
    }

    /** The model output per class for one row. */
    public double[] predict(double[] x) {
        double[] out = offset.clone();
        for (int t = 0; t < root.length; t++) {
            int node = root[t];
            while (feature[node] >= 0) node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            addLeaf(out, t, node, 1.0);
        }
        return out;
    }

    /** The model output per class for each row (rows in parallel). */
    public double[][] predict(double[][] x) {
        double[][] out = new double[x.length][];
        java.util.stream.IntStream.range(0, x.length).parallel().forEach(i -> out[i] = predict(x[i]));
        return out;
    }

    /**
     * The expected output per class when no feature is known: each tree's leaf values weighted by
     * the fraction of its training cover that reaches them. The TreeSHAP base value.
     */
    public double[] expectedValue() {
        double[] out = offset.clone();
        for (int t = 0; t < root.length; t++) expect(out, t, root[t], 1.0);
        return out;
    }

    private void expect(double[] out, int t, int node, double w) {
        if (feature[node] < 0) {
            addLeaf(out, t, node, w);
            return;
        }
        expect(out, t, left[node], w * cover[left[node]] / cover[node]);
        expect(out, t, right[node], w * cover[right[node]] / cover[node]);
    }

    void addLeaf(double[] out, int t, int node, double w) {
        int at = valueAt[node];
        if (treeClass[t] >= 0) out[treeClass[t]] += w * values[at];
        else for (int c = 0; c < numClasses; c++) out[c] += w * values[at + c];
    }

    /** Builds an ensemble tree by tree, node by node (pre-order not required). */
    public static Builder builder(int numFeatures, int numClasses) {
        return new Builder(numFeatures, numClasses);
    }

    /** Incremental construction of a {@link TreeEnsemble}. */
    public static final class Builder {
        private final int numFeatures, numClasses;
        private double[] offset;
        private final List<Integer> roots = new ArrayList<>(), treeClass = new ArrayList<>(), depths = new ArrayList<>();
        private final List<Integer> feature = new ArrayList<>(), left = new ArrayList<>(), right = new ArrayList<>(), valueAt = new ArrayList<>();
        private final List<Double> threshold = new ArrayList<>(), cover = new ArrayList<>(), values = new ArrayList<>();
        private int currentClass = -1;

        private Builder(int numFeatures, int numClasses) {
            if (numFeatures < 1) throw new IllegalArgumentException("numFeatures must be >= 1, got " + numFeatures);
            if (numClasses < 1) throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
            this.numFeatures = numFeatures;
            this.numClasses = numClasses;
            this.offset = new double[numClasses];
        }

        /** A constant added to every output (e.g. a boosting model's initial score). */
        public Builder offset(double[] offset) {
            if (offset.length != numClasses) throw new IllegalArgumentException("offset has " + offset.length + " values for " + numClasses + " classes");
            this.offset = offset.clone();
            return this;
        }

        /**
         * Starts a tree; {@code outputClass} = -1 when its leaves hold one value per class, else the
         * class its single leaf value adds to. Returns the index the root node will get.
         */
        public int beginTree(int outputClass) {
            if (outputClass < -1 || outputClass >= numClasses) throw new IllegalArgumentException("tree output class " + outputClass + " out of range");
            currentClass = outputClass;
            roots.add(feature.size());
            treeClass.add(outputClass);
            depths.add(0);
            return feature.size();
        }

        /** Reserves a node index; fill it with {@link #split} or {@link #leaf}. */
        public int newNode() {
            if (roots.isEmpty()) throw new IllegalStateException("beginTree first");
            feature.add(-2);
            threshold.add(Double.NaN);
            left.add(-1);
            right.add(-1);
            cover.add(Double.NaN);
            valueAt.add(-1);
            return feature.size() - 1;
        }

        /** An internal node: {@code x[feature] <= threshold} goes to {@code left}. */
        public Builder split(int node, int feat, double thr, int leftChild, int rightChild, double nodeCover) {
            if (feat < 0 || feat >= numFeatures) throw new IllegalArgumentException("split feature " + feat + " out of range 0.." + (numFeatures - 1));
            if (!(nodeCover > 0)) throw new IllegalArgumentException("node cover must be > 0, got " + nodeCover);
            feature.set(node, feat);
            threshold.set(node, thr);
            left.set(node, leftChild);
            right.set(node, rightChild);
            cover.set(node, nodeCover);
            return this;
        }

        /** A leaf with its cover and value(s): {@code numClasses} values, or one for a single-class tree. */
        public Builder leaf(int node, double nodeCover, double... value) {
            int expected = currentClass >= 0 ? 1 : numClasses;
            if (value.length != expected) throw new IllegalArgumentException("leaf has " + value.length + " values, expected " + expected);
            if (!(nodeCover > 0)) throw new IllegalArgumentException("node cover must be > 0, got " + nodeCover);
            feature.set(node, -1);
            cover.set(node, nodeCover);
            valueAt.set(node, values.size());
            for (double v : value) values.add(v);
            return this;
        }

        /** Records the depth of the current tree (needed to size TreeSHAP's path buffers). */
        public Builder depth(int depth) {
            depths.set(depths.size() - 1, Math.max(depths.get(depths.size() - 1), depth));
            return this;
        }

        public TreeEnsemble build() {
            if (roots.isEmpty()) throw new IllegalStateException("an ensemble needs at least one tree");
            for (int i = 0; i < feature.size(); i++)
                if (feature.get(i) == -2) throw new IllegalStateException("node " + i + " was never filled");
            return new TreeEnsemble(this);
        }
    }
}
