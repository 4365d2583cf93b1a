package emolab.timeseries.rocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Efficient LOO residuals against brute-force refits without each sample (relative 1e-9). */
class RidgeGcvTest {
    static final double[] ALPHAS = {1e-3, 0.1, 1, 10, 1000};

    static double[][] gaussian(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) for (int j = 0; j < p; j++) row[j] = r.nextGaussian() + (j % 3 == 0 ? 2.0 : 0.0);
        return x;
    }

    /** ±1 one-vs-all targets of a random labelling with {@code k} classes. */
    static double[][] targets(int n, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] y = new double[n][k];
        for (double[] row : y) {
            int c = r.nextInt(k);
            for (int t = 0; t < k; t++) row[t] = t == c ? 1 : -1;
        }
        return y;
    }

    /** Residuals y_i − ŷ_i of ridge refitted on all rows but i (re-centred on them with an intercept). */
    static double[][] bruteForce(double[][] x, double[][] y, double alpha, boolean intercept) {
        int n = x.length, p = x[0].length, k = y[0].length;
        double[][] e = new double[n][k];
        for (int i = 0; i < n; i++) {
            double[] mx = new double[p], my = new double[k];
            if (intercept) {
                for (int r = 0; r < n; r++) {
                    if (r == i) continue;
                    for (int j = 0; j < p; j++) mx[j] += x[r][j] / (n - 1);
                    for (int t = 0; t < k; t++) my[t] += y[r][t] / (n - 1);
                }
            }
            // normal equations (Xc^T Xc + alpha I) beta = Xc^T yc
            double[][] a = new double[p][p + k];
            for (int r = 0; r < n; r++) {
                if (r == i) continue;
                for (int j = 0; j < p; j++) {
                    double xj = x[r][j] - mx[j];
                    for (int l = 0; l < p; l++) a[j][l] += xj * (x[r][l] - mx[l]);
                    for (int t = 0; t < k; t++) a[j][p + t] += xj * (y[r][t] - my[t]);
                }
            }
            for (int j = 0; j < p; j++) a[j][j] += alpha;
            double[][] beta = solve(a, p, k);
            for (int t = 0; t < k; t++) {
                double pred = my[t];
                for (int j = 0; j < p; j++) pred += (x[i][j] - mx[j]) * beta[j][t];
                e[i][t] = y[i][t] - pred;
            }
        }
        return e;
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix {@code [A | B]}. */
    static double[][] solve(double[][] a, int p, int k) {
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                for (int l = c; l < p + k; l++) a[r][l] -= f * a[c][l];
            }
        }
        double[][] x = new double[p][k];
        for (int t = 0; t < k; t++)
            for (int r = p - 1; r >= 0; r--) {
                double s = a[r][p + t];
                for (int l = r + 1; l < p; l++) s -= a[r][l] * x[l][t];
                x[r][t] = s / a[r][r];
            }
        return x;
    }

    private static void assertLooMatchesBruteForce(double[][] x, double[][] y, boolean intercept, RidgeGcv.Mode mode) {
        RidgeGcv g = RidgeGcv.fit(x, intercept, mode);
        for (double alpha : ALPHAS) {
            RidgeGcv.Solution s = g.solve(alpha, y);
            double[][] bf = bruteForce(x, y, alpha, intercept);
            double sse = 0;
            for (int i = 0; i < x.length; i++)
                for (int t = 0; t < y[0].length; t++) {
                    assertEquals(bf[i][t], s.looResiduals()[i][t], 1e-9 * Math.max(1, Math.abs(bf[i][t])),
                            g.mode() + " intercept=" + intercept + " alpha=" + alpha + " row " + i + " target " + t);
                    sse += bf[i][t] * bf[i][t];
                }
            assertEquals(sse / (x.length * y[0].length), s.looMse(), 1e-9 * Math.max(1, s.looMse()));
        }
    }

    @Test
    void gramModeMatchesBruteForce() {
        double[][] x = gaussian(15, 40, 1);
        double[][] y = targets(15, 3, 2);
        assertEquals(RidgeGcv.Mode.GRAM, RidgeGcv.fit(x, true, RidgeGcv.Mode.AUTO).mode(), "n <= p uses the Gram matrix");
        assertLooMatchesBruteForce(x, y, true, RidgeGcv.Mode.AUTO);
        assertLooMatchesBruteForce(x, y, false, RidgeGcv.Mode.AUTO);
    }

    @Test
    void svdModeMatchesBruteForce() {
        double[][] x = gaussian(40, 6, 3);
        double[][] y = targets(40, 2, 4);
        assertEquals(RidgeGcv.Mode.SVD, RidgeGcv.fit(x, true, RidgeGcv.Mode.AUTO).mode(), "n > p uses the SVD");
        assertLooMatchesBruteForce(x, y, true, RidgeGcv.Mode.AUTO);
        assertLooMatchesBruteForce(x, y, false, RidgeGcv.Mode.AUTO);
    }

    @Test
    void bothDecompositionsAgreeOnEitherShape() {
        for (int[] shape : new int[][] {{20, 12}, {12, 20}}) {
            double[][] x = gaussian(shape[0], shape[1], 5);
            double[][] y = targets(shape[0], 4, 6);
            assertLooMatchesBruteForce(x, y, true, RidgeGcv.Mode.GRAM);
            assertLooMatchesBruteForce(x, y, true, RidgeGcv.Mode.SVD);
        }
    }

    /** The dual/primal coefficients reproduce the full-data ridge solution. */
    @Test
    void coefficientsEqualTheDirectRidgeSolution() {
        double[][] x = gaussian(18, 7, 8);
        double[][] y = targets(18, 3, 9);
        for (RidgeGcv.Mode mode : new RidgeGcv.Mode[] {RidgeGcv.Mode.GRAM, RidgeGcv.Mode.SVD}) {
            RidgeGcv g = RidgeGcv.fit(x, true, mode);
            RidgeGcv.Solution s = g.solve(0.7, y);
            double[][] beta = g.coefficients(s);
            double[] b = g.intercepts(beta, y);
            // direct: centre on all rows, normal equations
            int n = 18, p = 7, k = 3;
            double[] mx = new double[p], my = new double[k];
            for (double[] r : x) for (int j = 0; j < p; j++) mx[j] += r[j] / n;
            for (double[] r : y) for (int t = 0; t < k; t++) my[t] += r[t] / n;
            double[][] a = new double[p][p + k];
            for (int r = 0; r < n; r++)
                for (int j = 0; j < p; j++) {
                    for (int l = 0; l < p; l++) a[j][l] += (x[r][j] - mx[j]) * (x[r][l] - mx[l]);
                    for (int t = 0; t < k; t++) a[j][p + t] += (x[r][j] - mx[j]) * (y[r][t] - my[t]);
                }
            for (int j = 0; j < p; j++) a[j][j] += 0.7;
            double[][] direct = solve(a, p, k);
            for (int t = 0; t < k; t++) {
                double dot = 0;
                for (int j = 0; j < p; j++) {
                    assertEquals(direct[j][t], beta[j][t], 1e-9 * Math.max(1, Math.abs(direct[j][t])), mode + " beta " + j + "," + t);
                    dot += mx[j] * direct[j][t];
                }
                assertEquals(my[t] - dot, b[t], 1e-9, mode + " intercept " + t);
            }
        }
    }

    @Test
    void badInputGivesClearErrors() {
        double[][] x = gaussian(6, 3, 1);
        RidgeGcv g = RidgeGcv.fit(x, true, RidgeGcv.Mode.AUTO);
        assertThrows(IllegalArgumentException.class, () -> g.solve(0.0, targets(6, 2, 1)));
        assertThrows(IllegalArgumentException.class, () -> g.solve(Double.NaN, targets(6, 2, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.solve(1.0, targets(5, 2, 1)));
        assertTrue(e.getMessage().contains("6 rows"), e.getMessage());
        double[][] bad = gaussian(6, 3, 1);
        bad[2][1] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> RidgeGcv.fit(bad, true, RidgeGcv.Mode.AUTO));
        assertTrue(e.getMessage().contains("x[2][1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RidgeGcv.fit(new double[0][], true, RidgeGcv.Mode.AUTO));
    }
}
