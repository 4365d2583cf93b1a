package emolab.classify.models;

import java.io.Serializable;
import java.util.stream.IntStream;

import emolab.classify.Classifier;
import libsvm.DenseQSolver;
import smile.math.matrix.Matrix;

/**
 * C-SVC one-vs-one with LIBSVM's solver on an in-memory kernel matrix (the fast path of
 * {@link KernelSvm} without probabilities).
 *
 * <p>What differs from calling LIBSVM through Tribuo is only where kernel values come from: the
 * Gram matrix of all training rows is computed once, by one BLAS product (x·xᵀ) and the kernel
 * formula, and stored as float (LIBSVM's cache stores float too); each of the k(k−1)/2 binary
 * problems reads its block and runs LIBSVM's own {@code Solver} ({@link DenseQSolver}). The
 * binary problems run in parallel (they are independent, so the result does not depend on the
 * thread count). Classes and votes follow LIBSVM (scikit-learn's fork): pairs (i, j), i &lt; j in
 * class order; a positive decision value votes for i; ties go to the lower class.
 */
final class DenseSvc {
    private DenseSvc() {}

    /** Training rows up to which the Gram matrix (n² floats) is held in memory: 10,000 rows = 400 MB. */
    static final int MAX_ROWS = 10_000;

    enum Kernel { RBF, POLY, LINEAR, SIGMOID }

    /** Kernel function parameters (LIBSVM's): rbf exp(−γ‖a−b‖²), poly (γa·b + c0)^deg, linear a·b, sigmoid tanh(γa·b + c0). */
    record KernelFn(Kernel type, double gamma, int degree, double coef0) implements Serializable {
        double of(double dot, double na, double nb) {
            return switch (type) {
                case RBF -> Math.exp(-gamma * (na + nb - 2 * dot));
                case POLY -> powi(gamma * dot + coef0, degree);
                case LINEAR -> dot;
                case SIGMOID -> Math.tanh(gamma * dot + coef0);
            };
        }

        private static double powi(double base, int times) {
            double tmp = base, ret = 1.0;
            for (int t = times; t > 0; t /= 2) {
                if (t % 2 == 1) ret *= tmp;
                tmp = tmp * tmp;
            }
            return ret;
        }
    }

    /** Kernel values K(a_i, b_j) for all rows of a (m × d) against b (n × d), from one BLAS product. */
    static double[][] kernel(double[][] a, double[][] b, KernelFn fn) {
        Matrix dots = Matrix.of(a).mt(Matrix.of(b));
        double[] na = norms(a), nb = norms(b);
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            double[] o = out[i];
            for (int j = 0; j < b.length; j++) o[j] = fn.of(dots.get(i, j), na[i], nb[j]);
        }
        return out;
    }

    private static double[] norms(double[][] a) {
        double[] n = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (double v : a[i]) s += v * v;
            n[i] = s;
        }
        return n;
    }

    /** Fits on rows x with codes 0..k-1 (every code present). */
    static Model fit(double[][] x, int[] y, int k, KernelFn fn, double c, double eps, boolean shrinking) {
        int n = x.length;
        // Gram matrix as float, symmetric: one BLAS product x·xᵀ, then the kernel formula
        // (in blocks of rows, so that no n × n double matrix is held)
        Matrix all = Matrix.of(x);
        double[] nx = norms(x);
        float[][] gram = new float[n][];
        int block = 256;
        IntStream.range(0, (n + block - 1) / block).parallel().forEach(b -> {
            int from = b * block, to = Math.min(n, from + block);
            Matrix dots = Matrix.of(java.util.Arrays.copyOfRange(x, from, to)).mt(all);
            for (int i = from; i < to; i++) {
                float[] g = new float[n];
                for (int j = 0; j < n; j++) g[j] = (float) fn.of(dots.get(i - from, j), nx[i], nx[j]);
                gram[i] = g;
            }
        });
        int[][] members = new int[k][];
        int[] count = new int[k];
        for (int v : y) count[v]++;
        for (int cl = 0; cl < k; cl++) members[cl] = new int[count[cl]];
        int[] fill = new int[k];
        for (int i = 0; i < n; i++) members[y[i]][fill[y[i]]++] = i;
        int pairs = k * (k - 1) / 2;
        int[] pi = new int[pairs], pj = new int[pairs];
        for (int i = 0, p = 0; i < k; i++) for (int j = i + 1; j < k; j++, p++) { pi[p] = i; pj[p] = j; }
        DenseQSolver.Solution[] sol = new DenseQSolver.Solution[pairs];
        int[][] rowsOf = new int[pairs][];
        IntStream.range(0, pairs).parallel().forEach(p -> {
            int[] a = members[pi[p]], b = members[pj[p]];
            int[] rows = new int[a.length + b.length];
            byte[] s = new byte[rows.length];
            System.arraycopy(a, 0, rows, 0, a.length);
            System.arraycopy(b, 0, rows, a.length, b.length);
            for (int t = 0; t < rows.length; t++) s[t] = (byte) (t < a.length ? 1 : -1);
            rowsOf[p] = rows;
            sol[p] = DenseQSolver.solveCSvc(gram, rows, s, c, eps, shrinking);
        });
        // support vectors: training rows with a non-zero coefficient in some pair, in row order
        int[] svIndex = new int[n];
        java.util.Arrays.fill(svIndex, -1);
        boolean[] nonzero = new boolean[n];
        for (int p = 0; p < pairs; p++)
            for (int t = 0; t < rowsOf[p].length; t++) if (sol[p].coef()[t] != 0) nonzero[rowsOf[p][t]] = true;
        int nsv = 0;
        for (int i = 0; i < n; i++) if (nonzero[i]) svIndex[i] = nsv++;
        double[][] sv = new double[nsv][];
        for (int i = 0; i < n; i++) if (nonzero[i]) sv[svIndex[i]] = x[i].clone();
        double[][] coef = new double[pairs][nsv];
        double[] rho = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            rho[p] = sol[p].rho();
            for (int t = 0; t < rowsOf[p].length; t++) {
                double v = sol[p].coef()[t];
                if (v != 0) coef[p][svIndex[rowsOf[p][t]]] = v;
            }
        }
        return new Model(k, fn, sv, coef, rho, pi, pj);
    }

    /** A fitted one-vs-one machine: support vectors, per-pair coefficients over them and offsets. */
    record Model(int k, KernelFn fn, double[][] sv, double[][] coef, double[] rho, int[] pi, int[] pj)
            implements Classifier.Engine {

        /** Decision values, n × pairs, in LIBSVM's pair order. */
        double[][] decision(double[][] x) {
            double[][] kv = kernel(x, sv, fn);
            double[][] out = new double[x.length][rho.length];
            for (int i = 0; i < x.length; i++) {
                double[] kvi = kv[i];
                for (int p = 0; p < rho.length; p++) {
                    double[] cp = coef[p];
                    double s = 0;
                    for (int t = 0; t < cp.length; t++) s += cp[t] * kvi[t];
                    out[i][p] = s - rho[p];
                }
            }
            return out;
        }

        @Override
        public int[] predict(double[][] x) {
            double[][] dec = decision(x);
            int[] out = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                int[] votes = new int[k];
                for (int p = 0; p < rho.length; p++) votes[dec[i][p] > 0 ? pi[p] : pj[p]]++;
                int best = 0;
                for (int c = 1; c < k; c++) if (votes[c] > votes[best]) best = c;
                out[i] = best;
            }
            return out;
        }
    }
}
