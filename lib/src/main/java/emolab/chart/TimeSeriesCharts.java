package emolab.chart;

import emolab.timeseries.distances.MatrixProfile;
import emolab.timeseries.representations.Paa;
import emolab.timeseries.representations.Sax;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Charts for the time-series notebook: example series per class, PAA/SAX, centroids, matrix profiles. */
public final class TimeSeriesCharts {
    /** Points drawn per series in the small example panels (longer series are subsampled). */
    static final int MAX_POINTS = 1000;

    private TimeSeriesCharts() {}

    /** Small charts side by side, {@code columns} per row, as one image. */
    public static BufferedImage grid(List<? extends Chart<?, ?>> charts, int columns) {
        if (charts.isEmpty()) throw new IllegalArgumentException("no charts to lay out");
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        List<BufferedImage> imgs = new ArrayList<>();
        for (Chart<?, ?> c : charts) imgs.add(BitmapEncoder.getBufferedImage(c));
        int w = imgs.get(0).getWidth(), h = imgs.get(0).getHeight();
        int rows = (imgs.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(w * Math.min(columns, imgs.size()), h * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < imgs.size(); i++) g.drawImage(imgs.get(i), (i % columns) * w, (i / columns) * h, null);
        g.dispose();
        return out;
    }

    private static XYChart small(String title, String xTitle, String yTitle, int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(false).setMarkerSize(0);
        c.getStyler().setXAxisTickMarkSpacingHint(150).setXAxisDecimalPattern("0.##");
        return c;
    }

    private static double[] axis(int n, double step) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i * step;
        return t;
    }

    /**
     * For each class (label {@code 0..names.size()-1}), the first {@code perClass} series of that
     * class overlaid in one small panel; panels in a grid of 4 columns.
     *
     * @param step x distance between points (e.g. seconds per point)
     */
    public static BufferedImage examplesPerClass(List<double[]> series, int[] labels, List<String> names, int perClass,
                                                 double step, String xTitle, String yTitle) {
        if (series.size() != labels.length) throw new IllegalArgumentException(series.size() + " series but " + labels.length + " labels");
        List<XYChart> charts = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            XYChart ch = small(names.get(c), xTitle, yTitle, 300, 210);
            int k = 0;
            for (int i = 0; i < series.size() && k < perClass; i++) {
                if (labels[i] != c) continue;
                double[] s = series.get(i);
                int stride = Math.max(1, (s.length + MAX_POINTS - 1) / MAX_POINTS); // long series: every k-th point
                double[] xv = new double[(s.length + stride - 1) / stride], yv = new double[xv.length];
                for (int t = 0; t < xv.length; t++) {
                    xv[t] = t * stride * step;
                    yv[t] = s[t * stride];
                }
                XYSeries xs = ch.addSeries("#" + i, xv, yv);
                xs.setMarker(SeriesMarkers.NONE);
                xs.setLineWidth(0.8f);
                k++;
            }
            if (k > 0) charts.add(ch);
        }
        return grid(charts, 4);
    }

    /** A z-normalised series with its PAA steps and the SAX symbols' centre values. */
    public static XYChart paaAndSax(double[] z, Paa paa, Sax sax, double step, String title) {
        XYChart c = new XYChartBuilder().width(Charts.WIDTH).height(320).title(title).xAxisTitle("time (s)")
                .yAxisTitle("z-normalised value").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(0);
        double[] t = axis(z.length, step);
        XYSeries s = c.addSeries("series", t, z);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineWidth(0.6f);
        s.setLineColor(new Color(160, 160, 160));
        double[] p = paa.transform(z);
        XYSeries ps = c.addSeries("PAA (" + paa.segments() + " segments)", t, paa.expand(p, z.length));
        ps.setMarker(SeriesMarkers.NONE);
        ps.setLineWidth(1.6f);
        int[] w = sax.symbols(p);
        double[] centres = new double[w.length];
        for (int i = 0; i < w.length; i++) centres[i] = sax.centre(w[i]);
        XYSeries ss = c.addSeries("SAX (alphabet " + sax.alphabet() + ")", t, paa.expand(centres, z.length));
        ss.setMarker(SeriesMarkers.NONE);
        ss.setLineWidth(1.2f);
        return c;
    }

    /** Cluster centroids (one line each), the legend giving each cluster's size. */
    public static XYChart centroids(double[][] centroids, int[] labels, double step, String title, String xTitle) {
        XYChart c = new XYChartBuilder().width(Charts.WIDTH).height(340).title(title).xAxisTitle(xTitle).yAxisTitle("value").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(0);
        c.getStyler().setXAxisDecimalPattern("0.##");
        int[] size = new int[centroids.length];
        for (int l : labels) if (l >= 0 && l < size.length) size[l]++;
        for (int k = 0; k < centroids.length; k++) {
            XYSeries s = c.addSeries(String.format(Locale.ROOT, "cluster %d (n=%d)", k, size[k]), axis(centroids[k].length, step), centroids[k]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(1.4f);
        }
        return c;
    }

    /**
     * The series with its top motif pair and top discord highlighted, above its matrix profile;
     * one image.
     */
    public static BufferedImage matrixProfile(double[] x, MatrixProfile mp, double step, String title) {
        XYChart top = new XYChartBuilder().width(Charts.WIDTH).height(260).title(title).xAxisTitle("time (s)").yAxisTitle("value").build();
        top.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(0);
        top.getStyler().setXAxisDecimalPattern("0.##");
        XYSeries base = top.addSeries("series", axis(x.length, step), x);
        base.setMarker(SeriesMarkers.NONE);
        base.setLineWidth(0.6f);
        base.setLineColor(new Color(150, 150, 150));
        int m = mp.window();
        List<MatrixProfile.Hit> motifs = mp.motifs(1);
        List<MatrixProfile.Hit> discords = mp.discords(1);
        if (!motifs.isEmpty()) {
            MatrixProfile.Hit h = motifs.get(0);
            highlight(top, x, h.start(), m, step, "motif", new Color(31, 119, 180));
            highlight(top, x, h.neighbour(), m, step, "motif (match)", new Color(31, 119, 180));
        }
        if (!discords.isEmpty()) highlight(top, x, discords.get(0).start(), m, step, "discord", new Color(214, 39, 40));
        XYChart bottom = new XYChartBuilder().width(Charts.WIDTH).height(220).title("matrix profile (window "
                + String.format(Locale.ROOT, "%.3g", m * step) + " s)").xAxisTitle("subsequence start (s)").yAxisTitle("distance").build();
        bottom.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(0).setLegendVisible(false);
        bottom.getStyler().setXAxisDecimalPattern("0.##");
        XYSeries p = bottom.addSeries("profile", axis(mp.profile().length, step), mp.profile());
        p.setMarker(SeriesMarkers.NONE);
        p.setLineWidth(0.8f);
        return grid(List.of(top, bottom), 1);
    }

    private static void highlight(XYChart c, double[] x, int start, int m, double step, String name, Color colour) {
        double[] t = new double[m], v = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = (start + i) * step;
            v[i] = x[start + i];
        }
        String key = name;
        for (int k = 2; c.getSeriesMap().containsKey(key); k++) key = name + " " + k;
        XYSeries s = c.addSeries(key, t, v);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineWidth(2f);
        s.setLineColor(colour);
    }

    /** Several series of one length on shared axes (e.g. a series and its approximation). */
    public static XYChart overlay(String title, double step, String xTitle, java.util.Map<String, double[]> series) {
        XYChart c = new XYChartBuilder().width(Charts.WIDTH).height(320).title(title).xAxisTitle(xTitle).yAxisTitle("value").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(0);
        for (java.util.Map.Entry<String, double[]> e : series.entrySet()) {
            XYSeries s = c.addSeries(e.getKey(), axis(e.getValue().length, step), e.getValue());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(1f);
        }
        return c;
    }

    /** A multivariate series {@code [channel][time]} as an image: time on x, one row per channel (channel 0 at the bottom). */
    public static BufferedImage channels(double[][] x, List<String> names, double step, String title) {
        if (x.length != names.size()) throw new IllegalArgumentException(x.length + " channels but " + names.size() + " names");
        int frames = x[0].length;
        double[][] v = new double[frames][x.length];
        for (int c = 0; c < x.length; c++) for (int t = 0; t < frames; t++) v[t][c] = x[c][t];
        return Images.timeFrequency(v, step, names::get, title, "channel", "value");
    }
}
