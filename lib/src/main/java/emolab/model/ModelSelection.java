package emolab.model;

import emolab.classify.Parallel;
import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import emolab.prep.GroupKFold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Model selection by actor-grouped cross-validation on the training actors only: folds hold out
 * contiguous blocks of actors ({@link GroupKFold#leaveActorsOut}; 8 actors → 4 folds of 2, 18 →
 * 6 folds of 3), every fit is on the fold's training actors, and the score is the mean (± standard
 * deviation over folds) of the validation folds' macro-F1 and accuracy.
 */
public final class ModelSelection {
    private ModelSelection() {}

    /**
     * SVM grid of the emotion model: C, and gamma as a multiple of 1 / number of features. (A 3 × 3
     * grid with C = 1 and gamma = 1/d never won on either corpus; nor did C = 100 of the later 2 × 2
     * grid on the model's rich features, in either setting on either corpus (real wav16k,
     * synthetic): C = 10 with two gammas keeps training, with the MiniRocket member, within its
     * time budget.)
     */
    public static final double[] SVM_C = {10};
    /**
     * The ablation's SVM C grid ({@link ModelAblation#run}): it also tunes other feature sets
     * (the course set, rich v2), where C = 100 does win (course set, synthetic corpus).
     */
    public static final double[] ABLATION_SVM_C = {10, 100};
    public static final double[] SVM_GAMMA_SCALE = {0.0625, 0.25};
    /**
     * The CV macro-F1 gain a step (fusion, MLP, augmentation) must bring to be kept: half a point.
     * Smaller gains are far inside the spread over folds and do not pay for the extra fitting time.
     */
    public static final double MIN_GAIN = 0.005;

    /** Whether {@code candidate} beats {@code incumbent} by at least {@link #MIN_GAIN}. */
    public static boolean gains(CvScore candidate, CvScore incumbent) {
        return candidate.macroF1() >= incumbent.macroF1() + MIN_GAIN;
    }

    /** Logistic-regression grid: C. */
    public static final double[] LOGREG_C = {0.01, 0.1, 1};

    /** Cross-validated score: means and standard deviations over the folds. */
    public record CvScore(double macroF1, double macroF1Std, double accuracy, double accuracyStd, int folds)
            implements java.io.Serializable {
        /** e.g. {@code macro-F1 0.612 ± 0.041, accuracy 0.630 ± 0.038 (4 folds)}. */
        public String describe() {
            return String.format(Locale.ROOT, "macro-F1 %.3f ± %.3f, accuracy %.3f ± %.3f (%d actor-grouped folds)", macroF1,
                    macroF1Std, accuracy, accuracyStd, folds);
        }
    }

    /** A recipe with its tuned hyper-parameters and its CV score. */
    public record Tuned(Recipe recipe, CvScore score) implements java.io.Serializable {}

    /** Number of folds for {@code actors} training actors: about 2–3 actors per fold, 2 to 6 folds. */
    public static int foldCount(int actors) {
        if (actors < 2) throw new IllegalArgumentException("cross-validation by actor needs at least 2 training actors, got " + actors);
        return Math.max(2, Math.min(6, actors / 2));
    }

    /** The folds over {@code rows} as pairs {training rows, validation rows} (indices into the data). */
    public static List<int[][]> folds(EmotionData d, int[] rows) {
        int[] actors = new int[rows.length];
        for (int i = 0; i < rows.length; i++) actors[i] = d.actors()[rows[i]];
        int nActors = (int) java.util.Arrays.stream(actors).distinct().count();
        List<int[][]> out = new ArrayList<>();
        for (GroupKFold.Fold f : GroupKFold.leaveActorsOut(actors, foldCount(nActors))) {
            out.add(new int[][] {map(rows, f.trainRows()), map(rows, f.testRows())});
        }
        return out;
    }

    private static int[] map(int[] rows, int[] idx) {
        int[] o = new int[idx.length];
        for (int i = 0; i < idx.length; i++) o[i] = rows[idx[i]];
        return o;
    }

    /** CV scores of several recipes; all (recipe, fold) fits run on {@code threads} threads. */
    public static List<CvScore> cv(EmotionData d, int[] rows, List<Recipe> all, int threads) {
        // scores already computed for these data and rows are reused (the ablation and training
        // ask for the same SVM grid more than once)
        Map<String, CvScore> memo;
        synchronized (MEMO) {
            memo = MEMO.computeIfAbsent(d, k -> new HashMap<>());
        }
        String rowsKey = Arrays.hashCode(rows) + "/" + rows.length + "/";
        List<Recipe> recipes = new ArrayList<>();
        synchronized (memo) {
            for (Recipe r : all) if (!memo.containsKey(rowsKey + r) && !recipes.contains(r)) recipes.add(r);
        }
        if (!recipes.isEmpty()) {
            List<CvScore> fresh = compute(d, rows, recipes, threads);
            synchronized (memo) {
                for (int i = 0; i < recipes.size(); i++) memo.put(rowsKey + recipes.get(i), fresh.get(i));
            }
        }
        List<CvScore> out = new ArrayList<>();
        synchronized (memo) {
            for (Recipe r : all) out.add(memo.get(rowsKey + r));
        }
        return out;
    }

    private static final Map<EmotionData, Map<String, CvScore>> MEMO = new WeakHashMap<>();

    private static List<CvScore> compute(EmotionData d, int[] rows, List<Recipe> recipes, int threads) {
        List<int[][]> folds = folds(d, rows);
        int k = folds.size();
        List<double[]> res = Parallel.map(recipes.size() * k, threads, t -> {
            Recipe r = recipes.get(t / k);
            int[][] f = folds.get(t % k);
            Pipeline p = d.fit(f[0], r, false);
            int[] pred = d.predict(p, f[1]);
            int[] truth = d.y(f[1]);
            return new double[] {Metrics.f1(truth, pred, EmotionData.EMOTIONS.size(), Average.MACRO), Metrics.accuracy(truth, pred)};
        }, null);
        List<CvScore> out = new ArrayList<>();
        for (int r = 0; r < recipes.size(); r++) {
            double[] f1 = new double[k], acc = new double[k];
            for (int i = 0; i < k; i++) {
                f1[i] = res.get(r * k + i)[0];
                acc[i] = res.get(r * k + i)[1];
            }
            out.add(new CvScore(mean(f1), std(f1), mean(acc), std(acc), k));
        }
        return out;
    }

    /** CV score of one recipe. */
    public static CvScore cv(EmotionData d, int[] rows, Recipe recipe, int threads) {
        return cv(d, rows, List.of(recipe), threads).get(0);
    }

    /**
     * Tunes {@code base}'s hyper-parameters by CV: the SVM's C and gamma on a grid (the SVM alone),
     * the logistic regression's C (alone), then scores the whole recipe. Ties keep the earlier
     * grid point.
     */
    public static Tuned tune(EmotionData d, int[] rows, Recipe base, int threads, Consumer<String> log) {
        return tune(d, rows, base, SVM_C, threads, log);
    }

    /** {@link #tune(EmotionData, int[], Recipe, int, Consumer)} with the SVM's C from {@code svmC}. */
    public static Tuned tune(EmotionData d, int[] rows, Recipe base, double[] svmC, int threads, Consumer<String> log) {
        Object[] t = tuneParameters(d, rows, base, svmC, threads, log);
        Recipe r = (Recipe) t[0];
        CvScore single = (CvScore) t[1];
        CvScore score = r.members().size() == 1 && single != null ? single : cv(d, rows, r, threads);
        if (log != null) log.accept("  " + r.describe() + ": " + score.describe());
        return new Tuned(r, score);
    }

    /** Out-of-fold class probabilities of a recipe, indexed by data row (null outside the folds), and their CV score. */
    public record OutOfFold(Recipe recipe, double[][] proba, CvScore score) {}

    /**
     * Out-of-fold class probabilities of each recipe (fitted with probabilities on the folds of
     * {@link #folds}), scored by their most probable class. The fits of recipes with an SVM
     * (LIBSVM's probability fits, which run one at a time) are chained in one task so that the
     * other fits use the other threads meanwhile.
     */
    public static List<OutOfFold> outOfFold(EmotionData d, int[] rows, List<Recipe> recipes, int threads) {
        List<int[][]> folds = folds(d, rows);
        int k = folds.size();
        List<Integer> chained = new ArrayList<>(), single = new ArrayList<>();
        for (int r = 0; r < recipes.size(); r++) (recipes.get(r).members().contains("svm") ? chained : single).add(r);
        double[][][][] res = new double[recipes.size()][k][][];
        int tasks = (chained.isEmpty() ? 0 : 1) + single.size() * k;
        Parallel.map(tasks, threads, t -> {
            if (!chained.isEmpty() && t == 0) {
                for (int r : chained) for (int f = 0; f < k; f++) res[r][f] = probaOf(d, folds.get(f), recipes.get(r));
            } else {
                int u = t - (chained.isEmpty() ? 0 : 1);
                int r = single.get(u / k), f = u % k;
                res[r][f] = probaOf(d, folds.get(f), recipes.get(r));
            }
            return null;
        }, null);
        List<OutOfFold> out = new ArrayList<>();
        for (int r = 0; r < recipes.size(); r++) {
            double[][] oof = new double[d.size()][];
            for (int f = 0; f < k; f++) {
                int[] val = folds.get(f)[1];
                for (int i = 0; i < val.length; i++) oof[val[i]] = res[r][f][i];
            }
            out.add(new OutOfFold(recipes.get(r), oof, score(folds, d.y(), oof)));
        }
        return out;
    }

    private static double[][] probaOf(EmotionData d, int[][] fold, Recipe r) {
        return d.fit(fold[0], r, true).predictProba(d.x(fold[1]), d.speakers(fold[1]), null);
    }

    /** CV score of out-of-fold probabilities (indexed by data row) over {@code folds}: most probable class against {@code y}. */
    public static CvScore score(List<int[][]> folds, int[] y, double[][] proba) {
        double[] f1 = new double[folds.size()], acc = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            int[] val = folds.get(f)[1];
            int[] truth = new int[val.length];
            double[][] p = new double[val.length][];
            for (int i = 0; i < val.length; i++) {
                truth[i] = y[val[i]];
                p[i] = proba[val[i]];
            }
            int[] pred = Pipeline.argmax(p);
            f1[f] = Metrics.f1(truth, pred, EmotionData.EMOTIONS.size(), Average.MACRO);
            acc[f] = Metrics.accuracy(truth, pred);
        }
        return new CvScore(mean(f1), std(f1), mean(acc), std(acc), folds.size());
    }

    /** The logistic-regression grid of {@link #LOGREG_C} on {@code svm}'s preparation (members: logreg only). */
    public static List<Recipe> logregGrid(Recipe svm) {
        List<Recipe> grid = new ArrayList<>();
        for (double c : LOGREG_C) grid.add(svm.withMembers(List.of("logreg")).withLogregC(c));
        return grid;
    }

    /**
     * The rich-feature member of one setting chosen from out-of-fold probabilities: {@code svm}
     * (tuned by {@link #tune}; {@code svmOof} its out-of-fold probabilities) alone, or SVM +
     * logistic regression (C by the best out-of-fold score among {@code logregOof}, the
     * {@link #logregGrid}) when the average of their probabilities gains {@link #MIN_GAIN} over
     * the SVM's CV score — the same choice and scores as {@code tune} of the fusion gives, from
     * fewer fits. Returns {chosen, SVM + LR candidate}, each with the out-of-fold probabilities it predicts.
     */
    public static OutOfFold[] chooseRichMember(EmotionData d, int[] rows, Tuned svm, OutOfFold svmOof, List<OutOfFold> logregOof,
            Consumer<String> log) {
        int best = 0;
        for (int i = 1; i < logregOof.size(); i++) if (logregOof.get(i).score().macroF1() > logregOof.get(best).score().macroF1()) best = i;
        for (OutOfFold o : logregOof) remember(d, rows, o.recipe(), o.score());
        Recipe fr = svm.recipe().withMembers(List.of("svm", "logreg")).withLogregC(logregOof.get(best).recipe().logregC());
        if (log != null)
            log.accept(String.format(Locale.ROOT, "  logistic regression grid: C=%g, %s", fr.logregC(), logregOof.get(best).score().describe()));
        double[][] sp = svmOof.proba(), lp = logregOof.get(best).proba(), fp = new double[sp.length][];
        for (int i = 0; i < fp.length; i++) if (sp[i] != null) fp[i] = Pipeline.average(new double[][][] {{sp[i]}, {lp[i]}})[0];
        OutOfFold fusion = new OutOfFold(fr, fp, score(folds(d, rows), d.y(), fp));
        remember(d, rows, fr, fusion.score());
        if (log != null) log.accept("  " + fr.describe() + ": " + fusion.score().describe());
        OutOfFold svmAlone = new OutOfFold(svm.recipe(), sp, svm.score()); // score: the SVM's own vote, as tune gives it
        return new OutOfFold[] {gains(fusion.score(), svm.score()) ? fusion : svmAlone, fusion};
    }

    private static void remember(EmotionData d, int[] rows, Recipe r, CvScore score) {
        Map<String, CvScore> memo;
        synchronized (MEMO) {
            memo = MEMO.computeIfAbsent(d, k -> new HashMap<>());
        }
        synchronized (memo) {
            memo.put(Arrays.hashCode(rows) + "/" + rows.length + "/" + r, score);
        }
    }

    /** The grid searches of {@link #tune}: {tuned recipe, score of the single member (null for a fusion)}. */
    private static Object[] tuneParameters(EmotionData d, int[] rows, Recipe base, double[] svmC, int threads, Consumer<String> log) {
        Recipe r = base;
        CvScore single = null;
        if (r.members().contains("svm")) {
            List<Recipe> grid = new ArrayList<>();
            for (double c : svmC) for (double g : SVM_GAMMA_SCALE) grid.add(r.withMembers(List.of("svm")).withSvm(c, g));
            List<CvScore> s = cv(d, rows, grid, threads);
            int best = best(s);
            r = r.withSvm(grid.get(best).svmC(), grid.get(best).svmGammaScale());
            single = s.get(best);
            if (log != null) log.accept(String.format(Locale.ROOT, "  SVM grid (%d points): C=%g gamma=%g/d, %s", grid.size(), r.svmC(),
                    r.svmGammaScale(), single.describe()));
        }
        if (r.members().contains("logreg")) {
            List<Recipe> grid = new ArrayList<>();
            for (double c : LOGREG_C) grid.add(r.withMembers(List.of("logreg")).withLogregC(c));
            List<CvScore> s = cv(d, rows, grid, threads);
            int best = best(s);
            r = r.withLogregC(grid.get(best).logregC());
            if (log != null) log.accept(String.format(Locale.ROOT, "  logistic regression grid: C=%g, %s", r.logregC(), s.get(best).describe()));
            if (r.members().size() == 1) single = s.get(best);
        }
        return new Object[] {r, r.members().size() == 1 ? single : null};
    }

    private static int best(List<CvScore> s) {
        int b = 0;
        for (int i = 1; i < s.size(); i++) if (s.get(i).macroF1() > s.get(b).macroF1()) b = i;
        return b;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double std(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }
}
