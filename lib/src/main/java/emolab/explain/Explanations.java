package emolab.explain;

import emolab.numeric.Correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The explanations of many rows by one method (the "SHAP matrix"): for row {@code i}, class
 * {@code c} and feature {@code j}, {@code contribution(i, c, j)}, plus the base values, the rows'
 * feature values and the model outputs. Global views (mean |SHAP|) and single rows
 * ({@link #row(int)}) are derived from it. Immutable.
 */
public final class Explanations {
    private final String method;
    private final OutputSpace space;
    private final List<String> features;
    private final List<String> classes;
    private final double[] base;
    private final double[][][] phi; // [row][class][feature]
    private final double[][] x;
    private final double[][] output;

    /**
     * @param phi    contributions {@code [row][class][feature]}
     * @param x      feature values {@code [row][feature]}
     * @param output model outputs {@code [row][class]}
     */
    public Explanations(String method, OutputSpace space, List<String> features, List<String> classes,
                        double[] base, double[][][] phi, double[][] x, double[][] output) {
        int n = phi.length, k = classes.size(), d = features.size();
        if (x.length != n || output.length != n)
            throw new IllegalArgumentException("explanations: " + n + " rows of contributions, " + x.length + " rows of values, "
                    + output.length + " rows of outputs");
        if (base.length != k) throw new IllegalArgumentException("explanations: " + base.length + " base values for " + k + " classes");
        for (int i = 0; i < n; i++) {
            if (phi[i].length != k || output[i].length != k || x[i].length != d)
                throw new IllegalArgumentException("explanations: row " + i + " has the wrong shape (expected " + k + " classes × " + d + " features)");
            for (double[] p : phi[i]) if (p.length != d) throw new IllegalArgumentException("explanations: row " + i + " has the wrong number of features");
        }
        this.method = method;
        this.space = space;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.base = base.clone();
        this.phi = phi;
        this.x = x;
        this.output = output;
    }

    public String method() { return method; }

    public OutputSpace space() { return space; }

    public List<String> features() { return features; }

    public List<String> classes() { return classes; }

    /** Number of explained rows. */
    public int size() { return phi.length; }

    /** Base value per class (expected output over the background / training cover). */
    public double[] base() { return base.clone(); }

    /** Contribution of feature {@code j} to class {@code c} in row {@code i}. */
    public double contribution(int i, int c, int j) { return phi[i][c][j]; }

    /** The {@code n × d} matrix of contributions to class {@code c} (a copy). */
    public double[][] values(int c) {
        checkClass(c);
        double[][] m = new double[phi.length][];
        for (int i = 0; i < phi.length; i++) m[i] = phi[i][c].clone();
        return m;
    }

    /** The explained rows' feature values ({@code n × d}, a copy). */
    public double[][] data() {
        double[][] m = new double[x.length][];
        for (int i = 0; i < x.length; i++) m[i] = x[i].clone();
        return m;
    }

    /** The model outputs per row and class (a copy). */
    public double[][] outputs() {
        double[][] m = new double[output.length][];
        for (int i = 0; i < output.length; i++) m[i] = output[i].clone();
        return m;
    }

    /** Row {@code i} as a single {@link Explanation}. */
    public Explanation row(int i) {
        if (i < 0 || i >= phi.length) throw new IllegalArgumentException("row " + i + " out of range 0.." + (phi.length - 1));
        double[][] p = new double[classes.size()][];
        for (int c = 0; c < p.length; c++) p[c] = phi[i][c].clone();
        return new Explanation(method, space, features, classes, base.clone(), p, x[i].clone(), output[i].clone());
    }

    /** Mean |contribution| of each feature to class {@code c} over the rows (global importance). */
    public double[] meanAbs(int c) {
        checkClass(c);
        double[] m = new double[features.size()];
        for (double[][] r : phi) for (int j = 0; j < m.length; j++) m[j] += Math.abs(r[c][j]);
        for (int j = 0; j < m.length; j++) m[j] /= phi.length;
        return m;
    }

    /** Mean |contribution| per class and feature ({@code k × d}): the per-emotion importance map. */
    public double[][] meanAbsByClass() {
        double[][] m = new double[classes.size()][];
        for (int c = 0; c < m.length; c++) m[c] = meanAbs(c);
        return m;
    }

    /** Mean |contribution| summed over classes, per feature: the multi-class global importance of the shap library's bar plot. */
    public double[] meanAbs() {
        double[] s = new double[features.size()];
        for (int c = 0; c < classes.size(); c++) {
            double[] m = meanAbs(c);
            for (int j = 0; j < s.length; j++) s[j] += m[j];
        }
        return s;
    }

    /** Feature indices sorted by decreasing {@code importance}. */
    public static int[] order(double[] importance) {
        return IntStream.range(0, importance.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -importance[j]).thenComparing(j -> j))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * The feature that interacts most strongly with feature {@code j} for class {@code c} — shap's
     * {@code approximate_interactions} heuristic: sort the rows by feature {@code j}, cut them
     * into about ten consecutive groups and sum, over the groups, |Pearson correlation| between
     * the contributions of {@code j} and each other feature's values. Returns -1 with fewer than
     * 20 rows.
     */
    public int strongestInteraction(int c, int j) {
        checkClass(c);
        int n = phi.length, d = features.size();
        if (n < 20 || d < 2) return -1;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.comparingDouble(i -> x[i][j]));
        int groups = Math.max(1, Math.min(10, n / 10)), size = n / groups;
        int best = -1;
        double bestScore = -1;
        for (int q = 0; q < d; q++) {
            if (q == j) continue;
            double score = 0;
            for (int g = 0; g < groups; g++) {
                int from = g * size, to = g == groups - 1 ? n : from + size;
                double[] a = new double[to - from], b = new double[to - from];
                for (int r = from; r < to; r++) {
                    a[r - from] = phi[idx[r]][c][j];
                    b[r - from] = x[idx[r]][q];
                }
                double corr = Correlation.pearson(a, b);
                if (Double.isFinite(corr)) score += Math.abs(corr);
            }
            if (score > bestScore) {
                bestScore = score;
                best = q;
            }
        }
        return best;
    }

    /** Index of feature {@code name}. */
    public int featureIndex(String name) {
        int j = features.indexOf(name);
        if (j < 0) throw new IllegalArgumentException("no feature '" + name + "' in these explanations");
        return j;
    }

    /** Index of class {@code name}. */
    public int classIndex(String name) {
        int c = classes.indexOf(name);
        if (c < 0) throw new IllegalArgumentException("no class '" + name + "'; classes: " + classes);
        return c;
    }

    /** Largest |base + Σ contributions − output| over rows and classes. */
    public double maxAdditivityError() {
        double m = 0;
        for (int i = 0; i < phi.length; i++) {
            for (int c = 0; c < classes.size(); c++) {
                double s = base[c];
                for (double v : phi[i][c]) s += v;
                m = Math.max(m, Math.abs(s - output[i][c]));
            }
        }
        return m;
    }

    /** The rows {@code rows} only (e.g. the rows of one actor or one true class). */
    public Explanations subset(int[] rows) {
        double[][][] p = new double[rows.length][][];
        double[][] xs = new double[rows.length][], os = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            p[r] = phi[rows[r]];
            xs[r] = x[rows[r]];
            os[r] = output[rows[r]];
        }
        return new Explanations(method, space, features, classes, base, p, xs, os);
    }

    /**
     * A table of the global importance: feature, mean |SHAP| over all classes, then one column per
     * class, sorted by the total, top {@code top} features.
     */
    public Table importanceTable(int top) {
        double[] total = meanAbs();
        double[][] byClass = meanAbsByClass();
        int[] ord = order(total);
        int m = Math.min(top, ord.length);
        StringColumn name = StringColumn.create("feature");
        DoubleColumn tot = DoubleColumn.create("mean |" + method + "| (all classes)");
        List<DoubleColumn> per = new ArrayList<>();
        for (String c : classes) per.add(DoubleColumn.create(c));
        for (int r = 0; r < m; r++) {
            int j = ord[r];
            name.append(features.get(j));
            tot.append(round(total[j]));
            for (int c = 0; c < classes.size(); c++) per.get(c).append(round(byClass[c][j]));
        }
        Table t = Table.create(method + " importance", name, tot);
        per.forEach(t::addColumns);
        return t;
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }

    private void checkClass(int c) {
        if (c < 0 || c >= classes.size()) throw new IllegalArgumentException("class index " + c + " out of range; classes: " + classes);
    }

    @Override
    public String toString() {
        return method + " explanations of " + size() + " rows, " + features.size() + " features, classes " + classes
                + " (" + space.name().toLowerCase() + " space, base " + Arrays.toString(Arrays.stream(base).map(Explanations::round).toArray()) + ")";
    }
}
