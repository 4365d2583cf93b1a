package emolab.outliers;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import emolab.prep.LabeledData;
import emolab.study.NotApplicableException;
import emolab.study.Study;
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
 * untouched test rows (held-out actors, e.g. the two sides of {@code emolab.prep.PreparedData}): accuracy and macro-F1 (the mean of the per-class F1
 * over the labels present in truth or prediction, as scikit-learn's {@code f1_score(average=
 * 'macro')}). Test rows are never scored, dropped or changed. x = 0 is the shared baseline.
 */
public final class OutlierRemovalEffect {
    private OutlierRemovalEffect() {}

    /** Trains a classifier on rows {@code x} with integer labels {@code y}. */
    @FunctionalInterface
    public interface Trainer {
        Predictor fit(double[][] x, int[] y);

        /** True when {@link #fit} may be called from several threads at once (then retrainings run in parallel). */
        default boolean threadSafe() {
            return false;
        }
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
        return new Trainer() {
            @Override
            public Predictor fit(double[][] x, int[] y) {
                long present = java.util.Arrays.stream(y).distinct().count();
                NotApplicableException.require(present >= 2, "only " + present + " class left in " + y.length + " training rows");
                Classifier m = spec.fit(x, y, c);
                return m::predict;
            }

            @Override
            public boolean threadSafe() {
                return true; // a spec fits a new, independent model on every call
            }
        };
    }

    /**
     * Runs the experiment as a {@link Study}: a detector that cannot run on these rows
     * ({@link NotApplicableException}: too few rows for its k, a singular covariance, …) becomes
     * one {@code not applicable} row and the others go on; a retraining that the classifier
     * refuses becomes a {@code not applicable} row for that detector and percentage. With a
     * {@linkplain Trainer#threadSafe() thread-safe} trainer the retrainings run in parallel (each
     * is deterministic, so the table does not depend on the thread count).
     *
     * @param percents  percentages of training rows to remove, each in [0, 50)
     * @param progress  (done, total) callback or null
     * @return one row per (detector, percentage): {@code detector, removed_pct, removed_rows,
     *     accuracy, macro_f1, note}; the x = 0 baseline is repeated for each detector; a detector
     *     that refused has one row with missing numbers and a note {@code not applicable: <reason>}
     */
    public static Table run(List<OutlierDetector> detectors, LabeledData train, LabeledData test, double[] percents, Trainer trainer,
                            BiConsumer<Integer, Integer> progress) {
        checkInputs(train, test, percents);
        double[][] trainX = train.x(), testX = test.x();
        int[] trainY = train.y(), testY = test.y();
        List<String> names = new ArrayList<>();
        List<Object> fits = new ArrayList<>();
        int total = 1 + detectors.size() * (1 + positive(percents, trainX.length));
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        if (progress != null) progress.accept(0, total);
        for (OutlierDetector d : detectors) {
            try {
                OutlierModel m = d.fit(trainX);
                names.add(m.detector());
                fits.add(m);
            } catch (NotApplicableException e) {
                names.add(d.name());
                fits.add(e);
            }
            tick(progress, done, total);
        }
        return evaluate(names, fits, trainX, trainY, testX, testY, percents, trainer, progress, done, total);
    }

    /**
     * {@link #run(List, LabeledData, LabeledData, double[], Trainer, BiConsumer)} with
     * detectors already fitted on the training rows (the rows of a {@link DetectorStudy}): their
     * training scores decide which rows go, so nothing is refitted; a detector that was not
     * applicable there keeps its {@code not applicable} row.
     *
     * @throws IllegalArgumentException when a fitted detector has a different number of training rows
     */
    public static Table run(DetectorStudy fitted, LabeledData train, LabeledData test, double[] percents, Trainer trainer,
                            BiConsumer<Integer, Integer> progress) {
        checkInputs(train, test, percents);
        double[][] trainX = train.x(), testX = test.x();
        int[] trainY = train.y(), testY = test.y();
        List<String> names = new ArrayList<>();
        List<Object> fits = new ArrayList<>();
        for (Study.Row r : fitted.study().rows()) {
            names.add(r.method());
            if (r.applicable()) {
                OutlierModel m = fitted.model(r.method()).orElseThrow();
                if (m.trainingScores().length != trainX.length)
                    throw new IllegalArgumentException("detector '" + r.method() + "' was fitted on " + m.trainingScores().length
                            + " rows, the training rows are " + trainX.length);
                fits.add(m);
            } else {
                fits.add(new NotApplicableException(r.note().substring("not applicable: ".length())));
            }
        }
        int total = 1 + fitted.models().size() * positive(percents, trainX.length);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        if (progress != null) progress.accept(0, total);
        return evaluate(names, fits, trainX, trainY, testX, testY, percents, trainer, progress, done, total);
    }

    private static void checkInputs(LabeledData train, LabeledData test, double[] percents) {
        if (test.numFeatures() != train.numFeatures())
            throw new IllegalArgumentException("test rows have " + test.numFeatures() + " columns, training rows " + train.numFeatures());
        if (!java.util.Arrays.equals(train.classes(), test.classes()))
            throw new IllegalArgumentException("train and test have different classes: " + java.util.Arrays.toString(train.classes())
                    + " vs " + java.util.Arrays.toString(test.classes()));
        for (double p : percents)
            if (!(p >= 0 && p < 50)) throw new IllegalArgumentException("percentages must be in [0, 50), got " + p);
    }

    private static int positive(double[] percents, int n) {
        int positive = 0;
        for (double p : percents) if (Math.round(p / 100 * n) > 0) positive++;
        return positive;
    }

    /** The baseline, then every (fitted detector, percentage) retraining, into one study table. */
    private static Table evaluate(List<String> names, List<Object> fits, double[][] trainX, int[] trainY, double[][] testX,
                                  int[] testY, double[] percents, Trainer trainer, BiConsumer<Integer, Integer> progress,
                                  java.util.concurrent.atomic.AtomicInteger done, int total) {
        int n = trainX.length;
        Outcome base = Outcome.of(() -> evaluate(trainer.fit(trainX, trainY).predict(testX), testY));
        tick(progress, done, total);
        List<int[]> jobs = new ArrayList<>(); // {detector index, percent index, rows removed}
        for (int d = 0; d < fits.size(); d++) {
            if (!(fits.get(d) instanceof OutlierModel)) continue;
            for (int j = 0; j < percents.length; j++) {
                int k = (int) Math.round(percents[j] / 100 * n);
                if (k > 0) jobs.add(new int[] {d, j, k});
            }
        }
        Outcome[][] outcomes = new Outcome[fits.size()][percents.length];
        (trainer.threadSafe() ? jobs.parallelStream() : jobs.stream()).forEach(job -> {
            int[] ranking = ((OutlierModel) fits.get(job[0])).ranking();
            int k = job[2];
            boolean[] drop = new boolean[n];
            for (int i = 0; i < k; i++) drop[ranking[i]] = true;
            double[][] x = new double[n - k][];
            int[] y = new int[n - k];
            for (int i = 0, c = 0; i < n; i++) {
                if (drop[i]) continue;
                x[c] = trainX[i];
                y[c++] = trainY[i];
            }
            outcomes[job[0]][job[1]] = Outcome.of(() -> evaluate(trainer.fit(x, y).predict(testX), testY));
            tick(progress, done, total);
        });
        Study study = new Study("detector", "removed_pct", "removed_rows", "accuracy", "macro_f1");
        for (int d = 0; d < fits.size(); d++) {
            String name = names.get(d);
            if (fits.get(d) instanceof NotApplicableException e) {
                study.notApplicable(name, e.getMessage());
                continue;
            }
            for (int j = 0; j < percents.length; j++) {
                int k = (int) Math.round(percents[j] / 100 * n);
                Outcome o = k > 0 ? outcomes[d][j] : base;
                double p = percents[j];
                study.run(name, row -> {
                    if (o.refusal != null)
                        throw new NotApplicableException((k > 0 ? "after removing " + k + " training rows (" + pct(p) + " %): "
                                : "baseline: ") + o.refusal.getMessage(), o.refusal);
                    row.set("removed_pct", p).set("removed_rows", k).set("accuracy", o.scores[0]).set("macro_f1", o.scores[1]);
                });
            }
        }
        return study.table().setName("Effect of removing training outliers");
    }

    /** Scores of one retraining, or the classifier's refusal. */
    private record Outcome(double[] scores, NotApplicableException refusal) {
        static Outcome of(java.util.function.Supplier<double[]> run) {
            try {
                return new Outcome(run.get(), null);
            } catch (NotApplicableException e) {
                return new Outcome(null, e);
            }
        }
    }

    private static String pct(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    private static void tick(BiConsumer<Integer, Integer> progress, java.util.concurrent.atomic.AtomicInteger done, int total) {
        if (progress == null) return;
        synchronized (done) {
            progress.accept(done.incrementAndGet(), total);
        }
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
     * removing outliers helped, and the average change (rows marked not applicable are left out
     * and counted).
     */
    public static String conclusion(Table results) {
        return conclusion(results, Double.NaN);
    }

    /**
     * {@link #conclusion(Table)} judged against the test sample's luck of the draw: {@code noise}
     * is the bootstrap standard deviation of the baseline's macro-F1 ({@link #bootstrapStd}); a
     * gain counts as clear only when it exceeds twice that. The last sentence says whether
     * removing training outliers helped on this run.
     */
    public static String conclusion(Table results, double noise) {
        double base = Double.NaN, best = Double.NEGATIVE_INFINITY, sum = 0;
        String bestDet = "";
        double bestPct = 0;
        int n = 0, better = 0, clear = 0, refused = 0;
        for (int i = 0; i < results.rowCount(); i++) {
            double p = results.doubleColumn("removed_pct").getDouble(i), f = results.doubleColumn("macro_f1").getDouble(i);
            if (Double.isNaN(f)) {
                refused++;
                continue;
            }
            if (p == 0) base = f;
        }
        if (Double.isNaN(base)) return "No removal run could be evaluated on this data (" + refused + " not-applicable rows).";
        for (int i = 0; i < results.rowCount(); i++) {
            double p = results.doubleColumn("removed_pct").getDouble(i), f = results.doubleColumn("macro_f1").getDouble(i);
            if (Double.isNaN(f) || p == 0) continue;
            n++;
            sum += f;
            if (f > base) better++;
            if (!Double.isNaN(noise) && f - base > 2 * noise) clear++;
            if (f > best) {
                best = f;
                bestDet = results.stringColumn("detector").get(i);
                bestPct = p;
            }
        }
        String na = refused == 0 ? "" : String.format(Locale.ROOT, " (%d not-applicable row%s left out.)", refused, refused == 1 ? "" : "s");
        if (n == 0) return String.format(Locale.ROOT, "Only the baseline was run: macro-F1 %.3f.", base) + na;
        double mean = sum / n - base;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Baseline (no removal): macro-F1 %.3f. Best: %s, removing %s %% of "
                        + "the training rows, macro-F1 %.3f (%+.3f). %d of %d removal runs beat the baseline; the mean change over "
                        + "all runs is %+.3f.", base, bestDet, pct(bestPct), best, best - base, better, n, mean));
        if (!Double.isNaN(noise)) {
            b.append(String.format(Locale.ROOT, " The bootstrap noise of macro-F1 is %.3f, so a gain needs about %.3f to be "
                    + "more than luck: %d of %d runs gained that much. ", noise, 2 * noise, clear, n));
            if (clear == 0)
                b.append(mean < 0 ? "On this run, removing training outliers did not help: no gain beyond the noise, and on average it hurt."
                        : "On this run, removing training outliers did not clearly help: no gain beyond the noise.");
            else if (clear * 2 > n)
                b.append("On this run, removing training outliers helped in most settings.");
            else
                b.append("On this run, removing training outliers helped only in a few settings; check them on other data before relying on it.");
        }
        return b + na;
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
                if (Double.isNaN(f)) continue;
                if (p == 0) base = f;
                if (f > best) {
                    best = f;
                    at = p;
                }
            }
            det.append(name);
            if (best == Double.NEGATIVE_INFINITY) { // not applicable: no evaluated row
                bestPct.appendMissing();
                bestF1.appendMissing();
                gain.appendMissing();
                continue;
            }
            bestPct.append(at);
            bestF1.append(best);
            gain.append(best - base);
        }
        return Table.create("Best removal per detector", det, bestPct, bestF1, gain);
    }
}
