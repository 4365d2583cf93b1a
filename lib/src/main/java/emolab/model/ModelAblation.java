package emolab.model;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import emolab.prep.ActorSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
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
 * <li>rich feature set without its eGeMAPS group (the 392 columns of rich v2), RBF SVM tuned by CV;</li>
 * <li>+ the eGeMAPS-style group ({@link emolab.features.rich.Egemaps}), plain;</li>
 * <li>+ per-speaker normalisation — <b>TRANSDUCTIVE</b>: test speakers are z-scored with the
 *     statistics of their own unlabelled test recordings (enrolment-style); from here on each step
 *     has two lines, speaker-normalised and plain;</li>
 * <li>+ fusion: the SVM and a logistic regression averaging their probabilities;</li>
 * <li>+ an MLP (one hidden layer of 128) in the fusion;</li>
 * <li>+ training-only augmentation: noisy copies (20 dB SNR) of the training recordings.</li>
 * </ol>
 *
 * A step is kept (in each setting) only when its CV macro-F1 beats the setting's best so far by at
 * least {@link ModelSelection#MIN_GAIN}; the test actors never take part in any choice. The program: {@code ./emolab main
 * emolab.bench.ModelAblationEvaluation [audio-dir] [cache-dir]}.
 */
public final class ModelAblation {
    /** One line of the table. */
    public record Step(String step, String setting, Recipe recipe, ModelSelection.CvScore cv, double testAccuracy,
            double testMacroF1, boolean kept, int[] testPredictions) {}

    /** The table, the recipe chosen in each setting and the test truth. */
    public record Result(List<Step> steps, ModelSelection.Tuned plain, ModelSelection.Tuned speaker, int[] testTruth,
            ActorSplit.Plan plan) {
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

        /**
         * What the table says, in sentences built from its numbers: which steps cross-validation
         * kept, and the test scores of the chosen pipelines with and without the transductive
         * speaker normalisation.
         */
        public String conclusion() {
            List<String> kept = new ArrayList<>(), dropped = new ArrayList<>();
            for (Step s : steps) {
                if (s.step().startsWith("1.")) continue;
                String n = s.step().replaceFirst("^\\d+b?\\. ", "") + " [" + (s.setting().equals(PLAIN) ? "plain" : "speaker-normalised") + "]";
                (s.kept() ? kept : dropped).add(n);
            }
            Step plainStep = last(false), spkStep = last(true);
            StringBuilder b = new StringBuilder();
            b.append("Cross-validation on the training actors kept: ").append(kept.isEmpty() ? "nothing" : String.join(", ", kept))
                    .append(dropped.isEmpty() ? "" : "; it dropped (gain below " + ModelSelection.MIN_GAIN + " macro-F1): " + String.join(", ", dropped))
                    .append(". ");
            if (plainStep != null && spkStep != null) {
                double gain = spkStep.testMacroF1() - plainStep.testMacroF1();
                b.append(String.format(Locale.ROOT, "On the test actors the chosen plain model reaches accuracy %.3f / macro-F1 %.3f; "
                        + "with speaker normalisation (TRANSDUCTIVE: statistics of the test speakers' own recordings) %.3f / %.3f, "
                        + "%s of %.3f macro-F1 (CV on the training actors: %+.3f).", plainStep.testAccuracy(), plainStep.testMacroF1(),
                        spkStep.testAccuracy(), spkStep.testMacroF1(), gain >= 0 ? "a gain" : "a loss", Math.abs(gain),
                        spkStep.cv().macroF1() - plainStep.cv().macroF1()));
            }
            return b.toString();
        }

        /** The last kept step of a setting (the chosen pipeline), or null. */
        private Step last(boolean speakerNormalised) {
            Step best = null;
            for (Step s : steps) if (s.kept() && s.setting().equals(speakerNormalised ? SPEAKER : PLAIN)) best = s;
            return best;
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
    /** Column-name prefix of the rich set's eGeMAPS-style group. */
    public static final String EGEMAPS_PREFIX = "eg_";
    public static final String SPEAKER = "speaker-normalised (TRANSDUCTIVE)";

    /**
     * Runs the ablation. {@code course} and {@code rich} hold the same recordings' features (the
     * rich data with augmented rows when the augmentation step should run; without them it is
     * left out).
     */
    public static Result run(EmotionData course, EmotionData rich, int threads, Consumer<String> log) {
        return run(course, rich, null, threads, log);
    }

    /**
     * {@link #run(EmotionData, EmotionData, int, Consumer)} with a last step, "7. + speed
     * perturbation (training only)", when {@code speedRows} (the rich features of each recording's
     * {@link SpeedPerturbation} copy, row for row with {@code rich}) is given: the training rows'
     * copies join each fit in place of the noisy ones, on top of each setting's best so far.
     */
    public static Result run(EmotionData course, EmotionData rich, double[][] speedRows, int threads, Consumer<String> log) {
        ActorSplit.Plan plan = ActorSplit.plan(rich.actorSet());
        int[] trC = course.rowsOf(plan.trainActors()), teC = course.rowsOf(plan.testActors());
        int[] tr = rich.rowsOf(plan.trainActors()), te = rich.rowsOf(plan.testActors());
        if (log != null) log.accept(plan.describe() + ": " + tr.length + " training and " + te.length + " test recordings");
        List<Step> steps = new ArrayList<>();
        // 1. course set
        Step s1 = step("1. course set, RBF SVM", PLAIN, course, trC, teC, Recipe.svm(), true, threads, log);
        steps.add(s1);
        // 2. rich set without the eGeMAPS group, 2b. with it
        EmotionData richBase = rich.columns(c -> !c.startsWith(EGEMAPS_PREFIX));
        boolean hasEgemaps = richBase.featureNames().size() < rich.featureNames().size();
        Step s2 = step(hasEgemaps ? "2. rich set without eGeMAPS, RBF SVM" : "2. rich set, RBF SVM", PLAIN, richBase, tr, te, Recipe.svm(),
                true, threads, log);
        boolean richKept = ModelSelection.gains(s2.cv(), s1.cv());
        steps.add(keep(s2, richKept));
        EmotionData data = richKept ? richBase : course;
        int[] trD = richKept ? tr : trC, teD = richKept ? te : teC;
        Step bestPlain = richKept ? s2 : s1;
        if (hasEgemaps) {
            Step s2b = step("2b. + eGeMAPS group", PLAIN, rich, tr, te, Recipe.svm(), true, threads, log);
            boolean egKept = ModelSelection.gains(s2b.cv(), bestPlain.cv());
            steps.add(keep(s2b, egKept));
            if (egKept) {
                data = rich;
                trD = tr;
                teD = te;
                bestPlain = s2b;
            }
        }
        // 3. + speaker normalisation
        Step s3 = step("3. + speaker normalisation", SPEAKER, data, trD, teD, bestPlain.recipe().withSpeakerNormalised(true), true, threads, log);
        boolean spkKept = ModelSelection.gains(s3.cv(), bestPlain.cv());
        steps.add(keep(s3, spkKept));
        Step bestSpk = s3;
        // 4. + fusion with a logistic regression, 5. + an MLP in the fusion
        Step[] best = {bestPlain, bestSpk};
        fusionStep("4. + fusion SVM+LR", List.of("svm", "logreg"), data, trD, teD, best, steps, threads, log);
        fusionStep("5. + MLP in the fusion", null, data, trD, teD, best, steps, threads, log);
        // 6. + augmentation
        if (data.augmented() != null) fusionStep("6. + noise augmentation (training only)", List.of(), data, trD, teD, best, steps, threads, log);
        // 7. + speed perturbation (its copies in place of the noisy ones)
        if (speedRows != null && data == rich) {
            if (speedRows.length != rich.size()) throw new IllegalArgumentException(speedRows.length + " speed rows for " + rich.size() + " recordings");
            EmotionData sp = new EmotionData(rich.x(), rich.y(), rich.actors(), rich.speakers(), rich.paths(), rich.featureNames(), speedRows,
                    rich.errors());
            fusionStep("7. + speed perturbation ×0.9/1.1 (training only)", List.of(), sp, trD, teD, best, steps, threads, log);
        }
        bestPlain = best[0];
        bestSpk = best[1];
        return new Result(steps, new ModelSelection.Tuned(bestPlain.recipe(), bestPlain.cv()),
                new ModelSelection.Tuned(bestSpk.recipe(), bestSpk.cv()), data.y(teD), plan);
    }

    /**
     * The ablation a notebook can afford, from a trained model: the rich-set steps take their
     * hyper-parameters and CV scores from the model's own selection ({@link EmotionModel#candidates()},
     * {@link EmotionModel#fusion}) and are fitted once on the training actors for their test scores;
     * only the course-set step is cross-validated here (with the rich SVM's C and gamma). Steps:
     * 1 course set, 2 rich set, 3 + speaker normalisation, 4 + fusion SVM+LR (plain; no candidate
     * in the speaker-normalised setting), 5 + MiniRocket late fusion in both settings (its test
     * scores need the audio of the test rows: {@code rich}'s paths). The MLP and augmentation steps
     * are left out (the full ablation, {@link #run}, dropped them by CV; see the README).
     *
     * @param course the course features of the same recordings
     * @param rich   the rich features (the model's feature set) of the same recordings, with their paths
     */
    public static Result fromModel(EmotionModel model, EmotionData course, EmotionData rich, int threads) {
        ActorSplit.Plan plan = ActorSplit.plan(rich.actorSet());
        if (!plan.trainActors().equals(model.trainActors()))
            throw new IllegalArgumentException("the model was trained on actors " + ActorSplit.ranges(model.trainActors())
                    + ", but these data's training actors are " + ActorSplit.ranges(plan.trainActors()));
        int[] trC = course.rowsOf(plan.trainActors()), teC = course.rowsOf(plan.testActors());
        int[] tr = rich.rowsOf(plan.trainActors()), te = rich.rowsOf(plan.testActors());
        List<ModelSelection.Tuned> c = model.candidates();
        ModelSelection.Tuned plainSvm = c.get(0), plainFusion = c.get(1), spkSvm = c.get(2);
        List<Step> steps = new ArrayList<>();
        Recipe courseRecipe = plainSvm.recipe();
        // The test fits with probabilities (LIBSVM's, which run one at a time: its random generator is
        // global) are one chain on this thread; the course set's CV and the whole model's test scores
        // (MiniRocket's series and transform) run beside it. Every part is seeded and independent of
        // the others, so the table is the same as computed one after the other (threads = 1 does that).
        ExecutorService beside = threads == 1 ? null : Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ablation");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<ModelSelection.CvScore> courseCv = submit(beside, () -> ModelSelection.cv(course, trC, courseRecipe, threads));
            Future<EmotionModel.Evaluation[]> fullScores = submit(beside, () -> model.usesSeries() ? model.evaluate(rich, te) : null);
            int[] p1 = testPredictions(course, trC, teC, courseRecipe, null);
            int[] p2 = testPredictions(rich, tr, te, plainSvm.recipe(), model);
            int[] p3 = testPredictions(rich, tr, te, spkSvm.recipe(), model);
            int[] p4 = testPredictions(rich, tr, te, plainFusion.recipe(), model);
            Step s1 = tested("1. course set, RBF SVM", PLAIN, course, teC, courseRecipe, get(courseCv), p1);
            steps.add(s1);
            Step s2 = tested("2. rich set (with its eGeMAPS group), RBF SVM", PLAIN, rich, te, plainSvm.recipe(), plainSvm.score(), p2);
            steps.add(keep(s2, ModelSelection.gains(s2.cv(), s1.cv())));
            Step s3 = tested("3. + speaker normalisation", SPEAKER, rich, te, spkSvm.recipe(), spkSvm.score(), p3);
            steps.add(keep(s3, ModelSelection.gains(s3.cv(), s2.cv())));
            Step s4p = tested("4. + fusion SVM+LR", PLAIN, rich, te, plainFusion.recipe(), plainFusion.score(), p4);
            steps.add(keep(s4p, ModelSelection.gains(s4p.cv(), s2.cv())));
            addFusionSteps(steps, model, rich, te, get(fullScores));
        } finally {
            if (beside != null) beside.shutdownNow();
        }
        return new Result(steps, new ModelSelection.Tuned(model.plainPipeline().recipe(), model.plainCv()),
                new ModelSelection.Tuned(model.speakerPipeline().recipe(), model.speakerCv()), rich.y(te), plan);
    }

    /** Runs {@code task} on {@code pool}, or here and now when there is no pool. */
    private static <T> Future<T> submit(ExecutorService pool, Callable<T> task) {
        if (pool != null) return pool.submit(task);
        FutureTask<T> f = new FutureTask<>(task);
        f.run();
        return f;
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Step 5 in both settings: the whole model's test scores where the fusion is kept. */
    private static void addFusionSteps(List<Step> steps, EmotionModel model, EmotionData rich, int[] te, EmotionModel.Evaluation[] full) {
        for (boolean spk : new boolean[] {true, false}) {
            RocketFusion.Choice f = model.fusion(spk);
            EmotionModel.Evaluation e = full != null && f.kept() ? full[spk ? 0 : 1] : null;
            Recipe r = (spk ? model.speakerPipeline() : model.plainPipeline()).recipe();
            String name = String.format(Locale.ROOT, "5. + MiniRocket late fusion (w=%.1f, τ=%.2f)", f.w(), f.tau());
            steps.add(new Step(name, spk ? SPEAKER : PLAIN, r, f.fused(), e == null ? Double.NaN : e.accuracy(), e == null ? Double.NaN : e.macroF1(),
                    f.kept(), e == null ? null : e.predicted()));
        }
    }

    /** Test predictions of {@code r}: the model's own pipeline when it is that recipe, else a fit with probabilities like the model's. */
    private static int[] testPredictions(EmotionData d, int[] tr, int[] te, Recipe r, EmotionModel model) {
        Pipeline p = model == null ? null
                : r.equals(model.plainPipeline().recipe()) ? model.plainPipeline()
                : r.equals(model.speakerPipeline().recipe()) ? model.speakerPipeline() : null;
        return d.predict(p != null ? p : d.fit(tr, r, true), te);
    }

    /** The table line of {@code r} with its test predictions {@code pred} (see {@link #testPredictions}). */
    private static Step tested(String name, String setting, EmotionData d, int[] te, Recipe r, ModelSelection.CvScore cv, int[] pred) {
        int[] truth = d.y(te);
        return new Step(name, setting, r, cv, Metrics.accuracy(truth, pred), Metrics.f1(truth, pred, EmotionData.EMOTIONS.size(), Average.MACRO),
                true, pred);
    }

    /**
     * One step in both settings on top of each setting's best so far: {@code members} replaces the
     * members (null: add the MLP; empty: switch the augmentation on). Kept where CV improves.
     */
    private static void fusionStep(String name, List<String> members, EmotionData d, int[] tr, int[] te, Step[] best, List<Step> steps,
            int threads, Consumer<String> log) {
        for (int k = 1; k >= 0; k--) {
            Recipe r = best[k].recipe();
            if (members == null) {
                List<String> m = new ArrayList<>(r.members());
                if (!m.contains("logreg")) m.add("logreg");
                m.add("mlp");
                r = r.withMembers(m);
            } else if (members.isEmpty()) {
                r = r.withAugment(true);
            } else {
                r = r.withMembers(members);
            }
            Step s = step(name, k == 1 ? SPEAKER : PLAIN, d, tr, te, r, true, threads, log);
            s = keep(s, ModelSelection.gains(s.cv(), best[k].cv()));
            steps.add(s);
            if (s.kept()) best[k] = s;
        }
    }

    private static Step keep(Step s, boolean kept) {
        return new Step(s.step(), s.setting(), s.recipe(), s.cv(), s.testAccuracy(), s.testMacroF1(), kept, s.testPredictions());
    }

    private static Step step(String name, String setting, EmotionData d, int[] tr, int[] te, Recipe base, boolean kept, int threads,
            Consumer<String> log) {
        if (log != null) log.accept(name + " [" + setting + "]");
        ModelSelection.Tuned t = ModelSelection.tune(d, tr, base, ModelSelection.ABLATION_SVM_C, threads, log);
        Pipeline p = d.fit(tr, t.recipe(), false);
        int[] pred = d.predict(p, te);
        int[] truth = d.y(te);
        double acc = Metrics.accuracy(truth, pred), f1 = Metrics.f1(truth, pred, EmotionData.EMOTIONS.size(), Average.MACRO);
        if (log != null) log.accept(String.format(Locale.ROOT, "  test: accuracy %.3f, macro-F1 %.3f", acc, f1));
        return new Step(name, setting, t.recipe(), t.score(), acc, f1, kept, pred);
    }
}
