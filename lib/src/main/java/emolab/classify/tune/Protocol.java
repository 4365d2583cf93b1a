package emolab.classify.tune;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.prep.LabeledData;
import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import emolab.classify.eval.Roc;
import emolab.prep.GroupKFold;
import emolab.prep.LabeledData;
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
        Classifier m = spec.fit(train);
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
    public static Outcome fromSearch(String name, SearchResult search, LabeledData test) {
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

    /** Standard error of an accuracy p measured on n rows (binomial). */
    private static double se(double p, int n) {
        return n == 0 ? Double.NaN : Math.sqrt(p * (1 - p) / n);
    }

    /**
     * How much speaker leakage is worth on this run, in words: the accuracy and macro-F1 of the
     * same model tested on a random split of the recordings (speakers on both sides) and on
     * held-out actors, the gap, and whether it exceeds twice its standard error (binomial, from
     * the two test sizes). The sentence follows the numbers: a gap within the noise, or a random
     * split that scores lower, is reported as such.
     */
    public static String leakageConclusion(Outcome randomSplit, Outcome heldOutActors) {
        double a = randomSplit.testAccuracy(), b = heldOutActors.testAccuracy();
        double gap = a - b;
        double noise = Math.sqrt(Math.pow(se(a, randomSplit.testPredictions().length), 2) + Math.pow(se(b, heldOutActors.testPredictions().length), 2));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Random split of the recordings: accuracy %.3f, macro-F1 %.3f. Held-out actors: accuracy %.3f, macro-F1 %.3f. ",
                a, randomSplit.testMacroF1(), b, heldOutActors.testMacroF1()));
        if (gap > 2 * noise)
            s.append(String.format(Locale.ROOT, "On this run, sharing speakers between training and test inflates accuracy by %.3f "
                    + "(%.1f percentage points, more than twice its standard error of %.3f): that part of the random-split score "
                    + "comes from knowing the voices, not from recognising emotions in a new voice.", gap, 100 * gap, noise));
        else if (gap < -2 * noise)
            s.append(String.format(Locale.ROOT, "On this run, the random split scores %.3f lower than the held-out actors (standard "
                    + "error %.3f): these held-out actors happen to be easy, so this one comparison does not measure the leakage; "
                    + "the rule — hold out whole speakers — stands regardless.", -gap, noise));
        else
            s.append(String.format(Locale.ROOT, "On this run, the gap (%+.3f) is within twice its standard error (%.3f): speaker "
                    + "leakage made no clear difference here; the rule — hold out whole speakers — stands regardless.", gap, noise));
        return s.toString();
    }

    /**
     * Which model wins, in words, from a comparison's outcomes: the model chosen by grouped
     * cross-validation (the honest choice: highest mean CV accuracy among the outcomes that have
     * CV), the models whose CV accuracy is within one standard deviation of it, that model's
     * held-out score, the best held-out score (reported, not used to choose), and the margin over
     * the baseline named {@code baseline} (e.g. "majority"; ignored when absent).
     */
    public static String conclusion(List<Outcome> outcomes, String baseline) {
        if (outcomes.isEmpty()) return "No model was evaluated.";
        Outcome byCv = null, byTest = null, base = null;
        for (Outcome o : outcomes) {
            if (o.name().equals(baseline)) base = o;
            if (o.cv() != null && !Double.isNaN(o.cv().meanAccuracy()) && (byCv == null || o.cv().meanAccuracy() > byCv.cv().meanAccuracy()))
                byCv = o;
            if (byTest == null || o.testAccuracy() > byTest.testAccuracy()) byTest = o;
        }
        StringBuilder s = new StringBuilder();
        if (byCv != null) {
            double m = byCv.cv().meanAccuracy(), sd = byCv.cv().stdAccuracy();
            List<String> close = new java.util.ArrayList<>();
            for (Outcome o : outcomes)
                if (o != byCv && o.cv() != null && !Double.isNaN(o.cv().meanAccuracy()) && o.cv().meanAccuracy() >= m - sd) close.add(o.name());
            s.append(String.format(Locale.ROOT, "Chosen by cross-validation on the training actors: %s (CV accuracy %.3f ± %.3f, "
                    + "macro-F1 %.3f); on the held-out actors it scores accuracy %.3f, macro-F1 %.3f. ", byCv.name(), m, sd,
                    byCv.cv().meanMacroF1(), byCv.testAccuracy(), byCv.testMacroF1()));
            s.append(close.isEmpty() ? "No other cross-validated model comes within one fold standard deviation of it. "
                    : "Within one fold standard deviation of it: " + String.join(", ", close) + " — the ranking among these is not settled. ");
        }
        s.append(String.format(Locale.ROOT, "Highest held-out accuracy: %s (%.3f, macro-F1 %.3f)%s. ", byTest.name(), byTest.testAccuracy(),
                byTest.testMacroF1(), byTest == byCv ? ", the same model" : "; a test-set winner is reported, not chosen"));
        if (base != null)
            s.append(String.format(Locale.ROOT, "The %s baseline scores %.3f: the best model is %.3f above it.", base.name(),
                    base.testAccuracy(), byTest.testAccuracy() - base.testAccuracy()));
        return s.toString().trim();
    }

    /**
     * Two feature sets compared model by model, in words: {@code first} and {@code second} are
     * outcomes of the same models (pairwise, same order) on feature sets named {@code firstName}
     * and {@code secondName}; for each pair the held-out macro-F1 change, and how many models the
     * second set improved.
     */
    public static String featureSetConclusion(List<Outcome> first, List<Outcome> second, String firstName, String secondName) {
        if (first.size() != second.size() || first.isEmpty())
            throw new IllegalArgumentException("need the same, non-zero number of outcomes per feature set: " + first.size() + " vs " + second.size());
        int better = 0, worse = 0;
        double sum = 0;
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < first.size(); i++) {
            double d = second.get(i).testMacroF1() - first.get(i).testMacroF1();
            sum += d;
            if (d > 0.01) better++;
            if (d < -0.01) worse++;
            parts.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.3f → %.3f (%+.3f)", second.get(i).name(),
                    first.get(i).testMacroF1(), second.get(i).testMacroF1(), d));
        }
        int n = first.size();
        String verdict = better == n ? String.format(Locale.ROOT, "the %s features improved every model", secondName)
                : worse == n ? String.format(Locale.ROOT, "the %s features made every model worse", secondName)
                : better == 0 && worse == 0 ? String.format(Locale.ROOT, "the two feature sets are within 0.01 of each other for every model")
                : String.format(Locale.ROOT, "the %s features helped %d of %d models by more than 0.01 and hurt %d", secondName, better, n, worse);
        return String.format(Locale.ROOT, "Held-out macro-F1, %s → %s: %s. Mean change %+.3f: on this run, %s.", firstName, secondName,
                parts, sum / n, verdict);
    }
}
