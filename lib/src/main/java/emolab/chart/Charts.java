package emolab.chart;

import emolab.data.Audio;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Ready-made XChart charts for the notebooks. Each returns a chart that the notebook display shows
 * inline when it is the last value of a cell.
 */
public final class Charts {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;

    private Charts() {}

    /** Bar chart of how often each value of {@code column} occurs (values in natural order). */
    public static CategoryChart counts(Table table, String column, String title) {
        Column<?> c = column(table, column);
        Map<Comparable<Object>, Integer> counts = new TreeMap<>();
        for (int r = 0; r < c.size(); r++) {
            @SuppressWarnings("unchecked")
            Comparable<Object> v = (Comparable<Object>) (c.isMissing(r) ? "(missing)" : c.get(r));
            counts.merge(v, 1, Integer::sum);
        }
        List<String> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        counts.forEach((k, v) -> {
            xs.add(String.valueOf(k));
            ys.add(v);
        });
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(column).yAxisTitle("recordings").build();
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(xs.size() > 8 ? 45 : 0);
        chart.addSeries(column, xs, ys);
        return chart;
    }

    /** Histogram of {@code values} with {@code bins} equal-width bins. */
    public static CategoryChart histogram(double[] values, int bins, String title, String xLabel) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length == 0) throw new IllegalArgumentException("histogram '" + title + "': no finite values");
        double lo = Arrays.stream(v).min().getAsDouble(), hi = Arrays.stream(v).max().getAsDouble();
        if (hi == lo) hi = lo + 1;
        double w = (hi - lo) / bins;
        int[] counts = new int[bins];
        for (double x : v) counts[Math.min(bins - 1, (int) ((x - lo) / w))]++;
        List<String> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            xs.add(fmt(lo + (b + 0.5) * w));
            ys.add(counts[b]);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle("count").build();
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAvailableSpaceFill(0.98).setOverlapped(true).setXAxisLabelRotation(45);
        chart.getStyler().setXAxisTickMarkSpacingHint(60);
        chart.addSeries(title, xs, ys);
        return chart;
    }

    /** Waveform (amplitude against seconds), drawn as a min/max envelope of at most ~2000 columns. */
    public static XYChart waveform(Audio audio, String title) {
        double[] s = audio.samples();
        int cols = Math.max(1, Math.min(2000, s.length));
        double step = s.length / (double) cols;
        double[] t = new double[2 * cols];
        double[] y = new double[2 * cols];
        for (int c = 0; c < cols; c++) {
            int a = (int) (c * step), b = Math.max(a + 1, (int) ((c + 1) * step));
            double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
            for (int i = a; i < Math.min(b, s.length); i++) {
                mn = Math.min(mn, s[i]);
                mx = Math.max(mx, s[i]);
            }
            double sec = a / (double) audio.sampleRate();
            t[2 * c] = sec;
            t[2 * c + 1] = sec;
            y[2 * c] = mn;
            y[2 * c + 1] = mx;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(300).title(title).xAxisTitle("time (s)")
                .yAxisTitle("amplitude").build();
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        XYSeries series = chart.addSeries("waveform", t, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineWidth(0.6f);
        return chart;
    }

    /** Box plots of {@code valueColumn} for each value of {@code groupColumn}. */
    public static BoxChart boxPlot(Table table, String valueColumn, String groupColumn, String title) {
        Column<?> v = column(table, valueColumn), g = column(table, groupColumn);
        Map<String, List<Double>> groups = new TreeMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (v.isMissing(r) || g.isMissing(r)) continue;
            groups.computeIfAbsent(String.valueOf(g.get(r)), k -> new ArrayList<>()).add(((Number) v.get(r)).doubleValue());
        }
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(groupColumn)
                .yAxisTitle(valueColumn).build();
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        groups.forEach(chart::addSeries);
        return chart;
    }

    /** Heat map of a matrix ({@code m[row][col]}), e.g. correlations or a confusion matrix. */
    public static HeatMapChart heatmap(double[][] m, List<String> colLabels, List<String> rowLabels, String title) {
        if (m.length != rowLabels.size()) throw new IllegalArgumentException("heatmap: " + m.length + " rows but " + rowLabels.size() + " row labels");
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(WIDTH - 60).title(title).build();
        chart.getStyler().setShowValue(m.length <= 12);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setXAxisLabelRotation(90);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : m)
            for (double v : row)
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
        if (lo < 0 && hi > 0) { // diverging: white at zero
            double a = Math.max(-lo, hi);
            chart.getStyler().setMin(-a).setMax(a)
                    .setRangeColors(new Color[] {new Color(0x3b4cc0), Color.WHITE, new Color(0xb40426)});
        } else {
            chart.getStyler().setMin(Math.min(lo, 0)).setMax(hi > lo ? hi : lo + 1)
                    .setRangeColors(new Color[] {Color.WHITE, new Color(0xf4a582), new Color(0xb40426)});
        }
        chart.getStyler().setHeatMapValueDecimalPattern("0.##");
        List<Number[]> data = new ArrayList<>();
        for (int r = 0; r < m.length; r++) {
            if (m[r].length != colLabels.size()) throw new IllegalArgumentException("heatmap: row " + r + " has " + m[r].length + " values but " + colLabels.size() + " column labels");
            for (int c = 0; c < m[r].length; c++) data.add(new Number[] {c, m.length - 1 - r, m[r][c]});
        }
        List<String> ys = new ArrayList<>(rowLabels);
        java.util.Collections.reverse(ys);
        chart.addSeries(title, colLabels, ys, data);
        return chart;
    }

    private static Column<?> column(Table t, String name) {
        if (!t.containsColumn(name))
            throw new IllegalArgumentException("table '" + t.name() + "' has no column '" + name + "' (columns: " + t.columnNames() + ")");
        return t.column(name);
    }

    static String fmt(double x) {
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-2 || a >= 1e5)) return String.format(java.util.Locale.ROOT, "%.2e", x);
        return String.format(java.util.Locale.ROOT, a >= 100 ? "%.0f" : "%.2f", x);
    }
}
