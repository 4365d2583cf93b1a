package emolab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import emolab.classify.eval.ClassificationReport;
import emolab.classify.eval.Normalization;
import emolab.classify.eval.ScoreReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Each evaluation chart renders to a PNG of the chart's size and carries the expected series. */
class ClassificationChartsTest {
    static final String[] CLASSES = {"angry", "calm", "happy", "sad"};

    /** Seeded 4-class probabilities that favour the true class. */
    static ScoreReport scores() {
        Random rnd = new Random(3);
        int n = 80;
        int[] y = new int[n];
        double[][] p = new double[n][4];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            double s = 0;
            for (int c = 0; c < 4; c++) s += p[i][c] = rnd.nextDouble() + (c == y[i] ? 0.8 : 0);
            for (int c = 0; c < 4; c++) p[i][c] /= s;
        }
        return ScoreReport.of(CLASSES, y, p);
    }

    static BufferedImage png(Chart<?, ?> chart, String name) throws IOException {
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        assertTrue(bytes.length > 1000, name + ": PNG of " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(chart.getWidth(), img.getWidth());
        assertEquals(chart.getHeight(), img.getHeight());
        String dir = System.getenv("EMOLAB_CHART_DUMP"); // optional: write the PNGs there to look at them
        if (dir != null) Files.write(Path.of(dir, name + ".png"), bytes);
        return img;
    }

    static List<String> series(Chart<?, ?> chart) {
        return List.copyOf(chart.getSeriesMap().keySet());
    }

    @Test
    void confusionMatrixHeatMaps() throws IOException {
        ClassificationReport r = scores().classificationReport();
        HeatMapChart counts = ClassificationCharts.confusionMatrix(r);
        assertEquals(1, counts.getSeriesMap().size());
        var s = counts.getSeriesMap().values().iterator().next();
        assertEquals(List.of(CLASSES), s.getXData());
        assertEquals(List.of("sad", "happy", "calm", "angry"), s.getYData()); // first class at the top
        // cell (predicted angry, true angry) holds the count
        int[][] cm = r.confusionMatrix();
        List<Number[]> heat = List.copyOf(s.getHeatData());
        Number[] cell = heat.stream().filter(d -> d[0].intValue() == 0 && d[1].intValue() == 3).findFirst().orElseThrow();
        assertEquals((double) cm[0][0], cell[2].doubleValue());
        assertTrue(counts.getStyler().isShowValue());
        png(counts, "confusion_counts");
        for (Normalization n : Normalization.values()) {
            HeatMapChart norm = ClassificationCharts.confusionMatrix(r, n);
            var ns = norm.getSeriesMap().values().iterator().next();
            List<Number[]> nh = List.copyOf(ns.getHeatData());
            double max = nh.stream().mapToDouble(d -> d[2].doubleValue()).max().orElseThrow();
            assertTrue(max <= 1.0 && max > 0, n + " max " + max);
            png(norm, "confusion_" + n);
        }
        assertThrows(IllegalArgumentException.class, () -> ClassificationCharts.confusionMatrix(CLASSES, new double[3][4], "x", true));
    }

    @Test
    void rocAndPrecisionRecallCurves() throws IOException {
        ScoreReport r = scores();
        XYChart roc = ClassificationCharts.roc(r);
        List<String> names = series(roc);
        assertEquals(CLASSES.length + 3, names.size());
        for (int c = 0; c < CLASSES.length; c++) assertTrue(names.get(c).startsWith(CLASSES[c] + " (AUC "), names.get(c));
        assertTrue(names.get(4).startsWith("macro average (AUC "));
        assertTrue(names.get(5).startsWith("micro average (AUC "));
        assertEquals("chance", names.get(6));
        png(roc, "roc");

        XYChart pr = ClassificationCharts.precisionRecall(r);
        names = series(pr);
        assertEquals(CLASSES.length + 1, names.size());
        assertTrue(names.get(0).startsWith("angry (AP "));
        assertTrue(names.get(4).startsWith("micro average (AP "));
        png(pr, "precision_recall");

        XYChart two = ClassificationCharts.roc(new java.util.LinkedHashMap<>(java.util.Map.of("model A", r.rocCurves()[0])), "models");
        assertEquals(2, two.getSeriesMap().size());
        png(two, "roc_models");
    }

    @Test
    void featureImportanceBars() throws IOException {
        String[] names = new String[30];
        double[] v = new double[30], sd = new double[30];
        for (int i = 0; i < 30; i++) {
            names[i] = "mfcc_" + i + "_mean";
            v[i] = Math.sin(i) * 0.05 + 0.06;
            sd[i] = 0.01;
        }
        XYChart chart = ClassificationCharts.featureImportance(names, v, sd, 12, "Permutation importance");
        assertEquals(List.of("importance", "± std"), series(chart));
        // 12 bars of 4 corners; the top bar (largest y) is the largest value
        double[] bx = chart.getSeriesMap().get("importance").getXData();
        assertEquals(48, bx.length);
        double max = java.util.Arrays.stream(v).max().orElseThrow();
        assertEquals(max, bx[1], 0); // first drawn bar = rank 1
        png(chart, "importance");
        // XChart 3.8.8 loops forever on non-distinct tick labels: every bar count must render promptly
        for (int k : new int[] {1, 2, 3, 4, 5, 7, 9, 16, 25, 30}) {
            XYChart c = ClassificationCharts.featureImportance(names, v, sd, k, "top " + k);
            BufferedImage img = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                    () -> png(c, "importance_top" + k));
            assertEquals(c.getHeight(), img.getHeight());
        }
        String[] same = {"f", "f", "g"};
        png(ClassificationCharts.featureImportance(same, new double[] {1, 2, 3}, null, 3, "duplicate names"), "importance_dup");
        XYChart noStd = ClassificationCharts.featureImportance(names, v, null, 5, "top 5");
        assertEquals(List.of("importance"), series(noStd));
        png(noStd, "importance_nostd");
        Table t = Table.create("imp").addColumns(StringColumn.create("feature", names), DoubleColumn.create("importance", v));
        assertEquals(20, ClassificationCharts.featureImportance(t, "feature", "importance", null, 5).getSeriesMap().get("importance").getXData().length);
        assertThrows(IllegalArgumentException.class, () -> ClassificationCharts.featureImportance(names, new double[3], null, 5, "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationCharts.featureImportance(t, "feature", "gain", null, 5));
        assertTrue(e.getMessage().contains("no column 'gain'"));
    }

    @Test
    void tuningCurves() throws IOException {
        double[] c = {0.01, 0.1, 1, 10, 100};
        double[] m = {0.30, 0.41, 0.45, 0.44, 0.40}, s = {0.05, 0.04, 0.04, 0.05, 0.06};
        XYChart chart = ClassificationCharts.tuningCurve(c, m, s, "C", "accuracy", true);
        assertEquals(List.of("± std", "mean accuracy"), series(chart));
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        png(chart, "tuning");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationCharts.tuningCurve(new double[] {0, 1}, new double[] {.1, .2}, null, "C", "accuracy", true));
        assertTrue(e.getMessage().contains("logarithmic"));
        Table grid = Table.create("grid").addColumns(
                DoubleColumn.create("C", 10, 1, 1, 10), StringColumn.create("kernel", "rbf", "rbf", "linear", "linear"),
                DoubleColumn.create("mean_score", .45, .4, .42, .41), DoubleColumn.create("std_score", .03, .02, .02, .01));
        XYChart grouped = ClassificationCharts.tuningCurve(grid, "C", "mean_score", "std_score", "kernel", true);
        assertEquals(List.of("kernel=rbf ± std", "kernel=rbf", "kernel=linear ± std", "kernel=linear"), series(grouped));
        png(grouped, "tuning_grouped");
        // lines are sorted by x: the rbf line goes C = 1 → 10 with scores .40 → .45
        assertEquals(.45, grouped.getSeriesMap().get("kernel=rbf").getYData()[1], 0);
        XYChart single = ClassificationCharts.tuningCurve(grid, "C", "mean_score", null, null, false);
        assertEquals(List.of("mean mean_score"), series(single));
        e = assertThrows(IllegalArgumentException.class, () -> ClassificationCharts.tuningCurve(grid, "C", "kernel", null, null, false));
        assertTrue(e.getMessage().contains("not numeric"), e.getMessage());
    }

    @Test
    void lossCurve() throws IOException {
        double[] train = {2.0, 1.5, 1.2, 1.0, 0.9, 0.85}, val = {2.1, 1.7, 1.5, 1.45, 1.5, 1.6};
        XYChart chart = ClassificationCharts.lossCurve(train, val, "MLP training");
        assertEquals(List.of("train loss", "validation loss", "best epoch (4)"), series(chart));
        png(chart, "loss");
        assertEquals(List.of("train loss"), series(ClassificationCharts.lossCurve(train, null, "no validation")));
        assertThrows(IllegalArgumentException.class, () -> ClassificationCharts.lossCurve(new double[] {1, Double.NaN}, null, "x"));
    }
}
