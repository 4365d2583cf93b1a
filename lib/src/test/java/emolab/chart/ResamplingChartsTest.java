package emolab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import emolab.imbalance.Resampled;
import emolab.imbalance.SMOTE;
import smile.feature.extraction.PCA;

/** {@link ResamplingCharts#pcaScatter}: one series per class and origin, sizes in the names, points projected. */
class ResamplingChartsTest {
    @Test
    void seriesPerClassAndOrigin() {
        Random r = new Random(2);
        double[][] X = new double[60][4];
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            y[i] = i < 50 ? 0 : 1;
            for (int j = 0; j < 4; j++) X[i][j] = r.nextGaussian() + (y[i] == 1 ? 2 : 0) * (j + 1);
        }
        Resampled out = new SMOTE().kNeighbors(3).seed(0).fitResample(X, y);
        PCA pca = ResamplingCharts.pca2(X);
        XYChart c = ResamplingCharts.pcaScatter(pca, out, new String[] {"speech", "song"}, "after SMOTE");
        assertEquals(3, c.getSeriesMap().size());
        assertTrue(c.getSeriesMap().containsKey("speech 50"));
        assertTrue(c.getSeriesMap().containsKey("song 10"));
        assertTrue(c.getSeriesMap().containsKey("song (synthetic) 40"));
        double[] z = pca.apply(X[55]);
        double[] xs = c.getSeriesMap().get("song 10").getXData();
        assertEquals(z[0], xs[5], 1e-12);
        assertTrue(emolab.notebook.EmoLabDisplayProvider.pngBytes(c).length > 1000);
        assertThrows(IllegalArgumentException.class, () -> ResamplingCharts.pca2(new double[2][3]));
    }

    @Test
    void aNotApplicableRunShowsItsReasonInsteadOfAChart() {
        // 50 speech rows and 4 song rows: SMOTE (k = 5) refuses, random over-sampling runs
        Random r = new Random(3);
        double[][] X = new double[54][3];
        int[] y = new int[54];
        for (int i = 0; i < 54; i++) {
            y[i] = i < 50 ? 0 : 1;
            for (int j = 0; j < 3; j++) X[i][j] = r.nextGaussian() + y[i];
        }
        emolab.imbalance.ResamplingStudy.Results res = emolab.imbalance.ResamplingStudy.of(new emolab.prep.LabeledData(X, y, new String[] {"speech", "song"}, null, null),
                new emolab.prep.LabeledData(X, y, new String[] {"speech", "song"}, null, null))
                .learner("knn", emolab.imbalance.ExactKnn.of(3)).sampler("SMOTE", new SMOTE().seed(0))
                .sampler("ROS", new emolab.imbalance.RandomOverSampler().seed(0)).run(null);
        PCA pca = ResamplingCharts.pca2(X);
        Object refused = ResamplingCharts.pcaScatter(pca, res.run("knn", "SMOTE"), new String[] {"speech", "song"}, "after SMOTE");
        tech.tablesaw.api.Table t = (tech.tablesaw.api.Table) refused;
        assertEquals("after SMOTE", t.name());
        assertEquals("knn + SMOTE", t.stringColumn("learner + sampler").get(0));
        assertTrue(t.stringColumn("note").get(0).startsWith("not applicable: SMOTE: k_neighbors = 5"), t.stringColumn("note").get(0));
        assertTrue(ResamplingCharts.pcaScatter(pca, res.run("knn", "ROS"), new String[] {"speech", "song"}, "after ROS") instanceof XYChart);
        assertTrue(ResamplingCharts.confusionMatrix(res, "knn", "SMOTE", "cm") instanceof tech.tablesaw.api.Table);
        assertTrue(ResamplingCharts.confusionMatrix(res, "knn", "ROS", "cm") instanceof org.knowm.xchart.HeatMapChart);
    }
}
