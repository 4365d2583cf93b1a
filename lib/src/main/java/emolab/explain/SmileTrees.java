package emolab.explain;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.base.cart.CART;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/**
 * Converts Smile 3.1.1 tree models into {@link TreeEnsemble}s whose output is exactly what the
 * Smile model predicts:
 * <ul>
 * <li>{@link RandomForest}: class probabilities = the OOB-accuracy-weighted mean of the trees'
 *     leaf posteriors (Smile's soft vote; leaves use Smile's Laplace-smoothed
 *     {@code (count + 1) / (n + k)}) — {@link OutputSpace#PROBABILITY}.</li>
 * <li>{@link DecisionTree}: its leaf posterior — {@link OutputSpace#PROBABILITY}.</li>
 * <li>{@link GradientTreeBoost}: the additive scores before the softmax —
 *     {@link OutputSpace#MARGIN}. Multi-class: {@code m_c = shrinkage · Σ_t tree_{c,t}(x)} and
 *     probabilities are {@code softmax(m)}; binary: Smile's {@code F = b + shrinkage · Σ_t tree_t(x)}
 *     with {@code P(class 1) = 1/(1+e^{-2F})}, written as margins {@code (−F, F)} so that again
 *     {@code P = softmax(m)}.</li>
 * </ul>
 * Smile's own {@code shap()} methods are not used as the engine: the forest's averages them
 * without the trees' weights and the boosting model's ignores the shrinkage and the initial
 * score, so neither adds up to the model's output (tests compare the per-tree values with
 * Smile's {@link CART#shap(smile.data.Tuple)}, which agree). Split thresholds and the boosting
 * model's shrinkage are private in Smile and read by reflection; a layout change in another
 * Smile version fails here with a clear message rather than giving wrong numbers.
 */
public final class SmileTrees {
    private SmileTrees() {}

    /** True when {@link #of(Object)} can convert {@code model}. */
    public static boolean supports(Object model) {
        return model instanceof RandomForest || model instanceof GradientTreeBoost || model instanceof DecisionTree;
    }

    /**
     * Dispatches on the model type.
     *
     * @throws IllegalArgumentException for any other model, naming its type
     */
    public static TreeEnsemble of(Object model) {
        if (model instanceof RandomForest rf) return randomForest(rf);
        if (model instanceof GradientTreeBoost gbt) return gradientTreeBoost(gbt);
        if (model instanceof DecisionTree dt) return decisionTree(dt);
        throw unsupported(model);
    }

    /** The output space the converted ensemble explains. */
    public static OutputSpace space(Object model) {
        if (model instanceof RandomForest || model instanceof DecisionTree) return OutputSpace.PROBABILITY;
        if (model instanceof GradientTreeBoost) return OutputSpace.MARGIN;
        throw unsupported(model);
    }

    /** The predictor names in the order of the model's feature indices. */
    public static List<String> featureNames(Object model) {
        StructType schema;
        if (model instanceof RandomForest rf) schema = rf.schema();
        else if (model instanceof GradientTreeBoost gbt) schema = gbt.schema();
        else if (model instanceof DecisionTree dt) schema = dt.schema();
        else throw unsupported(model);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < schema.length(); j++) names.add(schema.field(j).name);
        return names;
    }

    static IllegalArgumentException unsupported(Object model) {
        return new IllegalArgumentException("TreeSHAP does not support " + (model == null ? "null" : model.getClass().getName())
                + "; supported: Smile RandomForest, GradientTreeBoost, DecisionTree (use KernelShap for other models)");
    }

    /** A Smile random forest (probability space, trees weighted as in Smile's soft vote). */
    public static TreeEnsemble randomForest(RandomForest rf) {
        RandomForest.Model[] models = rf.models();
        int k = rf.numClasses(), d = rf.schema().length();
        double total = 0;
        for (RandomForest.Model m : models) total += m.weight;
        if (!(total > 0)) throw new IllegalArgumentException("random forest has no positive tree weights");
        TreeEnsemble.Builder b = TreeEnsemble.builder(d, k);
        for (RandomForest.Model m : models) add(b, m.tree, -1, k, m.weight / total);
        return b.build();
    }

    /** One Smile classification tree (probability space). */
    public static TreeEnsemble decisionTree(DecisionTree tree) {
        Node n = tree.root();
        while (n instanceof InternalNode in) n = in.trueChild();
        if (!(n instanceof DecisionNode leaf)) throw new IllegalArgumentException("not a classification tree: leaf " + n.getClass().getName());
        int k = leaf.count().length; // a forest's trees carry no class set of their own
        TreeEnsemble.Builder b = TreeEnsemble.builder(tree.schema().length(), k);
        add(b, tree, -1, k, 1.0);
        return b.build();
    }

    /** One Smile regression tree as a single-output ensemble (its prediction). */
    public static TreeEnsemble regressionTree(RegressionTree tree) {
        TreeEnsemble.Builder b = TreeEnsemble.builder(tree.schema().length(), 1);
        add(b, tree, 0, 1, 1.0);
        return b.build();
    }

    /** A Smile gradient-boosted model in margin space (see the class comment). */
    public static TreeEnsemble gradientTreeBoost(GradientTreeBoost gbt) {
        int k = gbt.numClasses(), d = gbt.schema().length();
        double shrinkage = (double) read(gbt, "shrinkage");
        TreeEnsemble.Builder b = TreeEnsemble.builder(d, k);
        if (k == 2) {
            double intercept = (double) read(gbt, "b");
            b.offset(new double[] {-intercept, intercept});
            for (RegressionTree t : (RegressionTree[]) read(gbt, "trees")) add(b, t, -2, 2, shrinkage);
        } else {
            RegressionTree[][] forest = (RegressionTree[][]) read(gbt, "forest");
            if (forest.length != k) throw new IllegalStateException("GradientTreeBoost has " + forest.length + " tree lists for " + k + " classes");
            for (int c = 0; c < k; c++) for (RegressionTree t : forest[c]) add(b, t, c, k, shrinkage);
        }
        return b.build();
    }

    /**
     * Adds one CART. {@code cls} = -1: leaves hold k posteriors; {@code cls} >= 0: single value for
     * that class; {@code cls} = -2: binary margin tree, leaf value v becomes (−v, v).
     */
    private static void add(TreeEnsemble.Builder b, CART tree, int cls, int k, double scale) {
        int root = b.beginTree(cls == -2 ? -1 : cls);
        int depth = flatten(b, tree.root(), b.newNode(), cls, k, scale, 0);
        b.depth(depth);
        assert root >= 0;
    }

    private static int flatten(TreeEnsemble.Builder b, Node node, int id, int cls, int k, double scale, int depth) {
        if (node instanceof InternalNode in) {
            if (!(in instanceof OrdinalNode))
                throw new IllegalArgumentException("TreeSHAP supports numeric (ordinal) splits only; found " + in.getClass().getSimpleName()
                        + " on feature " + in.feature());
            int l = b.newNode(), r = b.newNode();
            b.split(id, in.feature(), threshold((OrdinalNode) in), l, r, in.size());
            int dl = flatten(b, in.trueChild(), l, cls, k, scale, depth + 1);
            int dr = flatten(b, in.falseChild(), r, cls, k, scale, depth + 1);
            return Math.max(dl, dr);
        }
        if (node instanceof DecisionNode dn) {
            if (cls != -1) throw new IllegalArgumentException("classification leaf in a regression tree");
            double[] p = dn.posteriori(new double[dn.count().length]);
            if (p.length != k) throw new IllegalArgumentException("leaf has " + p.length + " class counts, model has " + k + " classes");
            for (int c = 0; c < k; c++) p[c] *= scale;
            b.leaf(id, dn.size(), p);
        } else if (node instanceof RegressionNode rn) {
            double v = rn.output() * scale;
            if (cls == -2) b.leaf(id, rn.size(), -v, v);
            else if (cls >= 0) b.leaf(id, rn.size(), v);
            else throw new IllegalArgumentException("regression leaf in a classification tree");
        } else {
            throw new IllegalArgumentException("unsupported Smile tree node " + node.getClass().getName());
        }
        return depth;
    }

    private static final Field ORDINAL_VALUE = field(OrdinalNode.class, "value");

    private static double threshold(OrdinalNode node) {
        try {
            return ORDINAL_VALUE.getDouble(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the split threshold of a Smile OrdinalNode", e);
        }
    }

    private static Object read(Object owner, String name) {
        try {
            return field(owner.getClass(), name).get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + owner.getClass().getSimpleName() + "." + name, e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("Smile " + type.getSimpleName() + " has no accessible field '" + name
                    + "' (EmoLab's TreeSHAP adapter is written for Smile 3.1.1)", e);
        }
    }
}
