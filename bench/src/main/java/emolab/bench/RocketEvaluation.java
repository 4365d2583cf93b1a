package emolab.bench;

import emolab.timeseries.rocket.*;

import emolab.data.RavdessName;
import emolab.data.WavReader;
import emolab.features.engine.ExtractionResult;
import emolab.features.engine.FeatureExtractor;
import emolab.features.rich.RichFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Emotion recognition with MiniRocket on frame-level MFCC series of real RAVDESS audio:
 * {@code RocketEvaluation [wav16k-dir] [seeds] [--no-logistic] [--rich=cache-dir]} (defaults
 * {@code ../shared/ravdess/wav16k}, {@code 0,1}). Train on actors 1–8, test on actors 19–20
 * (8 emotions, speech and song).
 *
 * <p>Series: 20 MFCCs × 300 frames ({@link MfccSeries}, 16 kHz, 25 ms / 10 ms), two recipes —
 * {@code reference} (first 300 frames, zero padding, as the reference figures) and {@code
 * trimmed} (silence trimmed first, edge padding). For each recipe and seed: MiniRocket
 * multivariate (9,996 features) fitted on the training series, then {@link RidgeClassifierCV}
 * (α from {@code logspace(-3, 3, 10)} by leave-one-out) on raw and on standardised features, and
 * (first seed) {@link LogisticClassifier} (at most 300 L-BFGS iterations) with λ ∈ {10, 100} chosen
 * by actor-grouped 4-fold CV on the training actors. Prints accuracy and macro-F1 on the test actors, and transform times.
 */
public final class RocketEvaluation {
    private RocketEvaluation() {}

    static final List<String> EMOTIONS = List.of("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised");
    static final double[] LOGISTIC_LAMBDAS = {10, 100};
    static final int LOGISTIC_ITERATIONS = 300;

    /** One row of the result table. */
    public record Result(String recipe, String method, long seed, double transformTrainSec, double transformTestSec,
                         double accuracy, double macroF1, String note) {}

    /** Recordings with labels and actors. */
    record Corpus(List<Path> files, int[] emotion, int[] actor) {}

    public static void main(String[] argv) throws IOException {
        List<String> args = new ArrayList<>();
        boolean logistic = true;
        Path richCache = null;
        for (String a : argv) {
            if (a.equals("--no-logistic")) logistic = false;
            else if (a.startsWith("--rich=")) richCache = Path.of(a.substring("--rich=".length()));
            else args.add(a);
        }
        Path dir = Path.of(args.size() > 0 ? args.get(0) : "../shared/ravdess/wav16k");
        long[] seeds = args.size() > 1 ? Arrays.stream(args.get(1).split(",")).mapToLong(Long::parseLong).toArray() : new long[] {0, 1};
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir + "\nusage: RocketEvaluation [wav16k-dir] [seeds, e.g. 0,1]");
            System.exit(2);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        Corpus c = scan(dir, a -> (a >= 1 && a <= 8) || a == 19 || a == 20);
        int[] train = IntStream.range(0, c.files().size()).filter(i -> c.actor()[i] <= 8).toArray();
        int[] test = IntStream.range(0, c.files().size()).filter(i -> c.actor()[i] >= 19).toArray();
        System.out.printf(Locale.ROOT, "%d files from %s: train actors 1-8 (%d), test actors 19-20 (%d); %d cores%n",
                c.files().size(), dir, train.length, test.length, cores);
        int[] ytr = pick(c.emotion(), train), yte = pick(c.emotion(), test);

        double[][] rich = richCache == null ? null : rich(c.files(), richCache);
        List<Result> results = new ArrayList<>();
        for (MfccSeries.Options recipe : List.of(MfccSeries.Options.reference(), MfccSeries.Options.trimmed())) {
            String name = "20 MFCC x 300 (" + (recipe.fit() == MfccSeries.Fit.START_ZERO_PAD ? "reference" : "trimmed") + ")";
            long t0 = System.nanoTime();
            double[][][] series = mfcc(c.files(), new MfccSeries(recipe));
            System.err.printf(Locale.ROOT, "%s series: %d x %d x %d in %.1f s%n", name, series.length, series[0].length,
                    series[0][0].length, (System.nanoTime() - t0) / 1e9);
            double[][][] xtr = pick(series, train), xte = pick(series, test);
            for (int si = 0; si < seeds.length; si++) {
                long seed = seeds[si];
                MiniRocket mr = MiniRocket.fit(xtr, MiniRocket.Options.defaults().withSeed(seed));
                long a = System.nanoTime();
                double[][] ftr = mr.transform(xtr);
                long b = System.nanoTime();
                double[][] fte = mr.transform(xte);
                long e = System.nanoTime();
                double trS = (b - a) / 1e9, teS = (e - b) / 1e9;
                for (boolean std : new boolean[] {false, true}) {
                    RidgeClassifierCV ridge = RidgeClassifierCV.fit(ftr, ytr, RidgeClassifierCV.Options.defaults().withStandardize(std));
                    int[] pred = ridge.predict(fte);
                    Result r = new Result(name, "MiniRocket + RidgeClassifierCV" + (std ? " (standardised)" : ""), seed, trS, teS,
                            accuracy(yte, pred), macroF1(yte, pred), String.format(Locale.ROOT, "alpha %.3g", ridge.alpha()));
                    results.add(r);
                    print(r);
                }
                if (rich != null && recipe.fit() == MfccSeries.Fit.TRIM_EDGE_PAD) {
                    Result r = combined(name, seed, ftr, fte, pick(rich, train), pick(rich, test), ytr, yte, trS, teS);
                    results.add(r);
                    print(r);
                }
                if (si == 0 && logistic) {
                    Result r = logistic(name, seed, ftr, ytr, fte, yte, pick(c.actor(), train), trS, teS);
                    results.add(r);
                    print(r);
                }
            }
        }
        // the course waveform recipe at 16 kHz (emolab.timeseries.CourseSeries), univariate MiniRocket
        emolab.timeseries.CourseSeries course = emolab.timeseries.CourseSeries.forSampleRate(16_000);
        double[][] wave = courseWaveforms(c.files(), course);
        double[][] wtr = pick(wave, train), wte = pick(wave, test);
        String wname = "course waveform @16 kHz (" + course.length() + " points)";
        for (long seed : seeds) {
            MiniRocket mr = MiniRocket.fitUnivariate(wtr, MiniRocket.Options.defaults().withSeed(seed));
            long a = System.nanoTime();
            double[][] ftr = mr.transformUnivariate(wtr);
            long b = System.nanoTime();
            double[][] fte = mr.transformUnivariate(wte);
            long e = System.nanoTime();
            for (boolean std : new boolean[] {false, true}) {
                RidgeClassifierCV ridge = RidgeClassifierCV.fit(ftr, ytr, RidgeClassifierCV.Options.defaults().withStandardize(std));
                int[] pred = ridge.predict(fte);
                Result r = new Result(wname, "MiniRocket + RidgeClassifierCV" + (std ? " (standardised)" : ""), seed, (b - a) / 1e9,
                        (e - b) / 1e9, accuracy(yte, pred), macroF1(yte, pred), String.format(Locale.ROOT, "alpha %.3g", ridge.alpha()));
                results.add(r);
                print(r);
            }
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "RAVDESS wav16k, train actors 1-8 (%d series), test actors 19-20 (%d series), %d cores%n",
                train.length, test.length, cores);
        System.out.println("| series | method | seed | transform train / test s | test accuracy | macro-F1 | note |");
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        for (Result r : results)
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f / %.2f | %.3f | %.3f | %s |%n", r.recipe(), r.method(),
                    r.seed(), r.transformTrainSec(), r.transformTestSec(), r.accuracy(), r.macroF1(), r.note());
    }

    private static void print(Result r) {
        System.err.printf(Locale.ROOT, "%s / %s / seed %d: accuracy %.3f, macro-F1 %.3f (%s)%n", r.recipe(), r.method(), r.seed(),
                r.accuracy(), r.macroF1(), r.note());
    }

    /** RichFeatures rows of every file (by file name; a file the extractor skipped is an error). */
    static double[][] rich(List<Path> files, Path cache) throws IOException {
        RichFeatures set = new RichFeatures();
        long t0 = System.nanoTime();
        ExtractionResult r = FeatureExtractor.builder().set(set).cache(cache)
                .progress(emolab.features.engine.ExtractionProgress.console(System.err, "rich features")).build().extract(files);
        if (!r.errors().isEmpty()) throw new IllegalStateException("rich feature extraction skipped files: " + r.errors());
        java.util.Map<String, Integer> row = new java.util.HashMap<>();
        var names = r.table().stringColumn("filename");
        for (int i = 0; i < names.size(); i++) row.put(names.get(i), i);
        List<String> cols = set.columns();
        double[][] out = new double[files.size()][cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            var col = r.table().numberColumn(cols.get(j));
            for (int i = 0; i < files.size(); i++) {
                Integer k = row.get(files.get(i).getFileName().toString());
                if (k == null) throw new IllegalStateException("no rich features for " + files.get(i));
                out[i][j] = col.getDouble(k);
            }
        }
        System.err.printf(Locale.ROOT, "rich features: %d x %d in %.1f s%n", out.length, cols.size(), (System.nanoTime() - t0) / 1e9);
        return out;
    }

    /** MiniRocket + rich features: blocks standardised on train, rich block weight by training LOO error. */
    static Result combined(String recipe, long seed, double[][] mtr, double[][] mte, double[][] rtr, double[][] rte, int[] ytr, int[] yte,
                           double trS, double teS) {
        double[][][] m = standardise(mtr, mte), r = standardise(rtr, rte);
        RidgeClassifierCV best = null;
        double bestW = 0, bestLoo = Double.POSITIVE_INFINITY;
        double[][] bestTe = null;
        for (double w : new double[] {1, 3, 10}) {
            double[][] tr = concat(m[0], r[0], w), te = concat(m[1], r[1], w);
            RidgeClassifierCV ridge = RidgeClassifierCV.fit(tr, ytr, RidgeClassifierCV.Options.defaults());
            double loo = Arrays.stream(ridge.looMse()).min().orElseThrow();
            System.err.printf(Locale.ROOT, "combined, rich weight %g: LOO MSE %.5f (alpha %.3g)%n", w, loo, ridge.alpha());
            if (loo < bestLoo) {
                bestLoo = loo;
                best = ridge;
                bestW = w;
                bestTe = te;
            }
        }
        int[] pred = best.predict(bestTe);
        return new Result(recipe, "MiniRocket + rich features, standardised ridge", seed, trS, teS, accuracy(yte, pred), macroF1(yte, pred),
                String.format(Locale.ROOT, "%d + %d features, rich weight %g, alpha %.3g", mtr[0].length, rtr[0].length, bestW, best.alpha()));
    }

    /** {train, test} standardised with the training means and population standard deviations. */
    static double[][][] standardise(double[][] tr, double[][] te) {
        int p = tr[0].length, n = tr.length;
        double[] mean = new double[p], sd = new double[p];
        for (double[] row : tr) for (int j = 0; j < p; j++) mean[j] += row[j] / n;
        for (double[] row : tr) for (int j = 0; j < p; j++) sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
        for (int j = 0; j < p; j++) sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1;
        double[][][] out = new double[2][][];
        for (int s = 0; s < 2; s++) {
            double[][] x = s == 0 ? tr : te;
            out[s] = new double[x.length][p];
            for (int i = 0; i < x.length; i++) for (int j = 0; j < p; j++) out[s][i][j] = (x[i][j] - mean[j]) / sd[j];
        }
        return out;
    }

    private static double[][] concat(double[][] a, double[][] b, double wb) {
        double[][] out = new double[a.length][a[0].length + b[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out[i], 0, a[i].length);
            for (int j = 0; j < b[i].length; j++) out[i][a[i].length + j] = wb * b[i][j];
        }
        return out;
    }

    /** Logistic regression, λ by actor-grouped 4-fold CV (folds {1,2}, {3,4}, {5,6}, {7,8}) on macro-F1. */
    static Result logistic(String recipe, long seed, double[][] ftr, int[] ytr, double[][] fte, int[] yte, int[] actorTr,
                           double trS, double teS) {
        double bestF1 = -1, bestLambda = LOGISTIC_LAMBDAS[0];
        for (double lambda : LOGISTIC_LAMBDAS) {
            int[] pred = new int[ytr.length];
            for (int fold = 0; fold < 4; fold++) {
                final int f = fold;
                int[] tr = IntStream.range(0, ytr.length).filter(i -> (actorTr[i] - 1) / 2 != f).toArray();
                int[] va = IntStream.range(0, ytr.length).filter(i -> (actorTr[i] - 1) / 2 == f).toArray();
                LogisticClassifier m = LogisticClassifier.fit(pick(ftr, tr), pick(ytr, tr), new LogisticClassifier.Options(lambda, 1e-5, LOGISTIC_ITERATIONS));
                int[] p = m.predict(pick(ftr, va));
                for (int k = 0; k < va.length; k++) pred[va[k]] = p[k];
            }
            double f1 = macroF1(ytr, pred);
            System.err.printf(Locale.ROOT, "logistic lambda %g: CV macro-F1 %.3f%n", lambda, f1);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestLambda = lambda;
            }
        }
        LogisticClassifier m = LogisticClassifier.fit(ftr, ytr, new LogisticClassifier.Options(bestLambda, 1e-5, LOGISTIC_ITERATIONS));
        int[] pred = m.predict(fte);
        return new Result(recipe, "MiniRocket + logistic regression (standardised)", seed, trS, teS, accuracy(yte, pred), macroF1(yte, pred),
                String.format(Locale.ROOT, "lambda %g (CV macro-F1 %.3f)", bestLambda, bestF1));
    }

    /** RAVDESS WAVs under {@code dir} whose actor passes {@code keep}, sorted by path. */
    static Corpus scan(Path dir, java.util.function.IntPredicate keep) throws IOException {
        List<Path> all = emolab.data.CorpusFiles.wavs(dir).files();
        List<Path> files = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (Path p : all) {
            if (!RavdessName.isValid(p.getFileName().toString())) continue;
            RavdessName n = RavdessName.parse(p.getFileName().toString());
            if (!keep.test(n.actor())) continue;
            files.add(p);
            labels.add(new int[] {EMOTIONS.indexOf(n.emotion().label()), n.actor()});
        }
        return new Corpus(files, labels.stream().mapToInt(l -> l[0]).toArray(), labels.stream().mapToInt(l -> l[1]).toArray());
    }

    /** Course-recipe waveforms of every file (see {@code emolab.timeseries.CourseSeries}), in parallel. */
    static double[][] courseWaveforms(List<Path> files, emolab.timeseries.CourseSeries course) {
        double[][] out = new double[files.size()][];
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            ParallelTransform.run(pool, () -> IntStream.range(0, files.size()).parallel().forEach(i -> {
                try {
                    out[i] = course.build(WavReader.read(files.get(i)));
                } catch (IOException e) {
                    throw new UncheckedIOException(files.get(i) + ": " + e.getMessage(), e);
                }
            }));
        } finally {
            pool.shutdown();
        }
        return out;
    }

    /** MFCC series of every file, in parallel, in file order. */
    static double[][][] mfcc(List<Path> files, MfccSeries builder) {
        double[][][] out = new double[files.size()][][];
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            ParallelTransform.run(pool, () -> IntStream.range(0, files.size()).parallel().forEach(i -> {
                try {
                    out[i] = builder.of(WavReader.read(files.get(i)));
                } catch (IOException e) {
                    throw new UncheckedIOException(files.get(i) + ": " + e.getMessage(), e);
                }
                int d = done.incrementAndGet();
                if (d % 200 == 0) System.err.printf(Locale.ROOT, "  series %d/%d%n", d, files.size());
            }));
        } finally {
            pool.shutdown();
        }
        return out;
    }

    static int[] pick(int[] a, int[] idx) {
        return Arrays.stream(idx).map(i -> a[i]).toArray();
    }

    static double[][] pick(double[][] a, int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> a[i]).toArray(double[][]::new);
    }

    static double[][][] pick(double[][][] a, int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> a[i]).toArray(double[][][]::new);
    }

    /** Fraction of equal labels. */
    public static double accuracy(int[] truth, int[] pred) {
        if (truth.length != pred.length) throw new IllegalArgumentException("truth has " + truth.length + " labels, pred " + pred.length);
        int ok = 0;
        for (int i = 0; i < truth.length; i++) if (truth[i] == pred[i]) ok++;
        return truth.length == 0 ? 0 : ok / (double) truth.length;
    }

    /** Unweighted mean F1 over the labels present in truth or prediction (scikit-learn's macro average). */
    public static double macroF1(int[] truth, int[] pred) {
        if (truth.length != pred.length) throw new IllegalArgumentException("truth has " + truth.length + " labels, pred " + pred.length);
        int[] labels = IntStream.concat(Arrays.stream(truth), Arrays.stream(pred)).distinct().sorted().toArray();
        double sum = 0;
        for (int c : labels) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.length; i++) {
                if (pred[i] == c && truth[i] == c) tp++;
                else if (pred[i] == c) fp++;
                else if (truth[i] == c) fn++;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return labels.length == 0 ? 0 : sum / labels.length;
    }
}
