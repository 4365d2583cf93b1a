package emolab.timeseries;

import emolab.timeseries.classification.ComparisonTable;
import emolab.timeseries.clustering.ClusteringReport;
import emolab.timeseries.distances.DistanceMatrix;
import emolab.timeseries.distances.MatrixProfile;
import emolab.timeseries.representations.Paa;
import emolab.timeseries.representations.Sax;
import emolab.chart.TimeSeriesCharts;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notebook helpers: pitch contour, result tables, charts. */
class ReportingTest {
    @Test
    void pitchContourFillsUnvoicedGaps() {
        double[][] frames = new double[22][];
        for (int c = 0; c < 22; c++) frames[c] = new double[7];
        frames[FrameSeries.F0_CHANNEL] = new double[]{0, 10, 0, 0, 16, 0, 0};
        assertArrayEquals(new double[]{10, 10, 12, 14, 16, 16, 16}, FrameSeries.pitchContour(frames), 1e-12);
        // an isolated octave jump is removed by the running median
        frames[FrameSeries.F0_CHANNEL] = new double[]{10, 10, 10, 22, 10, 10, 10};
        assertArrayEquals(new double[]{10, 10, 10, 10, 10, 10, 10}, FrameSeries.pitchContour(frames), 0);
        // a voiced frame more than 10 semitones from the median is a tracking error
        frames[FrameSeries.F0_CHANNEL] = new double[]{10, 11, 12, 40, 12, 11, 10};
        // 40 -> gap -> interpolated 12; the running median keeps [10, 11, 12, 12, 12, 11, 10]
        assertArrayEquals(new double[]{10, 11, 12, 12, 12, 11, 10}, FrameSeries.pitchContour(frames), 1e-12);
        frames[FrameSeries.F0_CHANNEL] = new double[7];
        assertArrayEquals(new double[7], FrameSeries.pitchContour(frames), 0);
        // equal-length contours span first..last voiced frame
        frames[FrameSeries.F0_CHANNEL] = new double[]{0, 10, 11, 12, 13, 14, 0};
        List<double[][]> one = new java.util.ArrayList<>();
        one.add(frames);
        double[][] c = FrameSeries.pitchContours(one, 9);
        assertArrayEquals(new double[]{10, 10.5, 11, 11.5, 12, 12.5, 13, 13.5, 14}, c[0], 1e-12);
    }

    @Test
    void comparisonTableScoresAndTimes() {
        ComparisonTable t = new ComparisonTable(new int[]{0, 0, 1, 1, 2});
        int[] p = t.run("rep", "m", () -> new int[]{0, 1, 1, 1, 0});
        assertArrayEquals(new int[]{0, 1, 1, 1, 0}, p);
        Table tab = t.table();
        assertEquals(1, tab.rowCount());
        assertEquals(0.6, tab.doubleColumn("accuracy").get(0), 0);
        assertEquals(0.433, tab.doubleColumn("macro-F1").get(0), 0);
        assertTrue(tab.doubleColumn("time (s)").get(0) >= 0);
    }

    @Test
    void clusteringReportRows() {
        Map<String, int[]> targets = new LinkedHashMap<>();
        targets.put("a", new int[]{0, 0, 1, 1});
        targets.put("b", new int[]{0, 1, 0, 1});
        ClusteringReport r = new ClusteringReport(targets);
        double[][] d = DistanceMatrix.euclidean(new double[][]{{0}, {1}, {10}, {11}});
        r.add("perfect for a", new int[]{3, 3, 7, 7}, d);
        Table t = r.table();
        assertEquals(List.of("clustering", "k", "silhouette", "ARI a", "NMI a", "ARI b", "NMI b", "note"), t.columnNames());
        assertEquals(1.0, t.doubleColumn("ARI a").get(0), 0);
        assertEquals(-0.5, t.doubleColumn("ARI b").get(0), 0);
        assertEquals(Math.round(359.0 / 399 * 1000) / 1000.0, t.doubleColumn("silhouette").get(0), 0);
        assertEquals(2, t.intColumn("k").get(0));
        assertThrows(IllegalArgumentException.class, () -> r.add("short", new int[]{0, 1}, d));
    }

    @Test
    void chartsRender() {
        double[] x = new double[400];
        for (int i = 0; i < 400; i++) x[i] = Math.sin(i * 0.1) + (i > 200 && i < 220 ? 1 : 0);
        BufferedImage mp = TimeSeriesCharts.matrixProfile(x, MatrixProfile.compute(x, 20), 0.01, "test");
        assertTrue(mp.getHeight() > 400);
        BufferedImage ex = TimeSeriesCharts.examplesPerClass(List.of(x, x, x), new int[]{0, 1, 1}, List.of("a", "b"), 2, 0.01, "t", "v");
        assertEquals(600, ex.getWidth());
        double[] z = ZNormalization.apply(x);
        assertEquals(3, TimeSeriesCharts.paaAndSax(z, Paa.of(20), new Sax(5), 0.01, "p").getSeriesMap().size());
        assertEquals(2, TimeSeriesCharts.centroids(new double[][]{x, x}, new int[]{0, 1, 1}, 1, "c", "t").getSeriesMap().size());
    }
}
