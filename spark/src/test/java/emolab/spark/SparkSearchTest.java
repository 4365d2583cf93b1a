package emolab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import emolab.SharedData;
import emolab.classify.models.Classifiers;
import emolab.prep.CourseTables;
import emolab.prep.LabeledData;
import emolab.prep.PreparedData;
import emolab.classify.tune.CrossValidation;
import emolab.classify.tune.GridSearch;
import emolab.classify.tune.ParamDistributions;
import emolab.classify.tune.ParamGrid;
import emolab.classify.tune.RandomSearch;
import emolab.classify.tune.Scoring;
import emolab.classify.tune.SearchResult;
import emolab.features.engine.CsvIO;
import emolab.prep.GroupKFold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SparkSearchTest {
    static final List<String> SCORE_COLUMNS = List.of("rank", "mean_accuracy", "std_accuracy", "mean_f1_macro", "std_f1_macro");

    /** Same columns, same parameters and scores exactly; fit times are measurements (only checked to be sane). */
    static void assertSameTable(Table local, Table spark) {
        assertEquals(local.columnNames(), spark.columnNames());
        assertEquals(local.rowCount(), spark.rowCount());
        for (String c : local.columnNames()) {
            if (c.endsWith("_fit_s")) {
                for (double v : spark.doubleColumn(c).asDoubleArray()) assertTrue(v >= 0 && Double.isFinite(v), c + " = " + v);
            } else {
                assertEquals(local.column(c).asList(), spark.column(c).asList(), c);
            }
        }
    }

    @Test
    void gridAndRandomSearchOnTheCoursePreparedTableEqualTheLocalSearch() {
        Path dir = SharedData.require("ravdess/features/prepared_features_TRAIN.csv").getParent();
        PreparedData tt = CourseTables.load(dir, "emotion");
        LabeledData train = tt.train();
        List<GroupKFold.Fold> folds = CrossValidation.leaveActorsOut(train, 6);

        GridSearch grid = GridSearch.of(Classifiers.kNearestNeighbors(), ParamGrid.of("n_neighbors", 1, 7, 25))
                .folds(folds).scoring(Scoring.MACRO_F1);
        SearchResult local = grid.run(train);
        SearchResult spark = SparkSearch.run(LocalSpark.get(), grid, train);
        assertEquals(3 * 6, grid.tasks().size());
        assertSameTable(local.table(), spark.table());
        assertEquals(local.bestParams(), spark.bestParams());
        assertEquals(local.bestScore(), spark.bestScore(), 0.0);
        assertArrayEquals(local.bestModel().predict(tt.test().x()), spark.bestModel().predict(tt.test().x()));
        for (int c = 0; c < 3; c++)
            for (int f = 0; f < 6; f++) {
                var a = local.results().get(c).folds().get(f);
                var b = spark.results().get(c).folds().get(f);
                assertEquals(a.testGroups(), b.testGroups());
                assertEquals(a.accuracy(), b.accuracy(), 0.0);
                assertEquals(a.macroF1(), b.macroF1(), 0.0);
            }

        // seeded random search of a randomised model: same draws, same seeds, same scores
        var dists = ParamDistributions.intUniform("max_depth", 2, 12).andChoice("n_estimators", 5, 10);
        RandomSearch random = RandomSearch.of(Classifiers.randomForest().with("random_state", 7), dists, 3, 11)
                .folds(folds).refit(false);
        assertSameTable(random.run(train).table(), SparkSearch.run(LocalSpark.get(), random, train).table());
    }

    @Test
    void searchCommandWritesTheRankedTable(@TempDir Path tmp) throws IOException {
        Path dir = SharedData.require("ravdess/features/prepared_features_TRAIN.csv").getParent();
        Path out = tmp.resolve("search.csv");
        ByteArrayOutputStream so = new ByteArrayOutputStream(), se = new ByteArrayOutputStream();
        int rc = SparkCli.run(new String[] {"search", "--model", "KNearestNeighbors", "--grid", "n_neighbors=3,9", "--folds", "3",
                dir.toString(), out.toString()}, new PrintStream(so), new PrintStream(se));
        assertEquals(0, rc, se.toString());
        List<List<String>> rows = CsvIO.parse(Files.readString(out));
        assertEquals(List.of("rank", "n_neighbors", "mean_accuracy", "std_accuracy", "mean_f1_macro", "std_f1_macro",
                "mean_fit_s", "std_fit_s"), rows.get(0));
        assertEquals(3, rows.size());
        LabeledData train = CourseTables.load(dir, "emotion").train();
        Table local = GridSearch.of(Classifiers.kNearestNeighbors(), ParamGrid.of("n_neighbors", 3, 9))
                .folds(CrossValidation.leaveActorsOut(train, 3)).refit(false).run(train).table();
        for (int r = 0; r < 2; r++) {
            assertEquals(Double.toString(local.doubleColumn("mean_accuracy").get(r)), rows.get(r + 1).get(2));
            assertEquals(Double.toString(local.doubleColumn("mean_f1_macro").get(r)), rows.get(r + 1).get(4));
        }
        assertTrue(so.toString().contains("best {n_neighbors="), so.toString());
    }

    @Test
    void searchArgumentsAreChecked() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        ByteArrayOutputStream se = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(se);
        assertEquals(2, SparkCli.run(new String[] {"search", "--model", "Nope", "--grid", "C=1", "a", "b"}, out, err));
        assertTrue(se.toString().contains("unknown --model 'Nope'"), se.toString());
        assertEquals(List.of(java.util.Map.of("C", 0.5, "kernel", "rbf"), java.util.Map.of("C", 0.5, "kernel", 3)),
                SparkCli.parseGrid("C=0.5; kernel=rbf,3").combinations());
        var d = SparkCli.parseDistributions("C=loguniform:0.01:100;degree=int:2:4;kernel=choice:rbf,linear");
        assertEquals(List.of("C", "degree", "kernel"), d.names());
        se.reset();
        assertEquals(2, SparkCli.run(new String[] {"search", "--model", "KernelSvm", "--random", "3", "--dist", "C=normal:0:1",
                "a", "b"}, out, err));
        assertTrue(se.toString().contains("bad --dist kind 'normal'"), se.toString());
    }
}
