package emolab.imbalance;

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
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A comparison of re-sampling strategies: every (learner, sampler) pair is fitted as an
 * {@link ImbalancedPipeline} (sampler → scaler → learner) on training rows only and evaluated on
 * rows it never saw, either a held-out test set ({@link #of}) or the out-of-fold predictions of
 * grouped cross-validation ({@link #crossValidation}). Labels are class codes 0..k−1 naming
 * {@code classNames}.
 */
public final class ResamplingStudy {
    private final double[][] Xtrain, Xtest;
    private final int[] yTrain, yTest;
    private final String[] classNames;
    private final List<GroupKFold.Fold> folds;
    private final Map<String, Sampler> samplers = new LinkedHashMap<>();
    private final Map<String, Learner> learners = new LinkedHashMap<>();

    /**
     * One fitted pair: its training set after re-sampling (with cross-validation: the first
     * fold's), the predictions and probabilities of the evaluated rows, seconds.
     */
    public record Run(String learner, String sampler, Resampled trainingSet, int[] predicted, double[][] probabilities,
                      double seconds) {}

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
     * A study on a train/test split.
     *
     * @throws IllegalArgumentException on mismatched lengths or labels outside 0..k−1
     */
    public static ResamplingStudy of(double[][] Xtrain, int[] yTrain, double[][] Xtest, int[] yTest, String[] classNames) {
        if (Xtrain.length != yTrain.length) throw new IllegalArgumentException("train: " + Xtrain.length + " rows but " + yTrain.length + " labels");
        if (Xtest.length != yTest.length) throw new IllegalArgumentException("test: " + Xtest.length + " rows but " + yTest.length + " labels");
        for (int[] ys : new int[][] {yTrain, yTest})
            for (int v : ys)
                if (v < 0 || v >= classNames.length)
                    throw new IllegalArgumentException("label " + v + " is not a class code 0.." + (classNames.length - 1));
        return new ResamplingStudy(Xtrain, yTrain, Xtest, yTest, classNames, null);
    }

    /**
     * A cross-validated study on (X, y): each pair is fitted on the training part of every fold
     * (for example {@link GroupKFold#leaveActorsOut}) and evaluated on the out-of-fold predictions
     * of all rows. The folds' test parts must cover every row exactly once.
     */
    public static ResamplingStudy crossValidation(double[][] X, int[] y, List<GroupKFold.Fold> folds, String[] classNames) {
        ResamplingStudy s = of(X, y, X, y, classNames);
        boolean[] covered = new boolean[y.length];
        for (GroupKFold.Fold f : folds)
            for (int i : f.testRows()) {
                if (i < 0 || i >= y.length) throw new IllegalArgumentException("fold " + f.index() + " names row " + i + " of " + y.length);
                if (covered[i]) throw new IllegalArgumentException("row " + i + " is in the test part of two folds");
                covered[i] = true;
            }
        for (int i = 0; i < covered.length; i++)
            if (!covered[i]) throw new IllegalArgumentException("row " + i + " is in no fold's test part");
        return new ResamplingStudy(X, y, X, y, classNames, List.copyOf(folds));
    }

    /** Adds a sampler; {@code null} means "no re-sampling" (the baseline). */
    public ResamplingStudy sampler(String name, Sampler s) {
        if (samplers.containsKey(name)) throw new IllegalArgumentException("sampler name '" + name + "' used twice");
        samplers.put(name, s);
        return this;
    }

    public ResamplingStudy learner(String name, Learner l) {
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
        if (progress != null) progress.accept(0, total);
        for (var l : learners.entrySet()) {
            for (var s : samplers.entrySet()) {
                long t0 = System.nanoTime();
                ImbalancedPipeline pipe = ImbalancedPipeline.of(s.getValue(), l.getValue());
                if (folds != null) {
                    ImbalancedPipeline.CrossValidated cv = pipe.crossValidate(Xtrain, yTrain, folds, classes);
                    runs.add(new Run(l.getKey(), s.getKey(), cv.folds().get(0).trainingSet(), cv.predictions(), cv.probabilities(),
                            (System.nanoTime() - t0) / 1e9));
                    if (progress != null) progress.accept(++done, total);
                    continue;
                }
                ImbalancedPipeline.Fitted m = pipe.fit(Xtrain, yTrain);
                double[][] raw = m.predictProba(Xtest);
                int[] mc = m.classes();
                double[][] p = new double[Xtest.length][classes.length];
                for (int i = 0; i < raw.length; i++) for (int c = 0; c < mc.length; c++) p[i][mc[c]] = raw[i][c];
                int[] pred = m.predict(Xtest);
                runs.add(new Run(l.getKey(), s.getKey(), m.trainingSet(), pred, p, (System.nanoTime() - t0) / 1e9));
                if (progress != null) progress.accept(++done, total);
            }
        }
        return new Results(runs);
    }

    /** The outcome of {@link #run}. */
    public final class Results {
        private final List<Run> runs;

        private Results(List<Run> runs) {
            this.runs = List.copyOf(runs);
        }

        public List<Run> runs() {
            return runs;
        }

        /** The run of a (learner, sampler) pair. */
        public Run run(String learner, String sampler) {
            for (Run r : runs) if (r.learner().equals(learner) && r.sampler().equals(sampler)) return r;
            throw new IllegalArgumentException("no run for learner '" + learner + "' and sampler '" + sampler + "'");
        }

        /** True labels of the test rows. */
        public int[] yTest() {
            return yTest.clone();
        }

        public String[] classNames() {
            return classNames.clone();
        }

        /**
         * One row per run: training rows after re-sampling, synthetic rows, accuracy, macro-F1,
         * recall of {@code focusClass}, ROC AUC (binary: of the focus class's probability;
         * otherwise one-vs-rest macro) and seconds. Values rounded to 4 decimals.
         */
        public Table summary(int focusClass) {
            if (focusClass < 0 || focusClass >= classNames.length)
                throw new IllegalArgumentException("focus class " + focusClass + " is not a class code 0.." + (classNames.length - 1));
            String focus = classNames[focusClass];
            Table t = Table.create(folds == null ? "held-out test: " + yTest.length + " rows"
                    : folds.size() + "-fold grouped cross-validation, out-of-fold predictions of " + yTest.length + " rows");
            StringColumn ln = StringColumn.create("learner"), sn = StringColumn.create("sampler");
            IntColumn rows = IntColumn.create("train_rows"), syn = IntColumn.create("synthetic"), minority = IntColumn.create("train_" + focus);
            DoubleColumn acc = DoubleColumn.create("accuracy"), f1 = DoubleColumn.create("macro_f1"),
                    rec = DoubleColumn.create("recall_" + focus), auc = DoubleColumn.create("roc_auc"), sec = DoubleColumn.create("seconds");
            int k = classNames.length;
            for (Run r : runs) {
                ln.append(r.learner());
                sn.append(r.sampler());
                rows.append(r.trainingSet().size());
                syn.append(r.trainingSet().syntheticCount());
                minority.append(r.trainingSet().classCounts().getOrDefault(focusClass, 0));
                acc.append(round(Metrics.accuracy(yTest, r.predicted())));
                f1.append(round(Metrics.f1(yTest, r.predicted(), k, Average.MACRO)));
                rec.append(round(Metrics.recallPerClass(yTest, r.predicted(), k)[focusClass]));
                double a;
                if (k == 2) {
                    boolean[] pos = new boolean[yTest.length];
                    double[] score = new double[yTest.length];
                    for (int i = 0; i < pos.length; i++) {
                        pos[i] = yTest[i] == focusClass;
                        score[i] = r.probabilities()[i][focusClass];
                    }
                    a = Roc.auc(pos, score);
                } else {
                    a = Roc.aucOvr(yTest, r.probabilities(), Average.MACRO);
                }
                auc.append(round(a));
                sec.append(Math.round(r.seconds() * 100) / 100.0);
            }
            t.addColumns(ln, sn, rows, minority, syn, acc, f1, rec, auc, sec);
            return t;
        }

        /**
         * Each run's change against the {@code baseline} sampler of the same learner: macro-F1,
         * accuracy and the focus class's recall (run − baseline), sorted by learner then by
         * macro-F1 change, best first. Positive means the sampler helped.
         */
        public Table changeVsBaseline(String baseline, int focusClass) {
            Table s = summary(focusClass);
            String rec = "recall_" + classNames[focusClass];
            Table t = Table.create(s.name() + ": change against '" + baseline + "'");
            StringColumn ln = StringColumn.create("learner"), sn = StringColumn.create("sampler");
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
                df1.append(round(s.doubleColumn("macro_f1").get(i) - s.doubleColumn("macro_f1").get(b)));
                dacc.append(round(s.doubleColumn("accuracy").get(i) - s.doubleColumn("accuracy").get(b)));
                drec.append(round(s.doubleColumn(rec).get(i) - s.doubleColumn(rec).get(b)));
            }
            t.addColumns(ln, sn, df1, dacc, drec);
            return t.sortOn("learner", "-delta_macro_f1");
        }

        /** Per-class test recall of one learner, one row per sampler, one column per class. */
        public Table perClassRecall(String learner) {
            Table t = Table.create("test recall per class, " + learner);
            StringColumn sn = StringColumn.create("sampler");
            DoubleColumn[] cols = new DoubleColumn[classNames.length];
            for (int c = 0; c < cols.length; c++) cols[c] = DoubleColumn.create(classNames[c]);
            DoubleColumn f1 = DoubleColumn.create("macro_f1");
            for (Run r : runs) {
                if (!r.learner().equals(learner)) continue;
                sn.append(r.sampler());
                double[] rec = Metrics.recallPerClass(yTest, r.predicted(), classNames.length);
                for (int c = 0; c < cols.length; c++) cols[c].append(round(rec[c]));
                f1.append(round(Metrics.f1(yTest, r.predicted(), classNames.length, Average.MACRO)));
            }
            if (sn.size() == 0) throw new IllegalArgumentException("no runs for learner '" + learner + "'");
            t.addColumns(sn);
            t.addColumns(cols);
            t.addColumns(f1);
            return t;
        }

        /** Confusion matrix (rows true, columns predicted) of one run. */
        public int[][] confusion(String learner, String sampler) {
            return Metrics.confusionMatrix(yTest, run(learner, sampler).predicted(), classNames.length);
        }

        /** The metrics engineer's report (per-class precision/recall/F1, confusion matrix) of one run. */
        public ClassificationReport report(String learner, String sampler) {
            return ClassificationReport.of(classNames, yTest, run(learner, sampler).predicted());
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

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ResamplingStudy.Results[%d runs]", runs.size());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
