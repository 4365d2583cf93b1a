package emolab.spark;

import java.util.List;
import java.util.stream.IntStream;

import emolab.prep.LabeledData;
import emolab.classify.tune.CrossValidation;
import emolab.classify.tune.GridSearch;
import emolab.classify.tune.RandomSearch;
import emolab.classify.tune.SearchResult;
import emolab.classify.tune.SearchTasks;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Grouped-CV grid or random search on Spark: each (parameters, fold) pair of the search is one
 * Spark task (one partition each), the training data and the task list are broadcast once, and
 * the fold scores come back in task order to {@link SearchTasks#assemble} — so the result table is
 * the local search's ({@link GridSearch#run}), same combinations, same seeds, same scores; only
 * the measured fit times differ. The best combination is refitted on the driver.
 *
 * <pre>{@code
 * SearchResult r = SparkSearch.run(spark, GridSearch.of(Classifiers.kernelSvm(), ParamGrid.of("C", 1, 10))
 *         .folds(CrossValidation.leaveActorsOut(train, 6)).tasks(), train);
 * }</pre>
 */
public final class SparkSearch {
    private SparkSearch() {}

    /** Runs {@code tasks} on the cluster of {@code spark} over {@code data} (which must carry actor groups). */
    public static SearchResult run(SparkSession spark, SearchTasks tasks, LabeledData data) {
        tasks.check(data);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SearchTasks> bt = jsc.broadcast(tasks);
        Broadcast<LabeledData> bd = jsc.broadcast(data);
        try {
            int n = tasks.size();
            List<Integer> ids = IntStream.range(0, n).boxed().toList();
            jsc.setJobDescription("emolab search: " + tasks.combinations().size() + " combinations x " + tasks.numFolds() + " folds");
            List<CrossValidation.FoldScore> scores = jsc.parallelize(ids, n).map(i -> bt.value().run(i, bd.value())).collect();
            return tasks.assemble(scores, data);
        } finally {
            bt.destroy();
            bd.destroy();
        }
    }

    /** {@link #run(SparkSession, SearchTasks, LabeledData)} of a grid search. */
    public static SearchResult run(SparkSession spark, GridSearch search, LabeledData data) {
        return run(spark, search.tasks(), data);
    }

    /** {@link #run(SparkSession, SearchTasks, LabeledData)} of a random search. */
    public static SearchResult run(SparkSession spark, RandomSearch search, LabeledData data) {
        return run(spark, search.tasks(), data);
    }
}
