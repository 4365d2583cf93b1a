package emolab.chart;

import emolab.classify.eval.Average;
import emolab.classify.eval.ClassificationReport;
import emolab.classify.eval.Normalization;
import emolab.classify.eval.PrecisionRecallCurve;
import emolab.classify.eval.RocCurve;
import emolab.classify.eval.ScoreReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * XChart charts for evaluating classifiers: confusion-matrix heat map, ROC and precision-recall
 * curves, feature-importance bars, tuning curves and training loss curves. Each method returns
 * the chart, so a bare call as the last expression of a notebook cell displays it.
 */
public final class ClassificationCharts {
    private ClassificationCharts() {}

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    private static final float[] DASH = {6f, 4f};

    // ---------------------------------------------------------------- confusion matrix

    /** Heat map of the confusion-matrix counts (rows: true class, columns: predicted class). */
    public static HeatMapChart confusionMatrix(ClassificationReport report) {
        int[][] cm = report.confusionMatrix();
        double[][] m = new double[cm.length][];
        for (int i = 0; i < cm.length; i++) m[i] = Arrays.stream(cm[i]).asDoubleStream().toArray();
        return confusionMatrix(report.classes(), m, "Confusion matrix (counts)", true);
    }

    /** Heat map of the confusion matrix normalised by true row, predicted column or total. */
    public static HeatMapChart confusionMatrix(ClassificationReport report, Normalization normalization) {
        if (normalization == null) return confusionMatrix(report);
        String by = switch (normalization) {
            case TRUE -> "normalised by true class: diagonal = recall";
            case PRED -> "normalised by predicted class: diagonal = precision";
            case ALL -> "normalised by total";
        };
        return confusionMatrix(report.classes(), report.confusionMatrix(normalization), "Confusion matrix (" + by + ")", false);
    }

    /**
     * Heat map of any square matrix {@code m[true][pred]} with class names on both axes and each
     * value printed in its cell ({@code counts}: as integers; otherwise two decimals, scale 0–1).
     */
    public static HeatMapChart confusionMatrix(String[] classes, double[][] m, String title, boolean counts) {
        if (classes == null || m == null || m.length != classes.length)
            throw new IllegalArgumentException("confusion matrix: " + (m == null ? 0 : m.length) + " rows but "
                    + (classes == null ? 0 : classes.length) + " class names");
        int k = classes.length;
        int size = Math.max(420, Math.min(760, 140 + 60 * k));
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 120).height(size).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setPlotContentSize(1);
        st.setXAxisLabelRotation(k > 5 ? 45 : 0);
        st.setShowValue(true);
        st.setHeatMapValueDecimalPattern(counts ? "0" : "0.00");
        st.setRangeColors(new Color[] {Color.WHITE, new Color(0x9ecae1), new Color(0x08519c)});
        st.setValueFontColor(Color.BLACK);
        double max = 0;
        List<Number[]> data = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            if (m[r].length != k) throw new IllegalArgumentException("confusion matrix: row " + r + " has " + m[r].length + " values, expected " + k);
            for (int c = 0; c < k; c++) {
                if (!Double.isFinite(m[r][c])) throw new IllegalArgumentException("confusion matrix: value [" + r + "][" + c + "] is " + m[r][c]);
                data.add(new Number[] {c, k - 1 - r, m[r][c]});
                max = Math.max(max, m[r][c]);
            }
        }
        st.setMin(0);
        st.setMax(counts ? Math.max(1, max) : 1.0);
        List<String> ys = new ArrayList<>(Arrays.asList(classes));
        java.util.Collections.reverse(ys);
        chart.addSeries(title, Arrays.asList(classes), ys, data);
        return chart;
    }

    // ---------------------------------------------------------------- ROC and PR

    /**
     * One-vs-rest ROC curves of every class, the macro-average (interpolated) and micro-average
     * curves and the chance diagonal. Legend entries give each AUC; the macro entry is the macro
     * AUC (mean of the per-class AUCs).
     */
    public static XYChart roc(ScoreReport report) {
        String[] classes = report.classes();
        RocCurve[] curves = report.rocCurves();
        double[] auc = report.auc();
        XYChart chart = square("ROC curves (one-vs-rest)", "false-positive rate", "true-positive rate");
        for (int c = 0; c < classes.length; c++)
            line(chart, classes[c] + String.format(Locale.ROOT, " (AUC %.3f)", auc[c]), curves[c].fpr(), curves[c].tpr(), PALETTE[c % PALETTE.length], 1.3f, false);
        RocCurve macro = report.macroRocCurve(), micro = report.microRocCurve();
        line(chart, String.format(Locale.ROOT, "macro average (AUC %.3f)", report.aucOvr(Average.MACRO)), macro.fpr(), macro.tpr(), Color.BLACK, 2.6f, false);
        line(chart, String.format(Locale.ROOT, "micro average (AUC %.3f)", report.aucOvr(Average.MICRO)), micro.fpr(), micro.tpr(), new Color(0x555555), 2.6f, true);
        line(chart, "chance", new double[] {0, 1}, new double[] {0, 1}, Color.GRAY, 1f, true);
        return chart;
    }

    /** ROC curves given by name (e.g. several models on the same test set) and the chance diagonal. */
    public static XYChart roc(Map<String, RocCurve> curves, String title) {
        if (curves == null || curves.isEmpty()) throw new IllegalArgumentException("roc: no curves");
        XYChart chart = square(title, "false-positive rate", "true-positive rate");
        int i = 0;
        for (var e : curves.entrySet())
            line(chart, e.getKey() + String.format(Locale.ROOT, " (AUC %.3f)", e.getValue().auc()), e.getValue().fpr(), e.getValue().tpr(), PALETTE[i++ % PALETTE.length], 1.8f, false);
        line(chart, "chance", new double[] {0, 1}, new double[] {0, 1}, Color.GRAY, 1f, true);
        return chart;
    }

    /** Precision-recall curves (steps) of every class and the micro average; legend entries give AP. */
    public static XYChart precisionRecall(ScoreReport report) {
        String[] classes = report.classes();
        PrecisionRecallCurve[] curves = report.precisionRecallCurves();
        XYChart chart = square("Precision-recall curves (one-vs-rest)", "recall", "precision");
        for (int c = 0; c < classes.length; c++) {
            XYSeries s = line(chart, classes[c] + String.format(Locale.ROOT, " (AP %.3f)", curves[c].averagePrecision()),
                    reverse(curves[c].recall()), reverse(curves[c].precision()), PALETTE[c % PALETTE.length], 1.3f, false);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
        }
        PrecisionRecallCurve micro = report.microPrecisionRecallCurve();
        XYSeries s = line(chart, String.format(Locale.ROOT, "micro average (AP %.3f)", micro.averagePrecision()),
                reverse(micro.recall()), reverse(micro.precision()), Color.BLACK, 2.6f, false);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
        return chart;
    }

    // ---------------------------------------------------------------- feature importance

    /**
     * Horizontal bars of the {@code topK} largest importances (largest at the top), with
     * ± {@code std} error bars when {@code std} is not null. Series: "importance" and "± std".
     */
    public static XYChart featureImportance(String[] names, double[] values, double[] std, int topK, String title) {
        if (names == null || values == null || names.length != values.length)
            throw new IllegalArgumentException("featureImportance: " + (names == null ? 0 : names.length) + " names but "
                    + (values == null ? 0 : values.length) + " values");
        if (std != null && std.length != values.length)
            throw new IllegalArgumentException("featureImportance: " + values.length + " values but " + std.length + " std values");
        if (topK < 1) throw new IllegalArgumentException("featureImportance: topK must be >= 1, got " + topK);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) throw new IllegalArgumentException("featureImportance: value of '" + names[i] + "' is " + values[i]);
            if (std != null && !(std[i] >= 0 && Double.isFinite(std[i])))
                throw new IllegalArgumentException("featureImportance: std of '" + names[i] + "' is " + std[i] + " (must be finite and >= 0)");
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
        int k = Math.min(topK, values.length);
        // row y = k-1 is the largest value (top of the chart)
        String[] labels = new String[k];
        double[] bx = new double[4 * k], by = new double[4 * k];
        double h = 0.35, lo = 0, hi = 0;
        List<Double> ex = new ArrayList<>(), ey = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            int i = order[r];
            double y = k - 1 - r, v = values[i];
            labels[k - 1 - r] = names[i];
            double[] xs = {0, v, v, 0}, yy = {y - h, y - h, y + h, y + h};
            System.arraycopy(xs, 0, bx, 4 * r, 4);
            System.arraycopy(yy, 0, by, 4 * r, 4);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            if (std != null) {
                ex.addAll(List.of(v - std[i], v + std[i], Double.NaN));
                ey.addAll(List.of(y, y, Double.NaN));
                lo = Math.min(lo, v - std[i]);
                hi = Math.max(hi, v + std[i]);
            }
        }
        int height = Math.max(320, 110 + 26 * k);
        int labelWidth = Arrays.stream(labels).mapToInt(String::length).max().orElse(4);
        XYChart chart = new XYChartBuilder().width(Math.max(Charts.WIDTH, 480 + 7 * labelWidth)).height(height).title(title)
                .xAxisTitle("importance").build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendVisible(std != null);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setXAxisDecimalPattern("#,##0.###");
        st.setYAxisMin(-0.6);
        st.setYAxisMax(k - 0.4); // same bounds as yMin / yMax below
        st.setYAxisTickMarkSpacingHint(16);
        double pad = 0.04 * Math.max(1e-12, hi - lo);
        st.setXAxisMin(lo < 0 ? lo - pad : 0.0);
        st.setXAxisMax(hi + pad);
        // XChart 3.8.8 widens the tick step until all tick labels are distinct (and loops forever if
        // they never are), and sizes the axis from the labels of the axis bounds, which it does not
        // draw. So: names at integer ticks (made distinct), blanks elsewhere chosen so that the step
        // settles at 1, and the widest name at the bounds.
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 0; r < k; r++) while (!seen.add(labels[r])) labels[r] = labels[r] + " ";
        String widest = Arrays.stream(labels).max(Comparator.comparingInt(String::length)).orElse("");
        double yMin = -0.6, yMax = k - 0.4;
        chart.setCustomYAxisTickLabelsFormatter(y -> {
            if (y == yMin) return widest;
            if (y == yMax) return widest + " ";
            long r = Math.round(y);
            if (Math.abs(y - r) < 1e-9 && r >= 0 && r < k) return labels[(int) r];
            // ticks run up to two steps past the axis ends: distinct blanks per integer offset there
            // (odd counts below, even counts above); in-range half steps share one blank, which
            // makes XChart widen the step to 1
            if (y < 0) return " ".repeat(2 * (int) Math.ceil(-y) - 1);
            if (y > k - 1) return " ".repeat(2 * (int) Math.ceil(y - (k - 1)));
            return " ".repeat(9);
        });
        XYSeries bars = chart.addSeries("importance", bx, by);
        bars.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(PALETTE[0]);
        bars.setLineColor(PALETTE[0]);
        if (std != null) {
            XYSeries err = chart.addSeries("± std", ex, ey);
            err.setMarker(SeriesMarkers.NONE);
            err.setLineColor(Color.BLACK);
            err.setLineWidth(1.5f);
        }
        return chart;
    }

    /**
     * As {@link #featureImportance(String[], double[], double[], int, String)} from table columns
     * (names, values and optionally std; {@code stdColumn} may be null).
     */
    public static XYChart featureImportance(Table table, String nameColumn, String valueColumn, String stdColumn, int topK) {
        String[] names = strings(table, nameColumn);
        double[] values = doubles(table, valueColumn);
        double[] std = stdColumn == null ? null : doubles(table, stdColumn);
        return featureImportance(names, values, std, topK, "Feature importance (top " + Math.min(topK, names.length) + ")");
    }

    // ---------------------------------------------------------------- tuning and loss curves

    /**
     * Cross-validated score against one hyper-parameter: the mean as a line with markers and a
     * shaded ± std band. {@code logX} uses a logarithmic x axis (values must be &gt; 0).
     * Series: "mean &lt;score&gt;" and "± std".
     */
    public static XYChart tuningCurve(double[] paramValues, double[] mean, double[] std, String paramName, String scoreName, boolean logX) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(scoreName + " vs " + paramName).xAxisTitle(paramName).yAxisTitle(scoreName).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisLogarithmic(logX);
        addTuningSeries(chart, "mean " + scoreName, "± std", true, paramValues, mean, std, paramName, logX, PALETTE[0]);
        return chart;
    }

    /**
     * Tuning curves from a results table (e.g. one row per grid point): x = {@code paramColumn},
     * mean ± std from {@code meanColumn} / {@code stdColumn} ({@code stdColumn} may be null), one
     * line per value of {@code groupColumn} when it is not null (e.g. a second hyper-parameter;
     * series "group=value" and "group=value ± std"). Rows are sorted by x within each line.
     */
    public static XYChart tuningCurve(Table results, String paramColumn, String meanColumn, String stdColumn, String groupColumn, boolean logX) {
        double[] x = doubles(results, paramColumn), m = doubles(results, meanColumn);
        double[] s = stdColumn == null ? null : doubles(results, stdColumn);
        String[] g = groupColumn == null ? null : strings(results, groupColumn);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) groups.computeIfAbsent(g == null ? "" : groupColumn + "=" + g[i], key -> new ArrayList<>()).add(i);
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(meanColumn + " vs " + paramColumn).xAxisTitle(paramColumn).yAxisTitle(meanColumn).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(logX);
        int c = 0;
        for (var e : groups.entrySet()) {
            List<Integer> rows = new ArrayList<>(e.getValue());
            rows.sort(Comparator.comparingDouble(i -> x[i]));
            double[] gx = rows.stream().mapToDouble(i -> x[i]).toArray();
            double[] gm = rows.stream().mapToDouble(i -> m[i]).toArray();
            double[] gs = s == null ? null : rows.stream().mapToDouble(i -> s[i]).toArray();
            boolean single = e.getKey().isEmpty();
            addTuningSeries(chart, single ? "mean " + meanColumn : e.getKey(), single ? "± std" : e.getKey() + " ± std", single,
                    gx, gm, gs, paramColumn, logX, PALETTE[c++ % PALETTE.length]);
        }
        return chart;
    }

    private static void addTuningSeries(XYChart chart, String lineName, String bandName, boolean bandInLegend, double[] x, double[] mean, double[] std, String paramName, boolean logX, Color color) {
        if (x == null || mean == null || x.length != mean.length || x.length == 0)
            throw new IllegalArgumentException("tuningCurve: " + (x == null ? 0 : x.length) + " values of " + paramName + " but "
                    + (mean == null ? 0 : mean.length) + " mean scores");
        if (std != null && std.length != x.length)
            throw new IllegalArgumentException("tuningCurve: " + x.length + " values of " + paramName + " but " + std.length + " std values");
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || (logX && x[i] <= 0))
                throw new IllegalArgumentException("tuningCurve: " + paramName + " = " + x[i] + (logX ? " cannot be on a logarithmic axis" : " is not finite"));
            if (!Double.isFinite(mean[i])) throw new IllegalArgumentException("tuningCurve: mean score at " + paramName + " = " + x[i] + " is " + mean[i]);
            if (std != null && !(std[i] >= 0 && Double.isFinite(std[i])))
                throw new IllegalArgumentException("tuningCurve: std at " + paramName + " = " + x[i] + " is " + std[i]);
        }
        if (std != null) {
            int n = x.length;
            double[] px = new double[2 * n], py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = x[i];
                py[i] = mean[i] + std[i];
                px[2 * n - 1 - i] = x[i];
                py[2 * n - 1 - i] = mean[i] - std[i];
            }
            XYSeries band = chart.addSeries(bandName, px, py);
            band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            Color light = new Color(color.getRed(), color.getGreen(), color.getBlue(), 60);
            band.setFillColor(light);
            band.setLineColor(light);
            band.setShowInLegend(bandInLegend); // grouped: one legend entry per line
        }
        XYSeries line = chart.addSeries(lineName, x, mean);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setLineColor(color);
        line.setMarkerColor(color);
    }

    /**
     * Loss per epoch of a network's training (and validation, may be null), with the epoch of
     * the lowest validation loss marked. Series: "train loss", "validation loss", "best epoch".
     */
    public static XYChart lossCurve(double[] trainLoss, double[] validationLoss, String title) {
        if (trainLoss == null || trainLoss.length == 0) throw new IllegalArgumentException("lossCurve: no training losses");
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE);
        line(chart, "train loss", epochs(trainLoss.length), finite(trainLoss, "train"), PALETTE[0], 1.8f, false);
        if (validationLoss != null && validationLoss.length > 0) {
            double[] v = finite(validationLoss, "validation");
            line(chart, "validation loss", epochs(v.length), v, PALETTE[1], 1.8f, false);
            int best = 0;
            for (int i = 1; i < v.length; i++) if (v[i] < v[best]) best = i;
            XYSeries b = chart.addSeries(String.format(Locale.ROOT, "best epoch (%d)", best + 1), new double[] {best + 1}, new double[] {v[best]});
            b.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            b.setMarker(SeriesMarkers.DIAMOND);
            b.setMarkerColor(Color.BLACK);
        }
        return chart;
    }

    // ---------------------------------------------------------------- helpers

    private static XYChart square(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH + 60).height(Charts.HEIGHT + 120).title(title)
                .xAxisTitle(x).yAxisTitle(y).build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.02);
        st.setMarkerSize(0);
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width, boolean dashed) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(width);
        if (dashed) s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f));
        return s;
    }

    private static double[] reverse(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = v[v.length - 1 - i];
        return r;
    }

    private static double[] epochs(int n) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = i + 1;
        return e;
    }

    private static double[] finite(double[] v, String what) {
        for (int i = 0; i < v.length; i++)
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("lossCurve: " + what + " loss at epoch " + (i + 1) + " is " + v[i]);
        return v;
    }

    private static Column<?> column(Table t, String name) {
        if (t == null) throw new IllegalArgumentException("table must not be null");
        if (!t.containsColumn(name))
            throw new IllegalArgumentException("table '" + t.name() + "' has no column '" + name + "' (columns: " + t.columnNames() + ")");
        return t.column(name);
    }

    private static double[] doubles(Table t, String name) {
        Column<?> c = column(t, name);
        if (!(c instanceof tech.tablesaw.api.NumericColumn<?> n))
            throw new IllegalArgumentException("column '" + name + "' of table '" + t.name() + "' is not numeric (" + c.type() + ")");
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = n.getDouble(i);
        return v;
    }

    private static String[] strings(Table t, String name) {
        Column<?> c = column(t, name);
        String[] s = new String[c.size()];
        for (int i = 0; i < s.length; i++) s[i] = c.getString(i);
        return s;
    }
}
