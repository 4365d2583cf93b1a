package emolab;

import emolab.timeseries.rocket.SeriesSource;
import static org.junit.jupiter.api.Assertions.*;

import emolab.classify.Classifier;
import emolab.classify.models.Classifiers;
import emolab.prep.CourseTables;
import emolab.prep.LabeledData;
import emolab.classify.tune.CrossValidation;
import emolab.classify.tune.GridSearch;
import emolab.classify.tune.ParamGrid;
import emolab.data.CorpusFiles;
import emolab.explain.TreeShap;
import emolab.features.course.CourseFeatures;
import emolab.features.engine.CsvIO;
import emolab.features.engine.FeatureExtractor;
import emolab.features.engine.ExtractionProgress;
import emolab.features.rich.RichFeatures;
import emolab.imbalance.Resampled;
import emolab.imbalance.SMOTE;
import emolab.outliers.IsolationForest;
import emolab.prep.Csv;
import emolab.prep.Preparation;
import emolab.timeseries.distances.DistanceMatrix;
import emolab.timeseries.rocket.MiniRocket;
import emolab.timeseries.rocket.ParallelTransform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Every stage's core computation gives bit-identical numbers with 1, 2 and 8 threads, on real data
 * from {@code ../shared}. Parallel streams are steered by running the computation as a task of a
 * custom {@link ForkJoinPool} of that size (parallel streams use the pool of the task that starts
 * them); components with their own thread knob ({@code FeatureExtractor.threads},
 * {@code GridSearch.threads}, {@code CrossValidation.run(..., threads)},
 * {@code ParallelTransform.threads}) get the same count through it as well. Results are compared
 * with {@link Arrays#deepEquals} / exact text of {@link Double#toString}: no tolerance.
 *
 * <p>Limits: parallel streams started from threads that are not pool workers (inside
 * {@code GridSearch}'s own executor, and {@code MiniRocket.fit}, which makes its own pool of one
 * thread per core) use the JVM's common pool or that pool, whose size this test does not vary;
 * their results are still compared across the outer thread counts.
 */
class ThreadCountDeterminismTest {
    private static final int[] THREADS = {1, 2, 8};

    static <T> T inPool(int threads, Callable<T> task) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } finally {
            pool.shutdown();
        }
    }

    /** Runs {@code stage} with each thread count and asserts every result equals the 1-thread one. */
    static <T> void sameForAllThreadCounts(String stage, IntFunction<Callable<T>> stageWithThreads) throws Exception {
        T first = null;
        for (int t : THREADS) {
            T r = inPool(t, stageWithThreads.apply(t));
            if (first == null) first = r;
            else assertTrue(Arrays.deepEquals(new Object[] {first}, new Object[] {r}),
                    stage + ": result with " + t + " threads differs from the 1-thread result");
        }
        System.out.println("deterministic across 1/2/8 threads: " + stage);
    }

    @Test
    void poolSizeReallySteersParallelStreams() throws Exception {
        for (int t : THREADS) {
            long workers = inPool(t, () -> java.util.stream.IntStream.range(0, 64).parallel().mapToObj(i -> {
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Thread.currentThread();
            }).distinct().peek(th -> assertTrue(th.getName().startsWith("ForkJoinPool-"), th.getName())).count());
            if (t == 1) assertEquals(1, workers);
            else assertTrue(workers > 1 && workers <= t, t + " threads: " + workers + " workers used");
        }
    }

    private static LabeledData courseTrain() {
        return CourseTables.load(SharedData.require("ravdess/features"), "emotion").train();
    }

    /** The first {@code n} rows of each class (keeps the heavier stages quick). */
    private static LabeledData subset(LabeledData d, int perClass) {
        List<Integer> keep = new ArrayList<>();
        int[] count = new int[d.numClasses()];
        for (int i = 0; i < d.size(); i++) if (count[d.y()[i]]++ < perClass) keep.add(i);
        return d.rows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void featureExtraction() throws Exception {
        List<Path> files = CorpusFiles.wavs(SharedData.require("ravdess/wav16k/Actor_02")).files().subList(0, 12);
        for (var set : List.of(new CourseFeatures(), new RichFeatures()))
            sameForAllThreadCounts("features/" + set.name(), t -> () -> CsvIO.toCsv(
                    FeatureExtractor.builder().set(set).threads(t).progress(ExtractionProgress.NONE).build().extract(files).table()));
        sameForAllThreadCounts("features/course tableOf", t -> () -> CsvIO.toCsv(new CourseFeatures().tableOf(files)));
    }

    @Test
    void preparation() throws Exception {
        Table raw = Csv.read(SharedData.require("ravdess/features/raw_features_TEST.csv"));
        List<String> cols = new ArrayList<>();
        for (var c : raw.columns())
            if (c.type() == ColumnType.DOUBLE && !c.name().equals("frame_count")) cols.add(c.name());
        sameForAllThreadCounts("preparation (course chain: constant, duplicates, correlation, cube root, scaling)",
                t -> () -> CsvIO.toCsv(Preparation.course().fit(raw, cols).transform(raw)));
    }

    @Test
    void classification() throws Exception {
        LabeledData d = courseTrain();
        sameForAllThreadCounts("classify/random forest (Smile, 60 trees) probabilities", t -> () -> {
            Classifier m = Classifiers.randomForest().with("n_estimators", 60).fit(d);
            return m.predictProba(d.x());
        });
        LabeledData s = subset(d, 40);
        var folds = CrossValidation.leaveActorsOut(s, 3);
        sameForAllThreadCounts("classify/grid search (RF, actor-grouped CV)", t -> () -> CsvIO.toCsv(
                GridSearch.of(Classifiers.randomForest(), ParamGrid.of("n_estimators", 10, 20).and("max_depth", 4, 0))
                        .folds(folds).threads(t).refit(false).run(s).table().removeColumns("mean_fit_s", "std_fit_s")));
    }

    @Test
    void imbalance() throws Exception {
        LabeledData d = courseTrain();
        sameForAllThreadCounts("imbalance/SMOTE", t -> () -> {
            Resampled r = new SMOTE().kNeighbors(5).seed(3).fitResample(d.x(), d.y());
            return new Object[] {r.X(), r.y(), r.sampleIndices()};
        });
    }

    @Test
    void outliers() throws Exception {
        double[][] x = courseTrain().x();
        sameForAllThreadCounts("outliers/IsolationForest", t -> () -> {
            var m = new IsolationForest(200, 256, 11).fit(x);
            return new Object[] {m.trainingScores(), m.score(Arrays.copyOf(x, 100))};
        });
    }

    @Test
    void explain() throws Exception {
        LabeledData d = subset(courseTrain(), 60);
        var rf = smileForest(d, 40, 5);
        sameForAllThreadCounts("explain/TreeSHAP", t -> () -> {
            var e = TreeShap.of(rf).explain(Arrays.copyOf(d.x(), 60));
            double[][][] phi = new double[d.numClasses()][][];
            for (int c = 0; c < phi.length; c++) phi[c] = e.values(c);
            return new Object[] {phi, e.base(), e.outputs()};
        });
        sameForAllThreadCounts("explain/random forest fit (Smile)", t -> () -> {
            return smileForest(d, 20, 5).predictProba(Arrays.copyOf(d.x(), 50));
        });
    }

    /** Smile's random forest through the model contract (max_leaf_nodes set), seeded. */
    private static emolab.classify.Classifier smileForest(LabeledData d, int trees, int seed) {
        return emolab.classify.models.Classifiers.randomForest().with("n_estimators", trees).with("max_depth", 19)
                .with("max_leaf_nodes", Math.max(2, d.size() / 5)).with("min_samples_leaf", 5).with("random_state", seed).fit(d);
    }

    @Test
    void timeSeries() throws Exception {
        List<Path> files = CorpusFiles.wavs(SharedData.require("ravdess/wav16k/Actor_03")).files().subList(0, 24);
        double[][] series = new double[files.size()][];
        for (int i = 0; i < series.length; i++) {
            double[] x = emolab.data.WavReader.read(files.get(i)).samples();
            double[] s = new double[600]; // a down-sampled envelope: cheap but real
            int step = x.length / s.length;
            for (int j = 0; j < s.length; j++) s[j] = Math.abs(x[j * step]);
            series[i] = s;
        }
        sameForAllThreadCounts("timeseries/MiniRocket fit + transform", t -> () -> {
            MiniRocket mr = MiniRocket.fitUnivariate(series, MiniRocket.Options.defaults().withSeed(7));
            double[][][] x3 = new double[series.length][][];
            for (int i = 0; i < series.length; i++) x3[i] = new double[][] {series[i]};
            return ParallelTransform.builder().threads(t).blockSize(5).build()
                    .apply(mr, emolab.timeseries.rocket.SeriesSource.of(x3));
        });
        sameForAllThreadCounts("timeseries/DTW distance matrix", t -> () -> DistanceMatrix.dtw(series, 20, null));
    }
}
