package emolab.chart;

import emolab.explain.Explanation;
import emolab.explain.Explanations;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The shap library's plots for {@link Explanations}, drawn with XChart: global bar (mean |SHAP|),
 * beeswarm (summary), waterfall of one prediction, dependence plot and a per-class heat map.
 * Colours follow shap: blue = low feature value / negative push, red = high / positive.
 */
public final class ShapCharts {
    /** shap's blue and red. */
    public static final Color BLUE = new Color(0x008bfb), RED = new Color(0xff0051);
    private static final int COLOR_BINS = 9;

    private ShapCharts() {}

    /** Global importance: mean |value| per feature, stacked by class (top features, largest first). */
    public static CategoryChart bar(Explanations e, int top) {
        double[] total = e.meanAbs();
        int[] ord = top(Explanations.order(total), top);
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT + 80)
                .title(e.method() + ": mean |value| per feature, stacked by class").xAxisTitle("")
                .yAxisTitle("mean |" + e.method() + "| (" + space(e) + ")").build();
        style(chart);
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> xs = names(e, ord);
        double[][] byClass = e.meanAbsByClass();
        for (int c = 0; c < e.classes().size(); c++) {
            List<Double> ys = new ArrayList<>();
            for (int j : ord) ys.add(byClass[c][j]);
            chart.addSeries(e.classes().get(c), xs, ys);
        }
        return chart;
    }

    /** Global importance for one class: mean |value| per feature. */
    public static CategoryChart bar(Explanations e, String cls, int top) {
        int c = e.classIndex(cls);
        double[] m = e.meanAbs(c);
        int[] ord = top(Explanations.order(m), top);
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT + 60)
                .title(e.method() + ": mean |value| for class '" + cls + "'").xAxisTitle("")
                .yAxisTitle("mean |" + e.method() + "|").build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        List<Double> ys = new ArrayList<>();
        for (int j : ord) ys.add(m[j]);
        chart.addSeries(cls, names(e, ord), ys).setFillColor(RED);
        return chart;
    }

    /**
     * Beeswarm (shap's summary plot) for class {@code cls}: one row per feature (most important on
     * top), one point per explained row at its value, jittered vertically where points pile up,
     * coloured from blue (low feature value) to red (high).
     */
    public static XYChart beeswarm(Explanations e, String cls, int top) {
        int c = e.classIndex(cls);
        int[] ord = top(Explanations.order(e.meanAbs(c)), top);
        double[][] phi = e.values(c), x = e.data();
        int n = e.size(), m = ord.length;
        List<List<double[]>> bins = new ArrayList<>();
        for (int b = 0; b < COLOR_BINS; b++) bins.add(new ArrayList<>());
        Random jitter = new Random(42);
        for (int r = 0; r < m; r++) {
            int j = ord[r];
            double y0 = m - 1 - r;
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, vlo = Double.POSITIVE_INFINITY, vhi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, phi[i][j]);
                hi = Math.max(hi, phi[i][j]);
            }
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = x[i][j];
            double[] sorted = col.clone();
            Arrays.sort(sorted);
            vlo = sorted[(int) (0.05 * (n - 1))];
            vhi = sorted[(int) Math.ceil(0.95 * (n - 1))];
            // pile-up: count points per 60 x-bins, spread each pile over ±0.4
            int nb = 60;
            int[] count = new int[nb], seen = new int[nb];
            double w = hi > lo ? (hi - lo) / nb : 1;
            for (int i = 0; i < n; i++) count[Math.min(nb - 1, (int) ((phi[i][j] - lo) / w))]++;
            int maxCount = Arrays.stream(count).max().orElse(1);
            for (int i = 0; i < n; i++) {
                int b = Math.min(nb - 1, (int) ((phi[i][j] - lo) / w));
                int k = seen[b]++;
                double spread = 0.4 * Math.min(1, count[b] / (double) Math.max(8, maxCount));
                double off = (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) / (double) Math.max(1, count[b] / 2) * spread;
                off += (jitter.nextDouble() - 0.5) * 0.04;
                double t = vhi > vlo ? (col[i] - vlo) / (vhi - vlo) : 0.5;
                int cb = (int) Math.round(Math.max(0, Math.min(1, t)) * (COLOR_BINS - 1));
                bins.get(cb).add(new double[] {phi[i][j], y0 + off});
            }
        }
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Math.max(Charts.HEIGHT, 28 * m + 120))
                .title(e.method() + " for class '" + cls + "' (colour: feature value, blue low → red high)")
                .xAxisTitle(e.method() + " value (impact on " + space(e) + ")").yAxisTitle("").build();
        style(chart);
        var st = chart.getStyler();
        st.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        st.setLegendVisible(false);
        st.setMarkerSize(4);
        st.setYAxisMin(-0.7);
        st.setYAxisMax(m - 0.3);
        List<String> rowNames = names(e, ord);
        java.util.Collections.reverse(rowNames); // y = m-1 is the most important feature (top)
        labelRows(chart, rowNames);
        for (int b = 0; b < COLOR_BINS; b++) {
            List<double[]> pts = bins.get(b);
            if (pts.isEmpty()) continue;
            double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray(), ys = pts.stream().mapToDouble(p -> p[1]).toArray();
            XYSeries s = chart.addSeries("value bin " + b, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(blend(b / (double) (COLOR_BINS - 1)));
        }
        zeroLine(chart, -0.7, m - 0.3);
        return chart;
    }

    /**
     * Waterfall of one prediction for class {@code cls}, as shap draws it: from the base value
     * E[f(x)] at the bottom, each of the {@code top} largest contributions (labelled
     * "feature = value") pushes the output right (red) or left (blue) — the remaining features
     * are summed into one bar — ending at the model output f(x) at the top.
     */
    public static XYChart waterfall(Explanation e, String cls, int top) {
        int c = e.classIndex(cls);
        double[] phi = e.contributions()[c];
        int d = phi.length;
        double[] abs = Arrays.stream(phi).map(Math::abs).toArray();
        int[] ord = top(Explanations.order(abs), Math.min(top, d));
        double rest = 0;
        boolean[] shown = new boolean[d];
        for (int j : ord) shown[j] = true;
        int others = 0;
        for (int j = 0; j < d; j++) if (!shown[j]) { rest += phi[j]; others++; }
        List<String> labels = new ArrayList<>();
        List<Double> deltas = new ArrayList<>();
        if (others > 0) {
            labels.add(others + " other features");
            deltas.add(rest);
        }
        for (int r = ord.length - 1; r >= 0; r--) {
            int j = ord[r];
            labels.add(String.format(Locale.ROOT, "%s = %.3g", e.features().get(j), e.values()[j]));
            deltas.add(phi[j]);
        }
        double base = e.base()[c], fx = e.output()[c];
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Math.max(Charts.HEIGHT, 30 * labels.size() + 140))
                .title(String.format(Locale.ROOT, "%s waterfall, class '%s': E[f(x)] = %.4f → f(x) = %.4f", e.method(), cls, base, fx))
                .xAxisTitle(e.space().name().toLowerCase(Locale.ROOT)).yAxisTitle("").build();
        style(chart);
        var st = chart.getStyler();
        st.setLegendVisible(false);
        st.setYAxisMin(-0.8);
        st.setYAxisMax(labels.size() - 0.2);
        labelRows(chart, labels);
        double at = base;
        float stroke = Math.max(6f, Math.min(18f, 360f / labels.size()));
        for (int r = 0; r < labels.size(); r++) {
            double to = at + deltas.get(r);
            XYSeries s = chart.addSeries("bar " + r, new double[] {at, to}, new double[] {r, r});
            s.setMarker(SeriesMarkers.NONE).setLineColor(deltas.get(r) >= 0 ? RED : BLUE)
                    .setLineStyle(new BasicStroke(stroke, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            at = to;
        }
        XYSeries b = chart.addSeries("E[f(x)]", new double[] {base, base}, new double[] {-0.8, labels.size() - 0.2});
        b.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(dashed());
        XYSeries f = chart.addSeries("f(x)", new double[] {fx, fx}, new double[] {-0.8, labels.size() - 0.2});
        f.setMarker(SeriesMarkers.NONE).setLineColor(Color.DARK_GRAY).setLineStyle(dashed());
        return chart;
    }

    /**
     * Dependence plot for class {@code cls}: value of {@code feature} (x) against its contribution
     * (y), coloured by the value of {@code colorBy} (null: the strongest interacting feature,
     * {@link Explanations#strongestInteraction}).
     */
    public static XYChart dependence(Explanations e, String cls, String feature, String colorBy) {
        int c = e.classIndex(cls), j = e.featureIndex(feature);
        int q = colorBy == null ? e.strongestInteraction(c, j) : e.featureIndex(colorBy);
        double[][] phi = e.values(c), x = e.data();
        int n = e.size();
        double vlo = 0, vhi = 1;
        if (q >= 0) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = x[i][q];
            Arrays.sort(col);
            vlo = col[(int) (0.05 * (n - 1))];
            vhi = col[(int) Math.ceil(0.95 * (n - 1))];
        }
        List<List<double[]>> bins = new ArrayList<>();
        for (int b = 0; b < COLOR_BINS; b++) bins.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            double t = q < 0 || vhi <= vlo ? 0.5 : (x[i][q] - vlo) / (vhi - vlo);
            int cb = (int) Math.round(Math.max(0, Math.min(1, t)) * (COLOR_BINS - 1));
            bins.get(cb).add(new double[] {x[i][j], phi[i][j]});
        }
        String colour = q < 0 ? "" : " — colour: " + e.features().get(q) + " (blue low → red high)";
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(e.method() + " dependence, class '" + cls + "'" + colour)
                .xAxisTitle(feature).yAxisTitle(e.method() + " value of " + feature).build();
        style(chart);
        var st = chart.getStyler();
        st.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        st.setLegendVisible(false);
        st.setMarkerSize(5);
        for (int b = 0; b < COLOR_BINS; b++) {
            List<double[]> pts = bins.get(b);
            if (pts.isEmpty()) continue;
            XYSeries s = chart.addSeries("bin " + b, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
            s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(q < 0 ? RED : blend(b / (double) (COLOR_BINS - 1)));
        }
        return chart;
    }

    /** Heat map of mean |value| per feature (rows, top features) and class (columns). */
    public static HeatMapChart heatmap(Explanations e, int top) {
        int[] ord = top(Explanations.order(e.meanAbs()), top);
        double[][] byClass = e.meanAbsByClass();
        double[][] m = new double[ord.length][e.classes().size()];
        for (int r = 0; r < ord.length; r++) for (int c = 0; c < m[r].length; c++) m[r][c] = byClass[c][ord[r]];
        HeatMapChart chart = Charts.heatmap(m, e.classes(), names(e, ord), e.method() + ": mean |value| per emotion");
        chart.getStyler().setShowValue(false);
        return chart;
    }

    /**
     * Names the integer y positions. XChart hides all tick labels when two are equal or empty, so
     * ticks between rows get distinct invisible labels (runs of zero-width spaces).
     */
    private static void labelRows(XYChart chart, List<String> labels) {
        double range = chart.getStyler().getYAxisMax() - chart.getStyler().getYAxisMin();
        chart.getStyler().setYAxisTickMarkSpacingHint((int) Math.max(5, 0.9 * (chart.getHeight() - 130) / range));
        chart.setCustomYAxisTickLabelsFormatter(v -> {
            long r = Math.round(v);
            return Math.abs(v - r) < 1e-6 && r >= 0 && r < labels.size() ? labels.get((int) r) : "\u200B".repeat(1 + (int) Math.floorMod(Math.round(v * 100), 100_000L));
        });
    }

    private static void zeroLine(XYChart chart, double y0, double y1) {
        XYSeries z = chart.addSeries("zero", new double[] {0, 0}, new double[] {y0, y1});
        z.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(dashed());
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);
    }

    private static Color blend(double t) {
        return new Color((int) Math.round(BLUE.getRed() + t * (RED.getRed() - BLUE.getRed())),
                (int) Math.round(BLUE.getGreen() + t * (RED.getGreen() - BLUE.getGreen())),
                (int) Math.round(BLUE.getBlue() + t * (RED.getBlue() - BLUE.getBlue())));
    }

    private static void style(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    }

    private static String space(Explanations e) {
        return e.space().name().toLowerCase(Locale.ROOT);
    }

    private static int[] top(int[] order, int top) {
        if (top < 1) throw new IllegalArgumentException("top must be >= 1, got " + top);
        return Arrays.copyOf(order, Math.min(top, order.length));
    }

    private static List<String> names(Explanations e, int[] idx) {
        List<String> out = new ArrayList<>();
        for (int j : idx) out.add(e.features().get(j));
        return out;
    }
}
