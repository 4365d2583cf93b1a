package emolab.classify.tune;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.prep.LabeledData;
import emolab.classify.Parallel;
import emolab.prep.GroupKFold;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Cross-validation grouped by actor: every fold holds out whole actors, so the score says how
 * well a model does on <em>unseen speakers</em>. Row-wise or stratified-only folds would put
 * each speaker on both sides and reward models that recognise voices, not emotions; they are
 * refused here ({@link #checkFolds}).
 *
 * <p>Scores are accuracy and macro-F1 per fold; means and standard deviations use the
 * population formula (ddof 0), as scikit-learn's {@code cv_results_}.
 */
public final class CrossValidation {
    private CrossValidation() {}

    /** One fold's scores. */
    public record FoldScore(int fold, Set<Integer> testGroups, int trainRows, int testRows,
                            double accuracy, double macroF1, double fitSeconds) implements java.io.Serializable {}

    /** The per-fold scores of one spec. */
    public record Result(ClassifierSpec spec, List<FoldScore> folds) {
        public Result {
            folds = List.copyOf(folds);
        }

        public double meanAccuracy() { return meanOf(folds.stream().mapToDouble(FoldScore::accuracy).toArray()); }

        public double stdAccuracy() { return stdOf(folds.stream().mapToDouble(FoldScore::accuracy).toArray()); }

        public double meanMacroF1() { return meanOf(folds.stream().mapToDouble(FoldScore::macroF1).toArray()); }

        public double stdMacroF1() { return stdOf(folds.stream().mapToDouble(FoldScore::macroF1).toArray()); }

        public double meanFitSeconds() { return meanOf(folds.stream().mapToDouble(FoldScore::fitSeconds).toArray()); }

        public double stdFitSeconds() { return stdOf(folds.stream().mapToDouble(FoldScore::fitSeconds).toArray()); }

        /** Mean score for {@code s}. */
        public double mean(Scoring s) { return s == Scoring.ACCURACY ? meanAccuracy() : meanMacroF1(); }

        /** Std of the score for {@code s}. */
        public double std(Scoring s) { return s == Scoring.ACCURACY ? stdAccuracy() : stdMacroF1(); }

        /** One row per fold: fold, test actors, rows, accuracy, macro-F1, fit seconds. */
        public Table table() {
            Table t = Table.create("cross-validation " + spec.name(),
                    IntColumn.create("fold"), StringColumn.create("test_actors"), IntColumn.create("train_rows"),
                    IntColumn.create("test_rows"), DoubleColumn.create("accuracy"), DoubleColumn.create("f1_macro"),
                    DoubleColumn.create("fit_s"));
            for (FoldScore f : folds) {
                t.intColumn("fold").append(f.fold());
                t.stringColumn("test_actors").append(f.testGroups().toString());
                t.intColumn("train_rows").append(f.trainRows());
                t.intColumn("test_rows").append(f.testRows());
                t.doubleColumn("accuracy").append(f.accuracy());
                t.doubleColumn("f1_macro").append(f.macroF1());
                t.doubleColumn("fit_s").append(f.fitSeconds());
            }
            return t;
        }

        /** {@code accuracy 0.412 ± 0.031, macro-F1 0.398 ± 0.029 (6 folds)}. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "accuracy %.3f ± %.3f, macro-F1 %.3f ± %.3f (%d folds)",
                    meanAccuracy(), stdAccuracy(), meanMacroF1(), stdMacroF1(), folds.size());
        }
    }

    /**
     * The course protocol's folds: {@code nFolds} blocks of consecutive actors
     * ({@link GroupKFold#leaveActorsOut}; 6 folds of 3 actors on actors 1–18), checked with
     * {@link #checkFolds}.
     */
    public static List<GroupKFold.Fold> leaveActorsOut(LabeledData data, int nFolds) {
        List<GroupKFold.Fold> folds = GroupKFold.leaveActorsOut(data.requireGroups(), nFolds);
        checkFolds(data, folds);
        return folds;
    }

    /**
     * Checks that {@code folds} fit {@code data}: rows in range, no group (actor) on both sides
     * of a fold, and every class of {@code data} present in each fold's training part.
     *
     * @throws IllegalArgumentException naming the fold, the actor or the missing class
     */
    public static void checkFolds(LabeledData data, List<GroupKFold.Fold> folds) {
        if (folds == null || folds.isEmpty()) throw new IllegalArgumentException("no folds given");
        int[] groups = data.requireGroups();
        int[] y = data.y();
        String[] classes = data.classes();
        boolean[] inData = new boolean[classes.length];
        for (int c : y) inData[c] = true;
        for (GroupKFold.Fold f : folds) {
            Set<Integer> trainGroups = new TreeSet<>(), testGroups = new TreeSet<>();
            boolean[] inTrain = new boolean[classes.length];
            for (int i : f.trainRows()) {
                if (i < 0 || i >= y.length) throw new IllegalArgumentException("fold " + f.index() + ": row " + i + " is outside the " + y.length + " rows");
                trainGroups.add(groups[i]);
                inTrain[y[i]] = true;
            }
            for (int i : f.testRows()) {
                if (i < 0 || i >= y.length) throw new IllegalArgumentException("fold " + f.index() + ": row " + i + " is outside the " + y.length + " rows");
                testGroups.add(groups[i]);
            }
            for (int g : testGroups)
                if (trainGroups.contains(g))
                    throw new IllegalArgumentException("fold " + f.index() + " is not grouped: actor " + g
                            + " is on both sides (speaker leakage); use GroupKFold / leaveActorsOut folds");
            for (int c = 0; c < classes.length; c++)
                if (inData[c] && !inTrain[c])
                    throw new IllegalArgumentException("fold " + f.index() + " (test actors " + testGroups + "): class '" + classes[c]
                            + "' is absent from its training part, so no model fitted on it could predict that class; "
                            + "use fewer folds or check the labels of those actors");
        }
    }

    /** Fits and scores {@code spec} on every fold, folds in parallel on {@code threads} threads (0 = all cores). */
    public static Result run(ClassifierSpec spec, LabeledData data, List<GroupKFold.Fold> folds, int threads) {
        return run(spec, data, folds, threads, null);
    }

    /** As {@link #run(ClassifierSpec, LabeledData, List, int)} with a (done, total) progress callback. */
    public static Result run(ClassifierSpec spec, LabeledData data, List<GroupKFold.Fold> folds, int threads,
                             BiConsumer<Integer, Integer> progress) {
        checkFolds(data, folds);
        List<FoldScore> scores = Parallel.map(folds.size(), threads, i -> fold(spec, data, folds.get(i)), progress);
        return new Result(spec, scores);
    }

    static FoldScore fold(ClassifierSpec spec, LabeledData data, GroupKFold.Fold f) {
        LabeledData tr = data.rows(f.trainRows()), te = data.rows(f.testRows());
        Classifier m;
        try {
            m = spec.fit(tr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fold " + f.index() + " (test actors " + new TreeSet<>(f.testGroups()) + "): " + e.getMessage(), e);
        }
        int[] p = m.predict(te.x());
        return new FoldScore(f.index(), new TreeSet<>(f.testGroups()), tr.size(), te.size(),
                Scoring.ACCURACY.score(te.y(), p, data.numClasses()), Scoring.MACRO_F1.score(te.y(), p, data.numClasses()),
                m.fitSeconds());
    }

    static double meanOf(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    static double stdOf(double[] v) {
        double m = meanOf(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return v.length == 0 ? Double.NaN : Math.sqrt(s / v.length);
    }
}
