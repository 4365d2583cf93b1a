package emolab.classify;

import emolab.classify.models.Classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import emolab.classify.models.StandardScaled;
import emolab.prep.LabeledData;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Named hyper-parameters and the bad-input errors of fitting and prediction. */
class ClassifierSpecTest {
    static final LabeledData DATA = Blobs.easy(20, 3);

    @Test
    void withReturnsACopyAndNormalisesValues() {
        ClassifierSpec a = Classifiers.kernelSvm();
        ClassifierSpec b = a.with("C", 10);
        assertEquals(1.0, a.get("C"));
        assertEquals(10.0, b.get("C"));          // an int literal becomes a double
        assertEquals("scale", b.get("gamma"));
        assertEquals(0.01, b.with("gamma", 0.01).get("gamma"));
        assertEquals(5, Classifiers.randomForest().with("n_estimators", 5.0).get("n_estimators")); // integral double → int
        assertNotEquals(a, b);
        assertEquals(b, Classifiers.kernelSvm().with("C", 10.0));
        assertEquals("KernelSvm", b.name());
        assertTrue(b.toString().startsWith("KernelSvm(kernel=rbf, C=10.0"), b.toString());
        assertEquals(b.parameterNames(), List.copyOf(b.params().keySet()));
        assertEquals(Map.of("C", 3.0, "kernel", "linear"), Map.of("C", b.with(Map.of("C", 3, "kernel", "linear")).get("C"),
                "kernel", b.with(Map.of("C", 3, "kernel", "linear")).get("kernel")));
    }

    @Test
    void unknownParameterNameListsTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Classifiers.randomForest().with("n_estimator", 10));
        assertTrue(e.getMessage().contains("'n_estimator'"), e.getMessage());
        assertTrue(e.getMessage().contains("n_estimators, criterion, max_features"), e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> Classifiers.logisticRegression().get("lambda"));
        assertTrue(g.getMessage().contains("valid names: C, tol, max_iter"), g.getMessage());
    }

    @Test
    void badValuesNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> Classifiers.randomForest().with("n_estimators", 0));
        assertTrue(e.getMessage().contains("'n_estimators'") && e.getMessage().contains("[1,"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.randomForest().with("n_estimators", 2.5));
        assertTrue(e.getMessage().contains("an integer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.randomForest().with("criterion", "gain"));
        assertTrue(e.getMessage().contains("[gini, entropy]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kernelSvm().with("gamma", "big"));
        assertTrue(e.getMessage().contains("scale") && e.getMessage().contains("'gamma'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kernelSvm().with("C", Double.NaN));
        assertTrue(e.getMessage().contains("'C'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kernelSvm().with("probability", "yes"));
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.dl4jMlp().with("hidden_layer_sizes", new int[] {8, 0}));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kernelSvm().with("C", null));
        assertTrue(e.getMessage().contains("'C'"), e.getMessage());
    }

    @Test
    void wrappersForwardParameters() {
        ClassifierSpec bag = Classifiers.bagging(Classifiers.kernelSvm()).with("estimator__C", 10).with("n_estimators", 3);
        assertEquals(10.0, bag.get("estimator__C"));
        assertEquals(10.0, ((ClassifierSpec) bag.get("estimator")).get("C"));
        assertTrue(bag.accepts("estimator__gamma"));
        assertFalse(bag.accepts("estimator__n_neighbors"));
        var e = assertThrows(IllegalArgumentException.class, () -> bag.with("estimator__k", 3));
        assertTrue(e.getMessage().contains("KernelSvm has no hyper-parameter 'k'"), e.getMessage());

        ClassifierSpec scaled = Classifiers.standardScaled(Classifiers.kNearestNeighbors()).with("n_neighbors", 3);
        assertTrue(scaled instanceof StandardScaled);
        assertEquals(3, scaled.get("n_neighbors"));
        assertEquals(List.of("n_neighbors"), scaled.parameterNames());
        assertEquals("StandardScaled(KNearestNeighbors(n_neighbors=3))", scaled.toString());
    }

    @Test
    void singleClassIsAnError() {
        int[] y = new int[DATA.size()];
        var e = assertThrows(IllegalArgumentException.class, () -> Classifiers.logisticRegression().fit(DATA.x(), y, DATA.classes()));
        assertTrue(e.getMessage().contains("single class ('c0'"), e.getMessage());
    }

    @Test
    void nanInAFeatureNamesFeatureAndRow() {
        double[][] x = copy(DATA.x());
        x[7][2] = Double.NaN;
        var e = assertThrows(IllegalArgumentException.class,
                () -> Classifiers.decisionTree().fit(x, DATA.y(), DATA.classes(), List.of("a", "b", "pitch", "d")));
        assertTrue(e.getMessage().contains("feature 'pitch' (column 2) is NaN at row 7"), e.getMessage());
        x[7][2] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.decisionTree().fit(x, DATA.y(), DATA.classes()));
        assertTrue(e.getMessage().contains("column 2) is Infinity at row 7") || e.getMessage().contains("column 2 is Infinity at row 7"),
                e.getMessage());
    }

    @Test
    void mismatchedRowCountsAndShapes() {
        int[] y = java.util.Arrays.copyOf(DATA.y(), DATA.size() - 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kNearestNeighbors().fit(DATA.x(), y, DATA.classes()));
        assertTrue(e.getMessage().contains("X has 60 rows but y has 59 labels"), e.getMessage());
        double[][] ragged = copy(DATA.x());
        ragged[4] = new double[3];
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kNearestNeighbors().fit(ragged, DATA.y(), DATA.classes()));
        assertTrue(e.getMessage().contains("row 4 has 3 features, row 0 has 4"), e.getMessage());
        int[] bad = DATA.y().clone();
        bad[3] = 9;
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kNearestNeighbors().fit(DATA.x(), bad, DATA.classes()));
        assertTrue(e.getMessage().contains("y[3] = 9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kNearestNeighbors().fit(DATA.x(), DATA.y(), new String[] {"a", "a", "b"}));
        assertTrue(e.getMessage().contains("duplicate class name 'a'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.kNearestNeighbors().fit(new double[0][], new int[0], DATA.classes()));
        assertTrue(e.getMessage().contains("no rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LabeledData(DATA.x(), DATA.y(), DATA.classes(), new int[5], null));
        assertTrue(e.getMessage().contains("groups has 5"), e.getMessage());
    }

    @Test
    void predictionChecksItsInput() {
        Classifier m = Classifiers.kernelSvm().fit(DATA);
        var e = assertThrows(IllegalArgumentException.class, () -> m.predict(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("fitted on 4 features but X has 3 columns"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> m.predict(new double[][] {{1, 2, Double.NaN, 4}}));
        assertTrue(f.getMessage().contains("feature 'x2' (column 2) is NaN at row 0"), f.getMessage());
        var g = assertThrows(IllegalStateException.class, () -> m.predictProba(DATA.x()));
        assertTrue(g.getMessage().contains("probability=true"), g.getMessage());
        var h = assertThrows(IllegalStateException.class, m::featureImportance);
        assertTrue(h.getMessage().contains("permutation"), h.getMessage());
    }

    @Test
    void fitsFromATableAndPredictsByColumnName() {
        Table t = Table.create("t");
        for (int j = 0; j < DATA.numFeatures(); j++) {
            double[] col = new double[DATA.size()];
            for (int i = 0; i < col.length; i++) col[i] = DATA.x()[i][j];
            t.addColumns(DoubleColumn.create("f" + j, col));
        }
        String[] labels = new String[DATA.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = DATA.classes()[DATA.y()[i]];
        t.addColumns(StringColumn.create("emotion", labels));
        Classifier m = Classifiers.logisticRegression().fit(t, List.of("f0", "f1", "f2", "f3"), "emotion");
        assertEquals(List.of("f0", "f1", "f2", "f3"), m.featureNames());
        assertArrayEquals(new String[] {"c0", "c1", "c2"}, m.classes());
        Table shuffled = t.reorderColumns("emotion", "f3", "f2", "f1", "f0");
        assertArrayEquals(m.predict(DATA.x()), m.predict(shuffled));
        var e = assertThrows(IllegalArgumentException.class, () -> Classifiers.logisticRegression().fit(t, List.of("f0", "nope"), "emotion"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifiers.logisticRegression().fit(t, List.of("f0", "emotion"), "emotion"));
        assertTrue(e.getMessage().contains("'emotion' is not numeric"), e.getMessage());
    }

    @Test
    void predictLabelsAndImportanceNormalised() {
        Classifier m = Classifiers.randomForest().with("n_estimators", 20).fit(DATA);
        String[] l = m.predictLabels(DATA.x());
        int[] p = m.predict(DATA.x());
        for (int i = 0; i < l.length; i++) assertEquals(DATA.classes()[p[i]], l[i]);
        double[] imp = m.featureImportance();
        assertEquals(1.0, java.util.Arrays.stream(imp).sum(), 1e-12);
        assertEquals(Classifier.ImportanceKind.IMPURITY, m.importanceKind().orElseThrow());
        // the two informative features dominate the two noise features
        assertTrue(Math.min(imp[0], imp[1]) > Math.max(imp[2], imp[3]), java.util.Arrays.toString(imp));
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }
}
