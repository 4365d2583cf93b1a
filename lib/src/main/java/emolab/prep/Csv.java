package emolab.prep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A small, exact CSV reader for the course tables and conformance fixtures: comma-separated,
 * one header row, no quoting. Doubles are parsed with {@link Double#parseDouble} (correctly
 * rounded), so values are bit-identical to what numpy/pandas with a correct parser produce.
 *
 * <p>Column types are inferred unless given: {@code INTEGER} when every non-empty cell is an
 * integer literal fitting an {@code int} (and no cell is empty), {@code DOUBLE} when every
 * non-empty cell parses as a double (empty cells become NaN), else {@code STRING}.
 *
 * <p>Accepted without comment: a UTF-8 byte-order mark before the header, CRLF (or CR) line ends,
 * blank lines. Errors name the file, the line (1 = header) and the column.
 *
 * <p>{@link #readFeatureTable} is the strict reader for feature tables (the course tables, a
 * user's own feature CSV): required columns must be present, every column that is not a label
 * column must hold a finite number in every row (no empty cell, NaN, infinity or text), and file
 * names (a {@code filename} column) must be unique.
 */
public final class Csv {
    private Csv() {}

    /**
     * Reads a feature table strictly: {@code labelColumns} (and {@code filename}, {@code row}) are
     * read as given (inferred types); every other column must be numeric and finite in every row.
     *
     * @param labelColumns columns read as labels (any type); null: every column (a label/info table,
     *     checked only for required columns and duplicate file names)
     * @param required columns that must be present (e.g. {@code row}, {@code emotion}, {@code actor})
     * @throws IllegalArgumentException naming file, line and column: a missing column, an empty cell,
     *     a NaN or infinite value, a cell that is not a number, a duplicate file name
     */
    public static Table readFeatureTable(Path file, Collection<String> labelColumns, Collection<String> required) {
        Raw raw = raw(file);
        List<String> header = List.of(raw.header);
        List<String> missing = new ArrayList<>();
        for (String r : required) if (!header.contains(r)) missing.add(r);
        if (!missing.isEmpty())
            throw new IllegalArgumentException(file + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList()) + " (header has "
                    + header.size() + " columns: " + abbreviate(header) + ")");
        Set<String> labels = new HashSet<>(labelColumns == null ? header : labelColumns);
        labels.add("filename");
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (int c = 0; c < raw.header.length; c++) {
            String name = raw.header[c];
            if (labels.contains(name)) continue;
            if (name.equals("row") && labelColumns != null) {
                types.put(name, ColumnType.INTEGER);
                continue;
            }
            types.put(name, ColumnType.DOUBLE);
            for (int i = 0; i < raw.rows.size(); i++) {
                String cell = raw.rows.get(i)[c].trim();
                String where = file + " line " + raw.lines.get(i) + ", column '" + name + "': ";
                if (cell.isEmpty()) throw new IllegalArgumentException(where + "empty cell (a feature table needs a number)");
                double v;
                try {
                    v = parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "not a number: '" + cell + "'");
                }
                if (Double.isNaN(v)) throw new IllegalArgumentException(where + "NaN ('" + cell + "'); features must be finite");
                if (Double.isInfinite(v)) throw new IllegalArgumentException(where + "infinite ('" + cell + "'); features must be finite");
            }
        }
        int fn = header.indexOf("filename");
        if (fn >= 0) {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < raw.rows.size(); i++) {
                String name = raw.rows.get(i)[fn].trim();
                Integer prev = first.putIfAbsent(name, raw.lines.get(i));
                if (prev != null)
                    throw new IllegalArgumentException(file + " line " + raw.lines.get(i) + ", column 'filename': duplicate file name '"
                            + name + "' (first on line " + prev + ")");
            }
        }
        return build(file, raw, types);
    }

    private static String abbreviate(List<String> header) {
        return header.size() <= 12 ? String.join(",", header)
                : String.join(",", header.subList(0, 10)) + ",… ," + header.get(header.size() - 1);
    }

    /** Reads {@code file} with inferred column types. */
    public static Table read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads {@code file}; {@code types} forces the type of the named columns (only
     * {@link ColumnType#INTEGER}, {@link ColumnType#DOUBLE} and {@link ColumnType#STRING}).
     */
    public static Table read(Path file, Map<String, ColumnType> types) {
        return build(file, raw(file), types);
    }

    /** Header, data rows and the line number of each data row. */
    private record Raw(String[] header, List<String[]> rows, List<Integer> lines) {}

    private static Raw raw(Path file) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] header;
        // readLine() ends lines at LF, CR or CRLF, so CRLF files read like LF files
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null) throw new IllegalArgumentException("empty CSV file: " + file);
            if (line.startsWith("\uFEFF")) line = line.substring(1); // UTF-8 byte-order mark
            header = line.split(",", -1);
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < header.length; c++) {
                if (header[c].isBlank())
                    throw new IllegalArgumentException(file + " line 1, column " + (c + 1) + ": empty column name");
                if (!seen.add(header[c]))
                    throw new IllegalArgumentException(file + " line 1, column " + (c + 1) + ": duplicate column name '" + header[c] + "'");
            }
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] cells = line.split(",", -1);
                if (cells.length != header.length)
                    throw new IllegalArgumentException(file + " line " + lineNo + ": expected " + header.length
                            + " cells, found " + cells.length + (line.indexOf('"') >= 0 ? " (quoted fields are not supported)" : ""));
                rows.add(cells);
                lines.add(lineNo);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Raw(header, rows, lines);
    }

    private static Table build(Path file, Raw raw, Map<String, ColumnType> types) {
        String[] header = raw.header;
        List<String[]> rows = raw.rows;
        for (String name : types.keySet()) {
            if (!List.of(header).contains(name))
                throw new IllegalArgumentException(file + ": no column '" + name + "' to type as " + types.get(name));
        }
        Table t = Table.create(file.getFileName().toString());
        int n = rows.size();
        for (int c = 0; c < header.length; c++) {
            String name = header[c];
            ColumnType type = types.getOrDefault(name, infer(rows, c));
            if (type == ColumnType.INTEGER) {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    try {
                        v[i] = Integer.parseInt(rows.get(i)[c].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + " line " + raw.lines.get(i) + ", column '" + name
                                + "': not an int: '" + rows.get(i)[c] + "'");
                    }
                }
                t.addColumns(IntColumn.create(name, v));
            } else if (type == ColumnType.DOUBLE) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    String s = rows.get(i)[c].trim();
                    try {
                        v[i] = s.isEmpty() ? Double.NaN : parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + " line " + raw.lines.get(i) + ", column '" + name
                                + "': not a number: '" + s + "'");
                    }
                }
                t.addColumns(DoubleColumn.create(name, v));
            } else if (type == ColumnType.STRING) {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) v[i] = rows.get(i)[c];
                t.addColumns(StringColumn.create(name, v));
            } else {
                throw new IllegalArgumentException("unsupported column type " + type + " for '" + name + "'");
            }
        }
        return t;
    }

    private static ColumnType infer(List<String[]> rows, int c) {
        boolean allInt = !rows.isEmpty(), allDouble = !rows.isEmpty();
        for (String[] row : rows) {
            String s = row[c].trim();
            if (s.isEmpty()) { allInt = false; continue; }
            if (allInt && !isInt(s)) allInt = false;
            if (!allInt && allDouble && !isDouble(s)) return ColumnType.STRING;
        }
        return allInt ? ColumnType.INTEGER : allDouble ? ColumnType.DOUBLE : ColumnType.STRING;
    }

    private static boolean isInt(String s) {
        int i = (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == s.length() || s.length() - i > 10) return false;
        for (; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        long v = Long.parseLong(s);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    private static boolean isDouble(String s) {
        try {
            parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * {@link Double#parseDouble} restricted to plain decimal forms, plus Python's {@code nan},
     * {@code inf}, {@code -inf}. Java-only forms ({@code 1d}, {@code 0x1p3}) are rejected.
     */
    static double parseDouble(String s) {
        switch (s) {
            case "nan": case "NaN": return Double.NaN;
            case "inf": case "+inf": case "Infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-Infinity": return Double.NEGATIVE_INFINITY;
            default:
        }
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (!(Character.isDigit(last) || last == '.') || s.indexOf('x') >= 0 || s.indexOf('X') >= 0)
            throw new NumberFormatException("not a decimal number: '" + s + "'");
        return Double.parseDouble(s);
    }
}
