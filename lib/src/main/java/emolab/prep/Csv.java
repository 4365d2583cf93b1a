package emolab.prep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 */
public final class Csv {
    private Csv() {}

    /** Reads {@code file} with inferred column types. */
    public static Table read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads {@code file}; {@code types} forces the type of the named columns (only
     * {@link ColumnType#INTEGER}, {@link ColumnType#DOUBLE} and {@link ColumnType#STRING}).
     */
    public static Table read(Path file, Map<String, ColumnType> types) {
        List<String[]> rows = new ArrayList<>();
        String[] header;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null) throw new IllegalArgumentException("empty CSV file: " + file);
            if (line.startsWith("\uFEFF")) line = line.substring(1);
            header = line.split(",", -1);
            Set<String> seen = new HashSet<>();
            for (String h : header)
                if (!seen.add(h)) throw new IllegalArgumentException(file + ": duplicate column name '" + h + "'");
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) continue;
                String[] cells = line.split(",", -1);
                if (cells.length != header.length)
                    throw new IllegalArgumentException(file + " line " + lineNo + ": expected " + header.length
                            + " cells, found " + cells.length + " (quoted fields are not supported)");
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
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
                        throw new IllegalArgumentException(file + ": column '" + name + "' row " + i
                                + ": not an int: '" + rows.get(i)[c] + "'");
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
                        throw new IllegalArgumentException(file + ": column '" + name + "' row " + i
                                + ": not a number: '" + s + "'");
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
