package emolab.bench;

import emolab.timeseries.classification.ClassificationScores;
import emolab.timeseries.classification.FeatureForest;
import emolab.timeseries.classification.OneNearestNeighbor;
import emolab.timeseries.representations.MomentFeatures;
import emolab.timeseries.representations.Paa;
import emolab.timeseries.representations.SummaryStatistics;
import emolab.timeseries.*;

import emolab.timeseries.rocket.MiniRocket;
import emolab.timeseries.rocket.ParallelTransform;
import emolab.timeseries.rocket.RidgeClassifierCV;
import emolab.timeseries.rocket.Rocket;
import emolab.timeseries.rocket.SeriesSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the time-series classifiers on a RAVDESS folder, speaker-independently: train on
 * actors 1–18, test on actors 19–24 (on {@code ../shared/ravdess/wav16k}: train 1–8, test
 * 19–20). Prints accuracy, macro-F1 and wall time of each step, with the core count.
 *
 * <p>Usage: {@code TimeSeriesEvaluation [folder]} (default {@code $EMOLAB_DATA}).
 */
public final class TimeSeriesEvaluation {
    /** Trees of the random forests (as in notebook 06). */
    static final int TREES = 200;

    private TimeSeriesEvaluation() {}

    /** One result line. */
    public record Row(String representation, String method, double seconds, ClassificationScores scores) {}

    public static void main(String[] args) throws Exception {
        String dir = args.length > 0 ? args[0] : System.getenv("EMOLAB_DATA");
        if (dir == null || dir.isBlank()) {
            System.err.println("usage: TimeSeriesEvaluation <folder of RAVDESS WAVs> (or set EMOLAB_DATA)");
            System.exit(2);
        }
        run(Path.of(dir));
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    public static List<Row> run(Path root) throws Exception {
        System.out.printf(Locale.ROOT, "cores: %d, data: %s%n", Runtime.getRuntime().availableProcessors(), root);
        Recordings rec = Recordings.scan(root);
        int[] train = rec.trainRows(), test = rec.testRows();
        int[] y = rec.emotions();
        int[] yTrain = Recordings.select(y, train), yTest = Recordings.select(y, test);
        int rate = rec.sampleRate();
        System.out.printf(Locale.ROOT, "%d recordings at %d Hz (%d skipped), train %d, test %d; shortest %.3f s%n",
                rec.size(), rate, rec.skipped().size(), train.length, test.length, rec.shortest() / (double) rate);
        List<Row> rows = new ArrayList<>();

        // --- the course's series and its PAA
        // the course's cut is its shortest file: here the same 2.94 s, or the shortest training recording if shorter
        CourseSeries full = CourseSeries.forSampleRate(rate);
        CourseSeries recipe = full.withCut((int) Math.min(full.cut(), rec.shortest(train)));
        long t0 = System.nanoTime();
        List<double[]> course = rec.map(recipe::build, null);
        double tCourse = secs(t0);
        int padded = 0;
        for (int i = 0; i < rec.size(); i++) if (recipe.isPadded((int) rec.frames(i))) padded++;
        System.out.printf(Locale.ROOT, "course series: %s, %d recordings padded, built in %.1f s%n", recipe, padded, tCourse);
        double[][] z = ZNormalization.apply(course.toArray(new double[0][]));
        Paa paa = Paa.of(139);
        double[][] p = paa.transform(z);
        double[][] pTrain = rows(p, train), pTest = rows(p, test);

        t0 = System.nanoTime();
        int[] pred = OneNearestNeighbor.euclidean().fit(pTrain, yTrain).predict(pTest);
        rows.add(report(new Row("PAA-139 of the course series", "1-NN Euclidean", secs(t0), ClassificationScores.of(yTest, pred))));
        t0 = System.nanoTime();
        OneNearestNeighbor dtw = OneNearestNeighbor.dtw(13).fit(pTrain, yTrain);
        pred = dtw.predict(pTest);
        rows.add(report(new Row("PAA-139 of the course series", "1-NN DTW (Sakoe-Chiba 13)", secs(t0), ClassificationScores.of(yTest, pred))));
        System.out.printf(Locale.ROOT, "  LB_Keogh pruned %.1f%% of candidates, %.1f%% abandoned early%n",
                100 * dtw.prunedFraction(), 100 * dtw.abandonedFraction());
        t0 = System.nanoTime();
        SeriesSource paaSource = SeriesSource.univariate(p);
        Rocket rocket = Rocket.fit(paaSource.subset(train), Rocket.Options.defaults());
        double[][] rTrain = ParallelTransform.defaults().apply(rocket, paaSource.subset(train));
        double tRocketTrain = secs(t0);
        long t1 = System.nanoTime();
        double[][] rTest = ParallelTransform.defaults().apply(rocket, paaSource.subset(test));
        System.out.printf(Locale.ROOT, "  ROCKET transform (PAA-139) train %.1f s / test %.1f s%n", tRocketTrain, secs(t1));
        pred = RidgeClassifierCV.fit(rTrain, yTrain, RidgeClassifierCV.Options.defaults().withStandardize(true)).predict(rTest);
        rows.add(report(new Row("PAA-139 of the course series", "ROCKET (10,000 kernels) + standardised ridge", secs(t0), ClassificationScores.of(yTest, pred))));
        t0 = System.nanoTime();
        pred = OneNearestNeighbor.euclidean().fit(rows(z, train), yTrain).predict(rows(z, test));
        rows.add(report(new Row("course series, full length", "1-NN Euclidean", secs(t0), ClassificationScores.of(yTest, pred))));

        t0 = System.nanoTime();
        double[][] summary = SummaryStatistics.of(course.toArray(new double[0][]));
        pred = FeatureForest.of(TREES, 1).fitLabels(rows(summary, train), yTrain).predict(rows(summary, test));
        rows.add(report(new Row("course series", "13 summary statistics + random forest", secs(t0), ClassificationScores.of(yTest, pred))));

        // --- frame-level series
        FrameSeries frames = FrameSeries.defaults();
        t0 = System.nanoTime();
        List<double[][]> raw = rec.map(frames::compute, null);
        System.out.printf(Locale.ROOT, "frame series (%d channels) built in %.1f s%n", frames.channels().size(), secs(t0));

        t0 = System.nanoTime();
        MomentFeatures mf = new MomentFeatures(true);
        double[][] moments = mf.transform(raw);
        pred = FeatureForest.of(TREES, 1).fitLabels(rows(moments, train), yTrain).predict(rows(moments, test));
        rows.add(report(new Row("frames (22 ch)", "moments (" + moments[0].length + ") + random forest", secs(t0), ClassificationScores.of(yTest, pred))));

        ChannelScaler scaler = ChannelScaler.fit(Recordings.select(raw, train));
        double[][][] fixed = new double[raw.size()][][];
        for (int i = 0; i < fixed.length; i++) fixed[i] = Series.padOrCut(scaler.transform(raw.get(i)), FrameSeries.DEFAULT_FRAMES, 0);
        SeriesSource all = SeriesSource.of(fixed);
        ParallelTransform pt = ParallelTransform.defaults();
        t0 = System.nanoTime();
        MiniRocket mr = MiniRocket.fit(all.subset(train), MiniRocket.Options.defaults().withSeed(0));
        double[][] fTrain = pt.apply(mr, all.subset(train));
        double tTr = secs(t0);
        t0 = System.nanoTime();
        double[][] fTest = pt.apply(mr, all.subset(test));
        double tTe = secs(t0);
        t0 = System.nanoTime();
        RidgeClassifierCV ridge = RidgeClassifierCV.fit(fTrain, yTrain, RidgeClassifierCV.Options.defaults());
        pred = ridge.predict(fTest);
        System.out.printf(Locale.ROOT, "  MiniRocket transform train %.1f s / test %.1f s, ridge alpha %.3g%n", tTr, tTe, ridge.alpha());
        rows.add(report(new Row("frames 22 x 300", "MiniRocket + RidgeClassifierCV", tTr + tTe + secs(t0), ClassificationScores.of(yTest, pred))));

        double[][] cTrain = Series.concatColumns(fTrain, rows(moments, train)), cTest = Series.concatColumns(fTest, rows(moments, test));
        t0 = System.nanoTime();
        RidgeClassifierCV both = RidgeClassifierCV.fit(cTrain, yTrain, RidgeClassifierCV.Options.defaults().withStandardize(true));
        pred = both.predict(cTest);
        rows.add(report(new Row("frames 22 x 300", "MiniRocket + moments, standardised ridge", tTr + tTe + secs(t0), ClassificationScores.of(yTest, pred))));

        System.out.println();
        System.out.println("| representation | method | accuracy | macro-F1 | time s |");
        System.out.println("|---|---|---|---|---|");
        for (Row r : rows)
            System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.1f |%n", r.representation(), r.method(),
                    r.scores().accuracy(), r.scores().macroF1(), r.seconds());
        return rows;
    }

    static Row report(Row r) {
        System.out.printf(Locale.ROOT, "%s / %s: accuracy %.3f, macro-F1 %.3f (%.1f s)%n", r.representation(), r.method(),
                r.scores().accuracy(), r.scores().macroF1(), r.seconds());
        return r;
    }

    static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) out[i] = x[idx[i]];
        return out;
    }
}
