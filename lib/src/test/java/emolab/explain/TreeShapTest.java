package emolab.explain;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import emolab.classify.Classifier;
import emolab.prep.LabeledData;
import emolab.classify.TreeEnsembleAccess;
import emolab.classify.models.Classifiers;
import emolab.classify.models.SmileTreeAccess;
import org.junit.jupiter.api.Test;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * TreeSHAP, on models reached through {@link TreeEnsembleAccess} (no reflection), against three oracles: brute-force Shapley values of the same path-dependent value
 * function (all 2^d coalitions; tolerance 1e-12, rounding only), Smile's own per-tree
 * {@code CART.shap} (1e-12), and additivity on models fitted to the course's prepared table
 * (base + Σφ = model output within 1e-6, the bound; measured values are printed).
 */
class TreeShapTest {

    /** Random data with 6 features and 3 classes whose label depends on interactions. */
    static LabeledData synthetic(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) x[i][j] = r.nextGaussian();
            double s = x[i][0] * x[i][1] + x[i][2] - 0.5 * x[i][3] + 0.3 * r.nextGaussian();
            y[i] = s < -0.5 ? 0 : s < 0.7 ? 1 : 2;
        }
        return new LabeledData(x, y, new String[] {"lo", "mid", "hi"}, null, List.of("a", "b", "c", "d", "e", "f"));
    }

    /** Path-dependent conditional expectation of tree t given the features in mask (TreeSHAP's value function). */
    static double condExpect(TreeEnsemble e, int t, int node, double[] x, int mask, int c) {
        if (e.feature[node] < 0) {
            int at = e.valueAt[node];
            if (e.treeClass[t] >= 0) return e.treeClass[t] == c ? e.values[at] : 0;
            return e.values[at + c];
        }
        int f = e.feature[node];
        if ((mask >>> f & 1) != 0)
            return condExpect(e, t, x[f] <= e.threshold[node] ? e.left[node] : e.right[node], x, mask, c);
        return (e.cover[e.left[node]] * condExpect(e, t, e.left[node], x, mask, c)
                + e.cover[e.right[node]] * condExpect(e, t, e.right[node], x, mask, c)) / e.cover[node];
    }

    static double[][] bruteForce(TreeEnsemble e, double[] x) {
        int d = e.numFeatures(), k = e.numClasses();
        double[][] v = new double[1 << d][k];
        for (int mask = 0; mask < 1 << d; mask++)
            for (int c = 0; c < k; c++) {
                double s = e.offset[c];
                for (int t = 0; t < e.numTrees(); t++) s += condExpect(e, t, e.root[t], x, mask, c);
                v[mask][c] = s;
            }
        double[][] phi = new double[k][d];
        for (int mask = 0; mask < 1 << d; mask++) {
            int s = Integer.bitCount(mask);
            double w = 1.0 / (d * KernelShap.binomial(d - 1, s));
            for (int j = 0; j < d; j++) {
                if ((mask >>> j & 1) != 0) continue;
                for (int c = 0; c < k; c++) phi[c][j] += w * (v[mask | 1 << j][c] - v[mask][c]);
            }
        }
        return phi;
    }

    @Test
    void matchesBruteForceShapleyOnSmallForestAndBoosting() {
        LabeledData data = synthetic(300, 3);
        Classifier rf = TreeModels.smileForest(data, 8, 5), own = Classifiers.randomForest().with("n_estimators", 6)
                .with("max_depth", 5).with("random_state", 2).fit(data);
        Classifier gbt = TreeModels.boosting(data, 10, 5);
        for (Classifier model : List.of(rf, own, gbt)) {
            TreeShap ts = TreeShap.of(model);
            double worst = 0;
            for (int i = 0; i < 12; i++) {
                double[][] got = ts.shap(data.x()[i]);
                double[][] want = bruteForce(ts.ensemble(), data.x()[i]);
                for (int c = 0; c < 3; c++) for (int j = 0; j < 6; j++) worst = Math.max(worst, Math.abs(got[c][j] - want[c][j]));
            }
            System.out.printf("TreeSHAP vs brute force (%s): max |diff| = %.2e%n", model.spec(), worst);
            assertTrue(worst < 1e-12, "TreeSHAP differs from brute-force Shapley values by " + worst);
        }
    }

    /** A Smile data frame of the data with the int column "label". */
    static DataFrame frame(LabeledData d) {
        return DataFrame.of(d.x(), d.featureNames().toArray(new String[0])).merge(IntVector.of("label", d.y()));
    }

    @Test
    void perTreeValuesEqualSmilesCartShap() {
        LabeledData data = synthetic(300, 4);
        DataFrame df = frame(data);
        DecisionTree tree = DecisionTree.fit(Formula.lhs("label"), df);
        RandomForest rf = RandomForest.fit(Formula.lhs("label"), df, 5, 2, smile.base.cart.SplitRule.GINI, 20, 60, 5, 1.0, null,
                java.util.stream.LongStream.of(11, 12, 13, 14, 15));
        double worst = 0;
        for (int i = 0; i < 40; i++) {
            double[] smile = tree.shap(df.get(i)); // layout [feature * k + class]
            double[][] ours = TreeShap.of(SmileTreeAccess.of(tree), null, null).shap(data.x()[i]);
            for (int j = 0; j < 6; j++) for (int c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(smile[j * 3 + c] - ours[c][j]));
            for (DecisionTree t : rf.trees()) {
                double[] s2 = t.shap(Tuple.of(data.x()[i], rf.schema()));
                double[][] o2 = TreeShap.of(SmileTreeAccess.of(t), null, null).shap(data.x()[i]);
                for (int j = 0; j < 6; j++) for (int c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(s2[j * 3 + c] - o2[c][j]));
            }
        }
        System.out.printf("TreeSHAP vs Smile CART.shap per tree: max |diff| = %.2e%n", worst);
        assertTrue(worst < 1e-12, "differs from Smile's per-tree SHAP by " + worst);
    }

    @Test
    void thresholdsReadThroughThePublicApiReproduceSmilesPredictions() {
        LabeledData data = synthetic(400, 14);
        DataFrame df = frame(data);
        DecisionTree tree = DecisionTree.fit(Formula.lhs("label"), df);
        TreeEnsemble e = TreeShap.ensemble(SmileTreeAccess.of(tree));
        for (int i = 0; i < data.size(); i++) {
            double[] want = new double[3];
            tree.predict(df.get(i), want);
            assertArrayEquals(want, e.predict(data.x()[i]), 0.0, "row " + i);
        }
        // every split value: the threshold itself goes left, the next double up goes right
        for (int node = 0; node < e.numNodes(); node++) {
            if (e.feature[node] < 0) continue;
            double[] row = data.x()[0].clone();
            row[e.feature[node]] = e.threshold[node];
            assertTrue(((smile.base.cart.OrdinalNode) nodeOf(tree.root(), e, node)).branch(Tuple.of(row, tree.schema())));
            row[e.feature[node]] = Math.nextUp(e.threshold[node]);
            assertFalse(((smile.base.cart.OrdinalNode) nodeOf(tree.root(), e, node)).branch(Tuple.of(row, tree.schema())));
        }
    }

    /** The Smile node with the flattened id {@code target} (ids: children numbered before their subtrees, root 0). */
    private static smile.base.cart.Node nodeOf(smile.base.cart.Node root, TreeEnsemble e, int target) {
        java.util.Map<Integer, smile.base.cart.Node> byId = new java.util.HashMap<>();
        byId.put(0, root);
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(0));
        while (!todo.isEmpty()) {
            int id = todo.pop();
            if (e.feature[id] < 0) continue;
            var in = (smile.base.cart.InternalNode) byId.get(id);
            byId.put(e.left[id], in.trueChild());
            byId.put(e.right[id], in.falseChild());
            todo.push(e.left[id]);
            todo.push(e.right[id]);
        }
        return byId.get(target);
    }

    @Test
    void forestOnCourseTableIsAdditiveInProbabilitySpace() {
        LabeledData train = CourseModels.train(), test = CourseModels.test();
        Classifier rf = CourseModels.forest();
        TreeShap ts = TreeShap.of(rf);
        assertEquals(OutputSpace.PROBABILITY, ts.space());
        assertEquals(train.featureNames(), ts.features(), "feature order = the table's column order");
        Explanations e = ts.explain(test.x());
        double[][] smile = rf.predictProba(test.x());
        double diff = 0;
        for (int i = 0; i < smile.length; i++) for (int c = 0; c < 8; c++) diff = Math.max(diff, Math.abs(smile[i][c] - e.outputs()[i][c]));
        System.out.printf("RF (60 trees) on 624 test rows: |ensemble output - Smile predict| <= %.2e, additivity error <= %.2e%n",
                diff, e.maxAdditivityError());
        assertTrue(diff < 1e-12, "flattened forest differs from Smile's predict by " + diff);
        assertTrue(e.maxAdditivityError() < 1e-6, "additivity error " + e.maxAdditivityError());
        // base = expected probability: sums to 1 over classes like every output
        assertEquals(1.0, Arrays.stream(e.base()).sum(), 1e-12);
        // some feature must matter
        assertTrue(Arrays.stream(e.meanAbs()).max().getAsDouble() > 1e-3);
    }

    @Test
    void boostingIsAdditiveInMarginSpaceAndSoftmaxGivesSmileProbabilities() {
        LabeledData train = CourseModels.train(), test = CourseModels.test();
        Classifier gbt = TreeModels.boosting(train, 20, 2);
        TreeShap ts = TreeShap.of(gbt);
        assertEquals(OutputSpace.MARGIN, ts.space());
        double[][] rows = Arrays.copyOf(test.x(), 100);
        Explanations e = ts.explain(rows);
        double[][] smile = gbt.predictProba(rows);
        double diff = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] p = softmax(e.outputs()[i]);
            for (int c = 0; c < 8; c++) diff = Math.max(diff, Math.abs(p[c] - smile[i][c]));
        }
        System.out.printf("GBT (20 rounds × 8 classes): |softmax(margin) - Smile| <= %.2e, additivity error <= %.2e%n", diff, e.maxAdditivityError());
        assertTrue(diff < 1e-12, "softmax of the margins differs from Smile's probabilities by " + diff);
        assertTrue(e.maxAdditivityError() < 1e-6);
    }

    @Test
    void binaryBoostingMarginsAreMinusAndPlusF() {
        LabeledData data = synthetic(300, 6);
        int[] y = Arrays.stream(data.y()).map(v -> v == 2 ? 1 : 0).toArray();
        Classifier gbt = TreeModels.boosting(new LabeledData(data.x(), y, new String[] {"no", "yes"}, null, data.featureNames()), 15, 3);
        TreeShap ts = TreeShap.of(gbt);
        Explanations e = ts.explain(Arrays.copyOf(data.x(), 30));
        double[][] smile = gbt.predictProba(Arrays.copyOf(data.x(), 30));
        for (int i = 0; i < 30; i++) {
            double[] p = softmax(e.outputs()[i]);
            assertEquals(smile[i][1], p[1], 1e-12);
            assertEquals(-e.outputs()[i][0], e.outputs()[i][1], 1e-12);
        }
        assertTrue(e.maxAdditivityError() < 1e-9);
    }

    @Test
    void seededForestIsReproducible() {
        LabeledData data = synthetic(200, 8);
        Classifier a = TreeModels.smileForest(data, 12, 4), b = TreeModels.smileForest(data, 12, 4);
        TreeEnsemble ea = TreeShap.of(a).ensemble(), eb = TreeShap.of(b).ensemble();
        assertEquals(ea.numNodes(), eb.numNodes());
        for (double[] row : data.x()) assertArrayEquals(ea.predict(row), eb.predict(row));
    }

    @Test
    void badInputGivesClearErrors() {
        LabeledData data = synthetic(100, 7);
        Classifier rf = TreeModels.smileForest(data, 3, 1);
        TreeShap ts = TreeShap.of(rf);
        Classifier knn = Classifiers.kNearestNeighbors().fit(data);
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> TreeShap.of(knn));
        assertTrue(e1.getMessage().contains("does not support KNearestNeighbors"), e1.getMessage());
        assertTrue(e1.getMessage().contains("KernelShap"), e1.getMessage());
        double[][] nan = {data.x()[0].clone()};
        nan[0][2] = Double.NaN;
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class, () -> ts.explain(nan));
        assertTrue(e3.getMessage().contains("row 0, column 2 'c' is NaN"), e3.getMessage());
        IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class, () -> ts.explain(new double[][] {{1, 2, 3}}));
        assertTrue(e4.getMessage().contains("has 3 columns, expected 6"), e4.getMessage());
        TreeEnsembleAccess trees = rf.as(TreeEnsembleAccess.class).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> TreeShap.of(trees, data.featureNames(), List.of("only", "two")));
    }

    static double[] softmax(double[] m) {
        double max = Arrays.stream(m).max().getAsDouble(), s = 0;
        double[] p = new double[m.length];
        for (int c = 0; c < m.length; c++) s += (p[c] = Math.exp(m[c] - max));
        for (int c = 0; c < m.length; c++) p[c] /= s;
        return p;
    }
}
