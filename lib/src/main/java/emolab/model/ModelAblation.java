package emolab.model;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import emolab.prep.ActorSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The ablation behind {@link EmotionModel}: one step at a time, each scored by actor-grouped CV on
 * the training actors (mean ± std over folds) and on the test actors (accuracy, macro-F1).
 *
 * <ol>
 * <li>course feature set, RBF SVM tuned by CV;</li>
 * <li>rich feature set, RBF SVM tuned by CV;</li>
 * <li>+ per-speaker normalisation — <b>TRANSDUCTIVE</b>: test speakers are z-scored with the
 *     statistics of their own unlabelled test recordings (enrolment-style); from here on each step
 *     has two lines, speaker-normalised and plain;</li>
 * <li>+ fusion: SVM, logistic regression and an MLP averaging their probabilities;</li>
 * <li>+ training-only augmentation: noisy copies (20 dB SNR) of the training recordings.</li>
 * </ol>
 *
 * A step is kept (in each setting) only when its CV macro-F1 beats the setting's best so far; the
 * test actors never take part in any choice. The program: {@code ./emolab main
 * emolab.bench.ModelAblationEvaluation [audio-dir] [cache-dir]}.
 */
public final class ModelAblation {
    /** One line of the table. */
    public record Step(String step, String setting, Recipe recipe, ModelSelection.CvScore cv, double testAccuracy,
            double testMacroF1, boolean kept, int[] testPredictions) {}

    /** The table, the recipe chosen in each setting and the test truth. */
    public record Result(List<Step> steps, ModelSelection.Tuned plain, ModelSelection.Tuned speaker, int[] testTruth,
            ActorSplit.Plan plan) {
        /** The kept step with the highest CV macro-F1 in a setting ({@code speaker} or not). */
        public Step chosen(boolean speakerNormalised) {
            Step best = null;
            for (Step s : steps)
                if (s.kept() && s.recipe().speakerNormalised() == speakerNormalised && (best == null || s.cv().macroF1() > best.cv().macroF1()))
                    best = s;
            return best;
        }

        /** The table: step, setting, CV macro-F1 mean and std, CV accuracy, test accuracy and macro-F1, kept. */
        public Table table() {
            StringColumn step = StringColumn.create("step"), setting = StringColumn.create("setting"), kept = StringColumn.create("CV says");
            DoubleColumn cvF1 = DoubleColumn.create("CV macro-F1"), cvSd = DoubleColumn.create("CV macro-F1 std"),
                    cvAcc = DoubleColumn.create("CV accuracy"), acc = DoubleColumn.create("test accuracy"),
                    f1 = DoubleColumn.create("test macro-F1");
            for (Step s : steps) {
                step.append(s.step());
                setting.append(s.setting());
                cvF1.append(round(s.cv().macroF1()));
                cvSd.append(round(s.cv().macroF1Std()));
                cvAcc.append(round(s.cv().accuracy()));
                acc.append(round(s.testAccuracy()));
                f1.append(round(s.testMacroF1()));
                kept.append(s.kept() ? "keep" : "drop");
            }
            return Table.create("ablation", step, setting, cvF1, cvSd, cvAcc, acc, f1, kept);
        }

        /** The table as Markdown. */
        public String markdown() {
            StringBuilder b = new StringBuilder("| step | setting | CV macro-F1 (mean ± std) | CV accuracy | test accuracy | test macro-F1 | CV says |\n");
            b.append("|---|---|---:|---:|---:|---:|---|\n");
            for (Step s : steps)
                b.append(String.format(Locale.ROOT, "| %s | %s | %.3f ± %.3f | %.3f | %.3f | %.3f | %s |%n", s.step(), s.setting(),
                        s.cv().macroF1(), s.cv().macroF1Std(), s.cv().accuracy(), s.testAccuracy(), s.testMacroF1(),
                        s.kept() ? "keep" : "drop"));
            return b.toString();
        }
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    public static final String PLAIN = "plain";
    public static final String SPEAKER = "speaker-normalised (TRANSDUCTIVE)";

    /**
     * Runs the ablation. {@code course} and {@code rich} hold the same recordings' features (the
     * rich data with augmented rows when the augmentation step should run; without them it is
     * left out).
     */
    public static Result run(EmotionData course, EmotionData rich, int threads, Consumer<String> log) {
        ActorSplit.Plan plan = ActorSplit.plan(rich.actorSet());
        int[] trC = course.rowsOf(plan.trainActors()), teC = course.rowsOf(plan.testActors());
        int[] tr = rich.rowsOf(plan.trainActors()), te = rich.rowsOf(plan.testActors());
        if (log != null) log.accept(plan.describe() + ": " + tr.length + " training and " + te.length + " test recordings");
        List<Step> steps = new ArrayList<>();
        // 1. course set
        Step s1 = step("1. course set, RBF SVM", PLAIN, course, trC, teC, Recipe.svm(), true, threads, log);
        steps.add(s1);
        // 2. rich set
        Step s2 = step("2. rich set, RBF SVM", PLAIN, rich, tr, te, Recipe.svm(), true, threads, log);
        boolean richKept = s2.cv().macroF1() > s1.cv().macroF1();
        steps.add(keep(s2, richKept));
        EmotionData data = richKept ? rich : course;
        int[] trD = richKept ? tr : trC, teD = richKept ? te : teC;
        Step bestPlain = richKept ? s2 : s1;
        // 3. + speaker normalisation
        Step s3 = step("3. + speaker normalisation", SPEAKER, data, trD, teD, bestPlain.recipe().withSpeakerNormalised(true), true, threads, log);
        boolean spkKept = s3.cv().macroF1() > bestPlain.cv().macroF1();
        steps.add(keep(s3, spkKept));
        Step bestSpk = s3;
        // 4. + fusion
        List<String> fusion = List.of("svm", "logreg", "mlp");
        Step s4s = step("4. + fusion SVM+LR+MLP", SPEAKER, data, trD, teD, bestSpk.recipe().withMembers(fusion), true, threads, log);
        Step s4p = step("4. + fusion SVM+LR+MLP", PLAIN, data, trD, teD, bestPlain.recipe().withMembers(fusion), true, threads, log);
        s4s = keep(s4s, s4s.cv().macroF1() > bestSpk.cv().macroF1());
        s4p = keep(s4p, s4p.cv().macroF1() > bestPlain.cv().macroF1());
        steps.add(s4s);
        steps.add(s4p);
        if (s4s.kept()) bestSpk = s4s;
        if (s4p.kept()) bestPlain = s4p;
        // 5. + augmentation
        if (data.augmented() != null) {
            Step s5s = step("5. + noise augmentation (training only)", SPEAKER, data, trD, teD, bestSpk.recipe().withAugment(true), true, threads, log);
            Step s5p = step("5. + noise augmentation (training only)", PLAIN, data, trD, teD, bestPlain.recipe().withAugment(true), true, threads, log);
            s5s = keep(s5s, s5s.cv().macroF1() > bestSpk.cv().macroF1());
            s5p = keep(s5p, s5p.cv().macroF1() > bestPlain.cv().macroF1());
            steps.add(s5s);
            steps.add(s5p);
            if (s5s.kept()) bestSpk = s5s;
            if (s5p.kept()) bestPlain = s5p;
        }
        return new Result(steps, new ModelSelection.Tuned(bestPlain.recipe(), bestPlain.cv()),
                new ModelSelection.Tuned(bestSpk.recipe(), bestSpk.cv()), data.y(teD), plan);
    }

    private static Step keep(Step s, boolean kept) {
        return new Step(s.step(), s.setting(), s.recipe(), s.cv(), s.testAccuracy(), s.testMacroF1(), kept, s.testPredictions());
    }

    private static Step step(String name, String setting, EmotionData d, int[] tr, int[] te, Recipe base, boolean kept, int threads,
            Consumer<String> log) {
        if (log != null) log.accept(name + " [" + setting + "]");
        ModelSelection.Tuned t = ModelSelection.tune(d, tr, base, threads, log);
        Pipeline p = d.fit(tr, t.recipe(), false);
        int[] pred = d.predict(p, te);
        int[] truth = d.y(te);
        double acc = Metrics.accuracy(truth, pred), f1 = Metrics.f1(truth, pred, EmotionData.EMOTIONS.size(), Average.MACRO);
        if (log != null) log.accept(String.format(Locale.ROOT, "  test: accuracy %.3f, macro-F1 %.3f", acc, f1));
        return new Step(name, setting, t.recipe(), t.score(), acc, f1, kept, pred);
    }
}
