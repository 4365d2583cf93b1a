package emolab.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import emolab.classify.eval.Metrics;
import emolab.classify.eval.Normalization;
import emolab.imbalance.Resampled;
import emolab.imbalance.ResamplingStudy;
import smile.feature.extraction.PCA;

/**
 * Charts for re-sampled data sets: a 2-D PCA view of a training set before and after a sampler,
 * with the generated rows drawn apart from the original ones.
 */
public final class ResamplingCharts {
    private ResamplingCharts() {}

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127)};

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() * (1 - t) + b.getRed() * t), (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    /** A PCA fitted on {@code reference} rows (Smile, covariance), reduced to 2 components. */
    public static PCA pca2(double[][] reference) {
        if (reference.length < 3) throw new IllegalArgumentException("PCA needs at least 3 rows, got " + reference.length);
        return PCA.fit(reference).getProjection(2);
    }

    /**
     * Scatter of {@code data} projected on {@code pca}: one colour per class; original rows as
     * dots, generated rows ({@link Resampled#SYNTHETIC}) as diamonds in a lighter shade of the class
     * colour; larger groups are drawn first so the smallest (often the original minority) stay
     * visible. Fit the PCA once on the original training rows and reuse it for every sampler, so
     * the panels share their axes.
     */
    public static XYChart pcaScatter(PCA pca, Resampled data, String[] classNames, String title) {
        if (data.size() == 0) throw new IllegalArgumentException("nothing to plot: the data set is empty");
        double[][] z = pca.apply(data.X());
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("PC 1").yAxisTitle("PC 2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                .setChartBackgroundColor(Color.WHITE).setMarkerSize(5);
        record Part(String name, List<Double> xs, List<Double> ys, Color color, boolean synthetic) {}
        List<Part> parts = new ArrayList<>();
        for (int c = 0; c < classNames.length; c++) {
            for (boolean synthetic : new boolean[] {false, true}) {
                List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    if (data.y()[i] != c || data.isSynthetic(i) != synthetic) continue;
                    xs.add(z[i][0]);
                    ys.add(z[i][1]);
                }
                if (xs.isEmpty()) continue;
                Color base = PALETTE[c % PALETTE.length];
                Color color = synthetic ? blend(base, Color.WHITE, 0.45) : base;
                parts.add(new Part(classNames[c] + (synthetic ? " (synthetic)" : "") + " " + xs.size(), xs, ys, color, synthetic));
            }
        }
        // largest groups first, so small groups (the original minority rows) are drawn on top
        parts.sort((a, b) -> Integer.compare(b.xs().size(), a.xs().size()));
        for (Part p : parts) {
            XYSeries s = chart.addSeries(p.name(), p.xs(), p.ys());
            s.setMarkerColor(p.color());
            s.setMarker(p.synthetic() ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * {@link #pcaScatter(PCA, Resampled, String[], String)} of a study run's training set; for a run
     * that was not applicable, a note saying why (so a notebook cell shows the reason instead of
     * failing). Returns an {@link XYChart}, or a one-row table with the reason.
     */
    public static Object pcaScatter(PCA pca, ResamplingStudy.Run run, String[] classNames, String title) {
        if (!run.applicable()) return notApplicable(run, title);
        return pcaScatter(pca, run.trainingSet(), classNames, title);
    }

    /**
     * The confusion matrix of a study run, each row normalised by the true class (the diagonal is
     * each class's recall); for a run that was not applicable, a note saying why. Returns a
     * heat-map chart, or a one-row table with the reason.
     */
    public static Object confusionMatrix(ResamplingStudy.Results results, String learner, String sampler, String title) {
        ResamplingStudy.Run run = results.run(learner, sampler);
        if (!run.applicable()) return notApplicable(run, title);
        return ClassificationCharts.confusionMatrix(results.classNames(),
                Metrics.normalize(results.confusion(learner, sampler), Normalization.TRUE), title, false);
    }

    /** A one-row table in place of a chart: the pair and why it did not run. */
    private static tech.tablesaw.api.Table notApplicable(ResamplingStudy.Run run, String title) {
        return tech.tablesaw.api.Table.create(title,
                tech.tablesaw.api.StringColumn.create("learner + sampler", run.learner() + " + " + run.sampler()),
                tech.tablesaw.api.StringColumn.create("note", run.note()));
    }
}
