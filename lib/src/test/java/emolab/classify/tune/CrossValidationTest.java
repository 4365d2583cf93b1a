package emolab.classify.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import emolab.classify.Blobs;
import emolab.classify.models.Classifiers;
import emolab.prep.LabeledData;
import emolab.classify.eval.Metrics;
import emolab.prep.GroupKFold;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    static final LabeledData DATA = Blobs.make(3, 60, 5, 2, 1.5, 6, 4);

    @Test
    void leaveActorsOutFoldsHoldOutWholeActors() {
        List<GroupKFold.Fold> folds = CrossValidation.leaveActorsOut(DATA, 3);
        assertEquals(3, folds.size());
        assertEquals(Set.of(1, 2), folds.get(0).testGroups());
        CrossValidation.Result r = CrossValidation.run(Classifiers.logisticRegression(), DATA, folds, 2);
        assertEquals(3, r.folds().size());
        for (int f = 0; f < 3; f++) {
            var fold = folds.get(f);
            var m = Classifiers.logisticRegression().fit(DATA.rows(fold.trainRows()));
            var te = DATA.rows(fold.testRows());
            assertEquals(Metrics.accuracy(te.y(), m.predict(te.x())), r.folds().get(f).accuracy(), 0.0);
            assertEquals(fold.testGroups(), r.folds().get(f).testGroups());
        }
        double[] acc = r.folds().stream().mapToDouble(CrossValidation.FoldScore::accuracy).toArray();
        double m = (acc[0] + acc[1] + acc[2]) / 3;
        assertEquals(m, r.meanAccuracy(), 1e-15);
        double v = ((acc[0] - m) * (acc[0] - m) + (acc[1] - m) * (acc[1] - m) + (acc[2] - m) * (acc[2] - m)) / 3; // ddof 0
        assertEquals(Math.sqrt(v), r.stdAccuracy(), 1e-15);
        assertEquals(3, r.table().rowCount());
        assertTrue(r.toString().contains("± "), r.toString());
    }

    @Test
    void resultsDoNotDependOnThreads() {
        var folds = CrossValidation.leaveActorsOut(DATA, 6);
        var spec = Classifiers.randomForest().with("n_estimators", 15);
        var a = CrossValidation.run(spec, DATA, folds, 1);
        var b = CrossValidation.run(spec, DATA, folds, 3);
        for (int f = 0; f < 6; f++) {
            assertEquals(a.folds().get(f).accuracy(), b.folds().get(f).accuracy(), 0.0);
            assertEquals(a.folds().get(f).macroF1(), b.folds().get(f).macroF1(), 0.0);
        }
    }

    @Test
    void rowWiseFoldsAreRefused() {
        int n = DATA.size();
        int[] even = IntStream.range(0, n).filter(i -> i % 2 == 0).toArray();
        int[] odd = IntStream.range(0, n).filter(i -> i % 2 == 1).toArray();
        var leaky = List.of(new GroupKFold.Fold(0, even, odd, Set.of()), new GroupKFold.Fold(1, odd, even, Set.of()));
        var e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(Classifiers.logisticRegression(), DATA, leaky, 1));
        assertTrue(e.getMessage().contains("not grouped") && e.getMessage().contains("both sides"), e.getMessage());
    }

    @Test
    void classAbsentFromAFoldsTrainingPartIsAnError() {
        // class c2 only spoken by actors 1-3: holding them out leaves no c2 to learn from
        int[] rows = IntStream.range(0, DATA.size()).filter(i -> DATA.y()[i] != 2 || DATA.groups()[i] <= 3).toArray();
        LabeledData skewed = DATA.rows(rows);
        var e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.leaveActorsOut(skewed, 2));
        assertTrue(e.getMessage().contains("fold 0 (test actors [1, 2, 3]): class 'c2' is absent from its training part"), e.getMessage());
        var folds = GroupKFold.leaveActorsOut(skewed.groups(), 2);
        var g = assertThrows(IllegalArgumentException.class,
                () -> GridSearch.of(Classifiers.logisticRegression(), ParamGrid.of("C", 1.0)).folds(folds).run(skewed));
        assertTrue(g.getMessage().contains("class 'c2'"), g.getMessage());
    }

    @Test
    void missingGroupsAndFolds() {
        LabeledData noGroups = new LabeledData(DATA.x(), DATA.y(), DATA.classes(), null, null);
        var e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.leaveActorsOut(noGroups, 3));
        assertTrue(e.getMessage().contains("no groups"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class,
                () -> GridSearch.of(Classifiers.logisticRegression(), ParamGrid.of("C", 1.0)).run(DATA));
        assertTrue(f.getMessage().contains("no folds given"), f.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> CrossValidation.leaveActorsOut(DATA, 7));
        assertTrue(g.getMessage().contains("7 folds"), g.getMessage());
    }

    @Test
    void foldRowsMustBeInRange() {
        var bad = List.of(new GroupKFold.Fold(0, new int[] {0, 1}, new int[] {DATA.size()}, Set.of(9)));
        var e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.checkFolds(DATA, bad));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertArrayEquals(new int[0], new int[0]);
    }
}
