package emolab.classify.models;

import java.util.ArrayList;
import java.util.List;

import emolab.classify.TreeEnsembleAccess;
import smile.base.cart.CART;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/**
 * Smile 3.1.1 tree models as {@link TreeEnsembleAccess}, read through Smile's public API only
 * ({@code root()}, {@code models()}, {@code trees()}, the nodes' children, features, sizes and
 * leaf outputs), so the flattened model predicts exactly what Smile predicts:
 * <ul>
 * <li>{@link RandomForest}: probabilities = the OOB-accuracy-weighted mean of the trees' leaf
 *     posteriors (Smile's soft vote; Laplace-smoothed {@code (count + 1) / (n + k)}).</li>
 * <li>{@link DecisionTree}: its leaf posterior.</li>
 * <li>{@link GradientTreeBoost}: margins. Multi-class {@code m_c = shrinkage · Σ_t tree_{c,t}(x)}
 *     (Smile's {@code trees()} lists class 0's trees, then class 1's, ...), probabilities
 *     {@code softmax(m)}; binary {@code F = b + shrinkage · Σ_t tree_t(x)}, written as margins
 *     {@code (−F, F)}. Smile keeps the shrinkage and {@code b} private: the caller passes the
 *     values the model was fitted with (see {@code GradientBoosting}).</li>
 * </ul>
 * A split's threshold is package-private in Smile's {@code OrdinalNode}; it is recovered exactly
 * from the public {@code branch(x)} ({@code x[feature] <= threshold}) by a binary search over the
 * ordered doubles: the threshold is the largest double that still branches left.
 */
public final class SmileTreeAccess implements TreeEnsembleAccess {
    private final Output output;
    private final int numFeatures, numClasses;
    private final double[] offset;
    private final List<Flat> trees = new ArrayList<>();

    /** One tree as arrays; {@code values[node]} the leaf's values (null at internal nodes). */
    private record Flat(int cls, double weight, int[] feature, double[] threshold, int[] left, int[] right, double[] cover,
                        double[][] values, int depth) {}

    private SmileTreeAccess(Output output, int numFeatures, int numClasses, double[] offset) {
        this.output = output;
        this.numFeatures = numFeatures;
        this.numClasses = numClasses;
        this.offset = offset;
    }

    /** A Smile random forest (probability space, trees weighted as in Smile's soft vote). */
    public static SmileTreeAccess of(RandomForest rf) {
        RandomForest.Model[] models = rf.models();
        int k = rf.numClasses();
        double total = 0;
        for (RandomForest.Model m : models) total += m.weight;
        if (!(total > 0)) throw new IllegalArgumentException("random forest has no positive tree weights");
        SmileTreeAccess a = new SmileTreeAccess(Output.PROBABILITY, rf.schema().length(), k, new double[k]);
        for (RandomForest.Model m : models) a.add(m.tree, rf.schema(), -1, k, m.weight / total, false);
        return a;
    }

    /** One Smile classification tree (probability space). */
    public static SmileTreeAccess of(DecisionTree tree) {
        Node n = tree.root();
        while (n instanceof InternalNode in) n = in.trueChild();
        if (!(n instanceof DecisionNode leaf)) throw new IllegalArgumentException("not a classification tree: leaf " + n.getClass().getName());
        int k = leaf.count().length; // a forest's trees carry no class set of their own
        SmileTreeAccess a = new SmileTreeAccess(Output.PROBABILITY, tree.schema().length(), k, new double[k]);
        a.add(tree, tree.schema(), -1, k, 1.0, false);
        return a;
    }

    /**
     * A Smile gradient-boosted model in margin space, given the {@code shrinkage} it was fitted
     * with and, for two classes, its initial score {@code intercept} (Smile's
     * {@code Loss.logistic(y).intercept(null)}).
     */
    public static SmileTreeAccess of(GradientTreeBoost gbt, double shrinkage, double intercept) {
        int k = gbt.numClasses(), d = gbt.schema().length();
        if (!(shrinkage > 0)) throw new IllegalArgumentException("GradientTreeBoost: shrinkage must be > 0, got " + shrinkage);
        RegressionTree[] all = gbt.trees();
        if (k == 2) {
            if (!Double.isFinite(intercept)) throw new IllegalArgumentException("binary GradientTreeBoost needs its intercept, got " + intercept);
            SmileTreeAccess a = new SmileTreeAccess(Output.MARGIN, d, 2, new double[] {-intercept, intercept});
            for (RegressionTree t : all) a.add(t, gbt.schema(), -1, 2, shrinkage, true);
            return a;
        }
        if (all.length % k != 0) throw new IllegalStateException("GradientTreeBoost has " + all.length + " trees for " + k + " classes");
        int perClass = all.length / k;
        SmileTreeAccess a = new SmileTreeAccess(Output.MARGIN, d, k, new double[k]);
        for (int i = 0; i < all.length; i++) a.add(all[i], gbt.schema(), i / perClass, k, shrinkage, false);
        return a;
    }

    /** One Smile regression tree as a single-output ensemble (its prediction). */
    public static SmileTreeAccess of(RegressionTree tree) {
        SmileTreeAccess a = new SmileTreeAccess(Output.MARGIN, tree.schema().length(), 1, new double[1]);
        a.add(tree, tree.schema(), 0, 1, 1.0, false);
        return a;
    }

    /**
     * Adds one CART. {@code cls} = −1: leaves hold k posteriors (or, {@code binaryMargin}, a
     * regression output v becomes (−v, v)); {@code cls} ≥ 0: a single value for that class.
     */
    private void add(CART tree, StructType schema, int cls, int k, double weight, boolean binaryMargin) {
        List<Node> nodes = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        nodes.add(tree.root());
        children.add(null);
        // ids in the order the previous flattening used: a node's two children are numbered before either subtree
        int depth = number(tree.root(), 0, nodes, children, 0);
        int n = nodes.size();
        int[] feature = new int[n], left = new int[n], right = new int[n];
        double[] threshold = new double[n], cover = new double[n];
        double[][] values = new double[n][];
        double[] probe = new double[schema.length()];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            if (node instanceof InternalNode in) {
                if (!(in instanceof OrdinalNode on))
                    throw new IllegalArgumentException("TreeSHAP supports numeric (ordinal) splits only; found " + in.getClass().getSimpleName()
                            + " on feature " + in.feature());
                feature[i] = in.feature();
                threshold[i] = threshold(on, probe, schema);
                left[i] = children.get(i)[0];
                right[i] = children.get(i)[1];
                cover[i] = in.size();
            } else {
                feature[i] = -1;
                left[i] = right[i] = -1;
                values[i] = leaf(node, cls, k, binaryMargin);
                cover[i] = ((smile.base.cart.LeafNode) node).size();
            }
        }
        trees.add(new Flat(cls, weight, feature, threshold, left, right, cover, values, depth));
    }

    private static int number(Node node, int id, List<Node> nodes, List<int[]> children, int depth) {
        if (!(node instanceof InternalNode in)) return depth;
        int l = nodes.size();
        nodes.add(in.trueChild());
        children.add(null);
        int r = nodes.size();
        nodes.add(in.falseChild());
        children.add(null);
        children.set(id, new int[] {l, r});
        int dl = number(in.trueChild(), l, nodes, children, depth + 1);
        int dr = number(in.falseChild(), r, nodes, children, depth + 1);
        return Math.max(dl, dr);
    }

    private static double[] leaf(Node node, int cls, int k, boolean binaryMargin) {
        if (node instanceof DecisionNode dn) {
            if (cls != -1 || binaryMargin) throw new IllegalArgumentException("classification leaf in a regression tree");
            double[] p = dn.posteriori(new double[dn.count().length]);
            if (p.length != k) throw new IllegalArgumentException("leaf has " + p.length + " class counts, model has " + k + " classes");
            return p;
        }
        if (node instanceof RegressionNode rn) {
            double v = rn.output();
            if (binaryMargin) return new double[] {-v, v};
            if (cls >= 0) return new double[] {v};
            throw new IllegalArgumentException("regression leaf in a classification tree");
        }
        throw new IllegalArgumentException("unsupported Smile tree node " + node.getClass().getName());
    }

    /** The largest double that {@code node.branch} still sends left: exactly the node's threshold. */
    static double threshold(OrdinalNode node, double[] probe, StructType schema) {
        int f = node.feature();
        long lo = key(Double.NEGATIVE_INFINITY), hi = key(Double.POSITIVE_INFINITY);
        if (!left(node, probe, schema, f, Double.NEGATIVE_INFINITY))
            throw new IllegalStateException("Smile split on feature " + f + " sends nothing left (NaN threshold?)");
        if (left(node, probe, schema, f, Double.POSITIVE_INFINITY)) return Double.POSITIVE_INFINITY;
        while (lo + 1 < hi) { // invariant: value(lo) goes left, value(hi) does not (hi − lo may exceed a long)
            long mid = (lo & hi) + ((lo ^ hi) >> 1); // floor of the mean, without overflow
            if (left(node, probe, schema, f, value(mid))) lo = mid;
            else hi = mid;
        }
        return value(lo);
    }

    private static boolean left(OrdinalNode node, double[] probe, StructType schema, int f, double v) {
        probe[f] = v;
        return node.branch(Tuple.of(probe, schema));
    }

    /** Doubles in order as longs (−0.0 just below +0.0). */
    private static long key(double v) {
        long b = Double.doubleToRawLongBits(v);
        return b < 0 ? b ^ Long.MAX_VALUE : b;
    }

    private static double value(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MAX_VALUE : key);
    }

    @Override public Output output() { return output; }

    @Override public int numTrees() { return trees.size(); }

    @Override public int numFeatures() { return numFeatures; }

    @Override public int numClasses() { return numClasses; }

    @Override public double[] offset() { return offset.clone(); }

    @Override public int treeClass(int tree) { return trees.get(tree).cls(); }

    @Override public double weight(int tree) { return trees.get(tree).weight(); }

    @Override public int[] feature(int tree) { return trees.get(tree).feature().clone(); }

    @Override public double[] threshold(int tree) { return trees.get(tree).threshold().clone(); }

    @Override public int[] leftChild(int tree) { return trees.get(tree).left().clone(); }

    @Override public int[] rightChild(int tree) { return trees.get(tree).right().clone(); }

    @Override public double[] cover(int tree) { return trees.get(tree).cover().clone(); }

    @Override
    public double[] leafValue(int tree, int node) {
        double[] v = trees.get(tree).values()[node];
        if (v == null) throw new IllegalArgumentException("node " + node + " of tree " + tree + " is not a leaf");
        return v.clone();
    }

    @Override public int depth(int tree) { return trees.get(tree).depth(); }
}
