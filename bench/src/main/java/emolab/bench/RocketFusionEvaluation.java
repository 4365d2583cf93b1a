package emolab.bench;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import emolab.data.CorpusFiles;
import emolab.data.RavdessName;
import emolab.features.engine.FeatureSets;
import emolab.features.engine.ExtractionProgress;
import emolab.model.EmotionData;
import emolab.model.ModelSelection;
import emolab.model.Pipeline;
import emolab.model.Recipe;
import emolab.prep.ActorSplit;
import emolab.timeseries.rocket.MfccSeries;
import emolab.timeseries.rocket.MiniRocket;
import emolab.timeseries.rocket.RidgeClassifierCV;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Late fusion of the emotion model's rich-feature SVM with MiniRocket on frame series, chosen by
 * actor-grouped CV on the training actors only: {@code RocketFusionEvaluation [audio-dir] [cache-dir]}
 * (defaults {@code ../shared/ravdess/wav16k}, {@code build/feature-cache}).
 *
 * <p>Members: (a) the rich set (v3) → RBF SVM with Platt probabilities, hyper-parameters tuned by
 * {@link ModelSelection#tune} on the training actors, in both settings (plain, and speaker-normalised —
 * TRANSDUCTIVE); (b) MiniRocket (10,000 features, seed 0) on 20 MFCC × 300 frames of the trimmed
 * signal ({@link MfccSeries.Options#trimmed()}), fitted on the training rows, then a standardised
 * {@link RidgeClassifierCV}, its decision values turned into probabilities by a softmax with
 * temperature τ. Fused: {@code (1 − w)·p_svm + w·softmax(d/τ)}. Out-of-fold probabilities of both
 * members come from the same actor-grouped folds ({@link ModelSelection#folds}); (w, τ) is chosen by
 * the mean fold macro-F1 over w ∈ {0, 0.1, …, 0.9} × τ ∈ {0.05, 0.1, 0.2, 0.5}; w = 0 is the SVM alone,
 * and fusion is kept only if it beats that by {@link ModelSelection#MIN_GAIN}. The test actors are
 * scored once, after the choice.
 */
public final class RocketFusionEvaluation {
    private RocketFusionEvaluation() {}

    static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    static final double[] TEMPERATURES = {0.05, 0.1, 0.2, 0.5};
    static final int K = EmotionData.EMOTIONS.size();

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/ravdess/wav16k");
        Path cache = Path.of(args.length > 1 ? args[1] : "build/feature-cache");
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir + "\nusage: RocketFusionEvaluation [audio-dir] [cache-dir]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (Path p : CorpusFiles.wavs(dir).files()) if (RavdessName.isValid(p.getFileName().toString())) files.add(p);
        EmotionData rich = EmotionData.extract(files, FeatureSets.byName("rich"), cache, false, ExtractionProgress.console(System.err, "rich"));
        double[][][] series = RocketEvaluation.mfcc(rich.paths(), new MfccSeries(MfccSeries.Options.trimmed()));
        System.out.printf(Locale.ROOT, "%d recordings from %s; rich features and MFCC series in %.1f s%n", rich.size(), dir,
                (System.nanoTime() - t0) / 1e9);
        ActorSplit.Plan plan = ActorSplit.plan(rich.actorSet());
        int[] tr = rich.rowsOf(plan.trainActors()), te = rich.rowsOf(plan.testActors());
        System.out.println(plan.describe());
        List<int[][]> folds = ModelSelection.folds(rich, tr);

        // MiniRocket out-of-fold decision values and test decision values (the same in both settings)
        double[][] rocketOof = new double[rich.size()][];
        for (int[][] f : folds) put(rocketOof, f[1], rocket(series, rich, f[0], f[1]));
        double[][] rocketTest = rocket(series, rich, tr, te);
        int[] yte = pick(rich.y(), te);
        report("MiniRocket + ridge alone (softmax irrelevant)", yte, argmax(rocketTest));

        System.out.println();
        System.out.println("| setting | members | CV macro-F1 (mean ± std) | CV accuracy | w | τ | test accuracy | test macro-F1 | CV says |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
        for (boolean speaker : new boolean[] {true, false}) {
            String setting = speaker ? "speaker-normalised (TRANSDUCTIVE)" : "plain";
            ModelSelection.Tuned tuned = ModelSelection.tune(rich, tr, Recipe.svm().withSpeakerNormalised(speaker), 0, null);
            Recipe r = tuned.recipe();
            double[][] svmOof = new double[rich.size()][];
            for (int[][] f : folds) put(svmOof, f[1], proba(rich, f[0], f[1], r));
            double bestF1 = -1, bestW = 0, bestT = TEMPERATURES[0];
            double[] base = null, best = null;
            for (double w : WEIGHTS) {
                for (double tau : TEMPERATURES) {
                    if (w == 0 && tau != TEMPERATURES[0]) continue;
                    double[] s = cv(folds, rich, svmOof, rocketOof, w, tau);
                    if (w == 0) base = s;
                    if (s[0] > bestF1 + 1e-12) { bestF1 = s[0]; bestW = w; bestT = tau; best = s; }
                }
            }
            boolean keep = bestW > 0 && best[0] >= base[0] + ModelSelection.MIN_GAIN;
            double[][] svmTest = proba(rich, tr, te, r);
            int[] p0 = argmax(fuse(svmTest, rocketTest, 0, 1));
            int[] p1 = argmax(fuse(svmTest, rocketTest, bestW, bestT));
            row(setting, "rich SVM (" + r.describe() + ")", base, 0, Double.NaN, yte, p0, "baseline");
            row(setting, "rich SVM + MiniRocket, late fusion", best, bestW, bestT, yte, p1, keep ? "keep" : "drop");
        }
        System.out.printf(Locale.ROOT, "%ntotal %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Ridge decision values on {@code val} of MiniRocket fitted on {@code fit}. */
    static double[][] rocket(double[][][] series, EmotionData d, int[] fit, int[] val) {
        double[][][] a = pick(series, fit), b = pick(series, val);
        MiniRocket mr = MiniRocket.fit(a, MiniRocket.Options.defaults().withSeed(0));
        RidgeClassifierCV ridge = RidgeClassifierCV.fit(mr.transform(a), pick(d.y(), fit), RidgeClassifierCV.Options.defaults().withStandardize(true));
        double[][] dv = ridge.decisionFunction(mr.transform(b));
        int[] classes = ridge.classes();
        double[][] out = new double[val.length][K];
        for (int i = 0; i < val.length; i++) {
            java.util.Arrays.fill(out[i], -1e3); // a class absent from the fitting rows is never chosen
            for (int c = 0; c < classes.length; c++) out[i][classes[c]] = dv[i][c];
        }
        return out;
    }

    static double[][] proba(EmotionData d, int[] fit, int[] val, Recipe r) {
        Pipeline p = d.fit(fit, r, true);
        double[][] x = new double[val.length][];
        String[] sp = new String[val.length];
        for (int i = 0; i < val.length; i++) { x[i] = d.x()[val[i]]; sp[i] = d.speakers()[val[i]]; }
        return p.predictProba(x, sp, null);
    }

    static double[][] fuse(double[][] svm, double[][] rocket, double w, double tau) {
        double[][] out = new double[svm.length][K];
        for (int i = 0; i < svm.length; i++) {
            double[] s = softmax(rocket[i], tau);
            for (int c = 0; c < K; c++) out[i][c] = (1 - w) * svm[i][c] + w * s[c];
        }
        return out;
    }

    static double[] softmax(double[] d, double tau) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : d) m = Math.max(m, v);
        double[] e = new double[d.length];
        double s = 0;
        for (int c = 0; c < d.length; c++) { e[c] = Math.exp((d[c] - m) / tau); s += e[c]; }
        for (int c = 0; c < d.length; c++) e[c] /= s;
        return e;
    }

    /** {mean macro-F1, std, mean accuracy} over the folds of the fused out-of-fold probabilities. */
    static double[] cv(List<int[][]> folds, EmotionData d, double[][] svm, double[][] rocket, double w, double tau) {
        double[] f1 = new double[folds.size()], acc = new double[folds.size()];
        for (int k = 0; k < folds.size(); k++) {
            int[] val = folds.get(k)[1];
            int[] truth = pick(d.y(), val);
            int[] pred = argmax(fuse(pick(svm, val), pick(rocket, val), w, tau));
            f1[k] = Metrics.f1(truth, pred, K, Average.MACRO);
            acc[k] = Metrics.accuracy(truth, pred);
        }
        double m = mean(f1), v = 0;
        for (double x : f1) v += (x - m) * (x - m);
        return new double[] {m, Math.sqrt(v / f1.length), mean(acc)};
    }

    static void row(String setting, String members, double[] cv, double w, double tau, int[] truth, int[] pred, String says) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f ± %.3f | %.3f | %.1f | %s | %.3f | %.3f | %s |%n", setting, members, cv[0], cv[1], cv[2], w,
                Double.isNaN(tau) ? "—" : String.format(Locale.ROOT, "%.2f", tau), Metrics.accuracy(truth, pred),
                Metrics.f1(truth, pred, K, Average.MACRO), says);
    }

    static void report(String what, int[] truth, int[] pred) {
        System.out.printf(Locale.ROOT, "%s: test accuracy %.3f, macro-F1 %.3f%n", what, Metrics.accuracy(truth, pred),
                Metrics.f1(truth, pred, K, Average.MACRO));
    }

    static int[] argmax(double[][] p) {
        int[] o = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int b = 0;
            for (int c = 1; c < p[i].length; c++) if (p[i][c] > p[i][b]) b = c;
            o[i] = b;
        }
        return o;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static void put(double[][] dst, int[] rows, double[][] src) {
        for (int i = 0; i < rows.length; i++) dst[rows[i]] = src[i];
    }

    static int[] pick(int[] a, int[] idx) { return RocketEvaluation.pick(a, idx); }

    static double[][] pick(double[][] a, int[] idx) { return RocketEvaluation.pick(a, idx); }

    static double[][][] pick(double[][][] a, int[] idx) { return RocketEvaluation.pick(a, idx); }
}
