package emolab.prep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import tech.tablesaw.api.Table;

/**
 * The course's prepared feature tables ({@code prepared_features_{TRAIN,TEST}.csv}: 106
 * standardised features plus {@code row}; labels in {@code prepared_info_*}) as train/test
 * {@link LabeledData} grouped by actor (train actors 1–18, test 19–24), already prepared by the
 * course (so {@link PreparedData#preparation()} is null).
 */
public final class CourseTables {
    private CourseTables() {}

    /** Loads the prepared tables from {@code dir} with target {@code labelColumn} (e.g. {@code emotion}). */
    public static PreparedData load(Path dir, String labelColumn) {
        Table ftr = read(dir.resolve("prepared_features_TRAIN.csv"), null);
        Table fte = read(dir.resolve("prepared_features_TEST.csv"), null);
        Table itr = read(dir.resolve("prepared_info_TRAIN.csv"), labelColumn);
        Table ite = read(dir.resolve("prepared_info_TEST.csv"), labelColumn);
        List<String> features = new ArrayList<>(ftr.columnNames());
        features.remove("row");
        TreeSet<String> cls = new TreeSet<>(Tables.labels(itr, labelColumn).classes());
        cls.addAll(Tables.labels(ite, labelColumn).classes());
        String[] classes = cls.toArray(String[]::new);
        return PreparedData.ofPrepared(join(ftr, itr, features, labelColumn, classes), join(fte, ite, features, labelColumn, classes), labelColumn);
    }

    private static LabeledData join(Table features, Table info, List<String> cols, String label, String[] classes) {
        if (features.rowCount() != info.rowCount())
            throw new IllegalArgumentException("mismatched row counts: " + features.name() + " has " + features.rowCount()
                    + " rows but " + info.name() + " has " + info.rowCount());
        int[] a = Tables.ints(features, "row"), b = Tables.ints(info, "row");
        for (int i = 0; i < a.length; i++)
            if (a[i] != b[i]) throw new IllegalArgumentException(features.name() + " and " + info.name() + " disagree at line " + i
                    + ": row " + a[i] + " vs " + b[i]);
        Table t = features.copy();
        t.addColumns(info.column(label).copy(), info.column("actor").copy());
        return LabeledData.of(t, cols, label, "actor", classes);
    }

    /** A features table (label null: every column but {@code row} numeric and finite) or an info table with {@code label}. */
    private static Table read(Path p, String label) {
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("course table not found: " + p);
        return label == null ? Csv.readFeatureTable(p, List.of(), List.of("row"))
                : Csv.readFeatureTable(p, null, List.of("row", label, "actor"));
    }
}
