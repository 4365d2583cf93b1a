package emolab.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tech.tablesaw.api.Table;

/**
 * A feature matrix with class labels and, for speaker-independent evaluation, one group (actor)
 * per row, plus the recording each row came from when known: what every stage (model selection,
 * samplers, detectors, explainers) works on. {@link PreparedData} holds one for training and one
 * for test.
 *
 * @param x            rows × features
 * @param y            class code per row (index into {@code classes})
 * @param classes      class names
 * @param groups       group (actor) per row, or null when unknown
 * @param featureNames one name per column
 * @param paths        source recording (file path) per row, or null when the table has none
 */
public record LabeledData(double[][] x, int[] y, String[] classes, int[] groups, List<String> featureNames, List<String> paths)
        implements java.io.Serializable {
    public LabeledData {
        featureNames = featureNames == null ? Checks.defaultNames(x == null || x.length == 0 ? 0 : x[0].length) : List.copyOf(featureNames);
        Checks.training(x, y, classes, featureNames);
        if (groups != null && groups.length != x.length)
            throw new IllegalArgumentException("mismatched row counts: X has " + x.length + " rows but groups has " + groups.length);
        if (paths != null) {
            if (paths.size() != x.length)
                throw new IllegalArgumentException("mismatched row counts: X has " + x.length + " rows but paths has " + paths.size());
            paths = List.copyOf(paths);
        }
        classes = classes.clone();
    }

    /** Data without source paths. */
    public LabeledData(double[][] x, int[] y, String[] classes, int[] groups, List<String> featureNames) {
        this(x, y, classes, groups, featureNames, null);
    }

    @Override public String[] classes() { return classes.clone(); }

    /**
     * Reads the numeric {@code featureColumns}, the label column and the integer group column
     * (e.g. {@code actor}; may be null) of {@code t}. Classes are the sorted distinct labels.
     */
    public static LabeledData of(Table t, List<String> featureColumns, String labelColumn, String groupColumn) {
        Tables.Labels labels = Tables.labels(t, labelColumn);
        return of(t, featureColumns, labelColumn, groupColumn, labels.classes().toArray(String[]::new));
    }

    /** As {@link #of(Table, List, String, String)} with a fixed class list (e.g. shared by train and test). */
    public static LabeledData of(Table t, List<String> featureColumns, String labelColumn, String groupColumn, String[] classes) {
        if (featureColumns.isEmpty()) throw new IllegalArgumentException("no feature columns given");
        double[][] x = Tables.toMatrix(t, featureColumns);
        Tables.Labels labels = Tables.labels(t, labelColumn);
        List<String> cls = Arrays.asList(classes);
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = cls.indexOf(labels.values()[i]);
            if (y[i] < 0)
                throw new IllegalArgumentException("label column '" + labelColumn + "' row " + i + ": '" + labels.values()[i]
                        + "' is not one of the classes " + cls);
        }
        int[] groups = groupColumn == null ? null : Tables.ints(t, groupColumn);
        return new LabeledData(x, y, classes, groups, featureColumns, t.containsColumn(PATH_COLUMN) ? Tables.strings(t, PATH_COLUMN) : null);
    }

    /** The column whose values become {@link #paths()} when a table has it. */
    public static final String PATH_COLUMN = "path";

    /** The source path of row {@code i}; throws when these data carry no paths. */
    public String path(int i) {
        if (paths == null) throw new IllegalArgumentException("these data have no source paths (the table had no '" + PATH_COLUMN + "' column)");
        return paths.get(i);
    }

    public int size() { return x.length; }

    public int numFeatures() { return featureNames.size(); }

    public int numClasses() { return classes.length; }

    /** Group per row; throws if there are none. */
    public int[] requireGroups() {
        if (groups == null) throw new IllegalArgumentException("these data have no groups (actors); grouped CV needs them");
        return groups;
    }

    /** The given rows, in order. */
    public LabeledData rows(int[] idx) {
        double[][] xs = new double[idx.length][];
        int[] ys = new int[idx.length];
        int[] gs = groups == null ? null : new int[idx.length];
        List<String> ps = paths == null ? null : new ArrayList<>(idx.length);
        for (int i = 0; i < idx.length; i++) {
            xs[i] = x[idx[i]];
            ys[i] = y[idx[i]];
            if (gs != null) gs[i] = groups[idx[i]];
            if (ps != null) ps.add(paths.get(idx[i]));
        }
        return new LabeledData(xs, ys, classes, gs, featureNames, ps);
    }

    /** Only the given feature columns (by index), in that order. */
    public LabeledData columns(int[] cols) {
        double[][] xs = new double[x.length][cols.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < cols.length; j++) xs[i][j] = x[i][cols[j]];
        List<String> names = new ArrayList<>();
        for (int c : cols) names.add(featureNames.get(c));
        return new LabeledData(xs, y, classes, groups, names, paths);
    }

    /** Only the named feature columns, in that order. */
    public LabeledData columns(List<String> names) {
        int[] cols = new int[names.size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = featureNames.indexOf(names.get(j));
            if (cols[j] < 0) throw new IllegalArgumentException("no feature '" + names.get(j) + "' in these data");
        }
        return columns(cols);
    }
}
