package emolab.explain;

import emolab.prep.Csv;
import emolab.prep.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Rows to explain or train on: a feature matrix with its column names, and integer class codes
 * with the class names (sorted, as {@link Tables#labels} gives them).
 *
 * @param x        {@code n × d} feature values
 * @param y        class index of each row (0..k-1)
 * @param features column names (d)
 * @param classes  class names (k)
 */
public record Dataset(double[][] x, int[] y, List<String> features, List<String> classes) {
    public Dataset {
        Inputs.requireRows(x, features.size(), features, "dataset");
        if (y.length != x.length) throw new IllegalArgumentException("dataset: " + y.length + " labels for " + x.length + " rows");
        for (int i = 0; i < y.length; i++)
            if (y[i] < 0 || y[i] >= classes.size()) throw new IllegalArgumentException("dataset: label " + y[i] + " of row " + i + " is not a class index");
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }

    /**
     * The columns {@code features} of {@code table} with labels from column {@code label}; the
     * class names are taken from {@code classes} when given (so train and test share codes).
     */
    public static Dataset of(Table table, List<String> features, String label, List<String> classes) {
        double[][] x = Tables.toMatrix(table, features);
        Tables.Labels l = Tables.labels(table, label);
        List<String> cls = classes == null ? l.classes() : classes;
        int[] y = new int[l.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = cls.indexOf(l.values()[i]);
            if (y[i] < 0) throw new IllegalArgumentException("column '" + label + "' row " + i + ": '" + l.values()[i] + "' is not one of the classes " + cls);
        }
        return new Dataset(x, y, features, cls);
    }

    /**
     * The course's prepared table {@code prepared_features_<part>.csv} (all columns but {@code row})
     * with the emotion labels of {@code prepared_info_<part>.csv}, from folder {@code dir}.
     */
    public static Dataset coursePrepared(Path dir, String part) {
        Path f = dir.resolve("prepared_features_" + part + ".csv"), info = dir.resolve("prepared_info_" + part + ".csv");
        for (Path p : List.of(f, info)) if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no file " + p);
        Table features = Csv.readFeatureTable(f, List.of(), List.of()), labels = Csv.readFeatureTable(info, null, List.of("emotion"));
        if (features.rowCount() != labels.rowCount())
            throw new IllegalArgumentException(f + " has " + features.rowCount() + " rows but " + info + " has " + labels.rowCount());
        List<String> cols = new ArrayList<>(features.columnNames());
        cols.remove("row");
        double[][] x = Tables.toMatrix(features, cols);
        Tables.Labels l = Tables.labels(labels, "emotion");
        return new Dataset(x, l.codes(), cols, l.classes());
    }

    public int size() { return x.length; }

    public int numFeatures() { return features.size(); }

    /** The rows {@code rows} only. */
    public Dataset rows(int[] rows) {
        double[][] xs = new double[rows.length][];
        int[] ys = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            xs[r] = x[rows[r]].clone();
            ys[r] = y[rows[r]];
        }
        return new Dataset(xs, ys, features, classes);
    }
}
