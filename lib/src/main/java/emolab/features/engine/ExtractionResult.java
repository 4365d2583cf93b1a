package emolab.features.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The rows extracted (label columns {@link FeatureExtractor#LABEL_COLUMNS} then the feature
 * columns, in input order), the recording each row came from, and the files that were skipped
 * with their reasons.
 *
 * @param table  label columns then feature columns, one row per extracted file
 * @param errors the files skipped, with the reason
 * @param paths  the source file of each row of {@code table} (same order)
 */
public record ExtractionResult(Table table, List<FileError> errors, List<Path> paths) {
    /** The name of the column {@link #tableWithPaths()} adds. */
    public static final String PATH_COLUMN = "path";

    public ExtractionResult {
        Objects.requireNonNull(table, "table");
        errors = List.copyOf(errors);
        paths = List.copyOf(paths);
        if (paths.size() != table.rowCount())
            throw new IllegalArgumentException("extraction result: " + paths.size() + " paths for " + table.rowCount() + " rows");
    }

    /** A copy of {@link #table()} with a last string column {@value #PATH_COLUMN}: the source file of each row. */
    public Table tableWithPaths() {
        if (table.containsColumn(PATH_COLUMN))
            throw new IllegalStateException("table '" + table.name() + "' already has a column '" + PATH_COLUMN + "'");
        Table t = table.copy();
        StringColumn c = StringColumn.create(PATH_COLUMN);
        for (Path p : paths) c.append(p.toString());
        return t.addColumns(c);
    }
}
