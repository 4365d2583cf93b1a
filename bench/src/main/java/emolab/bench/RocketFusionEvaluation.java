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
import emolab.model.RocketFusion;
import emolab.prep.ActorSplit;
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
 * <p>Members: (a) the rich set (its current version, `RichFeatures.VERSION`) → RBF SVM with Platt probabilities, hyper-parameters tuned by
 * {@link ModelSelection#tune} on the training actors, in both settings (plain, and speaker-normalised —
 * TRANSDUCTIVE); (b) MiniRocket (10,000 features, seed 0) on 20 MFCC × 300 frames of the trimmed
 * signal ({@code MfccSeries.Options.trimmed()}), fitted on the training rows, then a standardised
 * ridge, its decision values turned into probabilities by a softmax with
 * temperature τ. Fused: {@code (1 − w)·p_svm + w·softmax(d/τ)}. Out-of-fold probabilities of both
 * members come from the same actor-grouped folds ({@link ModelSelection#folds}); (w, τ) is chosen by
 * the mean fold macro-F1 over w ∈ {0, 0.1, …, 0.9} × τ ∈ {0.05, 0.1, 0.2, 0.5}; w = 0 is the SVM alone,
 * and fusion is kept only if it beats that by {@link ModelSelection#MIN_GAIN}. The test actors are
 * scored once, after the choice. The member, the fusion and the choice are {@link RocketFusion}'s,
 * the same code {@code EmotionModel} trains with.
 */
public final class RocketFusionEvaluation {
    private RocketFusionEvaluation() {}

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
        double[][][] series = RocketFusion.series(rich.paths(), 0, cache, ExtractionProgress.console(System.err, "MFCC series"));
        System.out.printf(Locale.ROOT, "%d recordings from %s; rich features and MFCC series in %.1f s%n", rich.size(), dir,
                (System.nanoTime() - t0) / 1e9);
        ActorSplit.Plan plan = ActorSplit.plan(rich.actorSet());
        int[] tr = rich.rowsOf(plan.trainActors()), te = rich.rowsOf(plan.testActors());
        System.out.println(plan.describe());
        List<int[][]> folds = ModelSelection.folds(rich, tr);

        // MiniRocket out-of-fold decision values and test decision values (the same in both settings)
        double[][] rocketOof = RocketFusion.outOfFold(series, rich.y(), folds, 0);
        double[][] rocketTest = RocketFusion.fit(pick(series, tr), pick(rich.y(), tr), 0).decision(pick(series, te), 0);
        int[] yte = pick(rich.y(), te);
        report("MiniRocket + ridge alone (softmax irrelevant)", yte, argmax(rocketTest));

        System.out.println();
        System.out.println("| setting | members | CV macro-F1 (mean ± std) | CV accuracy | w | τ | test accuracy | test macro-F1 | CV says |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
        for (boolean speaker : new boolean[] {true, false}) {
            String setting = speaker ? "speaker-normalised (TRANSDUCTIVE)" : "plain";
            Recipe r = ModelSelection.tune(rich, tr, Recipe.svm().withSpeakerNormalised(speaker), 0, null).recipe();
            ModelSelection.OutOfFold svm = ModelSelection.outOfFold(rich, tr, List.of(r), 0).get(0);
            RocketFusion.Choice c = RocketFusion.choose(folds, rich.y(), svm.proba(), rocketOof);
            double[][] svmTest = proba(rich, tr, te, r);
            int[] p0 = argmax(svmTest);
            int[] p1 = argmax(RocketFusion.fuse(svmTest, rocketTest, c.w(), c.tau()));
            row(setting, "rich SVM (" + r.describe() + ")", c.alone(), 0, Double.NaN, yte, p0, "baseline");
            // the best fusion's (w, τ) and test scores even when CV drops it, so the row shows what was rejected
            row(setting, "rich SVM + MiniRocket, late fusion", c.fused(), c.w(), c.tau(), yte, p1, c.kept() ? "keep" : "drop");
        }
        System.out.printf(Locale.ROOT, "%ntotal %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static double[][] proba(EmotionData d, int[] fit, int[] val, Recipe r) {
        Pipeline p = d.fit(fit, r, true);
        double[][] x = new double[val.length][];
        String[] sp = new String[val.length];
        for (int i = 0; i < val.length; i++) { x[i] = d.x()[val[i]]; sp[i] = d.speakers()[val[i]]; }
        return p.predictProba(x, sp, null);
    }

    static void row(String setting, String members, ModelSelection.CvScore cv, double w, double tau, int[] truth, int[] pred, String says) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f ± %.3f | %.3f | %.1f | %s | %.3f | %.3f | %s |%n", setting, members, cv.macroF1(),
                cv.macroF1Std(), cv.accuracy(), w, Double.isNaN(tau) ? "—" : String.format(Locale.ROOT, "%.2f", tau), Metrics.accuracy(truth, pred),
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

    static int[] pick(int[] a, int[] idx) { return RocketEvaluation.pick(a, idx); }

    static double[][][] pick(double[][][] a, int[] idx) { return RocketEvaluation.pick(a, idx); }
}
