package libsvm;

/**
 * Access to LIBSVM's own SMO solver ({@code libsvm.Solver}, package-private in LIBSVM 3.25) with a
 * kernel matrix given in memory instead of LIBSVM's sparse-row kernel and column cache. Used by
 * {@code emolab.classify.models.KernelSvm}: the kernel values of all training rows come from one
 * BLAS product, and every one-vs-one sub-problem reads its block of it, so LIBSVM's iterations —
 * working-set selection (WSS3), shrinking, stopping rule, ρ — are LIBSVM's, unchanged.
 *
 * <p>This class lives in LIBSVM's package only to reach {@code Solver} and {@code QMatrix}; it
 * touches nothing else of LIBSVM.
 */
public final class DenseQSolver {
    private DenseQSolver() {}

    /** A C-SVC solution: signed coefficients y_i·α_i and the offset ρ (decision = Σ coef·K − ρ). */
    public record Solution(double[] coef, double rho, double obj) {}

    /**
     * Solves the C-SVC dual for the rows {@code rows} of the kernel matrix {@code gram} (n × n,
     * row-major, symmetric) with labels {@code y} (+1/−1, same order as {@code rows}), exactly as
     * LIBSVM's {@code solve_c_svc} with weights Cp = Cn = {@code c}.
     */
    public static Solution solveCSvc(float[][] gram, int[] rows, byte[] y, double c, double eps, boolean shrinking) {
        int l = rows.length;
        float[][] q = new float[l][l];
        double[] qd = new double[l];
        for (int a = 0; a < l; a++) {
            float[] g = gram[rows[a]];
            float[] qa = q[a];
            int ya = y[a];
            for (int b = 0; b < l; b++) qa[b] = ya * y[b] * g[rows[b]];
            qd[a] = g[rows[a]];
        }
        double[] p = new double[l];
        java.util.Arrays.fill(p, -1);
        double[] alpha = new double[l];
        byte[] ys = y.clone();
        Solver.SolutionInfo si = new Solver.SolutionInfo();
        new Solver().Solve(l, new Dense(q, qd), p, ys, alpha, c, c, eps, si, shrinking ? 1 : 0);
        for (int i = 0; i < l; i++) alpha[i] *= y[i];
        return new Solution(alpha, si.rho, si.obj);
    }

    /** Q as a dense l × l matrix in the solver's current order (rows and columns swapped with it). */
    private static final class Dense extends QMatrix {
        private final float[][] q;
        private final double[] qd;

        Dense(float[][] q, double[] qd) {
            this.q = q;
            this.qd = qd;
        }

        @Override
        float[] get_Q(int i, int len) {
            return q[i];
        }

        @Override
        double[] get_QD() {
            return qd;
        }

        @Override
        void swap_index(int i, int j) {
            float[] t = q[i];
            q[i] = q[j];
            q[j] = t;
            for (float[] r : q) {
                float v = r[i];
                r[i] = r[j];
                r[j] = v;
            }
            double d = qd[i];
            qd[i] = qd[j];
            qd[j] = d;
        }
    }
}
