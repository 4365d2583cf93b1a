package emolab.classify.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import emolab.classify.Blobs;
import emolab.classify.models.Classifiers;
import emolab.prep.LabeledData;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SearchTest {
    static final LabeledData DATA = Blobs.make(3, 60, 5, 2, 1.5, 6, 4);

    @Test
    void gridCombinationsInOrder() {
        ParamGrid g = ParamGrid.of("C", 0.1, 1).and("gamma", "scale", 0.01, "auto");
        assertEquals(6, g.size());
        List<Map<String, Object>> c = g.combinations();
        assertEquals(Map.of("C", 0.1, "gamma", "scale"), c.get(0));
        assertEquals(Map.of("C", 0.1, "gamma", 0.01), c.get(1));
        assertEquals(Map.of("C", 1, "gamma", "auto"), c.get(5));
        assertThrows(IllegalArgumentException.class, () -> ParamGrid.of("C").and("C", 1));
    }

    @Test
    void gridSearchTableAndRefit() {
        var folds = CrossValidation.leaveActorsOut(DATA, 3);
        List<int[]> calls = new ArrayList<>();
        SearchResult r = GridSearch.of(Classifiers.kNearestNeighbors(), ParamGrid.of("n_neighbors", 1, 5, 15))
                .folds(folds).scoring(Scoring.MACRO_F1).progress((d, t) -> calls.add(new int[] {d, t})).run(DATA);
        Table t = r.table();
        assertEquals(3, t.rowCount());
        assertEquals(List.of("rank", "n_neighbors", "mean_accuracy", "std_accuracy", "mean_f1_macro", "std_f1_macro",
                "mean_fit_s", "std_fit_s"), t.columnNames());
        for (int i = 0; i < 3; i++) {
            var cv = CrossValidation.run(Classifiers.kNearestNeighbors().with(r.combinations().get(i)), DATA, folds, 1);
            assertEquals(cv.meanMacroF1(), t.doubleColumn("mean_f1_macro").get(i), 1e-15);
            assertEquals(cv.stdAccuracy(), t.doubleColumn("std_accuracy").get(i), 1e-15);
        }
        int best = 0;
        for (int i = 1; i < 3; i++) if (t.doubleColumn("mean_f1_macro").get(i) > t.doubleColumn("mean_f1_macro").get(best)) best = i;
        assertEquals(1, t.intColumn("rank").get(best));
        assertEquals(r.combinations().get(best), r.bestParams());
        assertEquals(t.doubleColumn("mean_f1_macro").get(best), r.bestScore(), 0.0);
        assertArrayEquals(r.bestSpec().fit(DATA).predict(DATA.x()), r.bestModel().predict(DATA.x()));
        assertEquals(3 * 3 + 1, calls.get(calls.size() - 1)[0]);
        assertEquals(3 * 3 + 1, calls.get(calls.size() - 1)[1]);
    }

    @Test
    void gridSearchIsThreadIndependent() {
        var folds = CrossValidation.leaveActorsOut(DATA, 3);
        var grid = ParamGrid.of("n_estimators", 5, 10).and("max_depth", 2, 0);
        Table a = GridSearch.of(Classifiers.randomForest(), grid).folds(folds).threads(1).refit(false).run(DATA).table();
        Table b = GridSearch.of(Classifiers.randomForest(), grid).folds(folds).threads(3).refit(false).run(DATA).table();
        assertArrayEquals(a.doubleColumn("mean_accuracy").asDoubleArray(), b.doubleColumn("mean_accuracy").asDoubleArray(), 0.0);
        assertArrayEquals(a.doubleColumn("mean_f1_macro").asDoubleArray(), b.doubleColumn("mean_f1_macro").asDoubleArray(), 0.0);
    }

    @Test
    void tasksRunInAnyOrderAndAfterSerializationAssembleToTheLocalResult() throws Exception {
        var folds = CrossValidation.leaveActorsOut(DATA, 3);
        var search = GridSearch.of(Classifiers.randomForest(), ParamGrid.of("n_estimators", 5, 10).and("max_depth", 2, 0))
                .folds(folds).scoring(Scoring.MACRO_F1).threads(2);
        Table local = search.run(DATA).table();
        // serialize the tasks and the data as a cluster would, run the tasks in reverse order
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(search.tasks());
            out.writeObject(DATA);
        }
        SearchTasks tasks;
        LabeledData data;
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            tasks = (SearchTasks) in.readObject();
            data = (LabeledData) in.readObject();
        }
        assertEquals(4 * 3, tasks.size());
        assertEquals(3, tasks.numFolds());
        CrossValidation.FoldScore[] scores = new CrossValidation.FoldScore[tasks.size()];
        for (int i = tasks.size() - 1; i >= 0; i--) scores[i] = tasks.run(i, data);
        SearchResult r = search.tasks().assemble(List.of(scores), DATA);
        Table t = r.table();
        for (String c : List.of("rank", "n_estimators", "max_depth"))
            assertEquals(local.column(c).asList(), t.column(c).asList(), c);
        for (String c : List.of("mean_accuracy", "std_accuracy", "mean_f1_macro", "std_f1_macro"))
            assertArrayEquals(local.doubleColumn(c).asDoubleArray(), t.doubleColumn(c).asDoubleArray(), 0.0, c);
        assertArrayEquals(r.bestSpec().fit(DATA).predict(DATA.x()), r.bestModel().predict(DATA.x()));
        assertThrows(IllegalArgumentException.class, () -> search.tasks().assemble(List.of(scores[0]), DATA));
        assertThrows(IndexOutOfBoundsException.class, () -> search.tasks().run(12, DATA));
    }

    @Test
    void unknownParameterFailsBeforeAnyFit() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> GridSearch.of(Classifiers.kernelSvm(), ParamGrid.of("C", 1).and("gama", 0.1)));
        assertTrue(e.getMessage().contains("'gama'") && e.getMessage().contains("gamma"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class,
                () -> RandomSearch.of(Classifiers.kernelSvm(), ParamDistributions.logUniform("c", 0.1, 10), 3, 0));
        assertTrue(f.getMessage().contains("'c'"), f.getMessage());
        var g = assertThrows(IllegalArgumentException.class,
                () -> GridSearch.of(Classifiers.kernelSvm(), ParamGrid.of("C", -1.0)));
        assertTrue(g.getMessage().contains("'C'"), g.getMessage());
    }

    @Test
    void randomSearchIsSeededAndInRange() {
        var d = ParamDistributions.logUniform("C", 0.01, 100).andChoice("kernel", "rbf", "linear").andIntUniform("degree", 2, 4);
        var s1 = d.sample(20, 7);
        assertEquals(s1, d.sample(20, 7));
        for (var m : s1) {
            double c = (Double) m.get("C");
            assertTrue(c >= 0.01 && c < 100);
            int deg = (Integer) m.get("degree");
            assertTrue(deg >= 2 && deg <= 4);
        }
        var folds = CrossValidation.leaveActorsOut(DATA, 3);
        SearchResult r = RandomSearch.of(Classifiers.kernelSvm(), d, 4, 7).folds(folds).run(DATA);
        assertEquals(4, r.table().rowCount());
        assertEquals(d.sample(4, 7), r.combinations());
        assertTrue(r.bestScore() > 0.5);
    }
}
