package emolab.outliers;

/**
 * The angle-based outlier factor of one point A over a set of other points (Kriegel, Schubert &amp;
 * Zimek, KDD 2008). For each unordered pair {B, C} of the others, B ≠ C:
 *
 * <pre>
 *   w(B, C) = ⟨B − A, C − A⟩ / (‖B − A‖² · ‖C − A‖²)
 *   λ(B, C) = 1 / (‖B − A‖ · ‖C − A‖)
 * </pre>
 *
 * Pairs where B or C has exactly A's coordinates are skipped (pyod does the same).
 * {@link #variance} is the unweighted population variance of w (pyod); {@link #weightedVariance}
 * the paper's distance-weighted variance Σλ(w − μ)²/Σλ with μ = Σλw/Σλ. Both are two-pass.
 */
final class AngleVariance {
    private AngleVariance() {}

    /** Variance (and pair count) of w for point {@code a} over {@code others}. */
    record Result(double variance, double weightedVariance, int pairs) {}

    /**
     * @param weighted also compute the weighted variance (otherwise it is NaN)
     * @return NaN variances when no pair is usable
     */
    static Result of(double[] a, double[][] data, int[] others, boolean weighted) {
        int d = a.length;
        int m = others.length;
        double[][] diff = new double[m][];
        double[] sq = new double[m];
        int used = 0;
        int[] keep = new int[m];
        for (int t = 0; t < m; t++) {
            double[] b = data[others[t]];
            double[] v = new double[d];
            double s = 0;
            boolean same = true;
            for (int j = 0; j < d; j++) {
                v[j] = b[j] - a[j];
                s += v[j] * v[j];
                same &= b[j] == a[j];
            }
            if (same) continue; // exact duplicate of A: all its pairs are skipped
            diff[used] = v;
            sq[used] = s;
            keep[used] = t;
            used++;
        }
        long np = (long) used * (used - 1) / 2;
        if (np == 0) return new Result(Double.NaN, Double.NaN, 0);
        if (np > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many pairs: " + np);
        double[] w = new double[(int) np];
        double[] lam = weighted ? new double[(int) np] : null;
        int p = 0;
        for (int b = 0; b < used; b++) {
            double[] vb = diff[b];
            for (int c = b + 1; c < used; c++) {
                double[] vc = diff[c];
                double dot = 0;
                for (int j = 0; j < d; j++) dot += vb[j] * vc[j];
                w[p] = dot / (sq[b] * sq[c]);
                if (weighted) lam[p] = 1.0 / (Math.sqrt(sq[b]) * Math.sqrt(sq[c]));
                p++;
            }
        }
        double mean = 0;
        for (double v : w) mean += v;
        mean /= w.length;
        double var = 0;
        for (double v : w) var += (v - mean) * (v - mean);
        var /= w.length;
        double wvar = Double.NaN;
        if (weighted) {
            double sl = 0, slw = 0;
            for (int i = 0; i < w.length; i++) {
                sl += lam[i];
                slw += lam[i] * w[i];
            }
            double mu = slw / sl;
            double acc = 0;
            for (int i = 0; i < w.length; i++) acc += lam[i] * (w[i] - mu) * (w[i] - mu);
            wvar = acc / sl;
        }
        return new Result(var, wvar, w.length);
    }
}
