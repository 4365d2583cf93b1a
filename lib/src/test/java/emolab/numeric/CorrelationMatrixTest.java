package emolab.numeric;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Correlation#matrix}, which sums four column pairs at a time, equals the pair-by-pair in-order formula bit for bit. */
class CorrelationMatrixTest {

    /** Reference: two-pass mean, centred columns, Σ c_j c_k in row order, divided by sqrt(ss_j ss_k); NaN for a constant column. */
    private static double reference(double[] x, double[] y) {
        int n = x.length;
        double[] cx = centred(x), cy = centred(y);
        double s = 0, qx = 0, qy = 0;
        for (int i = 0; i < n; i++) s += cx[i] * cy[i];
        for (int i = 0; i < n; i++) qx += cx[i] * cx[i];
        for (int i = 0; i < n; i++) qy += cy[i] * cy[i];
        if (constant(x)) qx = 0;
        if (constant(y)) qy = 0;
        double div = Math.sqrt(qx * qy);
        return div != 0 ? s / div : Double.NaN;
    }

    private static double[] centred(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        double m = s / x.length;
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) c[i] = x[i] - m;
        return c;
    }

    private static boolean constant(double[] x) {
        for (double v : x) if (v != x[0]) return false;
        return true;
    }

    @Test
    void blockedSumsEqualThePairByPairFormulaBitForBit() {
        SplittableRandom r = new SplittableRandom(5);
        for (int d : new int[] {1, 3, 4, 7, 23}) {
            double[][] cols = new double[d][301];
            for (int j = 0; j < d; j++)
                for (int i = 0; i < 301; i++) cols[j][i] = j == 2 ? 1.5 : r.nextGaussian() * (j + 1) + (j % 3 == 0 ? cols[0][i] : 0);
            double[][] m = Correlation.matrix(cols);
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) {
                    double want = reference(cols[a], cols[b]);
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(m[a][b]), "d=" + d + " r(" + a + "," + b + ")");
                }
            if (d > 2) assertTrue(Double.isNaN(m[2][0]), "constant column gives NaN");
        }
    }
}
