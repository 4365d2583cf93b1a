package emolab.classify.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import emolab.classify.Blobs;
import emolab.classify.Classifier;
import emolab.classify.models.Classifiers;
import emolab.prep.LabeledData;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** RFE, RFECV and permutation importance on data whose informative features are known (x0, x1, x2). */
class SelectionTest {
    static final LabeledData DATA = Blobs.make(3, 60, 8, 3, 2.0, 6, 21);
    static final LabeledData HELD_OUT = Blobs.make(3, 40, 8, 3, 2.0, 6, 22);

    @Test
    void rfeKeepsTheInformativeFeatures() {
        Rfe.Result r = Rfe.of(Classifiers.logisticRegression()).importance(ImportanceSource.coefficients()).nFeatures(3).run(DATA);
        assertEquals(List.of("x0", "x1", "x2"), r.selected());
        int[] rank = r.ranking();
        int[] sorted = rank.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {1, 1, 1, 2, 3, 4, 5, 6}, sorted); // one feature per round, ranks consecutive
        Table t = r.table();
        assertEquals(8, t.rowCount());
        assertEquals(3, t.booleanColumn("selected").countTrue());
    }

    @Test
    void rfeWithStepAndImpurity() {
        Rfe.Result r = Rfe.of(Classifiers.randomForest().with("n_estimators", 40)).importance(ImportanceSource.impurity())
                .step(2).nFeatures(3).run(DATA);
        assertEquals(List.of("x0", "x1", "x2"), r.selected());
        int[] sorted = r.ranking();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {1, 1, 1, 2, 3, 3, 4, 4}, sorted); // 8 → 6 → 4 → 3: dropped first = worst rank
    }

    @Test
    void importanceSourceMustMatchTheModel() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Rfe.of(Classifiers.logisticRegression()).importance(ImportanceSource.impurity()).run(DATA));
        assertTrue(e.getMessage().contains("has no impurity importance (it has coefficients)"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> Rfe.of(Classifiers.kNearestNeighbors()).run(DATA));
        assertTrue(f.getMessage().contains("permutation"), f.getMessage());
        // permutation works for any model
        Rfe.Result r = Rfe.of(Classifiers.kNearestNeighbors()).importance(ImportanceSource.permutation(3, 0, Scoring.ACCURACY))
                .nFeatures(3).step(5).run(DATA);
        assertEquals(3, r.selected().size());
        assertTrue(r.selected().contains("x0") && r.selected().contains("x1"), r.selected().toString());
    }

    @Test
    void rfeCvCurveAndChoice() {
        var folds = CrossValidation.leaveActorsOut(DATA, 3);
        RfeCv.Result r = RfeCv.of(Classifiers.logisticRegression()).importance(ImportanceSource.coefficients())
                .folds(folds).minFeatures(1).run(DATA);
        assertArrayEquals(new int[] {8, 7, 6, 5, 4, 3, 2, 1}, r.sizes());
        Table curve = r.curve();
        assertEquals(8, curve.rowCount());
        assertEquals(List.of("n_features", "mean_accuracy", "std_accuracy"), curve.columnNames());
        assertEquals(1, curve.intColumn("n_features").get(0));
        double best = Arrays.stream(r.mean()).max().orElseThrow();
        int at = r.bestSize();
        assertEquals(best, curve.doubleColumn("mean_accuracy").get(at - 1), 0.0);
        assertTrue(at >= 2 && at <= 5, "best size " + at + " curve " + Arrays.toString(r.mean()));
        assertEquals(at, r.selected().size());
        assertTrue(r.selected().containsAll(List.of("x0", "x1")), r.selected().toString());
        // the fold scores are the held-out scores of the RFE model at that size
        assertEquals(3, r.scores()[0].length);
    }

    @Test
    void permutationImportanceOnHeldOutData() {
        Classifier m = Classifiers.randomForest().with("n_estimators", 40).fit(DATA);
        var r = PermutationImportance.compute(m, HELD_OUT, 5, 42, Scoring.ACCURACY, 2);
        double[] mean = r.mean();
        for (int j = 3; j < 8; j++) assertTrue(mean[0] > mean[j] && mean[1] > mean[j], Arrays.toString(mean));
        for (int j = 3; j < 8; j++) assertTrue(Math.abs(mean[j]) < 0.05, "noise feature x" + j + ": " + mean[j]);
        Table t = r.table();
        assertEquals(List.of("feature", "importance_mean", "importance_std", "rank"), t.columnNames());
        assertTrue(List.of("x0", "x1").contains(t.stringColumn("feature").get(0)));
        var again = PermutationImportance.compute(m, HELD_OUT, 5, 42, Scoring.ACCURACY, 1);
        assertArrayEquals(mean, again.mean(), 0.0);
        assertArrayEquals(r.std(), again.std(), 0.0);
        double base = r.baseline();
        assertEquals(emolab.classify.eval.Metrics.accuracy(HELD_OUT.y(), m.predict(HELD_OUT.x())), base, 0.0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> PermutationImportance.compute(m, HELD_OUT.columns(new int[] {0, 1}), 2, 0, Scoring.ACCURACY, 1));
        assertTrue(e.getMessage().contains("fitted on 8 features"), e.getMessage());
    }
}
