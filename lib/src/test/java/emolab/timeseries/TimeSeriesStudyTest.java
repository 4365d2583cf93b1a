package emolab.timeseries;

import emolab.timeseries.classification.ComparisonTable;
import emolab.timeseries.classification.FeatureForest;
import emolab.timeseries.classification.OneNearestNeighbor;
import emolab.timeseries.clustering.ClusteringReport;
import emolab.timeseries.clustering.EuclideanKMeans;
import emolab.timeseries.clustering.KMedoids;
import emolab.timeseries.clustering.TimeSeriesKMeans;
import emolab.timeseries.distances.DistanceMatrix;
import emolab.timeseries.representations.SummaryStatistics;
import emolab.timeseries.rocket.MiniRocket;
import emolab.timeseries.rocket.ParallelTransform;
import emolab.timeseries.rocket.RidgeClassifierCV;
import emolab.timeseries.rocket.SeriesSource;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classification and clustering studies of notebook 06 on tiny data built to make methods
 * refuse: each refusal is a "not applicable" row, the other methods still run and are scored.
 */
class TimeSeriesStudyTest {

    private static double[][] series(int n, int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][length];
        for (int i = 0; i < n; i++) for (int t = 0; t < length; t++) x[i][t] = Math.sin(t * (0.2 + 0.1 * (i % 2))) + 0.1 * r.nextGaussian();
        return x;
    }

    @Test
    void classifiersThatCannotLearnOneClassAreNotApplicable() {
        double[][] train = series(6, 12, 1), test = series(4, 12, 2);
        int[] oneClass = new int[6];                       // every training series has label 0
        int[] two = {0, 1, 0, 1, 0, 1};
        int[] truth = {0, 1, 0, 1};
        ComparisonTable t = new ComparisonTable(truth);
        assertNull(t.run("raw", "summary statistics + random forest",
                () -> FeatureForest.of(10, 1).fitLabels(SummaryStatistics.of(train), oneClass).predict(SummaryStatistics.of(test))));
        SeriesSource src = SeriesSource.univariate(train);
        assertNull(t.run("raw", "MiniRocket + ridge", () -> {
            MiniRocket mr = MiniRocket.fit(src, MiniRocket.Options.defaults().withSeed(0));
            double[][] f = ParallelTransform.defaults().apply(mr, src);
            return RidgeClassifierCV.fit(f, oneClass, RidgeClassifierCV.Options.defaults())
                    .predict(ParallelTransform.defaults().apply(mr, SeriesSource.univariate(test)));
        }));
        assertNotNull(t.run("raw", "1-NN Euclidean", () -> OneNearestNeighbor.euclidean().fit(train, two).predict(test)));
        Table tab = t.table();
        assertEquals(3, tab.rowCount());
        assertTrue(tab.stringColumn("note").get(0).contains("FeatureForest: the training labels hold 1 class"), tab.stringColumn("note").get(0));
        assertTrue(tab.stringColumn("note").get(1).contains("ridge classifier"), tab.stringColumn("note").get(1));
        assertTrue(tab.doubleColumn("accuracy").isMissing(0) && tab.doubleColumn("accuracy").isMissing(1));
        assertEquals("", tab.stringColumn("note").get(2));
        assertEquals(1.0, tab.doubleColumn("accuracy").getDouble(2), 0.0, "the two frequencies are separable by 1-NN");
        String c = t.conclusions();
        assertTrue(c.contains("Best accuracy: raw · 1-NN Euclidean (1.000"), c);
        assertTrue(c.contains("raw · MiniRocket + ridge: not applicable: "), c);
        assertEquals(1.0, t.bestAccuracy("raw"), 0.0);
        assertTrue(Double.isNaN(t.bestAccuracy("frames")));
    }

    @Test
    void clusteringsWithMoreClustersThanSeriesAreNotApplicable() {
        double[][] x = series(5, 10, 3);
        Map<String, int[]> targets = new LinkedHashMap<>();
        targets.put("frequency", new int[] {0, 1, 0, 1, 0});
        ClusteringReport r = new ClusteringReport(targets);
        double[][] dE = DistanceMatrix.euclidean(x), dD = DistanceMatrix.dtw(x, 2, null);
        for (int k : new int[] {2, 8}) {
            r.run("k-means, k=" + k, () -> EuclideanKMeans.fit(x, k, 2, 1).labels(), dE);
            r.run("TimeSeriesKMeans, k=" + k, () -> TimeSeriesKMeans.fit(x, k, 2, 5, 1, 1, null), TimeSeriesKMeans::labels, dD);
            r.run("k-medoids, k=" + k, () -> KMedoids.fit(dD, k, 10, 1, 1).labels(), dD);
        }
        r.run("everything in one cluster", () -> new int[5], dE);
        Table t = r.table();
        assertEquals(7, t.rowCount());
        for (int i = 0; i < 3; i++) {
            assertEquals("", t.stringColumn("note").get(i), t.print());
            assertEquals(1.0, t.doubleColumn("ARI frequency").getDouble(i), 0.0, "k = 2 finds the two frequencies: " + t.print());
        }
        for (int i = 3; i < 6; i++)
            assertTrue(t.stringColumn("note").get(i).startsWith("not applicable: ") && t.stringColumn("note").get(i).contains("k = 8"), t.print());
        assertTrue(t.stringColumn("note").get(6).contains("silhouette needs 2 to n-1 clusters"), t.print());
        assertTrue(r.model("TimeSeriesKMeans, k=2").isPresent());
        assertTrue(r.model("TimeSeriesKMeans, k=8").isEmpty());
        String c = r.conclusions();
        assertTrue(c.startsWith("frequency: best ARI 1.000 (k-means, k=2)"), c);
        assertTrue(c.contains("k-medoids, k=8: not applicable: k-medoids: k = 8 clusters for 5 items"), c);
    }
}
