package emolab.imbalance;

import emolab.classify.ClassifierSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import emolab.classify.eval.Average;
import emolab.classify.eval.ClassificationReport;
import emolab.classify.eval.Metrics;
import emolab.classify.eval.Roc;
import emolab.prep.GroupKFold;
import emolab.prep.LabeledData;
import emolab.prep.PreparedData;
import emolab.study.NotApplicableException;
import emolab.study.Study;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A comparison of re-sampling strategies: every (learner, sampler) pair is fitted as an
 * {@link ImbalancedPipeline} (sampler → scaler → learner) on training rows only and evaluated on
 * rows it never saw, either a held-out test set ({@link #of}) or the out-of-fold predictions of
 * grouped cross-validation ({@link #crossValidation}), from {@link LabeledData} (e.g. the two
 * sides of {@link PreparedData}).
 *
 * <p>The pairs run as a {@link Study}: a sampler (or learner) that cannot run on this data — ADASYN
 * with nothing to generate, k larger than a class, one class left after cleaning — throws
 * {@link NotApplicableException} and its run becomes a row whose note reads
 * {@code not applicable: <reason>} with missing numbers; the other pairs go on. Any other exception
 * is a bug and propagates. {@link Results#conclusion} says in words, from the run's own numbers,
 * whether re-sampling helped.
 */
public final class ResamplingStudy {
    private final double[][] Xtrain, Xtest;
    private final int[] yTrain, yTest;
    private final String[] classNames;
    private final List<GroupKFold.Fold> folds;
    private final Map<String, Sampler> samplers = new LinkedHashMap<>();
    private final Map<String, ClassifierSpec> learners = new LinkedHashMap<>();

    /**
     * One pair: its training set after re-sampling (with cross-validation: the first fold's), the
     * predictions and probabilities of the evaluated rows, seconds, and a note — empty when the
     * pair ran, {@code not applicable: <reason>} when it refused (then the training set,
     * predictions and probabilities are null).
     */
    public record Run(String learner, String sampler, Resampled trainingSet, int[] predicted, double[][] probabilities,
                      double seconds, String note) {
        public Run {
            note = note == null ? "" : note;
        }

        /** False for a {@code not applicable} run. */
        public boolean applicable() {
            return predicted != null;
        }

        /** The training set after re-sampling; a not-applicable run throws {@link NotApplicableException} with its reason. */
        public Resampled requireTrainingSet() {
            if (!applicable()) throw new NotApplicableException(learner + " + " + sampler + ": " + reason());
            return trainingSet;
        }

        /** The refusal reason without the {@code not applicable: } prefix ("" when the run ran). */
        public String reason() {
            return note.startsWith(NA) ? note.substring(NA.length()) : note;
        }
    }

    private static final String NA = "not applicable: ";

    private ResamplingStudy(double[][] Xtrain, int[] yTrain, double[][] Xtest, int[] yTest, String[] classNames,
                            List<GroupKFold.Fold> folds) {
        this.Xtrain = Xtrain;
        this.yTrain = yTrain;
        this.Xtest = Xtest;
        this.yTest = yTest;
        this.classNames = classNames.clone();
        this.folds = folds;
    }

    /**
     * A study on a train/test split: fitted on {@code train}, evaluated on {@code test} (same
     * class list, e.g. {@link PreparedData#train()} and {@link PreparedData#test()}).
     *
     * @throws IllegalArgumentException when the two sides have different classes or feature counts
     */
    public static ResamplingStudy of(LabeledData train, LabeledData test) {
        if (!Arrays.equals(train.classes(), test.classes()))
            throw new IllegalArgumentException("train and test have different classes: " + Arrays.toString(train.classes())
                    + " vs " + Arrays.toString(test.classes()));
        if (train.numFeatures() != test.numFeatures())
            throw new IllegalArgumentException("train has " + train.numFeatures() + " features but test has " + test.numFeatures());
        return new ResamplingStudy(train.x(), train.y(), test.x(), test.y(), train.classes(), null);
    }

    /** {@link #of(LabeledData, LabeledData)} on the training and test rows of prepared data. */
    public static ResamplingStudy of(PreparedData data) {
        return of(data.train(), data.test());
    }

    /**
     * A cross-validated study on {@code data}: each pair is fitted on the training part of every
     * fold (for example {@link GroupKFold#leaveActorsOut} on the data's groups) and evaluated on
     * the out-of-fold predictions of all rows. The folds' test parts must cover every row exactly once.
     */
    public static ResamplingStudy crossValidation(LabeledData data, List<GroupKFold.Fold> folds) {
        int[] y = data.y();
        boolean[] covered = new boolean[y.length];
        for (GroupKFold.Fold f : folds)
            for (int i : f.testRows()) {
                if (i < 0 || i >= y.length) throw new IllegalArgumentException("fold " + f.index() + " names row " + i + " of " + y.length);
                if (covered[i]) throw new IllegalArgumentException("row " + i + " is in the test part of two folds");
                covered[i] = true;
            }
        for (int i = 0; i < covered.length; i++)
            if (!covered[i]) throw new IllegalArgumentException("row " + i + " is in no fold's test part");
        return new ResamplingStudy(data.x(), y, data.x(), y, data.classes(), List.copyOf(folds));
    }

    /** Adds a sampler; {@code null} means "no re-sampling" (the baseline). */
    public ResamplingStudy sampler(String name, Sampler s) {
        if (samplers.containsKey(name)) throw new IllegalArgumentException("sampler name '" + name + "' used twice");
        samplers.put(name, s);
        return this;
    }

    public ResamplingStudy learner(String name, ClassifierSpec l) {
        if (l == null) throw new IllegalArgumentException("learner '" + name + "' is null");
        if (learners.containsKey(name)) throw new IllegalArgumentException("learner name '" + name + "' used twice");
        learners.put(name, l);
        return this;
    }

    /** Fits and evaluates every pair; {@code progress} (may be null) gets (done, total). */
    public Results run(BiConsumer<Integer, Integer> progress) {
        if (samplers.isEmpty() || learners.isEmpty()) throw new IllegalArgumentException("add at least one sampler and one learner");
        int total = samplers.size() * learners.size(), done = 0;
        int[] classes = new int[classNames.length];
        Arrays.setAll(classes, i -> i);
        List<Run> runs = new ArrayList<>();
        Study study = new Study("learner + sampler", "seconds");
        if (progress != null) progress.accept(0, total);
        for (var l : learners.entrySet()) {
            for (var s : samplers.entrySet()) {
                long t0 = System.nanoTime();
                Run[] made = new Run[1];
                Study.Row row = study.run(l.getKey() + " + " + s.getKey(), r -> {
                    made[0] = runPair(l.getKey(), l.getValue(), s.getKey(), s.getValue(), classes, t0);
                    r.set("seconds", made[0].seconds());
                });
                runs.add(row.applicable() ? made[0]
                        : new Run(l.getKey(), s.getKey(), null, null, null, (System.nanoTime() - t0) / 1e9, row.note()));
                if (progress != null) progress.accept(++done, total);
            }
        }
        return new Results(runs);
    }

    private Run runPair(String learnerName, ClassifierSpec learner, String samplerName, Sampler sampler, int[] classes, long t0) {
        ImbalancedPipeline pipe = ImbalancedPipeline.of(sampler, learner);
        if (folds != null) {
            ImbalancedPipeline.CrossValidated cv = pipe.crossValidate(Xtrain, yTrain, folds, classes);
            return new Run(learnerName, samplerName, cv.folds().get(0).trainingSet(), cv.predictions(), cv.probabilities(),
                    (System.nanoTime() - t0) / 1e9, "");
        }
        ImbalancedPipeline.Fitted m = pipe.fit(Xtrain, yTrain);
        double[][] raw = m.predictProba(Xtest);
        int[] mc = m.classes();
        double[][] p = new double[Xtest.length][classes.length];
        for (int i = 0; i < raw.length; i++) for (int c = 0; c < mc.length; c++) p[i][mc[c]] = raw[i][c];
        int[] pred = m.predict(Xtest);
        return new Run(learnerName, samplerName, m.trainingSet(), pred, p, (System.nanoTime() - t0) / 1e9, "");
    }

    /** The outcome of {@link #run}. */
    public final class Results {
        private final List<Run> runs;

        private Results(List<Run> runs) {
            this.runs = List.copyOf(runs);
        }

        /** Every run, not-applicable ones included (see {@link Run#applicable()}). */
        public List<Run> runs() {
            return runs;
        }

        /** The run of a (learner, sampler) pair (possibly a not-applicable one). */
        public Run run(String learner, String sampler) {
            for (Run r : runs) if (r.learner().equals(learner) && r.sampler().equals(sampler)) return r;
            throw new IllegalArgumentException("no run for learner '" + learner + "' and sampler '" + sampler + "'");
        }

        /** The run of a pair that ran; a not-applicable pair throws {@link NotApplicableException} with its reason. */
        public Run applicableRun(String learner, String sampler) {
            Run r = run(learner, sampler);
            if (!r.applicable()) throw new NotApplicableException(learner + " + " + sampler + ": " + r.reason());
            return r;
        }

        /** The runs that refused, as "learner + sampler: reason". */
        public List<String> refusals() {
            return runs.stream().filter(r -> !r.applicable()).map(r -> r.learner() + " + " + r.sampler() + ": " + r.reason()).toList();
        }

        /** True labels of the test rows. */
        public int[] yTest() {
            return yTest.clone();
        }

        public String[] classNames() {
            return classNames.clone();
        }

        /** Accuracy of an applicable run. */
        public double accuracy(Run r) {
            return Metrics.accuracy(yTest, r.predicted());
        }

        /** Macro-F1 of an applicable run. */
        public double macroF1(Run r) {
            return Metrics.f1(yTest, r.predicted(), classNames.length, Average.MACRO);
        }

        private void checkFocus(int focusClass) {
            if (focusClass < 0 || focusClass >= classNames.length)
                throw new IllegalArgumentException("focus class " + focusClass + " is not a class code 0.." + (classNames.length - 1));
        }

        /**
         * One row per run: training rows after re-sampling, synthetic rows, accuracy, macro-F1,
         * recall of {@code focusClass}, ROC AUC (binary: of the focus class's probability;
         * otherwise one-vs-rest macro), seconds and a note ({@code not applicable: <reason>} with
         * missing numbers for a pair that refused). Values rounded to 4 decimals.
         */
        public Table summary(int focusClass) {
            checkFocus(focusClass);
            String focus = classNames[focusClass];
            Table t = Table.create(folds == null ? "held-out test: " + yTest.length + " rows"
                    : folds.size() + "-fold grouped cross-validation, out-of-fold predictions of " + yTest.length + " rows");
            StringColumn ln = StringColumn.create("learner"), sn = StringColumn.create("sampler"), note = StringColumn.create("note");
            IntColumn rows = IntColumn.create("train_rows"), syn = IntColumn.create("synthetic"), minority = IntColumn.create("train_" + focus);
            DoubleColumn acc = DoubleColumn.create("accuracy"), f1 = DoubleColumn.create("macro_f1"),
                    rec = DoubleColumn.create("recall_" + focus), auc = DoubleColumn.create("roc_auc"), sec = DoubleColumn.create("seconds");
            int k = classNames.length;
            long focusSupport = Arrays.stream(yTest).filter(v -> v == focusClass).count();
            for (Run r : runs) {
                ln.append(r.learner());
                sn.append(r.sampler());
                note.append(r.note());
                sec.append(Math.round(r.seconds() * 100) / 100.0);
                if (!r.applicable()) {
                    rows.appendMissing();
                    syn.appendMissing();
                    minority.appendMissing();
                    acc.appendMissing();
                    f1.appendMissing();
                    rec.appendMissing();
                    auc.appendMissing();
                    continue;
                }
                rows.append(r.trainingSet().size());
                syn.append(r.trainingSet().syntheticCount());
                minority.append(r.trainingSet().classCounts().getOrDefault(focusClass, 0));
                acc.append(round(Metrics.accuracy(yTest, r.predicted())));
                f1.append(round(Metrics.f1(yTest, r.predicted(), k, Average.MACRO)));
                if (focusSupport == 0) rec.appendMissing(); // no test row of the focus class: its recall is undefined
                else rec.append(round(Metrics.recallPerClass(yTest, r.predicted(), k)[focusClass]));
                auc.append(round(rocAuc(r, focusClass)));
            }
            t.addColumns(ln, sn, rows, minority, syn, acc, f1, rec, auc, sec, note);
            return t;
        }

        /**
         * ROC AUC of a run; NaN when the evaluated rows lack a class (one-vs-rest is then undefined) or
         * a model gave non-finite probabilities.
         */
        private double rocAuc(Run r, int focusClass) {
            int k = classNames.length;
            for (double[] p : r.probabilities()) for (double v : p) if (!Double.isFinite(v)) return Double.NaN;
            if (k == 2) {
                boolean[] pos = new boolean[yTest.length];
                double[] score = new double[yTest.length];
                boolean anyPos = false, anyNeg = false;
                for (int i = 0; i < pos.length; i++) {
                    pos[i] = yTest[i] == focusClass;
                    anyPos |= pos[i];
                    anyNeg |= !pos[i];
                    score[i] = r.probabilities()[i][focusClass];
                }
                return anyPos && anyNeg ? Roc.auc(pos, score) : Double.NaN;
            }
            // one-vs-rest AUC is undefined for a class without test rows (as in scikit-learn): missing
            if (Arrays.stream(yTest).distinct().count() < k) return Double.NaN;
            return Roc.aucOvr(yTest, r.probabilities(), Average.MACRO);
        }

        /**
         * Each run's change against the {@code baseline} sampler of the same learner: macro-F1,
         * accuracy and the focus class's recall (run − baseline), sorted by learner then by
         * macro-F1 change, best first. Positive means the sampler helped. A not-applicable run (or
         * a not-applicable baseline) gives missing changes and says why in the note.
         */
        public Table changeVsBaseline(String baseline, int focusClass) {
            Table s = summary(focusClass);
            String rec = "recall_" + classNames[focusClass];
            Table t = Table.create(s.name() + ": change against '" + baseline + "'");
            StringColumn ln = StringColumn.create("learner"), sn = StringColumn.create("sampler"), note = StringColumn.create("note");
            DoubleColumn df1 = DoubleColumn.create("delta_macro_f1"), dacc = DoubleColumn.create("delta_accuracy"),
                    drec = DoubleColumn.create("delta_" + rec);
            for (int i = 0; i < s.rowCount(); i++) {
                String l = s.stringColumn("learner").get(i);
                int b = -1;
                for (int j = 0; j < s.rowCount(); j++)
                    if (s.stringColumn("learner").get(j).equals(l) && s.stringColumn("sampler").get(j).equals(baseline)) b = j;
                if (b < 0) throw new IllegalArgumentException("no baseline run '" + baseline + "' for learner '" + l + "'");
                if (i == b) continue;
                ln.append(l);
                sn.append(s.stringColumn("sampler").get(i));
                String n = s.stringColumn("note").get(i);
                if (n.isEmpty() && !s.stringColumn("note").get(b).isEmpty())
                    n = "baseline " + s.stringColumn("note").get(b);
                note.append(n);
                df1.append(delta(s.doubleColumn("macro_f1"), i, b));
                dacc.append(delta(s.doubleColumn("accuracy"), i, b));
                drec.append(delta(s.doubleColumn(rec), i, b));
            }
            t.addColumns(ln, sn, df1, dacc, drec, note);
            return t.sortOn("learner", "-delta_macro_f1");
        }

        private static double delta(DoubleColumn c, int i, int b) {
            return c.isMissing(i) || c.isMissing(b) ? Double.NaN : round(c.getDouble(i) - c.getDouble(b));
        }

        /** Per-class test recall of one learner, one row per sampler, one column per class (missing where not applicable). */
        public Table perClassRecall(String learner) {
            Table t = Table.create("test recall per class, " + learner);
            StringColumn sn = StringColumn.create("sampler"), note = StringColumn.create("note");
            DoubleColumn[] cols = new DoubleColumn[classNames.length];
            for (int c = 0; c < cols.length; c++) cols[c] = DoubleColumn.create(classNames[c]);
            DoubleColumn f1 = DoubleColumn.create("macro_f1");
            for (Run r : runs) {
                if (!r.learner().equals(learner)) continue;
                sn.append(r.sampler());
                note.append(r.note());
                if (!r.applicable()) {
                    for (DoubleColumn c : cols) c.appendMissing();
                    f1.appendMissing();
                    continue;
                }
                double[] rec = Metrics.recallPerClass(yTest, r.predicted(), classNames.length);
                for (int c = 0; c < cols.length; c++) cols[c].append(round(rec[c]));
                f1.append(round(Metrics.f1(yTest, r.predicted(), classNames.length, Average.MACRO)));
            }
            if (sn.size() == 0) throw new IllegalArgumentException("no runs for learner '" + learner + "'");
            t.addColumns(sn);
            t.addColumns(cols);
            t.addColumns(f1, note);
            return t;
        }

        /** Confusion matrix (rows true, columns predicted) of one run; a not-applicable run throws {@link NotApplicableException}. */
        public int[][] confusion(String learner, String sampler) {
            return Metrics.confusionMatrix(yTest, applicableRun(learner, sampler).predicted(), classNames.length);
        }

        /** The metrics engineer's report (per-class precision/recall/F1, confusion matrix) of one run that ran. */
        public ClassificationReport report(String learner, String sampler) {
            return ClassificationReport.of(classNames, yTest, applicableRun(learner, sampler).predicted());
        }

        /** The confusion matrix of one run as a table: a row per true class, a column per predicted class. */
        public Table confusionTable(String learner, String sampler) {
            int[][] cm = confusion(learner, sampler);
            Table t = Table.create("confusion matrix, " + learner + " + " + sampler + " (rows: true, columns: predicted)");
            t.addColumns(StringColumn.create("true", classNames));
            for (int c = 0; c < classNames.length; c++) {
                int[] col = new int[cm.length];
                for (int r = 0; r < cm.length; r++) col[r] = cm[r][c];
                t.addColumns(IntColumn.create(classNames[c], col));
            }
            return t;
        }

        /**
         * The bootstrap standard deviation of a run's macro-F1 over the evaluated rows
         * ({@code rounds} resamples of the rows with replacement, seeded): how much the score
         * moves by the luck of which recordings were tested. NaN for a not-applicable run.
         */
        public double bootstrapStd(Run r, int rounds, long seed) {
            if (rounds < 2) throw new IllegalArgumentException("rounds must be >= 2, got " + rounds);
            if (!r.applicable()) return Double.NaN;
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
            int n = yTest.length, k = classNames.length;
            int[] p = new int[n], y = new int[n];
            double[] f = new double[rounds];
            double m = 0;
            for (int b = 0; b < rounds; b++) {
                for (int i = 0; i < n; i++) {
                    int j = rnd.nextInt(n);
                    p[i] = r.predicted()[j];
                    y[i] = yTest[j];
                }
                f[b] = Metrics.f1(y, p, k, Average.MACRO);
                m += f[b];
            }
            m /= rounds;
            double v = 0;
            for (double x : f) v += (x - m) * (x - m);
            return Math.sqrt(v / (rounds - 1));
        }

        /**
         * Whether re-sampling helped, in words, from this run's numbers: for each learner, the
         * baseline's macro-F1 and recall of the focus class, the best sampler by macro-F1, and how
         * many samplers beat the baseline by more than twice the bootstrap noise of its macro-F1
         * (500 resamples of the evaluated rows, seed 42) — the verdict of the last sentence rests
         * on that count. For two classes it adds the baseline's ROC AUC, and says when the baseline
         * ranks the focus class well (AUC ≥ 0.8) but finds less than half of it at the default
         * threshold. Not-applicable runs are counted and named.
         */
        public String conclusion(String baseline, int focusClass) {
            checkFocus(focusClass);
            String focus = classNames[focusClass];
            StringBuilder b = new StringBuilder();
            if (Arrays.stream(yTest).noneMatch(v -> v == focusClass))
                b.append("The evaluated rows hold no ").append(focus).append(" recording, so its recall below is 0 by convention, not a measurement.");
            List<String> learnerNames = new ArrayList<>();
            for (Run r : runs) if (!learnerNames.contains(r.learner())) learnerNames.add(r.learner());
            int clearTotal = 0, comparedTotal = 0, worseTotal = 0, learnersWithBaseline = 0;
            for (String l : learnerNames) {
                Run base = run(l, baseline);
                if (b.length() > 0) b.append('\n');
                if (!base.applicable()) {
                    b.append(l).append(": the baseline '").append(baseline).append("' is not applicable (").append(base.reason())
                            .append("), so no sampler can be compared with it.");
                    continue;
                }
                learnersWithBaseline++;
                double bf = macroF1(base), br = Metrics.recallPerClass(yTest, base.predicted(), classNames.length)[focusClass];
                double noise = bootstrapStd(base, 500, 42);
                Run best = null;
                int compared = 0, clear = 0, worse = 0;
                List<String> na = new ArrayList<>();
                for (Run r : runs) {
                    if (!r.learner().equals(l) || r == base) continue;
                    if (!r.applicable()) {
                        na.add(r.sampler());
                        continue;
                    }
                    compared++;
                    double f = macroF1(r);
                    if (f - bf > 2 * noise) clear++;
                    if (bf - f > 2 * noise) worse++;
                    if (best == null || f > macroF1(best)) best = r;
                }
                clearTotal += clear;
                worseTotal += worse;
                comparedTotal += compared;
                b.append(String.format(Locale.ROOT, "%s: without re-sampling macro-F1 %.3f, recall of %s %.3f", l, bf, focus, br));
                double bauc = classNames.length == 2 ? rocAuc(base, focusClass) : Double.NaN;
                if (!Double.isNaN(bauc)) b.append(String.format(Locale.ROOT, ", ROC AUC %.3f", bauc));
                if (best != null) {
                    double f = macroF1(best), rr = Metrics.recallPerClass(yTest, best.predicted(), classNames.length)[focusClass];
                    b.append(String.format(Locale.ROOT, "; best sampler %s, macro-F1 %.3f (%+.3f), recall of %s %.3f (%+.3f)",
                            best.sampler(), f, f - bf, focus, rr, rr - br));
                    b.append(String.format(Locale.ROOT, ". Bootstrap noise of macro-F1 %.3f: %d of %d samplers gained more than twice that, %d lost more than twice that",
                            noise, clear, compared, worse));
                }
                b.append('.');
                if (!Double.isNaN(bauc) && bauc >= 0.8 && br < 0.5)
                    b.append(String.format(Locale.ROOT, " Without re-sampling it already ranks %s well (ROC AUC %.3f) yet finds only %.0f %% of it "
                            + "at the default threshold: a threshold problem more than a ranking problem.", focus, bauc, 100 * br));
                if (!na.isEmpty()) b.append(" Not applicable here: ").append(String.join(", ", na)).append('.');
            }
            if (learnersWithBaseline > 0 && comparedTotal > 0) {
                b.append('\n');
                if (clearTotal == 0)
                    b.append(worseTotal > 0 ? "On this run, re-sampling did not help macro-F1 beyond the noise, and some samplers clearly hurt."
                            : "On this run, re-sampling did not change macro-F1 beyond the noise.");
                else if (clearTotal * 2 > comparedTotal)
                    b.append("On this run, most samplers improved macro-F1 beyond the noise.");
                else
                    b.append(String.format(Locale.ROOT, "On this run, only %d of %d sampler runs improved macro-F1 beyond the noise.",
                            clearTotal, comparedTotal));
            }
            return b.toString();
        }

        /**
         * The last sentence of {@link #conclusion}: whether re-sampling helped on this run; when no
         * sampler could be compared with the baseline, a sentence saying so and why.
         */
        public String verdict(String baseline, int focusClass) {
            String text = conclusion(baseline, focusClass);
            String last = text.lines().reduce((a, b) -> b).orElse("");
            if (last.startsWith("On this run")) return last;
            for (Run r : runs)
                if (r.sampler().equals(baseline) && !r.applicable())
                    return "Not applicable on this data: the baseline '" + baseline + "' could not run (" + r.reason() + ").";
            return "No sampler could be compared with the baseline on this data.";
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ResamplingStudy.Results[%d runs, %d not applicable]", runs.size(),
                    runs.stream().filter(r -> !r.applicable()).count());
        }
    }

    /** Rounded to 4 decimals; NaN (an undefined score) stays NaN, a missing cell. */
    private static double round(double v) {
        if (Double.isNaN(v)) return v;
        return Math.round(v * 10000) / 10000.0;
    }
}
