package emolab.outliers;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Does removing outliers help a classifier? For each detector and each percentage x, the
 * detector is fitted on the <em>training</em> rows only, the ⌊x% · n⌉ training rows with the
 * highest scores are dropped, the classifier is retrained on the rest and evaluated on the
 * untouched test rows (held-out actors): accuracy and macro-F1 (the mean of the per-class F1
 * over the labels present in truth or prediction, as scikit-learn's {@code f1_score(average=
 * 'macro')}). Test rows are never scored, dropped or changed. x = 0 is the shared baseline.
 */
public final class OutlierRemovalEffect {
    private OutlierRemovalEffect() {}

    /** Trains a classifier on rows {@code x} with integer labels {@code y}. */
    @FunctionalInterface
    public interface Trainer {
        Predictor fit(double[][] x, int[] y);
    }

    /** A trained classifier. */
    @FunctionalInterface
    public interface Predictor {
        int[] predict(double[][] x);
    }

    /** The percentages of the course comparison: 0, 1, 2.5, 5, 10. */
    public static final double[] PERCENTS = {0, 1, 2.5, 5, 10};

    /**
     * A trainer from a classifier spec of {@code emolab.classify} (e.g. {@code
     * Classifiers.kernelSvm().with("C", 10).with("gamma", "auto")}); labels are codes into
     * {@code classes}.
     */
    public static Trainer trainer(ClassifierSpec spec, String[] classes) {
        java.util.Objects.requireNonNull(spec, "spec");
        String[] c = classes.clone();
        return (x, y) -> {
            Classifier m = spec.fit(x, y, c);
            return m::predict;
        };
    }

    /**
     * Runs the experiment.
     *
     * @param percents  percentages of training rows to remove, each in [0, 50)
     * @param progress  (done, total) callback or null
     * @return one row per (detector, percentage): {@code detector, removed_pct, removed_rows,
     *     accuracy, macro_f1}; the x = 0 baseline is repeated for each detector
     */
    public static Table run(List<OutlierDetector> detectors, double[][] trainX, int[] trainY, double[][] testX,
                            int[] testY, double[] percents, Trainer trainer, BiConsumer<Integer, Integer> progress) {
        Checks.matrix("training rows", trainX);
        Checks.matrix("test rows", testX);
        if (trainY.length != trainX.length)
            throw new IllegalArgumentException("trainY has " + trainY.length + " labels for " + trainX.length + " rows");
        if (testY.length != testX.length)
            throw new IllegalArgumentException("testY has " + testY.length + " labels for " + testX.length + " rows");
        if (testX[0].length != trainX[0].length)
            throw new IllegalArgumentException("test rows have " + testX[0].length + " columns, training rows " + trainX[0].length);
        for (double p : percents)
            if (!(p >= 0 && p < 50)) throw new IllegalArgumentException("percentages must be in [0, 50), got " + p);
        int n = trainX.length;
        int positive = 0;
        for (double p : percents) if (Math.round(p / 100 * n) > 0) positive++;
        int total = 1 + detectors.size() * (1 + positive);
        int[] done = {0};
        if (progress != null) progress.accept(0, total);
        double[] base = evaluate(trainer.fit(trainX, trainY).predict(testX), testY);
        tick(progress, done, total);
        StringColumn det = StringColumn.create("detector");
        DoubleColumn pct = DoubleColumn.create("removed_pct"), acc = DoubleColumn.create("accuracy"),
                f1 = DoubleColumn.create("macro_f1");
        IntColumn rem = IntColumn.create("removed_rows");
        for (OutlierDetector d : detectors) {
            OutlierModel m = d.fit(trainX);
            tick(progress, done, total);
            int[] ranking = m.ranking();
            for (double p : percents) {
                int k = (int) Math.round(p / 100 * n);
                double[] r = base;
                if (k > 0) {
                    boolean[] drop = new boolean[n];
                    for (int i = 0; i < k; i++) drop[ranking[i]] = true;
                    double[][] x = new double[n - k][];
                    int[] y = new int[n - k];
                    for (int i = 0, c = 0; i < n; i++) {
                        if (drop[i]) continue;
                        x[c] = trainX[i];
                        y[c++] = trainY[i];
                    }
                    r = evaluate(trainer.fit(x, y).predict(testX), testY);
                    tick(progress, done, total);
                }
                det.append(m.detector());
                pct.append(p);
                rem.append(k);
                acc.append(r[0]);
                f1.append(r[1]);
            }
        }
        return Table.create("Effect of removing training outliers", det, pct, rem, acc, f1);
    }

    private static void tick(BiConsumer<Integer, Integer> progress, int[] done, int total) {
        done[0]++;
        if (progress != null) progress.accept(done[0], total);
    }

    /**
     * {accuracy, macro-F1} of predictions against the truth ({@code emolab.classify.eval.Metrics};
     * macro-F1 averages over the classes present in truth or prediction, as scikit-learn).
     */
    static double[] evaluate(int[] pred, int[] truth) {
        if (pred.length != truth.length)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d predictions for %d rows", pred.length, truth.length));
        int k = 0;
        for (int i = 0; i < pred.length; i++) k = Math.max(k, Math.max(pred[i], truth[i]) + 1);
        return new double[] {Metrics.accuracy(truth, pred), Metrics.f1(truth, pred, k, Average.MACRO)};
    }

    /**
     * How much macro-F1 moves by the luck of the test sample alone: the standard deviation of
     * macro-F1 over {@code rounds} bootstrap resamples (with replacement) of the test rows, for
     * one vector of predictions. Differences between runs smaller than about two of these are
     * not evidence of an effect.
     */
    public static double bootstrapStd(int[] pred, int[] truth, int rounds, long seed) {
        if (rounds < 2) throw new IllegalArgumentException("rounds must be >= 2, got " + rounds);
        evaluate(pred, truth);
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int n = truth.length;
        double[] f = new double[rounds];
        int[] p = new int[n], t = new int[n];
        for (int b = 0; b < rounds; b++) {
            for (int i = 0; i < n; i++) {
                int j = r.nextInt(n);
                p[i] = pred[j];
                t[i] = truth[j];
            }
            f[b] = evaluate(p, t)[1];
        }
        double m = 0;
        for (double v : f) m += v;
        m /= rounds;
        double v = 0;
        for (double x : f) v += (x - m) * (x - m);
        return Math.sqrt(v / (rounds - 1));
    }

    /**
     * A plain-language summary of a results table: the baseline, the best removal, how often
     * removing outliers helped, and the average change.
     */
    public static String conclusion(Table results) {
        double base = Double.NaN, best = Double.NEGATIVE_INFINITY, sum = 0;
        String bestDet = "";
        double bestPct = 0;
        int n = 0, better = 0;
        for (int i = 0; i < results.rowCount(); i++) {
            double p = results.doubleColumn("removed_pct").getDouble(i), f = results.doubleColumn("macro_f1").getDouble(i);
            if (p == 0) {
                base = f;
                continue;
            }
            n++;
            sum += f;
            if (f > best) {
                best = f;
                bestDet = results.stringColumn("detector").get(i);
                bestPct = p;
            }
        }
        if (n == 0) return String.format(Locale.ROOT, "Only the baseline was run: macro-F1 %.3f.", base);
        for (int i = 0; i < results.rowCount(); i++)
            if (results.doubleColumn("removed_pct").getDouble(i) > 0 && results.doubleColumn("macro_f1").getDouble(i) > base)
                better++;
        return String.format(Locale.ROOT, "Baseline (no removal): macro-F1 %.3f. Best: %s, removing %s %% of the training "
                        + "rows, macro-F1 %.3f (%+.3f). %d of %d removal runs beat the baseline; the mean change over all "
                        + "runs is %+.3f.", base, bestDet, (bestPct == Math.rint(bestPct) ? String.valueOf((long) bestPct)
                        : String.valueOf(bestPct)), best, best - base, better, n, sum / n - base);
    }

    /** The best macro-F1 per detector over the percentages (x = 0 included), for a summary. */
    public static Table bestPerDetector(Table results) {
        List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(results.stringColumn("detector").asList()));
        StringColumn det = StringColumn.create("detector");
        DoubleColumn bestPct = DoubleColumn.create("best_removed_pct"), bestF1 = DoubleColumn.create("best_macro_f1"),
                gain = DoubleColumn.create("gain_over_baseline");
        for (String name : names) {
            Table t = results.where(results.stringColumn("detector").isEqualTo(name));
            double base = Double.NaN, best = Double.NEGATIVE_INFINITY, at = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                double p = t.doubleColumn("removed_pct").getDouble(i), f = t.doubleColumn("macro_f1").getDouble(i);
                if (p == 0) base = f;
                if (f > best) {
                    best = f;
                    at = p;
                }
            }
            det.append(name);
            bestPct.append(at);
            bestF1.append(best);
            gain.append(best - base);
        }
        return Table.create("Best removal per detector", det, bestPct, bestF1, gain);
    }
}
