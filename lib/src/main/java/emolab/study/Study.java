package emolab.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A loop over methods (samplers, detectors, models, explainers, …) that survives a method which
 * cannot run on this data: each method is run through {@link #run}; one that throws
 * {@link NotApplicableException} becomes a row whose {@code note} reads
 * {@code not applicable: <reason>} and whose numbers are missing, and the study goes on. Any other
 * exception propagates: only a bug fails a notebook.
 *
 * <pre>{@code
 * Study study = new Study("sampler", "accuracy", "macro-F1");
 * for (Sampler s : samplers)
 *     study.run(s.name(), row -> { Scores sc = evaluate(s); row.set("accuracy", sc.accuracy()).set("macro-F1", sc.macroF1()); });
 * study.table();                       // the table for the report
 * study.best("macro-F1")               // the winner among the rows that ran, for a printed conclusion
 * }</pre>
 */
public final class Study {
    private final String methodColumn;
    private final List<String> columns;
    private final List<Row> rows = new ArrayList<>();

    /** One method's results: a value per numeric column (missing until set) and an optional note. */
    public final class Row {
        private final String method;
        private final double[] values;
        private String note = "";
        private Object result;

        private Row(String method) {
            this.method = method;
            this.values = new double[columns.size()];
            Arrays.fill(values, Double.NaN);
        }

        /** Sets a numeric column; an unknown name is an error listing the study's columns. */
        public Row set(String column, double value) {
            int i = columns.indexOf(column);
            if (i < 0) throw new IllegalArgumentException("study has no column '" + column + "'; columns: " + columns);
            values[i] = value;
            return this;
        }

        /** A free-text remark for this row (shown in the {@code note} column). */
        public Row note(String text) {
            this.note = text == null ? "" : text;
            return this;
        }

        /** Keeps an object with the row (a fitted model, a curve) for later cells: {@link #result(String)}. */
        public Row keep(Object result) {
            this.result = result;
            return this;
        }

        public String method() { return method; }

        /** The value of {@code column}, NaN when missing. */
        public double get(String column) {
            int i = columns.indexOf(column);
            if (i < 0) throw new IllegalArgumentException("study has no column '" + column + "'; columns: " + columns);
            return values[i];
        }

        public String note() { return note; }

        /** False for a {@code not applicable} row. */
        public boolean applicable() { return !note.startsWith(NOT_APPLICABLE); }
    }

    static final String NOT_APPLICABLE = "not applicable: ";

    /**
     * @param methodColumn the name of the first column (e.g. "sampler", "detector", "model")
     * @param columns      the numeric result columns
     */
    public Study(String methodColumn, String... columns) {
        if (columns.length == 0) throw new IllegalArgumentException("a study needs at least one result column");
        this.methodColumn = methodColumn;
        this.columns = List.of(columns);
    }

    /**
     * Runs one method. {@code body} fills the row; if it throws {@link NotApplicableException},
     * the row's values are cleared and its note says why. Returns the row.
     */
    public Row run(String method, Consumer<Row> body) {
        Row row = new Row(method);
        try {
            body.accept(row);
        } catch (NotApplicableException e) {
            Arrays.fill(row.values, Double.NaN);
            row.result = null;
            row.note = NOT_APPLICABLE + e.getMessage();
        }
        rows.add(row);
        return row;
    }

    /** Adds a row without running anything: a method known in advance not to apply. */
    public Row notApplicable(String method, String reason) {
        return run(method, r -> { throw new NotApplicableException(reason); });
    }

    public List<Row> rows() { return Collections.unmodifiableList(rows); }

    /** The rows that ran. */
    public List<Row> applicable() { return rows.stream().filter(Row::applicable).toList(); }

    /** The row of {@code method}, if it was run. */
    public Optional<Row> row(String method) {
        return rows.stream().filter(r -> r.method.equals(method)).findFirst();
    }

    /** The object kept with {@code method}'s row (null for a not-applicable row). */
    @SuppressWarnings("unchecked")
    public <T> T result(String method) {
        return (T) row(method).map(r -> r.result).orElseThrow(() -> new IllegalArgumentException("no method '" + method + "' in this study"));
    }

    /** The applicable row with the highest {@code column} (first on ties); empty when none ran. */
    public Optional<Row> best(String column) {
        Row best = null;
        for (Row r : applicable()) {
            double v = r.get(column);
            if (!Double.isNaN(v) && (best == null || v > best.get(column))) best = r;
        }
        return Optional.ofNullable(best);
    }

    /** The applicable row with the lowest {@code column} (first on ties). */
    public Optional<Row> lowest(String column) {
        Row low = null;
        for (Row r : applicable()) {
            double v = r.get(column);
            if (!Double.isNaN(v) && (low == null || v < low.get(column))) low = r;
        }
        return Optional.ofNullable(low);
    }

    /** Mean of {@code column} over the applicable rows that have it. */
    public OptionalDouble mean(String column) {
        return applicable().stream().mapToDouble(r -> r.get(column)).filter(v -> !Double.isNaN(v)).average();
    }

    /** The study as a table: method, the numeric columns (missing where not applicable), note. */
    public Table table() {
        StringColumn method = StringColumn.create(methodColumn);
        List<DoubleColumn> cols = new ArrayList<>();
        for (String c : columns) cols.add(DoubleColumn.create(c));
        StringColumn notes = StringColumn.create("note");
        for (Row r : rows) {
            method.append(r.method);
            for (int i = 0; i < columns.size(); i++) {
                if (Double.isNaN(r.values[i])) cols.get(i).appendMissing();
                else cols.get(i).append(r.values[i]);
            }
            notes.append(r.note);
        }
        Table t = Table.create(methodColumn + " study").addColumns(method);
        cols.forEach(t::addColumns);
        return t.addColumns(notes);
    }
}
