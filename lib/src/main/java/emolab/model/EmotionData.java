package emolab.model;

import emolab.data.Emotion;
import emolab.data.RavdessName;
import emolab.features.FeatureSet;
import emolab.features.engine.ExtractionResult;
import emolab.features.engine.FeatureExtractor;
import emolab.features.engine.FileError;
import emolab.features.engine.ExtractionProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Feature rows of RAVDESS recordings with what a model needs beside them: the emotion code
 * (index into {@link #EMOTIONS}), the actor, a speaker key and the file path; optionally, aligned
 * row for row, the features of an augmented copy of each recording ({@link Augmentation}).
 */
public record EmotionData(double[][] x, int[] y, int[] actors, String[] speakers, List<Path> paths, List<String> featureNames,
        double[][] augmented, List<FileError> errors) {
    /** The 8 RAVDESS emotions, in code order: the classes of every model. */
    public static final List<String> EMOTIONS = Arrays.stream(Emotion.values()).map(Emotion::label).toList();

    /** The speaker key of a RAVDESS actor. */
    public static String speakerOf(int actor) {
        return String.format(java.util.Locale.ROOT, "actor %02d", actor);
    }

    public int size() { return x.length; }

    /**
     * Extracts {@code set} from {@code files} (with the feature cache {@code cache}, may be null);
     * with {@code augment}, also the noise-augmented copies. Files that give no row are listed in
     * {@link #errors()}.
     */
    public static EmotionData extract(List<Path> files, FeatureSet set, Path cache, boolean augment, ExtractionProgress progress) throws IOException {
        ExtractionResult r = extractor(set, cache, progress).extract(files);
        Set<Path> bad = new HashSet<>();
        for (FileError e : r.errors()) bad.add(e.path());
        List<Path> ok = new ArrayList<>();
        for (Path p : files) if (!bad.contains(p)) ok.add(p);
        double[][] aug = null;
        List<FileError> errors = new ArrayList<>(r.errors());
        if (augment) {
            ExtractionResult a = extractor(new Augmentation(set, 20), cache, progress).extract(ok);
            if (!a.errors().isEmpty()) throw new IOException("augmented extraction failed for " + a.errors());
            aug = matrix(a.table(), set.columns());
        }
        return of(r.table(), set.columns(), ok, aug, errors);
    }

    private static FeatureExtractor extractor(FeatureSet set, Path cache, ExtractionProgress progress) {
        FeatureExtractor.Builder b = FeatureExtractor.builder().set(set).progress(progress == null ? ExtractionProgress.NONE : progress);
        if (cache != null) b.cache(cache);
        return b.build();
    }

    /**
     * From a feature table of {@link FeatureExtractor} (label columns, then {@code set}'s columns),
     * e.g. a notebook's {@code Session.features(source, "rich").table()}; paths come from its {@code path} column when it has
     * one (see {@link emolab.features.engine.ExtractionResult#tableWithPaths()}), otherwise they are the file names.
     */
    public static EmotionData of(Table t, FeatureSet set) {
        List<Path> paths = new ArrayList<>();
        for (String f : t.stringColumn(t.containsColumn("path") ? "path" : "filename")) paths.add(Path.of(f));
        return of(t, set.columns(), paths, null, List.of());
    }

    /** From an extraction table (label columns and {@code columns}) whose rows are {@code paths}. */
    public static EmotionData of(Table t, List<String> columns, List<Path> paths, double[][] augmented, List<FileError> errors) {
        int n = t.rowCount();
        if (paths.size() != n) throw new IllegalArgumentException(n + " rows but " + paths.size() + " paths");
        int[] y = new int[n], actors = new int[n];
        String[] speakers = new String[n];
        for (int i = 0; i < n; i++) {
            RavdessName name = RavdessName.parse(paths.get(i).getFileName().toString());
            y[i] = name.emotion().ordinal();
            actors[i] = name.actor();
            speakers[i] = speakerOf(actors[i]);
        }
        return new EmotionData(matrix(t, columns), y, actors, speakers, List.copyOf(paths), List.copyOf(columns), augmented,
                List.copyOf(errors));
    }

    static double[][] matrix(Table t, List<String> columns) {
        int n = t.rowCount();
        double[][] x = new double[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            var c = t.numberColumn(columns.get(j));
            for (int i = 0; i < n; i++) x[i][j] = c.getDouble(i);
        }
        return x;
    }

    /** The same rows with only the feature columns {@code keep} accepts (augmented rows likewise). */
    public EmotionData columns(java.util.function.Predicate<String> keep) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < featureNames.size(); j++) if (keep.test(featureNames.get(j))) idx.add(j);
        List<String> names = new ArrayList<>();
        for (int j : idx) names.add(featureNames.get(j));
        return new EmotionData(select(x, idx), y, actors, speakers, paths, List.copyOf(names), augmented == null ? null : select(augmented, idx),
                errors);
    }

    private static double[][] select(double[][] m, List<Integer> idx) {
        double[][] out = new double[m.length][idx.size()];
        for (int i = 0; i < m.length; i++) for (int k = 0; k < idx.size(); k++) out[i][k] = m[i][idx.get(k)];
        return out;
    }

    /** Row indices whose actor is in {@code actors}, ascending. */
    public int[] rowsOf(Set<Integer> actorSet) {
        return java.util.stream.IntStream.range(0, size()).filter(i -> actorSet.contains(actors[i])).toArray();
    }

    /** The distinct actors, ascending. */
    public java.util.SortedSet<Integer> actorSet() {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        for (int a : actors) s.add(a);
        return s;
    }

    double[][] x(int[] rows) {
        double[][] o = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) o[i] = x[rows[i]];
        return o;
    }

    int[] y(int[] rows) {
        int[] o = new int[rows.length];
        for (int i = 0; i < rows.length; i++) o[i] = y[rows[i]];
        return o;
    }

    String[] speakers(int[] rows) {
        String[] o = new String[rows.length];
        for (int i = 0; i < rows.length; i++) o[i] = speakers[rows[i]];
        return o;
    }

    /**
     * Fits {@code recipe} on {@code rows}; with {@code recipe.augment()} the augmented copies of
     * those rows join the training rows (their own speaker groups, {@code "<speaker> +noise"}).
     */
    public Pipeline fit(int[] rows, Recipe recipe, boolean probabilities) {
        double[][] xs = x(rows);
        int[] ys = y(rows);
        String[] sp = speakers(rows);
        if (recipe.augment()) {
            if (augmented == null) throw new IllegalStateException("the recipe augments but these data have no augmented rows");
            int n = rows.length;
            double[][] x2 = Arrays.copyOf(xs, 2 * n);
            int[] y2 = Arrays.copyOf(ys, 2 * n);
            String[] s2 = Arrays.copyOf(sp, 2 * n);
            for (int i = 0; i < n; i++) {
                x2[n + i] = augmented[rows[i]];
                y2[n + i] = ys[i];
                s2[n + i] = sp[i] + " +noise";
            }
            xs = x2;
            ys = y2;
            sp = s2;
        }
        return Pipeline.fit(xs, ys, sp, EMOTIONS.size(), featureNames, recipe, probabilities);
    }

    /** Predictions of {@code p} on {@code rows} (each speaker normalised over its own rows among them). */
    public int[] predict(Pipeline p, int[] rows) {
        return p.predict(x(rows), speakers(rows), null);
    }
}
