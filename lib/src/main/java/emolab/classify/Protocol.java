package emolab.classify;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import emolab.classify.eval.Roc;
import emolab.classify.tune.CrossValidation;
import emolab.prep.GroupKFold;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The course's evaluation protocol, speaker-independent throughout: leave-actors-out
 * cross-validation on the training actors (6 folds of 3 actors for actors 1–18) reported as
 * mean ± std, then one fit on all training actors scored on the held-out test actors
 * (accuracy, macro-F1, one-vs-rest macro ROC-AUC when the model has probabilities, fit time).
 */
public final class Protocol {
    private Protocol() {}

    /** The outcome for one model. */
    public record Outcome(String name, CrossValidation.Result cv, Classifier model, int[] testPredictions,
                          double testAccuracy, double testMacroF1, double testRocAuc, double fitSeconds) {
        /** The same outcome under another name (for comparison tables). */
        public Outcome named(String newName) {
            return new Outcome(newName, cv, model, testPredictions, testAccuracy, testMacroF1, testRocAuc, fitSeconds);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: CV %s; test accuracy %.4f, macro-F1 %.4f, ROC-AUC %s, fit %.2f s", name,
                    cv == null ? "-" : cv.toString(), testAccuracy, testMacroF1,
                    Double.isNaN(testRocAuc) ? "-" : String.format(Locale.ROOT, "%.4f", testRocAuc), fitSeconds);
        }
    }

    /**
     * Runs the protocol for {@code spec}: {@code nFolds} leave-actors-out folds on {@code train}
     * (0 = skip CV), then fit on {@code train} and score on {@code test}.
     */
    public static Outcome evaluate(String name, ClassifierSpec spec, LabeledData train, LabeledData test, int nFolds,
                                   BiConsumer<Integer, Integer> progress) {
        if (!java.util.Arrays.equals(train.classes(), test.classes()))
            throw new IllegalArgumentException("train and test data have different class lists: "
                    + java.util.Arrays.toString(train.classes()) + " vs " + java.util.Arrays.toString(test.classes()));
        CrossValidation.Result cv = null;
        if (nFolds > 0) {
            List<GroupKFold.Fold> folds = CrossValidation.leaveActorsOut(train, nFolds);
            cv = CrossValidation.run(spec, train, folds, 0, progress);
        }
        Classifier m = train.fit(spec);
        int[] p = m.predict(test.x());
        double auc = Double.NaN;
        if (m.hasProbabilities()) auc = rocAuc(test.y(), m.predictProba(test.x()));
        return new Outcome(name, cv, m, p, Metrics.accuracy(test.y(), p), Metrics.f1(test.y(), p, test.numClasses(), Average.MACRO),
                auc, m.fitSeconds());
    }

    /**
     * The outcome of a tuned model: the best combination's grouped-CV scores from
     * {@code search} and its refitted model scored on {@code test}.
     */
    public static Outcome fromSearch(String name, emolab.classify.tune.SearchResult search, LabeledData test) {
        Classifier m = search.bestModel();
        if (m == null) throw new IllegalArgumentException("the search was run with refit(false): no refitted model to test");
        int[] p = m.predict(test.x());
        double auc = m.hasProbabilities() ? rocAuc(test.y(), m.predictProba(test.x())) : Double.NaN;
        return new Outcome(name, search.bestResult(), m, p, Metrics.accuracy(test.y(), p),
                Metrics.f1(test.y(), p, test.numClasses(), Average.MACRO), auc, m.fitSeconds());
    }

    /** One-vs-rest macro ROC-AUC over the classes present in {@code y} (NaN when fewer than 2 are). */
    static double rocAuc(int[] y, double[][] proba) {
        if (java.util.Arrays.stream(y).distinct().count() < 2) return Double.NaN;
        return Roc.aucOvr(y, proba, Average.MACRO);
    }

    /**
     * A comparison table, one row per outcome: {@code model}, {@code cv_accuracy},
     * {@code cv_accuracy_std}, {@code cv_f1_macro}, {@code cv_f1_macro_std}, {@code test_accuracy},
     * {@code test_f1_macro}, {@code test_roc_auc}, {@code fit_s}.
     */
    public static Table compare(List<Outcome> outcomes) {
        Table t = Table.create("held-out actors", StringColumn.create("model"),
                DoubleColumn.create("cv_accuracy"), DoubleColumn.create("cv_accuracy_std"),
                DoubleColumn.create("cv_f1_macro"), DoubleColumn.create("cv_f1_macro_std"),
                DoubleColumn.create("test_accuracy"), DoubleColumn.create("test_f1_macro"),
                DoubleColumn.create("test_roc_auc"), DoubleColumn.create("fit_s"));
        for (Outcome o : outcomes) {
            t.stringColumn("model").append(o.name());
            t.doubleColumn("cv_accuracy").append(o.cv() == null ? Double.NaN : o.cv().meanAccuracy());
            t.doubleColumn("cv_accuracy_std").append(o.cv() == null ? Double.NaN : o.cv().stdAccuracy());
            t.doubleColumn("cv_f1_macro").append(o.cv() == null ? Double.NaN : o.cv().meanMacroF1());
            t.doubleColumn("cv_f1_macro_std").append(o.cv() == null ? Double.NaN : o.cv().stdMacroF1());
            t.doubleColumn("test_accuracy").append(o.testAccuracy());
            t.doubleColumn("test_f1_macro").append(o.testMacroF1());
            t.doubleColumn("test_roc_auc").append(o.testRocAuc());
            t.doubleColumn("fit_s").append(o.fitSeconds());
        }
        return t;
    }
}
