package emolab.model;

import emolab.classify.Parallel;
import emolab.data.Audio;
import emolab.data.WavReader;
import emolab.features.engine.ExtractionProgress;
import emolab.timeseries.rocket.MfccSeries;
import emolab.timeseries.rocket.MiniRocket;
import emolab.timeseries.rocket.ParallelTransform;
import emolab.timeseries.rocket.RidgeClassifierCV;
import emolab.timeseries.rocket.SeriesSource;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The emotion model's second member and its late fusion with the rich-feature pipeline:
 * MiniRocket ({@link #ROCKET}: 10,000 features, seed 0) on 20 MFCC × 300 frames of the trimmed
 * signal ({@link #SERIES}, values rounded to float32) → a standardised {@link RidgeClassifierCV};
 * its decision values {@code d} become probabilities by a softmax with temperature τ, and the
 * fused probabilities are {@code (1 − w)·p_rich + w·softmax(d/τ)}.
 *
 * <p>(w, τ) is chosen by {@link #choose}: the mean fold macro-F1 of out-of-fold predictions on
 * the actor-grouped folds of {@link ModelSelection#folds}, over w ∈ {@link #WEIGHTS} and τ ∈
 * {@link #TEMPERATURES}; w = 0 (the rich member alone) is a candidate, and the fusion is kept only
 * when it beats w = 0 by {@link ModelSelection#MIN_GAIN}. The MiniRocket member sees the raw
 * (not speaker-normalised) series in both settings; only (w, τ) is chosen per setting.
 *
 * <p>An instance is the fitted member (kernels' dilations, channel combinations and biases; the
 * ridge with its standardisation folded into its coefficients); serialisable, deterministic.
 * Used by {@link EmotionModel} and {@code RocketFusionEvaluation}.
 */
public final class RocketFusion implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Fusion weights tried (0 = the rich member alone). */
    public static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** Softmax temperatures tried. */
    public static final double[] TEMPERATURES = {0.05, 0.1, 0.2, 0.5};
    /** The series: 20 MFCCs × 300 frames of the silence-trimmed signal, padded with the last frame. */
    public static final MfccSeries.Options SERIES = MfccSeries.Options.trimmed();
    /** MiniRocket settings: 10,000 features, at most 32 dilations per kernel, seed 0. */
    public static final MiniRocket.Options ROCKET = MiniRocket.Options.defaults().withSeed(0);
    /** A decision value for a class absent from the fitting rows: never chosen, softmax weight 0. */
    static final double ABSENT = -1e3;
    private static final int K = EmotionData.EMOTIONS.size();

    private final MiniRocket rocket;
    private final RidgeClassifierCV ridge;

    private RocketFusion(MiniRocket rocket, RidgeClassifierCV ridge) {
        this.rocket = rocket;
        this.ridge = ridge;
    }

    /** The fitted transform. */
    public MiniRocket rocket() { return rocket; }

    /** The fitted ridge head (coefficients in the scale of the MiniRocket features). */
    public RidgeClassifierCV ridge() { return ridge; }

    /** Fits MiniRocket and the standardised ridge on {@code series} with emotion codes {@code y}. */
    public static RocketFusion fit(double[][][] series, int[] y, int threads) {
        MiniRocket mr = MiniRocket.fit(series, ROCKET);
        float[][] f = transform(mr, series, threads);
        RidgeClassifierCV ridge = RidgeClassifierCV.fit(f, y, RidgeClassifierCV.Options.defaults().withStandardize(true));
        return new RocketFusion(mr, ridge);
    }

    private static float[][] transform(MiniRocket mr, double[][][] series, int threads) {
        return ParallelTransform.builder().threads(Parallel.threads(threads)).build().applyFloat32(mr, SeriesSource.of(series));
    }

    /** Ridge decision values, one column per emotion ({@link #ABSENT} for a class the fit never saw). */
    public double[][] decision(double[][][] series, int threads) {
        double[][] dv = ridge.decisionFunction(transform(rocket, series, threads));
        int[] classes = ridge.classes();
        double[][] out = new double[series.length][K];
        for (int i = 0; i < series.length; i++) {
            Arrays.fill(out[i], ABSENT);
            for (int c = 0; c < classes.length; c++) out[i][classes[c]] = dv[i][c];
        }
        return out;
    }

    // ------------------------------------------------------------------ fusion

    /** Softmax of {@code d / tau}. */
    public static double[] softmax(double[] d, double tau) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : d) m = Math.max(m, v);
        double[] e = new double[d.length];
        double s = 0;
        for (int c = 0; c < d.length; c++) {
            e[c] = Math.exp((d[c] - m) / tau);
            s += e[c];
        }
        for (int c = 0; c < d.length; c++) e[c] /= s;
        return e;
    }

    /** {@code (1 − w)·p + w·softmax(d/τ)} row by row; {@code w = 0} returns copies of {@code p}'s rows. */
    public static double[][] fuse(double[][] p, double[][] d, double w, double tau) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            if (w == 0) {
                out[i] = p[i].clone();
                continue;
            }
            double[] s = softmax(d[i], tau);
            out[i] = new double[p[i].length];
            for (int c = 0; c < s.length; c++) out[i][c] = (1 - w) * p[i][c] + w * s[c];
        }
        return out;
    }

    /**
     * Out-of-fold decision values, indexed like {@code series} (rows outside the folds stay null):
     * for each fold, the member fitted on its training rows scores its validation rows.
     */
    public static double[][] outOfFold(double[][][] series, int[] y, List<int[][]> folds, int threads) {
        double[][] out = new double[series.length][];
        for (int[][] f : folds) {
            RocketFusion m = fit(pick(series, f[0]), pick(y, f[0]), threads);
            double[][] d = m.decision(pick(series, f[1]), threads);
            for (int i = 0; i < f[1].length; i++) out[f[1][i]] = d[i];
        }
        return out;
    }

    /**
     * The fusion for one setting: the best fusion's weight and temperature (w > 0) and its CV
     * score, the rich member's score alone (w = 0), and whether CV keeps the fusion (it gains at
     * least {@link ModelSelection#MIN_GAIN}). A dropped fusion means w = 0: the rich member alone.
     */
    public record Choice(double w, double tau, ModelSelection.CvScore fused, ModelSelection.CvScore alone, boolean kept)
            implements Serializable {
        /** e.g. {@code MiniRocket late fusion kept by CV: w=0.4, τ=0.50; CV macro-F1 0.721 without it, 0.739 with it}. */
        public String describe() {
            return String.format(Locale.ROOT, "MiniRocket late fusion %s: best w=%.1f, τ=%.2f; CV macro-F1 %.3f without it, %.3f with it%s",
                    kept ? "kept by CV" : "dropped by CV (w = 0)", w, tau, alone.macroF1(), fused.macroF1(),
                    kept ? "" : String.format(Locale.ROOT, " (needs +%.3f)", ModelSelection.MIN_GAIN));
        }

        /** The weight the model uses: {@link #w()} when kept, else 0. */
        public double weight() { return kept ? w : 0; }

        /** The score of the chosen model: fused when kept, else the rich member alone. */
        public ModelSelection.CvScore chosen() { return kept ? fused : alone; }
    }

    /**
     * Chooses (w, τ) by the mean fold macro-F1 of the fused out-of-fold predictions ({@code base}:
     * the rich member's out-of-fold probabilities, {@code rocket}: {@link #outOfFold} decision
     * values, both indexed by data row; {@code y}: emotion codes by data row). Ties keep the
     * earlier grid point; the fusion is kept only when the best one gains at least
     * {@link ModelSelection#MIN_GAIN} over w = 0.
     */
    public static Choice choose(List<int[][]> folds, int[] y, double[][] base, double[][] rocket) {
        ModelSelection.CvScore alone = score(folds, y, base, rocket, 0, TEMPERATURES[0]), best = null;
        double bw = 0, bt = TEMPERATURES[0];
        for (double w : WEIGHTS) {
            if (w == 0) continue;
            for (double tau : TEMPERATURES) {
                ModelSelection.CvScore s = score(folds, y, base, rocket, w, tau);
                if (best == null || s.macroF1() > best.macroF1() + 1e-12) {
                    best = s;
                    bw = w;
                    bt = tau;
                }
            }
        }
        return new Choice(bw, bt, best, alone, ModelSelection.gains(best, alone));
    }

    /** CV score of the fusion (w, τ) of out-of-fold values indexed by data row. */
    public static ModelSelection.CvScore score(List<int[][]> folds, int[] y, double[][] base, double[][] rocket, double w, double tau) {
        double[][] fused = new double[base.length][];
        for (int[][] f : folds)
            for (int r : f[1]) fused[r] = fuse(new double[][] {base[r]}, new double[][] {rocket[r]}, w, tau)[0];
        return ModelSelection.score(folds, y, fused);
    }

    // ------------------------------------------------------------------ series

    /** The series of one recording ({@link #SERIES}, values rounded to float32, as stored in the cache). */
    public static double[][] series(Audio audio) {
        double[][] s = BUILDER.of(audio);
        for (double[] r : s) for (int t = 0; t < r.length; t++) r[t] = (float) r[t];
        return s;
    }

    private static final MfccSeries BUILDER = new MfccSeries(SERIES);

    /**
     * The series of {@code files}, computed on {@code threads} threads (0 = one per core) or read
     * from {@code cacheDir} (may be null: no cache). The cache keeps one file per recording under
     * {@code <cacheDir>/mfcc-series/}, keyed by the recording's path, size and modification time
     * and the series settings; written by temp file and rename.
     *
     * @throws IOException naming the first file that cannot be read
     */
    public static double[][][] series(List<Path> files, int threads, Path cacheDir, ExtractionProgress progress) throws IOException {
        Path dir = cacheDir == null ? null : cacheDir.resolve("mfcc-series");
        if (dir != null) Files.createDirectories(dir);
        Object lock = new Object();
        List<Object> out = Parallel.map(files.size(), threads, i -> {
            Path f = files.get(i);
            try {
                Path c = dir == null ? null : dir.resolve(key(f) + ".f32");
                if (c != null && Files.isRegularFile(c)) {
                    double[][] s = read(c);
                    if (s != null) return s;
                }
                double[][] s = series(WavReader.read(f));
                if (c != null) write(c, s);
                return s;
            } catch (IOException | RuntimeException e) {
                return new IOException(f + ": cannot compute its MFCC series: " + e.getMessage(), e);
            }
        }, progress == null ? null : (d, n) -> {
            synchronized (lock) {
                progress.update(d, n);
            }
        });
        double[][][] s = new double[files.size()][][];
        for (int i = 0; i < s.length; i++) {
            if (out.get(i) instanceof IOException e) throw e;
            s[i] = (double[][]) out.get(i);
        }
        return s;
    }

    private static String key(Path f) throws IOException {
        Path abs = f.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
        String k = abs + "|" + a.size() + "|" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "|" + SERIES;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[][] read(Path c) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(c)))) {
            int rows = in.readInt(), cols = in.readInt();
            if (rows != SERIES.nMfcc() || cols != SERIES.frames()) return null;
            double[][] s = new double[rows][cols];
            for (double[] r : s) for (int t = 0; t < cols; t++) r[t] = in.readFloat();
            return s;
        } catch (IOException e) {
            return null; // a damaged entry is recomputed
        }
    }

    private static void write(Path c, double[][] s) {
        try {
            Path tmp = Files.createTempFile(c.getParent(), c.getFileName().toString(), ".partial");
            try {
                try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                    o.writeInt(s.length);
                    o.writeInt(s[0].length);
                    for (double[] r : s) for (double v : r) o.writeFloat((float) v);
                }
                Files.move(tmp, c, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the series cache entry " + c + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ helpers

    static int[] pick(int[] a, int[] idx) {
        int[] o = new int[idx.length];
        for (int i = 0; i < idx.length; i++) o[i] = a[idx[i]];
        return o;
    }

    static double[][] pick(double[][] a, int[] idx) {
        double[][] o = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) o[i] = a[idx[i]];
        return o;
    }

    static double[][][] pick(double[][][] a, int[] idx) {
        double[][][] o = new double[idx.length][][];
        for (int i = 0; i < idx.length; i++) o[i] = a[idx[i]];
        return o;
    }
}
