package emolab.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Correlations (the one copy): Pearson's r and Spearman's ρ of two vectors, and the Pearson
 * correlation matrix between columns, like pandas {@code DataFrame.corr()} on data without
 * NaN: r = Σ(x−x̄)(y−ȳ) / sqrt(Σ(x−x̄)² · Σ(y−ȳ)²) with two-pass means. A constant column has
 * a zero denominator and gets r = NaN (as in pandas), which never exceeds a threshold.
 *
 * <p>Cost O(d²n); the column pairs are computed in parallel over columns.
 */
public final class Correlation {
    private Correlation() {}

    /**
     * Pearson's r of two vectors with two-pass means summed left to right; NaN when either is
     * constant (zero sum of squares).
     */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("lengths differ: " + x.length + " vs " + y.length);
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Spearman's ρ ({@code scipy.stats.spearmanr}): the Pearson correlation of the average ranks
     * ({@link Ranks#average}); at least 2 values of equal count.
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("spearman: lengths differ: " + a.length + " vs " + b.length + " values");
        if (a.length < 2) throw new IllegalArgumentException("spearman needs at least 2 values");
        return pearson(Ranks.average(a), Ranks.average(b));
    }

    /** A column pair {@code a < b} (indices into the input) with its r. */
    public record Pair(int a, int b, double r) {}

    /**
     * Full symmetric correlation matrix of column-major data {@code cols[j][i]} (d columns of n
     * rows each, n ≥ 2). The diagonal is 1 for non-constant columns and NaN for constant ones.
     */
    public static double[][] matrix(double[][] cols) {
        int d = cols.length;
        if (d == 0) return new double[0][0];
        int n = cols[0].length;
        for (double[] c : cols)
            if (c.length != n) throw new IllegalArgumentException("columns have different lengths: " + n + " vs " + c.length);
        if (n < 2) throw new IllegalArgumentException("correlation needs at least 2 rows, got " + n);
        double[][] centred = new double[d][];
        double[] ss = new double[d];
        IntStream.range(0, d).parallel().forEach(j -> {
            double[] x = cols[j];
            double s = 0;
            for (double v : x) s += v;
            double m = s / n;
            double[] c = new double[n];
            double q = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i] - m;
                c[i] = v;
                q += v * v;
            }
            boolean constant = true;
            for (int i = 1; i < n && constant; i++) constant = x[i] == x[0];
            centred[j] = c;
            // The two-pass mean of a constant column can be off by an ulp; force r = NaN for it.
            ss[j] = constant ? 0 : q;
        });
        double[][] r = new double[d][d];
        // Row j of the upper triangle has d - j entries: pair row t with row d-1-t so that the
        // parallel tasks carry equal work.
        IntStream.range(0, (d + 1) / 2).parallel().forEach(t -> {
            upperRow(centred, ss, r, t);
            if (d - 1 - t != t) upperRow(centred, ss, r, d - 1 - t);
        });
        return r;
    }

    /**
     * Row j of the upper triangle. Four columns at a time with four independent sums, each still
     * summed in row order: the same rounding as one column at a time, four times the instruction
     * parallelism.
     */
    private static void upperRow(double[][] centred, double[] ss, double[][] r, int j) {
        int d = centred.length, n = centred[j].length;
        double[] cj = centred[j];
        int k = j;
        for (; k + 3 < d; k += 4) {
            double[] c0 = centred[k], c1 = centred[k + 1], c2 = centred[k + 2], c3 = centred[k + 3];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < n; i++) {
                double a = cj[i];
                s0 += a * c0[i];
                s1 += a * c1[i];
                s2 += a * c2[i];
                s3 += a * c3[i];
            }
            put(ss, r, j, k, s0);
            put(ss, r, j, k + 1, s1);
            put(ss, r, j, k + 2, s2);
            put(ss, r, j, k + 3, s3);
        }
        for (; k < d; k++) {
            double[] ck = centred[k];
            double s = 0;
            for (int i = 0; i < n; i++) s += cj[i] * ck[i];
            put(ss, r, j, k, s);
        }
    }

    private static void put(double[] ss, double[][] r, int j, int k, double s) {
        double div = Math.sqrt(ss[j] * ss[k]);
        double v = div != 0 ? s / div : Double.NaN;
        r[j][k] = v;
        r[k][j] = v;
    }

    /** Pairs {@code a < b} with |r| strictly above {@code threshold}, in row-major order of the upper triangle. */
    public static List<Pair> pairsAbove(double[][] r, double threshold) {
        List<Pair> out = new ArrayList<>();
        for (int a = 0; a < r.length; a++)
            for (int b = a + 1; b < r.length; b++)
                if (Math.abs(r[a][b]) > threshold) out.add(new Pair(a, b, r[a][b]));
        return out;
    }

    /**
     * The pandas upper-triangle drop rule: column {@code b} is dropped when |r(a, b)| &gt;
     * {@code threshold} for ANY earlier column {@code a < b}, whether or not {@code a} is itself
     * dropped ({@code to_drop = [c for c in upper.columns if any(upper[c].abs() > t)]}).
     * Returns, per column, the index of the earlier column with the largest |r| above the
     * threshold, or -1 when the column is kept.
     */
    public static int[] upperTriangleDrops(double[][] r, double threshold) {
        int d = r.length;
        int[] partner = new int[d];
        for (int b = 0; b < d; b++) {
            int best = -1;
            double bestAbs = threshold;
            for (int a = 0; a < b; a++) {
                double v = Math.abs(r[a][b]);
                if (v > bestAbs) { bestAbs = v; best = a; }
            }
            partner[b] = best;
        }
        return partner;
    }
}
