package emolab.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Conversions between Tablesaw tables and the plain arrays the numeric code works on. Every
 * method fails with a message naming the missing column, or the column and 0-based row of the
 * first missing/NaN value.
 */
public final class Tables {
    private Tables() {}

    /** Class labels of one column: per-row value, sorted distinct classes and per-row class index. */
    public record Labels(String column, String[] values, List<String> classes, int[] codes) {
        /** Index of {@code label} in {@link #classes()}; throws if it is not a class. */
        public int classIndex(String label) {
            int i = classes.indexOf(label);
            if (i < 0) throw new IllegalArgumentException("'" + label + "' is not a class of column '" + column + "'; classes: " + classes);
            return i;
        }

        public int numClasses() { return classes.size(); }

        public int size() { return values.length; }
    }

    /** Throws naming the first of {@code cols} that {@code t} lacks. */
    public static void requireColumns(Table t, Collection<String> cols) {
        for (String c : cols) {
            if (!t.containsColumn(c))
                throw new IllegalArgumentException("table '" + t.name() + "' has no column '" + c + "'");
        }
    }

    /** The numeric column {@code col} as doubles; fails on a missing column, non-numeric type or NaN. */
    public static double[] column(Table t, String col) {
        NumericColumn<?> nc = numeric(t, col);
        int n = t.rowCount();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double x = nc.getDouble(i);
            if (Double.isNaN(x) || nc.isMissing(i))
                throw new IllegalArgumentException("column '" + col + "' has a missing/NaN value at row " + i);
            v[i] = x;
        }
        return v;
    }

    /** Column-major copy: {@code result[j]} is column {@code cols.get(j)} (d × n). */
    public static double[][] columns(Table t, List<String> cols) {
        requireColumns(t, cols);
        double[][] out = new double[cols.size()][];
        for (int j = 0; j < cols.size(); j++) out[j] = column(t, cols.get(j));
        return out;
    }

    /** Row-major matrix {@code result[row][j]} of the numeric columns {@code cols} (n × d). */
    public static double[][] toMatrix(Table t, List<String> cols) {
        double[][] byCol = columns(t, cols);
        int n = t.rowCount(), d = cols.size();
        double[][] m = new double[n][d];
        for (int j = 0; j < d; j++) {
            double[] c = byCol[j];
            for (int i = 0; i < n; i++) m[i][j] = c[i];
        }
        return m;
    }

    /**
     * Integer values of column {@code col} (e.g. actor ids). Accepts integer or integral double
     * columns, and string columns holding integers.
     */
    public static int[] ints(Table t, String col) {
        requireColumns(t, List.of(col));
        Column<?> c = t.column(col);
        int n = t.rowCount();
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) throw new IllegalArgumentException("column '" + col + "' has a missing value at row " + i);
            if (c instanceof NumericColumn<?> nc) {
                double x = nc.getDouble(i);
                if (Double.isNaN(x)) throw new IllegalArgumentException("column '" + col + "' has NaN at row " + i);
                if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE)
                    throw new IllegalArgumentException("column '" + col + "' row " + i + ": not an integer: " + x);
                v[i] = (int) x;
            } else {
                String s = String.valueOf(c.get(i)).trim();
                try {
                    v[i] = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("column '" + col + "' row " + i + ": not an integer: '" + s + "'");
                }
            }
        }
        return v;
    }

    /** The values of column {@code col} as strings; fails on a missing column or a missing value (naming the row). */
    public static List<String> strings(Table t, String col) {
        requireColumns(t, List.of(col));
        Column<?> c = t.column(col);
        int n = t.rowCount();
        List<String> v = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) throw new IllegalArgumentException("column '" + col + "' has a missing value at row " + i);
            v.add(String.valueOf(c.get(i)));
        }
        return v;
    }

    /**
     * Class labels of column {@code col}. Classes are sorted like {@code numpy.unique} (and so like
     * scikit-learn's {@code classes_}): numerically for numeric columns, lexicographically
     * otherwise. Numeric integral values are rendered without a decimal point ({@code 19}).
     */
    public static Labels labels(Table t, String col) {
        requireColumns(t, List.of(col));
        Column<?> c = t.column(col);
        int n = t.rowCount();
        String[] values = new String[n];
        List<String> classes;
        if (c instanceof NumericColumn<?> nc) {
            TreeSet<Double> distinct = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                double x = nc.getDouble(i);
                if (Double.isNaN(x) || nc.isMissing(i))
                    throw new IllegalArgumentException("label column '" + col + "' has a missing/NaN value at row " + i);
                values[i] = render(x);
                distinct.add(x);
            }
            classes = new ArrayList<>();
            for (double x : distinct) classes.add(render(x));
        } else {
            TreeSet<String> distinct = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                if (c.isMissing(i)) throw new IllegalArgumentException("label column '" + col + "' has a missing value at row " + i);
                values[i] = String.valueOf(c.get(i));
                distinct.add(values[i]);
            }
            classes = new ArrayList<>(distinct);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) index.put(classes.get(k), k);
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = index.get(values[i]);
        return new Labels(col, values, List.copyOf(classes), codes);
    }

    /**
     * Copy of {@code t} holding {@code rows} in the given order (repeats allowed). Note that
     * Tablesaw's own {@code Table.rows(int...)} returns them in ascending order instead.
     */
    public static Table rows(Table t, int[] rows) {
        boolean ascending = true;
        for (int i = 1; i < rows.length && ascending; i++) ascending = rows[i] > rows[i - 1];
        if (ascending) return t.rows(Arrays.copyOf(rows, rows.length));
        Table out = t.emptyCopy();
        for (int r : rows) out.addRow(r, t);
        return out;
    }

    private static NumericColumn<?> numeric(Table t, String col) {
        requireColumns(t, List.of(col));
        Column<?> c = t.column(col);
        if (!(c instanceof NumericColumn<?> nc))
            throw new IllegalArgumentException("column '" + col + "' is not numeric (type " + c.type() + ")");
        return nc;
    }

    private static String render(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
