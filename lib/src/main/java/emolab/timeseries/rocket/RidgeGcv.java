package emolab.timeseries.rocket;

import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Efficient leave-one-out (LOO) cross-validation of multi-target ridge regression, as
 * scikit-learn's {@code _RidgeGCV} (used by {@code RidgeCV} / {@code RidgeClassifierCV} with
 * {@code cv=None}). One decomposition serves every regularisation strength α:
 * <ul>
 * <li>{@link Mode#GRAM} (n ≤ p): eigendecomposition {@code Q Λ Qᵀ} of the n×n Gram matrix
 *     {@code Z Zᵀ} (plus {@code 1 1ᵀ} with an intercept); then {@code G⁻¹ = Q (Λ + α)⁻¹ Qᵀ},
 *     dual coefficients {@code c = G⁻¹ y};</li>
 * <li>{@link Mode#SVD} (n &gt; p): thin SVD {@code U S Vᵀ} of {@code Z} (with a column of ones
 *     appended with an intercept); {@code G⁻¹ = U ((S² + α)⁻¹ − α⁻¹) Uᵀ + α⁻¹ I}.</li>
 * </ul>
 * The LOO residual of sample i is {@code c_i / (G⁻¹)_ii}: exactly the residual of refitting
 * without sample i. With an intercept, Z is the column-centred design, the intercept direction
 * (the eigen/singular vector closest to the constant vector) is left unpenalised as in
 * scikit-learn, and the LOO refit re-centres on the n − 1 remaining rows (it is an unpenalised
 * intercept). Targets are centred too (this changes no residual).
 *
 * <p>Linear algebra: Smile's {@link Matrix} (OpenBLAS {@code gemm}, LAPACK {@code syevd} and
 * {@code gesdd}).
 */
public final class RidgeGcv {
    /** Which decomposition to use. {@link #AUTO}: GRAM when n ≤ p, else SVD (scikit-learn's rule). */
    public enum Mode { AUTO, GRAM, SVD }

    /** The result for one α: dual coefficients, LOO residuals and their mean square. */
    public record Solution(double alpha, double[][] dualCoef, double[][] looResiduals, double looMse) {}

    private final int n;
    private final int p;
    private final boolean fitIntercept;
    private final Mode mode;
    private final double[] z;          // column-major n x p design (centred if fitIntercept)
    private final double[] means;      // column means removed (zeros without intercept)
    private final int r;               // number of eigen/singular vectors
    private final double[] q;          // column-major n x r
    private final double[] ev;         // eigenvalues (GRAM) or squared singular values (SVD)
    private final int interceptDim;    // -1 without intercept

    private RidgeGcv(int n, int p, boolean fitIntercept, Mode mode, double[] z, double[] means) {
        this.n = n;
        this.p = p;
        this.fitIntercept = fitIntercept;
        this.mode = mode == Mode.AUTO ? (n > p ? Mode.SVD : Mode.GRAM) : mode;
        this.z = z;
        this.means = means;
        Matrix zm = new Matrix(n, p, n, z);
        if (this.mode == Mode.GRAM) {
            Matrix k = zm.aat();
            if (fitIntercept) for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) k.set(i, j, k.get(i, j) + 1.0);
            k.uplo(UPLO.LOWER);
            Matrix.EVD evd = k.eigen(false, true, true);
            this.r = n;
            this.ev = evd.wr.clone();
            this.q = columnMajor(evd.Vr, n, n);
        } else {
            Matrix a = zm;
            if (fitIntercept) {
                double[] aug = new double[n * (p + 1)];
                System.arraycopy(z, 0, aug, 0, n * p);
                java.util.Arrays.fill(aug, n * p, n * (p + 1), 1.0);
                a = new Matrix(n, p + 1, n, aug);
            } else {
                a = zm.clone();
            }
            Matrix.SVD svd = a.svd(true, true);
            this.r = svd.s.length;
            this.ev = new double[r];
            for (int j = 0; j < r; j++) ev[j] = svd.s[j] * svd.s[j];
            this.q = columnMajor(svd.U, n, r);
        }
        this.interceptDim = fitIntercept ? closestToConstant() : -1;
    }

    /** Decomposes the design {@code x[row][feature]} (columns centred first when {@code fitIntercept}). */
    public static RidgeGcv fit(double[][] x, boolean fitIntercept, Mode mode) {
        if (x == null || x.length == 0) throw new IllegalArgumentException("design matrix x is empty");
        int n = x.length, p = x[0].length;
        if (p == 0) throw new IllegalArgumentException("design matrix x has no columns");
        double[] means = new double[p];
        for (int i = 0; i < n; i++) {
            if (x[i].length != p) throw new IllegalArgumentException("row " + i + " of x has " + x[i].length + " columns, row 0 has " + p);
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) throw new IllegalArgumentException("x[" + i + "][" + j + "] is " + x[i][j]);
                means[j] += x[i][j];
            }
        }
        if (fitIntercept) for (int j = 0; j < p; j++) means[j] /= n;
        else java.util.Arrays.fill(means, 0.0);
        double[] z = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) z[j * n + i] = x[i][j] - means[j];
        return new RidgeGcv(n, p, fitIntercept, mode, z, means);
    }

    /** From an already prepared (centred when {@code fitIntercept}) column-major design; takes ownership. */
    static RidgeGcv ofPrepared(double[] zColumnMajor, int n, int p, boolean fitIntercept, Mode mode) {
        return new RidgeGcv(n, p, fitIntercept, mode, zColumnMajor, new double[p]);
    }

    public int rows() { return n; }
    public int columns() { return p; }
    /** The decomposition used (GRAM or SVD). */
    public Mode mode() { return mode; }
    public boolean fitIntercept() { return fitIntercept; }

    /** Dual coefficients, LOO residuals and LOO mean squared error for one α &gt; 0 and targets {@code y[row][target]}. */
    public Solution solve(double alpha, double[][] y) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        int k = checkTargets(y);
        double[][] yc = centredTargets(y, k);
        // projections Q^T y
        double[][] qty = new double[r][k];
        for (int j = 0; j < r; j++) {
            int o = j * n;
            for (int i = 0; i < n; i++) {
                double qij = q[o + i];
                double[] yi = yc[i];
                for (int t = 0; t < k; t++) qty[j][t] += qij * yi[t];
            }
        }
        double[] w = new double[r];
        double base = 0.0;
        if (mode == Mode.GRAM) {
            for (int j = 0; j < r; j++) w[j] = 1.0 / (ev[j] + alpha);
            if (interceptDim >= 0) w[interceptDim] = 0.0;
        } else {
            base = 1.0 / alpha;
            for (int j = 0; j < r; j++) w[j] = 1.0 / (ev[j] + alpha) - base;
            if (interceptDim >= 0) w[interceptDim] = -base;
        }
        double[][] c = new double[n][k];
        double[] ginv = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) c[i][t] = base * yc[i][t];
            ginv[i] = base;
        }
        double[] wy = new double[k];
        for (int j = 0; j < r; j++) {
            for (int t = 0; t < k; t++) wy[t] = w[j] * qty[j][t];
            int o = j * n;
            double wj = w[j];
            for (int i = 0; i < n; i++) {
                double qij = q[o + i];
                double[] ci = c[i];
                for (int t = 0; t < k; t++) ci[t] += qij * wy[t];
                ginv[i] += qij * qij * wj;
            }
        }
        double[][] e = new double[n][k];
        double sse = 0.0;
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++) {
                e[i][t] = c[i][t] / ginv[i];
                sse += e[i][t] * e[i][t];
            }
        return new Solution(alpha, c, e, sse / ((double) n * k));
    }

    /**
     * Primal coefficients {@code [feature][target] = Zᵀ c} of a solution, in the scale of the
     * design this was built from (centred columns).
     */
    public double[][] coefficients(Solution s) {
        double[][] c = s.dualCoef();
        int k = c[0].length;
        double[][] beta = new double[p][k];
        for (int j = 0; j < p; j++) {
            int o = j * n;
            double[] bj = beta[j];
            for (int i = 0; i < n; i++) {
                double zij = z[o + i];
                double[] ci = c[i];
                for (int t = 0; t < k; t++) bj[t] += zij * ci[t];
            }
        }
        return beta;
    }

    /** Intercepts {@code mean(y) − means · beta} for the design given to {@link #fit}. */
    public double[] intercepts(double[][] beta, double[][] y) {
        int k = beta[0].length;
        double[] b = new double[k];
        if (!fitIntercept) return b;
        for (int t = 0; t < k; t++) {
            double m = 0;
            for (double[] yi : y) m += yi[t];
            m /= y.length;
            double dot = 0;
            for (int j = 0; j < p; j++) dot += means[j] * beta[j][t];
            b[t] = m - dot;
        }
        return b;
    }

    private int checkTargets(double[][] y) {
        if (y == null || y.length != n) throw new IllegalArgumentException("y must have " + n + " rows, got " + (y == null ? "null" : y.length));
        int k = y[0].length;
        if (k == 0) throw new IllegalArgumentException("y has no target columns");
        for (int i = 0; i < n; i++) {
            if (y[i].length != k) throw new IllegalArgumentException("row " + i + " of y has " + y[i].length + " targets, row 0 has " + k);
            for (int t = 0; t < k; t++)
                if (!Double.isFinite(y[i][t])) throw new IllegalArgumentException("y[" + i + "][" + t + "] is " + y[i][t]);
        }
        return k;
    }

    private double[][] centredTargets(double[][] y, int k) {
        double[][] yc = new double[n][];
        double[] m = new double[k];
        if (fitIntercept) {
            for (double[] yi : y) for (int t = 0; t < k; t++) m[t] += yi[t];
            for (int t = 0; t < k; t++) m[t] /= n;
        }
        for (int i = 0; i < n; i++) {
            yc[i] = new double[k];
            for (int t = 0; t < k; t++) yc[i][t] = y[i][t] - m[t];
        }
        return yc;
    }

    /** Index of the vector with the smallest angle to the constant vector (scikit-learn's {@code _find_smallest_angle}). */
    private int closestToConstant() {
        int best = 0;
        double bestCos = -1;
        double norm = Math.sqrt(n);
        for (int j = 0; j < r; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += q[j * n + i];
            double cos = Math.abs(s) / norm;
            if (cos > bestCos) {
                bestCos = cos;
                best = j;
            }
        }
        return best;
    }

    private static double[] columnMajor(Matrix m, int rows, int cols) {
        double[] out = new double[rows * cols];
        for (int j = 0; j < cols; j++) for (int i = 0; i < rows; i++) out[j * rows + i] = m.get(i, j);
        return out;
    }
}
