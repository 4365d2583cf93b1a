package emolab.features.engine;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The rows extracted (label columns {@link FeatureExtractor#LABEL_COLUMNS} then the feature
 * columns, in input order) and the files that were skipped with their reasons.
 */
public record ExtractionResult(Table table, List<FileError> errors) {
    public ExtractionResult {
        Objects.requireNonNull(table, "table");
        errors = List.copyOf(errors);
    }
}
