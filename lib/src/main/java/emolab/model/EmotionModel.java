package emolab.model;

import emolab.classify.Parallel;
import emolab.data.Audio;
import emolab.data.CorpusFiles;
import emolab.data.DataSource;
import emolab.data.RavdessName;
import emolab.data.WavReader;
import emolab.features.FeatureSet;
import emolab.features.engine.FeatureSets;
import emolab.features.engine.FileError;
import emolab.features.engine.ExtractionProgress;
import emolab.prep.ActorSplit;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The speaker-independent emotion model: features ({@link #featureSet()}) → preparation fitted on
 * the training rows → optional per-speaker normalisation → classifier(s), chosen by
 * actor-grouped cross-validation on the training actors only ({@link ModelSelection}; the steps
 * and why they were kept: {@link ModelAblation}).
 *
 * <p>It carries two fitted pipelines. The <b>speaker-normalised</b> one z-scores every feature
 * over each speaker's recordings — for a new speaker, over that speaker's own unlabelled
 * recordings: a <b>transductive, enrolment-style</b> setting, used when at least
 * {@link SpeakerNormalization#MIN_RECORDINGS} recordings of the speaker are predicted together.
 * The <b>plain</b> one standardises with the training statistics only; it is used for a lone
 * recording, and its CV score is always reported beside the speaker-normalised one.
 *
 * <p>One file ({@link #save}/{@link #load}) holds the model with a header: format version,
 * EmoLab version, feature-set name and version, training actors and CV scores.
 *
 * <pre>{@code
 * EmotionModel m = EmotionModel.loadOrTrain(Session.dataSource());   // trained once, cached under build/models
 * EmotionModel.Predictions p = m.predictFiles(files, Map.of(), 2);
 * }</pre>
 */
public final class EmotionModel implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Version of the file layout and of the serialised classes; bumped on any incompatible change. */
    public static final int FORMAT_VERSION = 2;
    /** The EmoLab version (the Maven project version) recorded in every model file. */
    public static final String EMOLAB_VERSION = "0.1.0-SNAPSHOT";
    static final String MAGIC = "EMOLAB-EMOTION-MODEL";
    /** How many features a prediction names as having pushed the decision most. */
    public static final int TOP_FEATURES = 3;

    private final String featureSetName;
    private final String featureSetVersion;
    private final List<String> featureNames;
    private final SortedSet<Integer> trainActors;
    private final int trainingRecordings;
    private final Pipeline plain;
    private final Pipeline speaker;
    private final ModelSelection.CvScore plainCv;
    private final ModelSelection.CvScore speakerCv;
    private final Surrogate plainSurrogate;
    private final Surrogate speakerSurrogate;
    private final String emolabVersion;
    private final List<ModelSelection.Tuned> candidates;
    private final RocketFusion rocket;                 // null when CV dropped the fusion in both settings
    private final RocketFusion.Choice plainFusion;
    private final RocketFusion.Choice speakerFusion;

    private EmotionModel(String featureSetName, String featureSetVersion, List<String> featureNames, Set<Integer> trainActors,
            int trainingRecordings, Pipeline plain, Pipeline speaker, ModelSelection.CvScore plainCv, ModelSelection.CvScore speakerCv,
            Surrogate plainSurrogate, Surrogate speakerSurrogate, List<ModelSelection.Tuned> candidates, RocketFusion rocket,
            RocketFusion.Choice plainFusion, RocketFusion.Choice speakerFusion) {
        this.featureSetName = featureSetName;
        this.featureSetVersion = featureSetVersion;
        this.featureNames = List.copyOf(featureNames);
        this.trainActors = Collections.unmodifiableSortedSet(new TreeSet<>(trainActors));
        this.trainingRecordings = trainingRecordings;
        this.plain = plain;
        this.speaker = speaker;
        this.plainCv = plainCv;
        this.speakerCv = speakerCv;
        this.plainSurrogate = plainSurrogate;
        this.speakerSurrogate = speakerSurrogate;
        this.emolabVersion = EMOLAB_VERSION;
        this.candidates = List.copyOf(candidates);
        this.rocket = rocket;
        this.plainFusion = plainFusion;
        this.speakerFusion = speakerFusion;
    }

    // ------------------------------------------------------------------ training

    /** The feature set every model uses: the rich set (see the ablation). */
    public static FeatureSet defaultFeatureSet() {
        return FeatureSets.byName("rich");
    }

    /**
     * Trains on the rows of {@code data} whose actor is in {@code trainActors}, with the MFCC
     * series of those rows computed from {@code data.paths()} (no cache): see
     * {@link #train(EmotionData, double[][][], FeatureSet, Set, int, Consumer)}.
     */
    public static EmotionModel train(EmotionData data, FeatureSet set, Set<Integer> trainActors, int threads, Consumer<String> log) {
        return train(data, (Path) null, set, trainActors, threads, log);
    }

    /**
     * As {@link #train(EmotionData, FeatureSet, Set, int, Consumer)}, the training rows' MFCC series
     * read from / written to the series cache in {@code cacheDir} (may be null).
     */
    public static EmotionModel train(EmotionData data, Path cacheDir, FeatureSet set, Set<Integer> trainActors, int threads,
            Consumer<String> log) {
        int[] rows = data.rowsOf(trainActors);
        List<Path> files = new ArrayList<>();
        for (int r : rows) files.add(data.paths().get(r));
        long t0 = System.nanoTime();
        double[][][] s;
        try {
            s = RocketFusion.series(files, threads, cacheDir, null);
        } catch (IOException e) {
            throw new UncheckedIOException("the MiniRocket member needs the audio of every training row: " + e.getMessage(), e);
        }
        double[][][] series = new double[data.size()][][];
        for (int i = 0; i < rows.length; i++) series[rows[i]] = s[i];
        if (log != null) log.accept(String.format(Locale.ROOT, "MFCC series of %d training recordings in %.1f s", rows.length,
                (System.nanoTime() - t0) / 1e9));
        return train(data, series, set, trainActors, threads, log);
    }

    /**
     * Trains on the rows of {@code data} whose actor is in {@code trainActors}. In each setting
     * (plain, speaker-normalised) the RBF SVM's C and gamma are tuned by actor-grouped CV; in the
     * plain setting the logistic regression's C too, and the fusion SVM + logistic regression is
     * kept when its CV macro-F1 beats the SVM alone by at least {@link ModelSelection#MIN_GAIN}
     * (this is the rich-feature member; see {@link #candidates()}). Then the MiniRocket member ({@link RocketFusion}, on {@code series}, indexed like
     * the data's rows; only training rows are read) joins by late fusion with the (w, τ) chosen by
     * the out-of-fold predictions of both members on the same folds; w = 0 — the rich-feature
     * member alone — is kept unless fusion gains {@link ModelSelection#MIN_GAIN}. The MiniRocket
     * member sees the raw series in both settings. The chosen pipelines are refitted on all
     * training rows. (The MLP and the noise augmentation are not candidates: see {@link ModelAblation}.)
     *
     * @param threads 0 = one per core
     * @param log     progress lines (may be null)
     */
    public static EmotionModel train(EmotionData data, double[][][] series, FeatureSet set, Set<Integer> trainActors, int threads,
            Consumer<String> log) {
        if (!set.columns().equals(data.featureNames()))
            throw new IllegalArgumentException("the data's columns are not those of feature set '" + set.name() + "'");
        int[] rows = data.rowsOf(trainActors);
        TreeSet<Integer> present = new TreeSet<>();
        for (int r : rows) present.add(data.actors()[r]);
        if (present.size() < 2)
            throw new IllegalArgumentException("training needs recordings of at least 2 actors (actor-grouped CV); found "
                    + (present.isEmpty() ? "none" : "actors " + present) + " among the requested " + new TreeSet<>(trainActors));
        if (series == null || series.length != data.size())
            throw new IllegalArgumentException("series must have one entry per data row (" + data.size() + ")");
        for (int r : rows)
            if (series[r] == null) throw new IllegalArgumentException("no MFCC series for training row " + r + " (" + data.paths().get(r) + ")");
        if (log != null) log.accept(String.format(Locale.ROOT, "training on %d recordings of actors %s", rows.length, present));
        List<int[][]> folds = ModelSelection.folds(data, rows);
        // the MiniRocket member's out-of-fold decision values and its final fit run beside the SVM
        // selection, whose probability fits hold one core only
        java.util.concurrent.ExecutorService bg = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "emolab-minirocket");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.concurrent.Future<Object[]> rocketJob = bg.submit(() -> {
                long t0 = System.nanoTime();
                double[][] oof = RocketFusion.outOfFold(series, data.y(), folds, threads);
                long t1 = System.nanoTime();
                RocketFusion full = RocketFusion.fit(RocketFusion.pick(series, rows), data.y(rows), threads);
                return new Object[] {oof, full, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9};
            });
            // the rich-feature member: SVM grid in each setting, then out-of-fold probabilities of
            // both tuned SVMs and of the plain logistic-regression grid in one pass
            if (log != null) log.accept("plain setting:");
            ModelSelection.Tuned plainSvm = ModelSelection.tune(data, rows, Recipe.svm(), threads, log);
            if (log != null) log.accept("speaker-normalised (TRANSDUCTIVE) setting:");
            ModelSelection.Tuned spkSvm = ModelSelection.tune(data, rows, Recipe.svm().withSpeakerNormalised(true), threads, log);
            List<Recipe> oofRecipes = new ArrayList<>(List.of(plainSvm.recipe(), spkSvm.recipe()));
            oofRecipes.addAll(ModelSelection.logregGrid(plainSvm.recipe()));
            List<ModelSelection.OutOfFold> oof = ModelSelection.outOfFold(data, rows, oofRecipes, threads);
            if (log != null) log.accept("plain setting, SVM + logistic regression:");
            ModelSelection.OutOfFold[] pc = ModelSelection.chooseRichMember(data, rows, plainSvm, oof.get(0), oof.subList(2, oof.size()), log);
            ModelSelection.OutOfFold p = pc[0];
            if (log != null) {
                log.accept("  chosen plain rich-feature member: " + p.recipe().describe() + ", CV " + p.score().describe());
                log.accept("  chosen speaker-normalised rich-feature member: " + spkSvm.recipe().describe() + ", CV " + spkSvm.score().describe()
                        + " (SVM + logistic regression is no candidate here: CV dropped it on both corpora, see ModelAblation)");
            }
            // score: the SVM's own vote, as tune gives it
            ModelSelection.OutOfFold s = new ModelSelection.OutOfFold(spkSvm.recipe(), oof.get(1).proba(), spkSvm.score());
            List<ModelSelection.Tuned> candidates = List.of(plainSvm, new ModelSelection.Tuned(pc[1].recipe(), pc[1].score()), spkSvm);
            if (log != null) log.accept("fitting the chosen rich-feature pipelines on all training recordings");
            // both settings at once: LIBSVM's probability fits run one at a time, the rest beside them
            List<Object[]> fits = Parallel.map(2, threads, i -> {
                Pipeline pl = data.fit(rows, (i == 0 ? p : s).recipe(), true);
                return new Object[] {pl, surrogate(data, rows, pl)};
            }, null);
            Pipeline plain = (Pipeline) fits.get(0)[0], speaker = (Pipeline) fits.get(1)[0];
            Surrogate ps = (Surrogate) fits.get(0)[1], ss = (Surrogate) fits.get(1)[1];
            Object[] rj = join(rocketJob);
            double[][] rocketOof = (double[][]) rj[0];
            if (log != null) log.accept(String.format(Locale.ROOT, "MiniRocket member: out-of-fold %.1f s, final fit %.1f s", (double) rj[2],
                    (double) rj[3]));
            RocketFusion.Choice pf = RocketFusion.choose(folds, data.y(), p.proba(), rocketOof);
            RocketFusion.Choice sf = RocketFusion.choose(folds, data.y(), s.proba(), rocketOof);
            if (log != null) {
                log.accept("plain: " + pf.describe());
                log.accept("speaker-normalised (TRANSDUCTIVE): " + sf.describe());
            }
            RocketFusion rocket = pf.kept() || sf.kept() ? (RocketFusion) rj[1] : null;
            return new EmotionModel(set.name(), set.version(), set.columns(), present, rows.length, plain, speaker, pf.chosen(), sf.chosen(),
                    ps, ss, candidates, rocket, pf, sf);
        } finally {
            bg.shutdownNow();
        }
    }

    private static Object[] join(java.util.concurrent.Future<Object[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Surrogate surrogate(EmotionData d, int[] rows, Pipeline p) {
        double[][] x = d.x(rows);
        String[] sp = d.speakers(rows);
        int[] pred = p.predict(x, sp, null);
        return Surrogate.fit(p.transform(x, sp, null), pred, EmotionData.EMOTIONS.size(), p.keptFeatures());
    }

    /**
     * This model with {@code member} fused at (w, τ) in both settings whatever CV said (the CV
     * scores stay those of the selection). For tests that must exercise the fused path on data
     * too small for CV to keep it.
     */
    EmotionModel withForcedFusion(RocketFusion member, double w, double tau) {
        RocketFusion.Choice pf = new RocketFusion.Choice(w, tau, plainFusion.fused(), plainFusion.alone(), true);
        RocketFusion.Choice sf = new RocketFusion.Choice(w, tau, speakerFusion.fused(), speakerFusion.alone(), true);
        return new EmotionModel(featureSetName, featureSetVersion, featureNames, trainActors, trainingRecordings, plain, speaker, plainCv,
                speakerCv, plainSurrogate, speakerSurrogate, candidates, member, pf, sf);
    }

    // ------------------------------------------------------------------ what it is

    public String featureSetName() { return featureSetName; }

    public String featureSetVersion() { return featureSetVersion; }

    /** The feature set this model reads (a fresh instance of {@link #featureSetName()}). */
    public FeatureSet featureSet() { return FeatureSets.byName(featureSetName); }

    public List<String> featureNames() { return featureNames; }

    public SortedSet<Integer> trainActors() { return trainActors; }

    public int trainingRecordings() { return trainingRecordings; }

    /**
     * The MiniRocket late fusion chosen by CV for one setting (w = 0: dropped, the rich-feature
     * member alone), with the CV scores with and without it.
     */
    public RocketFusion.Choice fusion(boolean speakerNormalised) { return speakerNormalised ? speakerFusion : plainFusion; }

    /** The fitted MiniRocket member, or null when CV dropped the fusion in both settings. */
    public RocketFusion rocketMember() { return rocket; }

    /** Whether predictions need each recording's MFCC series (the fusion is kept in at least one setting). */
    public boolean usesSeries() { return rocket != null; }

    /** CV score of the plain model (no test-speaker statistics; with the MiniRocket member when kept). */
    public ModelSelection.CvScore plainCv() { return plainCv; }

    /** CV score of the speaker-normalised model (TRANSDUCTIVE; with the MiniRocket member when kept). */
    public ModelSelection.CvScore speakerCv() { return speakerCv; }

    public Pipeline plainPipeline() { return plain; }

    public Pipeline speakerPipeline() { return speaker; }

    /** Agreement of the linear surrogates with their pipelines on the training rows: {plain, speaker}. */
    public double[] surrogateFidelity() { return new double[] {plainSurrogate.fidelity(), speakerSurrogate.fidelity()}; }

    public String emolabVersion() { return emolabVersion; }

    /**
     * Every rich-feature candidate the selection scored, with its tuned hyper-parameters and CV
     * score: plain SVM, plain SVM + logistic regression, speaker-normalised SVM. (SVM + logistic
     * regression is no candidate in the speaker-normalised setting: CV dropped it on the real
     * wav16k and the synthetic corpus alike, and its grid costs a sixth of the training time.)
     */
    public List<ModelSelection.Tuned> candidates() { return candidates; }

    /** A few lines: what was trained on what, the MiniRocket fusion's CV choice and the CV scores in both settings. */
    public String describe() {
        return String.format(Locale.ROOT, "EmoLab %s emotion model (format %d), %s features v%s, trained on %d recordings of actors %s%n"
                + "  speaker-normalised (TRANSDUCTIVE, enrolment-style): rich-feature member %s%n    %s%n    CV %s%n"
                + "  plain (beside it): rich-feature member %s%n    %s%n    CV %s",
                emolabVersion, FORMAT_VERSION, featureSetName, featureSetVersion, trainingRecordings, ActorSplit.ranges(trainActors),
                speaker.recipe().describe(), speakerFusion.describe(), speakerCv.describe(), plain.recipe().describe(), plainFusion.describe(),
                plainCv.describe());
    }

    @Override
    public String toString() {
        return "EmotionModel[" + featureSetName + ", actors " + ActorSplit.ranges(trainActors) + "]";
    }

    // ------------------------------------------------------------------ prediction

    /** One recording's prediction. */
    public record Prediction(Path path, String speaker, String predicted, double[] probabilities, String normalisation,
            List<Surrogate.Contribution> topFeatures) {}

    /** Predictions in input order, and the files that could not be predicted (with the reason). */
    public record Predictions(List<Prediction> rows, List<FileError> errors) {}

    /**
     * Predicts with the <b>rich-feature member only</b> (no MiniRocket member: feature rows carry
     * no series); {@code normalisation} says so. See {@link #predict(double[][], double[][][], List, String[])}.
     */
    public List<Prediction> predict(double[][] x, List<Path> paths, String[] speakers) {
        return predict(x, null, paths, speakers);
    }

    /**
     * Predicts raw feature rows with their MFCC series ({@link RocketFusion#series}; null: the
     * rich-feature member only). A row whose speaker (may be null) has at least
     * {@link SpeakerNormalization#MIN_RECORDINGS} rows here is predicted by the speaker-normalised
     * setting with that speaker's statistics (TRANSDUCTIVE); any other row by the plain one with
     * the training statistics, and its {@code normalisation} says so. Probabilities are the fused
     * ones of the setting when its fusion was kept; top features are the linear surrogate's on the
     * rich features (they explain the rich-feature member).
     */
    public List<Prediction> predict(double[][] x, double[][][] series, List<Path> paths, String[] speakers) {
        return predict(x, series, paths, speakers, 0);
    }

    private List<Prediction> predict(double[][] x, double[][][] series, List<Path> paths, String[] speakers, int threads) {
        int n = x.length;
        if (paths.size() != n || speakers.length != n) throw new IllegalArgumentException("rows, paths and speakers differ in number");
        if (series != null && series.length != n) throw new IllegalArgumentException(n + " rows but " + series.length + " series");
        for (double[] r : x)
            if (r.length != featureNames.size())
                throw new IllegalArgumentException("rows have " + r.length + " features; this model reads " + featureNames.size());
        Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) if (speakers[i] != null) groups.computeIfAbsent(speakers[i], k -> new ArrayList<>()).add(i);
        List<Integer> spkRows = new ArrayList<>(), plainRows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> g = speakers[i] == null ? null : groups.get(speakers[i]);
            (g != null && g.size() >= SpeakerNormalization.MIN_RECORDINGS ? spkRows : plainRows).add(i);
        }
        double[][] decision = series != null && rocket != null ? rocket.decision(series, threads) : null;
        Prediction[] out = new Prediction[n];
        run(speaker, speakerSurrogate, speakerFusion, decision, spkRows, x, paths, speakers, groups, out);
        run(plain, plainSurrogate, plainFusion, decision, plainRows, x, paths, speakers, groups, out);
        return List.of(out);
    }

    /**
     * {@link #predict(double[][], List, String[])} on rows of {@code d} (speakers: their actors):
     * the <b>rich-feature member only</b>.
     */
    public List<Prediction> predict(EmotionData d, int[] rows) {
        List<Path> paths = new ArrayList<>();
        for (int r : rows) paths.add(d.paths().get(r));
        return predict(d.x(rows), paths, d.speakers(rows));
    }

    private void run(Pipeline p, Surrogate s, RocketFusion.Choice fusion, double[][] decision, List<Integer> rows, double[][] x,
            List<Path> paths, String[] speakers, Map<String, List<Integer>> groups, Prediction[] out) {
        if (rows.isEmpty()) return;
        double[][] xs = new double[rows.size()][];
        String[] sp = new String[rows.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x[rows.get(i)];
            sp[i] = speakers[rows.get(i)];
        }
        double[][] prob = p.predictProba(xs, sp, null);
        String members = "";
        if (fusion.kept()) {
            if (decision == null) members = "; rich-feature member only";
            else {
                double[][] d = new double[xs.length][];
                for (int i = 0; i < xs.length; i++) d[i] = decision[rows.get(i)];
                prob = RocketFusion.fuse(prob, d, fusion.weight(), fusion.tau());
            }
        }
        double[][] z = p.transform(xs, sp, null);
        int[] pred = Pipeline.argmax(prob);
        for (int i = 0; i < xs.length; i++) {
            int r = rows.get(i);
            String norm = p.recipe().speakerNormalised()
                    ? "speaker " + sp[i] + " (" + groups.get(sp[i]).size() + " recordings; TRANSDUCTIVE" + members + ")"
                    : "training statistics (" + (sp[i] == null ? "unknown speaker" : "lone recording of " + sp[i]) + "; plain model" + members + ")";
            out[r] = new Prediction(paths.get(r), sp[i], EmotionData.EMOTIONS.get(pred[i]), prob[i], norm, s.top(z[i], pred[i], TOP_FEATURES));
        }
    }

    /**
     * Reads and predicts audio files (rich features and, when the model uses it, the MFCC series
     * of each file for the MiniRocket member). The speaker of a file is {@code speakerMap}'s entry
     * for it (by absolute normalised path), else the actor of its RAVDESS name, else unknown. A file
     * that cannot be read or gives no features or series is reported in {@link Predictions#errors()};
     * the others are still predicted.
     */
    public Predictions predictFiles(List<Path> files, Map<Path, String> speakerMap, int threads, ExtractionProgress progress) {
        FeatureSet set = featureSet();
        if (!set.version().equals(featureSetVersion))
            throw new IllegalStateException("this model was trained on " + featureSetName + " features v" + featureSetVersion
                    + " but this EmoLab computes v" + set.version() + "; retrain it");
        boolean withSeries = usesSeries();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<Object> outcome = Parallel.map(files.size(), threads, i -> {
            Path f = files.get(i);
            Audio audio;
            try {
                audio = WavReader.read(f);
            } catch (IOException e) {
                return "cannot read: " + e.getMessage();
            } catch (RuntimeException e) {
                return "cannot read: " + e;
            }
            double[] v;
            try {
                v = set.extract(audio);
            } catch (RuntimeException e) {
                return "feature extraction failed: " + e;
            }
            for (int j = 0; j < v.length; j++)
                if (!Double.isFinite(v[j])) return "feature '" + set.columns().get(j) + "' is " + v[j];
            if (!withSeries) return new Object[] {v, null};
            try {
                return new Object[] {v, RocketFusion.series(audio)};
            } catch (RuntimeException e) {
                return "MFCC series (MiniRocket member) failed: " + e.getMessage();
            }
        }, progress == null ? null : (d, n) -> {
            synchronized (done) {
                progress.update(d, n);
            }
        });
        List<double[]> xs = new ArrayList<>();
        List<double[][]> ss = new ArrayList<>();
        List<Path> ok = new ArrayList<>();
        List<String> sp = new ArrayList<>();
        List<FileError> errors = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Object o = outcome.get(i);
            if (o instanceof String msg) {
                errors.add(new FileError(files.get(i), msg));
                continue;
            }
            Object[] r = (Object[]) o;
            Path f = files.get(i);
            xs.add((double[]) r[0]);
            ss.add((double[][]) r[1]);
            ok.add(f);
            sp.add(speakerOf(f, speakerMap));
        }
        List<Prediction> rows = xs.isEmpty() ? List.of()
                : predict(xs.toArray(double[][]::new), withSeries ? ss.toArray(double[][][]::new) : null, ok, sp.toArray(String[]::new), threads);
        return new Predictions(rows, errors);
    }

    /** The speaker of {@code f}: the map's entry, else the RAVDESS actor, else null. */
    public static String speakerOf(Path f, Map<Path, String> speakerMap) {
        String s = speakerMap == null ? null : speakerMap.get(f.toAbsolutePath().normalize());
        if (s != null) return s;
        String name = f.getFileName().toString();
        return RavdessName.isValid(name) ? EmotionData.speakerOf(RavdessName.parse(name).actor()) : null;
    }

    /**
     * The plain rich-feature member's choice, with its tuned hyper-parameters, as a {@link ClassifierSpec}
     * for studies that refit a model many times on their own feature rows (scaling refitted on those
     * rows). It is the <b>rich-feature member only</b>: feature rows carry no audio, so the
     * MiniRocket member (see {@link #fusion}) is not part of it.
     *
     * @param svmOnly only the tuned RBF SVM (fast, no probabilities) instead of the whole recipe
     */
    public emolab.classify.ClassifierSpec refitSpec(boolean svmOnly) {
        Recipe r = plain.recipe();
        if (svmOnly) return new RecipeSpec("EmotionModelSvm", r.withMembers(List.of("svm")).withAugment(false), false);
        return new RecipeSpec("EmotionModel", r.withAugment(false), true);
    }

    /** Scores of one setting on labelled rows. */
    public record Evaluation(String setting, int[] truth, int[] predicted, double accuracy, double macroF1) {
        /** e.g. {@code speaker-normalised (TRANSDUCTIVE): accuracy 0.644, macro-F1 0.625}. */
        public String describe() {
            return String.format(Locale.ROOT, "%s: accuracy %.3f, macro-F1 %.3f", setting, accuracy, macroF1);
        }
    }

    /**
     * Scores the whole model in both settings on {@code rows} of {@code d} (normally the test
     * actors): element 0 speaker-normalised, each speaker z-scored over its own rows among
     * {@code rows} (TRANSDUCTIVE), element 1 plain (training statistics only); each with the
     * MiniRocket member where CV kept it, its series computed from {@code d.paths()} (cached in
     * {@code build/feature-cache}).
     *
     * @throws UncheckedIOException when the model uses series and a row's audio cannot be read
     *         (use {@link #evaluateRichMember} for feature rows without audio)
     */
    public Evaluation[] evaluate(EmotionData d, int[] rows) {
        // the same data and rows a second time (the ablation's step 5, then the notebook's confusion
        // matrices) give the scores computed the first time: series, transform and predictions are
        // deterministic, and EmotionData does not change
        EvaluationMemo memo = evaluationMemo();
        Evaluation[] seen = memo.get(d, rows);
        if (seen != null) return seen;
        Evaluation[] out = evaluateWithSeries(d, rows);
        memo.put(d, rows, out);
        return copy(out);
    }

    private static Evaluation[] copy(Evaluation[] e) {
        Evaluation[] c = new Evaluation[e.length];
        for (int i = 0; i < e.length; i++)
            c[i] = new Evaluation(e[i].setting(), e[i].truth().clone(), e[i].predicted().clone(), e[i].accuracy(), e[i].macroF1());
        return c;
    }

    /** Whole-model test scores already computed in this JVM, by data (weakly held) and rows; not saved. */
    private transient EvaluationMemo evaluations;

    private synchronized EvaluationMemo evaluationMemo() {
        if (evaluations == null) evaluations = new EvaluationMemo(); // also after deserialisation
        return evaluations;
    }

    private static final class EvaluationMemo {
        private record Scored(int[] rows, Evaluation[] scores) {}

        private final Map<EmotionData, List<Scored>> byData = new java.util.WeakHashMap<>();

        synchronized Evaluation[] get(EmotionData d, int[] rows) {
            for (Scored e : byData.getOrDefault(d, List.of()))
                if (java.util.Arrays.equals(e.rows(), rows)) return copy(e.scores());
            return null;
        }

        synchronized void put(EmotionData d, int[] rows, Evaluation[] scores) {
            byData.computeIfAbsent(d, k -> new ArrayList<>()).add(new Scored(rows.clone(), copy(scores)));
        }
    }

    private Evaluation[] evaluateWithSeries(EmotionData d, int[] rows) {
        double[][][] series = null;
        if (usesSeries()) {
            List<Path> files = new ArrayList<>();
            for (int r : rows) files.add(d.paths().get(r));
            try {
                series = RocketFusion.series(files, 0, DataSource.projectRoot().resolve("build").resolve("feature-cache"), null);
            } catch (IOException e) {
                throw new UncheckedIOException("the MiniRocket member needs the audio of every row (" + e.getMessage()
                        + "); evaluateRichMember scores the rich-feature member alone", e);
            }
        }
        return evaluate(d, rows, series, false);
    }

    /**
     * {@link #evaluate} with the <b>rich-feature member only</b> (no MiniRocket member, no audio
     * needed): what studies that refit the model's recipe on feature rows use. The settings are
     * named so.
     */
    public Evaluation[] evaluateRichMember(EmotionData d, int[] rows) {
        return evaluate(d, rows, null, true);
    }

    private Evaluation[] evaluate(EmotionData d, int[] rows, double[][][] series, boolean richOnly) {
        if (!d.featureNames().equals(featureNames))
            throw new IllegalArgumentException("the data's feature columns are not this model's (" + featureSetName + ")");
        if (rows.length == 0) throw new IllegalArgumentException("no rows to evaluate");
        int[] truth = d.y(rows);
        Evaluation[] out = new Evaluation[2];
        Pipeline[] ps = {speaker, plain};
        RocketFusion.Choice[] fs = {speakerFusion, plainFusion};
        String[] names = {"speaker-normalised (TRANSDUCTIVE)", "plain"};
        double[][] decision = series == null || rocket == null ? null : rocket.decision(series, 0);
        for (int k = 0; k < 2; k++) {
            double[][] prob = ps[k].predictProba(d.x(rows), d.speakers(rows), null);
            if (decision != null && fs[k].kept()) prob = RocketFusion.fuse(prob, decision, fs[k].weight(), fs[k].tau());
            int[] pred = Pipeline.argmax(prob);
            String name = names[k] + (richOnly ? ", rich-feature member only" : fs[k].kept() ? ", with MiniRocket" : "");
            out[k] = new Evaluation(name, truth, pred, emolab.classify.eval.Metrics.accuracy(truth, pred),
                    emolab.classify.eval.Metrics.f1(truth, pred, EmotionData.EMOTIONS.size(), emolab.classify.eval.Average.MACRO));
        }
        return out;
    }

    // ------------------------------------------------------------------ persistence

    /** Writes the model to {@code file}: header, then the serialised model; temp file then atomic rename. */
    public void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            try {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
                     DataOutputStream h = new DataOutputStream(os)) {
                    writeHeader(h, FORMAT_VERSION);
                    ObjectOutputStream out = new ObjectOutputStream(h);
                    out.writeObject(this);
                    out.flush();
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + file + ": " + e.getMessage(), e);
        }
    }

    void writeHeader(DataOutputStream h, int formatVersion) throws IOException {
        h.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        h.writeInt(formatVersion);
        h.writeUTF(emolabVersion);
        h.writeUTF(featureSetName);
        h.writeUTF(featureSetVersion);
        h.writeUTF(ActorSplit.ranges(trainActors));
        h.writeDouble(speakerCv.macroF1());
        h.writeDouble(plainCv.macroF1());
    }

    /** What a model file's header says, readable without loading the model. */
    public record Header(int formatVersion, String emolabVersion, String featureSet, String featureSetVersion, String trainActors,
            double speakerCvMacroF1, double plainCvMacroF1) {}

    /** Reads only the header of a model file. */
    public static Header header(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return readHeader(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Header readHeader(DataInputStream in, Path file) throws IOException {
        byte[] magic = new byte[MAGIC.length()];
        try {
            in.readFully(magic);
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException(file + " is not an EmoLab emotion model file (too short)");
        }
        if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII)))
            throw new IllegalArgumentException(file + " is not an EmoLab emotion model file (no " + MAGIC + " header)");
        int format = in.readInt();
        if (format != FORMAT_VERSION) {
            String by = "";
            try {
                by = " by EmoLab " + in.readUTF();
            } catch (IOException ignored) {
                // the rest of an unknown format need not be readable
            }
            throw new IllegalArgumentException(file + " was written" + by + " in model format " + format + "; this EmoLab ("
                    + EMOLAB_VERSION + ") reads format " + FORMAT_VERSION + " only. Retrain it: ./emolab train <audio-dir> " + file);
        }
        return new Header(format, in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readDouble(), in.readDouble());
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws IllegalArgumentException with a clear message for a file that is not a model, was
     *         written in another format version, or for another version of its feature set
     */
    public static EmotionModel load(Path file) {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(is)) {
            Header h = readHeader(in, file);
            String current = FeatureSets.NAMES.contains(h.featureSet()) ? FeatureSets.byName(h.featureSet()).version() : null;
            if (current == null)
                throw new IllegalArgumentException(file + " uses feature set '" + h.featureSet() + "', which this EmoLab does not know");
            if (!current.equals(h.featureSetVersion()))
                throw new IllegalArgumentException(file + " was trained on " + h.featureSet() + " features v" + h.featureSetVersion()
                        + " (EmoLab " + h.emolabVersion() + "); this EmoLab computes v" + current
                        + ", so its predictions would be wrong. Retrain it: ./emolab train <audio-dir> " + file);
            Object o;
            try {
                o = new ObjectInputStream(in).readObject();
            } catch (InvalidClassException | ClassNotFoundException e) {
                throw new IllegalArgumentException(file + " (EmoLab " + h.emolabVersion() + ", format " + h.formatVersion()
                        + ") holds classes this EmoLab cannot read (" + e.getMessage() + "). Retrain it: ./emolab train <audio-dir> " + file, e);
            }
            if (!(o instanceof EmotionModel m))
                throw new IllegalArgumentException(file + " holds a " + o.getClass().getName() + ", not an EmotionModel");
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + file + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ notebooks

    /**
     * The model for a data source, trained at most once: loaded from {@code build/models/} when a
     * model for this source (its folder, kind and number of recordings) is there and loads, else
     * trained on the source's training actors ({@link ActorSplit#plan}) and saved there. Feature
     * rows are cached in {@code build/feature-cache}.
     */
    public static EmotionModel loadOrTrain(DataSource source) throws IOException {
        return loadOrTrain(source, DataSource.projectRoot().resolve("build"), null);
    }

    /** {@link #loadOrTrain(DataSource)} with an explicit build folder and a log (may be null). */
    public static EmotionModel loadOrTrain(DataSource source, Path buildDir, Consumer<String> log) throws IOException {
        Path file = modelFile(source, buildDir);
        if (Files.isRegularFile(file)) {
            try {
                EmotionModel m = load(file);
                if (log != null) log.accept("loaded " + file);
                return m;
            } catch (RuntimeException e) {
                if (log != null) log.accept("retraining: " + e.getMessage());
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path p : CorpusFiles.wavs(source.root()).files()) if (RavdessName.isValid(p.getFileName().toString())) files.add(p);
        FeatureSet set = defaultFeatureSet();
        EmotionData data = EmotionData.extract(files, set, buildDir.resolve("feature-cache"), false, ExtractionProgress.NONE);
        ActorSplit.Plan plan = ActorSplit.plan(data.actorSet());
        if (log != null) log.accept("training the emotion model on " + source + ": " + plan.describe());
        EmotionModel m = train(data, buildDir.resolve("feature-cache"), set, plan.trainActors(), 0, log);
        m.save(file);
        if (log != null) log.accept("saved " + file);
        return m;
    }

    /** {@link #modelFile(DataSource, Path)} in the project's {@code build/}. */
    public static Path modelFile(DataSource source) {
        return modelFile(source, DataSource.projectRoot().resolve("build"));
    }

    /** Where {@link #loadOrTrain} keeps the model of {@code source}: {@code build/models/emotion-<key>.model}. */
    public static Path modelFile(DataSource source, Path buildDir) {
        String key = source.kind() + "|" + source.root().toAbsolutePath().normalize() + "|" + source.recordings();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return buildDir.resolve("models").resolve("emotion-" + source.kind().name().toLowerCase(Locale.ROOT) + "-"
                    + HexFormat.of().formatHex(h, 0, 6) + ".model");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
