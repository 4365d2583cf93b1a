package emolab.classify.models;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * LIBLINEAR's dual coordinate descent for the L2-regularised L1- or L2-loss SVM
 * ({@code solve_l2r_l1l2_svc}, LIBLINEAR 2.44: random coordinate order per pass, shrinking with
 * the projected gradient, stop when max PG − min PG ≤ eps over the full set) on dense rows, one
 * binary problem per class (one-vs-rest, or a single one for 2 classes) — the fast path of
 * {@link LinearSvm}. The bias is a last feature of value 1, regularised like the weights, as in
 * LIBLINEAR with {@code bias = 1}.
 *
 * <p>The one-vs-rest problems run in parallel, each with its own generator seeded from
 * {@code seed} and its class, so the model does not depend on the thread count; LIBLINEAR draws
 * all classes from one generator in sequence, so coordinate orders (not the optimum) differ:
 * {@code LinearSvmConformanceTest} checks the weights against LIBLINEAR's to the solver's
 * tolerance.
 */
final class DenseLinearSvc {
    private DenseLinearSvc() {}

    /** Weights (k × d) and intercepts as {@link LinearSvm.Linear}. */
    static LinearSvm.Linear fit(double[][] x, int[] y, int k, double c, double eps, int maxIter, boolean l1Loss, long seed) {
        int n = x.length, d = x[0].length;
        double[][] xb = new double[n][];
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = java.util.Arrays.copyOf(x[i], d + 1);
            r[d] = 1.0;
            xb[i] = r;
            double s = 0;
            for (double v : r) s += v * v;
            sq[i] = s;
        }
        double[][] w = new double[k][d];
        double[] b = new double[k];
        if (k == 2) {
            double[] wb = solve(xb, sq, y, 0, c, eps, maxIter, l1Loss, new Random(seed));
            for (int j = 0; j < d; j++) { w[0][j] = wb[j]; w[1][j] = -wb[j]; }
            b[0] = wb[d];
            b[1] = -wb[d];
            return new LinearSvm.Linear(w, b);
        }
        IntStream.range(0, k).parallel().forEach(cl -> {
            double[] wb = solve(xb, sq, y, cl, c, eps, maxIter, l1Loss, new Random(seed * 1_000_003L + cl));
            System.arraycopy(wb, 0, w[cl], 0, d);
            b[cl] = wb[d];
        });
        return new LinearSvm.Linear(w, b);
    }

    /** Class {@code positive} against the rest; returns w (d + 1 values, the bias last). */
    private static double[] solve(double[][] x, double[] sq, int[] cls, int positive, double cost, double eps, int maxIter,
                                  boolean l1Loss, Random random) {
        int l = x.length, wSize = x[0].length;
        double[] w = new double[wSize];
        double diag = l1Loss ? 0 : 0.5 / cost, upper = l1Loss ? cost : Double.POSITIVE_INFINITY;
        double[] qd = new double[l], alpha = new double[l];
        int[] index = new int[l];
        byte[] y = new byte[l];
        for (int i = 0; i < l; i++) {
            y[i] = (byte) (cls[i] == positive ? 1 : -1);
            qd[i] = diag + sq[i];
            index[i] = i;
        }
        int activeSize = l, iter = 0;
        double pgMaxOld = Double.POSITIVE_INFINITY, pgMinOld = Double.NEGATIVE_INFINITY;
        while (iter < maxIter) {
            double pgMaxNew = Double.NEGATIVE_INFINITY, pgMinNew = Double.POSITIVE_INFINITY;
            for (int i = 0; i < activeSize; i++) {
                int j = i + random.nextInt(activeSize - i);
                int t = index[i]; index[i] = index[j]; index[j] = t;
            }
            for (int s = 0; s < activeSize; s++) {
                int i = index[s];
                int yi = y[i];
                double[] xi = x[i];
                double dot = 0;
                for (int j = 0; j < wSize; j++) dot += w[j] * xi[j];
                double g = yi * dot - 1 + alpha[i] * diag;
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        activeSize--;
                        int t = index[s]; index[s] = index[activeSize]; index[activeSize] = t;
                        s--;
                        continue;
                    } else if (g < 0) pg = g;
                } else if (alpha[i] == upper) {
                    if (g < pgMinOld) {
                        activeSize--;
                        int t = index[s]; index[s] = index[activeSize]; index[activeSize] = t;
                        s--;
                        continue;
                    } else if (g > 0) pg = g;
                } else {
                    pg = g;
                }
                pgMaxNew = Math.max(pgMaxNew, pg);
                pgMinNew = Math.min(pgMinNew, pg);
                if (Math.abs(pg) > 1.0e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(alpha[i] - g / qd[i], 0.0), upper);
                    double step = (alpha[i] - old) * yi;
                    for (int j = 0; j < wSize; j++) w[j] += step * xi[j];
                }
            }
            iter++;
            if (pgMaxNew - pgMinNew <= eps) {
                if (activeSize == l) break;
                activeSize = l;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMaxNew;
            pgMinOld = pgMinNew;
            if (pgMaxOld <= 0) pgMaxOld = Double.POSITIVE_INFINITY;
            if (pgMinOld >= 0) pgMinOld = Double.NEGATIVE_INFINITY;
        }
        return w;
    }
}
