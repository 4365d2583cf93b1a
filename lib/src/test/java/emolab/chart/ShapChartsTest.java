package emolab.chart;

import static org.junit.jupiter.api.Assertions.*;

import emolab.prep.LabeledData;
import emolab.explain.Explanation;
import emolab.explain.Explanations;
import emolab.classify.models.Classifiers;
import emolab.explain.TreeShap;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** The shap plots render, carry the right series and values, and reject unknown names. */
class ShapChartsTest {

    static Explanations explanations() {
        Random r = new Random(1);
        int n = 200;
        double[][] x = new double[n][5];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) x[i][j] = r.nextGaussian();
            y[i] = x[i][0] + x[i][1] * x[i][2] > 0 ? 1 : 0;
        }
        LabeledData d = new LabeledData(x, y, new String[] {"calm", "angry"}, null, List.of("mfcc_mean", "std", "sc_q25", "zc_sum", "kur"));
        return TreeShap.of(Classifiers.randomForest().with("n_estimators", 20).with("max_depth", 19).with("max_leaf_nodes", 40)
                .with("min_samples_leaf", 5).with("random_state", 2).fit(d)).explain(x);
    }

    @Test
    void everyPlotRendersWithTheExpectedContent() throws Exception {
        Explanations e = explanations();
        CategoryChart bar = ShapCharts.bar(e, 4);
        assertEquals(2, bar.getSeriesMap().size(), "one stacked series per class");
        assertEquals(4, bar.getSeriesMap().get("calm").getXData().size());
        // the first bar is the most important feature overall
        assertEquals(e.features().get(Explanations.order(e.meanAbs())[0]), bar.getSeriesMap().get("calm").getXData().iterator().next());
        XYChart bee = ShapCharts.beeswarm(e, "angry", 5);
        int points = bee.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("value bin")).mapToInt(s -> s.getXData().length).sum();
        assertEquals(5 * e.size(), points, "one point per row and feature");
        Explanation one = e.row(0);
        XYChart wf = ShapCharts.waterfall(one, "angry", 3);
        // the bars chain from the base value to the model output
        double end = wf.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("bar ")).reduce((a, b) -> b).orElseThrow().getXData()[1];
        assertEquals(one.output()[1], end, 1e-12);
        XYChart dep = ShapCharts.dependence(e, "angry", "std", null);
        assertTrue(dep.getTitle().contains("colour: "), dep.getTitle());
        var heat = ShapCharts.heatmap(e, 5);
        Path dir = Path.of("target", "shap-charts");
        Files.createDirectories(dir);
        for (var entry : java.util.Map.<String, Chart<?, ?>>of("bar", bar, "beeswarm", bee, "waterfall", wf, "dependence", dep, "heatmap", heat).entrySet()) {
            BufferedImage img = BitmapEncoder.getBufferedImage(entry.getValue());
            assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
            BitmapEncoder.saveBitmap(entry.getValue(), dir.resolve(entry.getKey()).toString(), BitmapEncoder.BitmapFormat.PNG);
        }
        assertThrows(IllegalArgumentException.class, () -> ShapCharts.beeswarm(e, "happy", 5));
        assertThrows(IllegalArgumentException.class, () -> ShapCharts.dependence(e, "angry", "nope", null));
        assertThrows(IllegalArgumentException.class, () -> ShapCharts.bar(e, 0));
    }
}
