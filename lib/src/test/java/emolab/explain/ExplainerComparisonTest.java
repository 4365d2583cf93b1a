package emolab.explain;

import emolab.prep.LabeledData;
import static org.junit.jupiter.api.Assertions.*;

import emolab.classify.Classifier;
import emolab.classify.models.Classifiers;
import emolab.study.NotApplicableException;
import emolab.study.Study;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The explainer study on data built to make each explainer refuse: a refusal is a "not applicable"
 * row, the agreement is computed between the explainers that ran.
 */
class ExplainerComparisonTest {

    private static Classifier forest(LabeledData d) {
        return Classifiers.randomForest().with("n_estimators", 10).with("random_state", 3)
                .fit(d.x(), d.y(), d.classes(), d.featureNames());
    }

    /** The four explainers of notebook 05 on a forest, explaining {@code rows}; {@code model} may have missed classes. */
    private static ExplainerComparison compare(Classifier model, LabeledData train, LabeledData test, double[][] rows) {
        return new ExplainerComparison(train.featureNames())
                .run("TreeSHAP", () -> TreeShap.of(model).explain(test.x()).meanAbs())
                .run("KernelSHAP", () -> KernelShap.builder(Background.kmeans(train.x(), 5, 0)).seed(0).budget(64).build()
                        .explain(PredictFunction.of(model), rows).meanAbs())
                .run("permutation", () -> BlackBoxImportance.compute(PredictFunction.of(model), test, 2, 0).mean())
                .run("LIME", () -> Lime.of(PredictFunction.of(model), train, 100, 3, 0).explain(rows).meanAbs());
    }

    /** Three classes by the value of x0 (low, middle, high); x1..x4 are noise. */
    private static LabeledData threeClasses(int n, long seed) {
        LabeledData d = ComparisonMethodsTest.data(n, seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = d.x()[i][0] < -0.4 ? 0 : d.x()[i][0] < 0.4 ? 1 : 2;
        return new LabeledData(d.x(), y, new String[] {"a", "b", "c"}, null, d.featureNames());
    }

    private static String note(ExplainerComparison c, String name) {
        return c.study().row(name).orElseThrow().note();
    }

    @Test
    void allRunOnOrdinaryData() {
        LabeledData d = ComparisonMethodsTest.data(200, 1);
        LabeledData test = ComparisonMethodsTest.data(60, 2);
        ExplainerComparison c = compare(forest(d), d, test, Arrays.copyOf(test.x(), 5));
        assertEquals(4, c.study().applicable().size(), c.table().print());
        assertEquals(6, c.pairs().size());
        Table6 t = new Table6(c);
        assertTrue(t.ok, c.conclusions());
        assertTrue(c.conclusions().startsWith("Most alike: "), c.conclusions());
        // the pairs are sorted and their ρ matches the table
        for (int i = 1; i < c.pairs().size(); i++) assertTrue(c.pairs().get(i - 1).rho() >= c.pairs().get(i).rho());
        assertEquals(c.rho("TreeSHAP", "LIME"), c.agreement().doubleColumn("LIME").getDouble(0), 1e-3);
    }

    /** The agreement table has the explainers that ran, in order. */
    private record Table6(boolean ok) {
        Table6(ExplainerComparison c) {
            this(c.agreement().columnNames().equals(List.of("Spearman ρ", "TreeSHAP", "KernelSHAP", "permutation", "LIME")));
        }
    }

    @Test
    void eachExplainerRefusesItsOwnKindOfData() {
        LabeledData d = ComparisonMethodsTest.data(200, 1);
        LabeledData test = ComparisonMethodsTest.data(60, 2);
        // a forest trained without class "c": TreeSHAP refuses, the model-agnostic explainers go on
        LabeledData three = threeClasses(240, 3), threeTest = threeClasses(60, 4);
        int[] noC = java.util.stream.IntStream.range(0, three.size()).filter(i -> three.y()[i] != 2).toArray();
        Classifier partial = forest(three.rows(noC));
        ExplainerComparison a = compare(partial, three, threeTest, Arrays.copyOf(threeTest.x(), 3));
        assertTrue(note(a, "TreeSHAP").startsWith("not applicable: ") && note(a, "TreeSHAP").contains("2 of its 3 classes"), note(a, "TreeSHAP"));
        // LIME's sparse surrogate cannot be fitted for the class this model never predicts (constant 0)
        assertTrue(note(a, "LIME").contains("constant around the row"), note(a, "LIME"));
        assertEquals(2, a.study().applicable().size(), a.table().print());
        assertEquals(List.of("Spearman ρ", "KernelSHAP", "permutation"), a.agreement().columnNames());
        assertTrue(a.conclusions().contains("TreeSHAP: not applicable: "), a.conclusions());

        // one held-out row: permutation importance has nothing to shuffle; no rows to explain: KernelSHAP and LIME refuse
        Classifier model = forest(d);
        LabeledData one = test.rows(new int[] {0});
        ExplainerComparison b = compare(model, d, one, new double[0][]);
        assertTrue(note(b, "permutation").contains("cannot be shuffled"), note(b, "permutation"));
        assertTrue(note(b, "KernelSHAP").contains("no rows to explain"), note(b, "KernelSHAP"));
        assertTrue(note(b, "LIME").contains("no rows to explain"), note(b, "LIME"));
        assertEquals(List.of("TreeSHAP"), b.study().applicable().stream().map(Study.Row::method).toList(), "TreeSHAP still ran");
        assertTrue(b.conclusions().startsWith("Fewer than two explainers ran"), b.conclusions());

        // one training row: LIME has no spread to sample from
        NotApplicableException e = assertThrows(NotApplicableException.class,
                () -> Lime.of(PredictFunction.of(model), d.rows(new int[] {0}), 100, 3, 0));
        assertTrue(e.getMessage().contains("no spread"), e.getMessage());
    }

    @Test
    void badInputIsStillAnError() {
        LabeledData d = ComparisonMethodsTest.data(50, 1);
        ExplainerComparison c = new ExplainerComparison(d.featureNames());
        assertThrows(IllegalArgumentException.class, () -> c.run("short", () -> new double[2]));
        c.run("ok", () -> new double[] {1, 2, 3, 4, 5});
        assertThrows(IllegalArgumentException.class, () -> c.run("ok", () -> new double[5]));
        assertThrows(IllegalArgumentException.class, () -> new ExplainerComparison(List.of()));
    }
}
