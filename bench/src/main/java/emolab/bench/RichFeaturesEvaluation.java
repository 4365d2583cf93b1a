package emolab.bench;

import emolab.features.rich.*;

import emolab.features.FeatureSet;
import emolab.features.engine.ExtractionResult;
import emolab.features.engine.FeatureExtractor;
import emolab.features.engine.FeatureSets;
import emolab.features.engine.ExtractionProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import smile.classification.Classifier;
import smile.classification.OneVersusRest;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;
import tech.tablesaw.api.Table;

/**
 * Emotion recognition with an RBF SVM on the 16 kHz RAVDESS subset: train on actors 1–8, test on
 * actors 19–20 (8 emotions, speech and song).
 *
 * <p>{@code RichFeaturesEvaluation [--split=small|course] [wav16k-dir] [cache-dir] [sets...]} (defaults:
 * {@code ../shared/ravdess/wav16k}, {@code target/feature-cache}, {@code rich course}). For each
 * set: features extracted with the cache, standardised on the training rows, Smile
 * one-vs-rest RBF SVMs (Platt-scaled) with {@code C} and {@code gamma} chosen on a small grid by
 * actor-grouped 4-fold cross-validation on the training actors only (folds {1,2}, {3,4}, {5,6},
 * {7,8}, best macro-F1), refitted on all training rows, and scored on the test actors: accuracy
 * and macro-F1.
 */
public final class RichFeaturesEvaluation {
    private RichFeaturesEvaluation() {}

    static final double[] C_GRID = {1, 10, 100};
    static final double[] GAMMA_SCALE = {0.0625, 0.25, 1}; // times 1 / number of features

    /** Test-set scores of one set. */
    public record Score(String set, int features, double c, double gamma, double cvMacroF1, double accuracy, double macroF1) {}

    /** Actors used: train actors 1..trainMax in CV folds of {@code foldSize} consecutive actors; test actors listed. */
    public record Protocol(int trainMax, int foldSize, List<Integer> testActors) {
        /** The 16 kHz subset in ../shared: train 1–8 (4 folds of 2 actors), test 19–20. */
        public static final Protocol SMALL = new Protocol(8, 2, List.of(19, 20));
        /** The course split on a full corpus: train 1–18 (6 folds of 3 actors), test 19–24. */
        public static final Protocol COURSE = new Protocol(18, 3, List.of(19, 20, 21, 22, 23, 24));

        boolean uses(int actor) { return (actor >= 1 && actor <= trainMax) || testActors.contains(actor); }
    }

    private static Protocol protocol = Protocol.SMALL;

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].startsWith("--split=")) {
            String v = args[0].substring(8);
            protocol = switch (v) {
                case "small" -> Protocol.SMALL;
                case "course" -> Protocol.COURSE;
                default -> throw new IllegalArgumentException("--split must be small (train 1-8, test 19-20) or course (train 1-18, test 19-24), got '" + v + "'");
            };
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/ravdess/wav16k");
        Path cache = Path.of(args.length > 1 ? args[1] : "target/feature-cache");
        List<String> sets = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("rich", "course");
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir + "\nusage: RichFeaturesEvaluation [wav16k-dir] [cache-dir] [sets...]");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (Path p : scanWavs(dir)) {
            int actor = actorOf(p);
            if (protocol.uses(actor)) files.add(p);
        }
        System.out.printf(Locale.ROOT, "%d files (actors 1-%d train, %s test) from %s%n", files.size(), protocol.trainMax(),
                protocol.testActors(), dir);
        List<Score> scores = new ArrayList<>();
        for (String name : sets) {
            FeatureSet set = FeatureSets.byName(name);
            long t0 = System.nanoTime();
            ExtractionResult r = FeatureExtractor.builder().set(set).cache(cache).progress(ExtractionProgress.console(System.err, name)).build()
                    .extract(files);
            r.errors().forEach(e -> System.err.println("skipped " + e));
            System.out.printf(Locale.ROOT, "%s: %d rows x %d features in %.1f s%n", name, r.table().rowCount(),
                    set.columns().size(), (System.nanoTime() - t0) / 1e9);
            Score s = evaluate(name, r.table(), set.columns());
            scores.add(s);
            System.out.printf(Locale.ROOT, "%s: C=%g gamma=%.3g (cv macro-F1 %.3f) -> test accuracy %.3f, macro-F1 %.3f%n",
                    s.set(), s.c(), s.gamma(), s.cvMacroF1(), s.accuracy(), s.macroF1());
        }
        System.out.println();
        System.out.println("| set | features | C | gamma | CV macro-F1 (actors 1-" + protocol.trainMax() + ") | test accuracy " + protocol.testActors() + " | test macro-F1 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Score s : scores)
            System.out.printf(Locale.ROOT, "| %s | %d | %g | %.3g | %.3f | %.3f | %.3f |%n", s.set(), s.features(), s.c(), s.gamma(),
                    s.cvMacroF1(), s.accuracy(), s.macroF1());
    }

    private static List<Path> scanWavs(Path dir) throws IOException {
        return emolab.data.CorpusFiles.wavs(dir).files();
    }

    private static int actorOf(Path p) {
        try {
            return emolab.data.RavdessName.parse(p.getFileName().toString()).actor();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Train on the protocol's training actors (grid by grouped CV), test on its test actors. */
    public static Score evaluate(String name, Table t, List<String> cols) {
        int n = t.rowCount(), d = cols.size();
        double[][] x = new double[n][d];
        for (int j = 0; j < d; j++) {
            var col = t.numberColumn(cols.get(j));
            for (int i = 0; i < n; i++) x[i][j] = col.getDouble(i);
        }
        int[] y = new int[n], actor = new int[n];
        List<String> emotions = List.of("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised");
        for (int i = 0; i < n; i++) {
            y[i] = emotions.indexOf(t.stringColumn("emotion").get(i));
            actor[i] = t.intColumn("actor").getInt(i);
        }
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (actor[i] >= 1 && actor[i] <= protocol.trainMax()) train.add(i);
            else if (protocol.testActors().contains(actor[i])) test.add(i);
        }
        int folds = protocol.trainMax() / protocol.foldSize();

        double bestF1 = -1, bestC = 0, bestG = 0;
        for (double c : C_GRID) {
            for (double gs : GAMMA_SCALE) {
                double g = gs / d;
                int[] pred = new int[train.size()];
                int[] truth = new int[train.size()];
                int k = 0;
                for (int fold = 0; fold < folds; fold++) {
                    List<Integer> tr = new ArrayList<>(), va = new ArrayList<>();
                    for (int i : train) ((actor[i] - 1) / protocol.foldSize() == fold ? va : tr).add(i);
                    int[] p = fitPredict(x, y, tr, va, c, g);
                    for (int j = 0; j < va.size(); j++) {
                        pred[k] = p[j];
                        truth[k++] = y[va.get(j)];
                    }
                }
                double f1 = macroF1(truth, pred, emotions.size());
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestC = c;
                    bestG = g;
                }
            }
        }
        int[] p = fitPredict(x, y, train, test, bestC, bestG);
        int[] truth = test.stream().mapToInt(i -> y[i]).toArray();
        int correct = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == truth[i]) correct++;
        return new Score(name, d, bestC, bestG, bestF1, correct / (double) p.length, macroF1(truth, p, emotions.size()));
    }

    /** Standardise on {@code tr}, fit OvR RBF SVMs, predict {@code te}. */
    static int[] fitPredict(double[][] x, int[] y, List<Integer> tr, List<Integer> te, double c, double gamma) {
        int d = x[0].length;
        double[] mu = new double[d], sd = new double[d];
        for (int i : tr) for (int j = 0; j < d; j++) mu[j] += x[i][j];
        for (int j = 0; j < d; j++) mu[j] /= tr.size();
        for (int i : tr) for (int j = 0; j < d; j++) sd[j] += (x[i][j] - mu[j]) * (x[i][j] - mu[j]);
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / tr.size());
            if (sd[j] < 1e-12) sd[j] = 1;
        }
        double[][] xtr = new double[tr.size()][], xte = new double[te.size()][];
        int[] ytr = new int[tr.size()];
        for (int k = 0; k < tr.size(); k++) {
            xtr[k] = scale(x[tr.get(k)], mu, sd);
            ytr[k] = y[tr.get(k)];
        }
        for (int k = 0; k < te.size(); k++) xte[k] = scale(x[te.get(k)], mu, sd);
        GaussianKernel kernel = new GaussianKernel(Math.sqrt(1 / (2 * gamma)));
        Classifier<double[]> model = OneVersusRest.fit(xtr, ytr, (xs, ys) -> SVM.fit(xs, ys, kernel, c, 1e-3));
        int[] out = new int[te.size()];
        for (int k = 0; k < te.size(); k++) out[k] = model.predict(xte[k]);
        return out;
    }

    private static double[] scale(double[] v, double[] mu, double[] sd) {
        double[] o = new double[v.length];
        for (int j = 0; j < v.length; j++) o[j] = (v[j] - mu[j]) / sd[j];
        return o;
    }

    /** Unweighted mean of per-class F1 over the classes present in truth or prediction. */
    public static double macroF1(int[] truth, int[] pred, int classes) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.length; i++) {
                if (pred[i] == c && truth[i] == c) tp++;
                else if (pred[i] == c) fp++;
                else if (truth[i] == c) fn++;
            }
            if (tp + fp + fn == 0) continue;
            present++;
            sum += 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return present == 0 ? 0 : sum / present;
    }
}
