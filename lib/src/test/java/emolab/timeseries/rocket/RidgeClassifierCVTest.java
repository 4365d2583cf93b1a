package emolab.timeseries.rocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RidgeClassifierCVTest {
    /** Gaussian blobs: class c has mean {@code sep·c} on feature c mod p. */
    static double[][] blobs(int[] y, int p, double sep, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[y.length][p];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < p; j++) x[i][j] = r.nextGaussian() * (1 + j % 4);
            x[i][Math.floorMod(y[i], p)] += sep;
        }
        return x;
    }

    static int[] labels(int n, int[] classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = classes[i < classes.length ? i : r.nextInt(classes.length)];
        return y;
    }

    @Test
    void alphaIsTheFirstSmallestLooError() {
        int[] y = labels(30, new int[] {0, 1, 2, 3}, 1);
        double[][] x = blobs(y, 50, 1.5, 2);
        RidgeClassifierCV m = RidgeClassifierCV.fit(x, y, RidgeClassifierCV.Options.defaults());
        double[] alphas = RidgeClassifierCV.logspace(-3, 3, 10);
        double[] mse = m.looMse();
        assertEquals(10, mse.length);
        int best = 0;
        for (int a = 1; a < mse.length; a++) if (mse[a] < mse[best]) best = a;
        assertEquals(alphas[best], m.alpha(), 0.0);
        // the errors are RidgeGcv's on the ±1 one-vs-all targets
        double[][] t = new double[30][4];
        for (int i = 0; i < 30; i++) for (int c = 0; c < 4; c++) t[i][c] = y[i] == c ? 1 : -1;
        RidgeGcv g = RidgeGcv.fit(x, true, RidgeGcv.Mode.AUTO);
        for (int a = 0; a < alphas.length; a++) assertEquals(g.solve(alphas[a], t).looMse(), mse[a], 1e-12 * Math.max(1, mse[a]));
        assertEquals(RidgeGcv.Mode.GRAM, m.mode());
    }

    @Test
    void logspaceIsNumpys() {
        // numpy.logspace(-3, 3, 10), NumPy 1.24.2
        double[] expected = {0.001, 0.004641588833612777, 0.021544346900318832, 0.09999999999999999, 0.4641588833612777,
                2.154434690031882, 10.0, 46.41588833612773, 215.44346900318823, 1000.0};
        double[] a = RidgeClassifierCV.logspace(-3, 3, 10);
        for (int i = 0; i < 10; i++) assertEquals(expected[i], a[i], 1e-15 * expected[i], "alpha " + i);
    }

    @Test
    void separableClassesArePredictedAndLabelsKept() {
        int[] classes = {5, 9, 11};
        int[] ytr = labels(60, classes, 3), yte = labels(40, classes, 4);
        double[][] xtr = blobs(ytr, 8, 12, 5), xte = blobs(yte, 8, 12, 6);
        RidgeClassifierCV m = RidgeClassifierCV.fit(xtr, ytr, RidgeClassifierCV.Options.defaults());
        assertArrayEquals(classes, m.classes());
        assertEquals(RidgeGcv.Mode.SVD, m.mode());
        assertArrayEquals(yte, m.predict(xte));
        assertArrayEquals(ytr, m.predict(xtr));
        // decision = x · coef + intercept
        double[][] d = m.decisionFunction(xte);
        double[][] coef = m.coefficients();
        double[] b = m.intercepts();
        for (int i = 0; i < 5; i++)
            for (int c = 0; c < 3; c++) {
                double v = b[c];
                for (int j = 0; j < 8; j++) v += xte[i][j] * coef[j][c];
                assertEquals(v, d[i][c], 1e-9);
            }
    }

    @Test
    void twoClassesUseOneSignedColumn() {
        int[] y = labels(40, new int[] {-1, 7}, 7);
        double[][] x = blobs(y, 10, 6, 8);
        RidgeClassifierCV m = RidgeClassifierCV.fit(x, y, RidgeClassifierCV.Options.defaults());
        assertEquals(1, m.intercepts().length);
        double[][] d = m.decisionFunction(x);
        int[] p = m.predict(x);
        for (int i = 0; i < y.length; i++) assertEquals(d[i][0] > 0 ? 7 : -1, p[i]);
        int correct = 0;
        for (int i = 0; i < y.length; i++) if (p[i] == y[i]) correct++;
        assertTrue(correct >= 38, "separable: " + correct);
    }

    @Test
    void standardizeEqualsAManualStandardScaler() {
        int[] y = labels(25, new int[] {0, 1, 2}, 9);
        double[][] x = blobs(y, 40, 2, 10);
        for (double[] r : x) r[3] = 4.0; // a constant feature keeps scale 1
        int n = x.length, p = x[0].length;
        double[][] z = new double[n][p];
        for (int j = 0; j < p; j++) {
            double m = 0, v = 0;
            for (double[] r : x) m += r[j] / n;
            for (double[] r : x) v += (r[j] - m) * (r[j] - m) / n;
            double sd = v > 0 ? Math.sqrt(v) : 1;
            for (int i = 0; i < n; i++) z[i][j] = (x[i][j] - m) / sd;
        }
        RidgeClassifierCV a = RidgeClassifierCV.fit(x, y, RidgeClassifierCV.Options.defaults().withStandardize(true));
        RidgeClassifierCV b = RidgeClassifierCV.fit(z, y, RidgeClassifierCV.Options.defaults());
        assertArrayEquals(b.looMse(), a.looMse(), 1e-10);
        assertEquals(b.alpha(), a.alpha(), 0.0);
        double[][] da = a.decisionFunction(x), db = b.decisionFunction(z);
        for (int i = 0; i < n; i++) assertArrayEquals(db[i], da[i], 1e-9);
    }

    @Test
    void floatAndDoubleRowsGiveTheSameModel() {
        int[] y = labels(20, new int[] {0, 1, 2}, 11);
        double[][] x = blobs(y, 30, 2, 12);
        float[][] f = new float[20][30];
        for (int i = 0; i < 20; i++) for (int j = 0; j < 30; j++) {
            f[i][j] = (float) x[i][j];
            x[i][j] = f[i][j];
        }
        RidgeClassifierCV a = RidgeClassifierCV.fit(x, y, RidgeClassifierCV.Options.defaults());
        RidgeClassifierCV b = RidgeClassifierCV.fit(f, y, RidgeClassifierCV.Options.defaults());
        assertArrayEquals(a.looMse(), b.looMse(), 0.0);
        assertArrayEquals(a.predict(x), b.predict(f));
    }

    @Test
    void badInputGivesClearErrors() {
        int[] y = labels(10, new int[] {0, 1}, 1);
        double[][] x = blobs(y, 4, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RidgeClassifierCV.fit(x, new int[9], RidgeClassifierCV.Options.defaults()));
        assertTrue(e.getMessage().contains("10 labels"), e.getMessage());
        emolab.study.NotApplicableException one = assertThrows(emolab.study.NotApplicableException.class,
                () -> RidgeClassifierCV.fit(x, new int[10], RidgeClassifierCV.Options.defaults()), "one class is data, not a bug");
        assertTrue(one.getMessage().contains("at least 2"), one.getMessage());
        double[][] nan = blobs(y, 4, 2, 1);
        nan[4][2] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> RidgeClassifierCV.fit(nan, y, RidgeClassifierCV.Options.defaults()));
        assertTrue(e.getMessage().contains("x[4][2]"), e.getMessage());
        RidgeClassifierCV m = RidgeClassifierCV.fit(x, y, RidgeClassifierCV.Options.defaults());
        e = assertThrows(IllegalArgumentException.class, () -> m.predict(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("3 features") && e.getMessage().contains("fitted on 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RidgeClassifierCV.Options.defaults().withAlphas(1, 0));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        double[][] ragged = {x[0], {1, 2}};
        e = assertThrows(IllegalArgumentException.class, () -> RidgeClassifierCV.fit(ragged, new int[] {0, 1}, RidgeClassifierCV.Options.defaults()));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }
}
