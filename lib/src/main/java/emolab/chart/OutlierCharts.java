package emolab.chart;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Charts for outlier detection (notebook 04): score distributions, 2-D views, the removal effect. */
public final class OutlierCharts {
    private OutlierCharts() {}

    private static final Color OUTLIER = new Color(0xd62728);
    private static final Color INLIER = new Color(0x9e9e9e);

    /**
     * Histogram of {@code scores} ({@code bins} equal-width bins, drawn as steps) with the
     * threshold as a vertical red line; non-finite scores are left out (their count is in the title).
     */
    public static XYChart scoreHistogram(double[] scores, double threshold, int bins, String title) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        double[] v = Arrays.stream(scores).filter(Double::isFinite).toArray();
        if (v.length == 0) throw new IllegalArgumentException("score histogram '" + title + "': no finite scores");
        int dropped = scores.length - v.length;
        double lo = Arrays.stream(v).min().getAsDouble(), hi = Arrays.stream(v).max().getAsDouble();
        if (Double.isFinite(threshold)) {
            lo = Math.min(lo, threshold);
            hi = Math.max(hi, threshold);
        }
        if (hi == lo) hi = lo + 1;
        double w = (hi - lo) / bins;
        int[] counts = new int[bins];
        for (double x : v) counts[Math.min(bins - 1, (int) ((x - lo) / w))]++;
        double[] xs = new double[2 * bins + 2], ys = new double[2 * bins + 2];
        int max = 0;
        for (int b = 0; b < bins; b++) {
            // the last edge is hi itself: lo + bins·w can round one ulp above hi, and XChart refuses an
            // area series whose x falls back (found on a full-size corpus: "X-Data must be in ascending order")
            xs[2 * b + 1] = lo + b * w;
            xs[2 * b + 2] = b == bins - 1 ? hi : lo + (b + 1) * w;
            ys[2 * b + 1] = counts[b];
            ys[2 * b + 2] = counts[b];
            max = Math.max(max, counts[b]);
        }
        xs[0] = lo;
        xs[2 * bins + 1] = hi;
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(320)
                .title(dropped == 0 ? title : title + " (" + dropped + " non-finite left out)")
                .xAxisTitle("score (higher = more outlying)").yAxisTitle("rows").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE);
        XYSeries h = chart.addSeries("scores", xs, ys);
        h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        h.setMarker(SeriesMarkers.NONE);
        h.setFillColor(new Color(0x4c78a8));
        h.setLineColor(new Color(0x4c78a8));
        if (Double.isFinite(threshold)) {
            XYSeries t = chart.addSeries(String.format(Locale.ROOT, "threshold %.4g", threshold),
                    new double[] {threshold, threshold}, new double[] {0, max});
            t.setMarker(SeriesMarkers.NONE);
            t.setLineColor(OUTLIER);
            t.setLineWidth(2f);
        }
        return chart;
    }

    /** A 2-D scatter (e.g. PCA or t-SNE coordinates) with the flagged rows in red on top. */
    public static XYChart scatter(double[][] xy, boolean[] outlier, String title, String xLabel, String yLabel) {
        if (xy.length != outlier.length)
            throw new IllegalArgumentException(xy.length + " points but " + outlier.length + " flags");
        int k = 0;
        for (boolean b : outlier) if (b) k++;
        double[] ix = new double[xy.length - k], iy = new double[xy.length - k], ox = new double[k], oy = new double[k];
        for (int i = 0, a = 0, b = 0; i < xy.length; i++) {
            if (outlier[i]) {
                ox[b] = xy[i][0];
                oy[b++] = xy[i][1];
            } else {
                ix[a] = xy[i][0];
                iy[a++] = xy[i][1];
            }
        }
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT + 80).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(4).setLegendPosition(Styler.LegendPosition.InsideNE);
        if (ix.length > 0) {
            XYSeries s = chart.addSeries("inliers (" + ix.length + ")", ix, iy);
            s.setMarkerColor(INLIER);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        if (ox.length > 0) {
            XYSeries s = chart.addSeries("outliers (" + ox.length + ")", ox, oy);
            s.setMarkerColor(OUTLIER);
            s.setMarker(SeriesMarkers.DIAMOND);
        }
        return chart;
    }

    /**
     * One line per detector: {@code metric} (a numeric column, e.g. {@code macro_f1}) against
     * {@code removed_pct}, from the table of {@code emolab.outliers.OutlierRemovalEffect.run};
     * rows without numbers (not applicable) are left out.
     */
    public static XYChart removalEffect(Table results, String metric, String title) {
        for (String c : List.of("detector", "removed_pct", metric))
            if (!results.containsColumn(c))
                throw new IllegalArgumentException("table '" + results.name() + "' has no column '" + c + "'");
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH + 160).height(Charts.HEIGHT + 60).title(title)
                .xAxisTitle("training rows removed (%)").yAxisTitle(metric).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideE)
                .setMarkerSize(5);
        for (String name : new LinkedHashSet<>(results.stringColumn("detector").asList())) {
            Table t = results.where(results.stringColumn("detector").isEqualTo(name));
            double[] x = t.numberColumn("removed_pct").asDoubleArray(), y = t.numberColumn(metric).asDoubleArray();
            int[] ok = java.util.stream.IntStream.range(0, y.length).filter(i -> !Double.isNaN(x[i]) && !Double.isNaN(y[i])).toArray();
            if (ok.length == 0) continue; // a detector that was not applicable has no line
            chart.addSeries(name, java.util.Arrays.stream(ok).mapToDouble(i -> x[i]).toArray(),
                    java.util.Arrays.stream(ok).mapToDouble(i -> y[i]).toArray());
        }
        return chart;
    }

    /** A heat map of the top-k overlap between the detectors of a comparison (values to 2 decimals). */
    public static HeatMapChart overlapHeatmap(emolab.outliers.OutlierComparison c) {
        return Charts.heatmap(rounded(c.overlap()), c.names(), c.names(), "Top-" + c.k() + " overlap between detectors");
    }

    /** A heat map of Spearman's ρ between the detectors' scores (values to 2 decimals). */
    public static HeatMapChart spearmanHeatmap(emolab.outliers.OutlierComparison c) {
        return Charts.heatmap(rounded(c.spearman()), c.names(), c.names(), "Spearman rank correlation of scores");
    }

    private static double[][] rounded(double[][] m) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) r[i][j] = Math.round(m[i][j] * 100) / 100.0;
        }
        return r;
    }
}
