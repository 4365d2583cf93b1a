package emolab.timeseries;

import emolab.timeseries.classification.OneNearestNeighbor;
import emolab.timeseries.distances.Dtw;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DTW variants against a textbook full-matrix DP, and the pruned 1-NN against brute force. */
class NearestNeighborTest {
    static double[] walk(Random r, int n) {
        double[] x = new double[n];
        double v = 0;
        for (int i = 0; i < n; i++) x[i] = v += r.nextGaussian();
        return x;
    }

    /** Full matrix DP with tslearn's Sakoe–Chiba mask, written independently of {@link Dtw}. */
    static double reference(double[] a, double[] b, int r) {
        int n = a.length, m = b.length;
        boolean[][] allowed = new boolean[n][m];
        if (r < 0) for (boolean[] row : allowed) java.util.Arrays.fill(row, true);
        else if (n > m) {
            int width = n - m + r;
            for (int j = 0; j < m; j++) for (int i = Math.max(0, j - r); i <= Math.min(n - 1, j + width); i++) allowed[i][j] = true;
        } else {
            int width = m - n + r;
            for (int i = 0; i < n; i++) for (int j = Math.max(0, i - r); j <= Math.min(m - 1, i + width); j++) allowed[i][j] = true;
        }
        double[][] c = new double[n + 1][m + 1];
        for (double[] row : c) java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        c[0][0] = 0;
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= m; j++)
                if (allowed[i - 1][j - 1]) {
                    double d = a[i - 1] - b[j - 1];
                    c[i][j] = d * d + Math.min(c[i - 1][j - 1], Math.min(c[i - 1][j], c[i][j - 1]));
                }
        return Math.sqrt(c[n][m]);
    }

    @Test
    void dtwMatchesReferenceForAllBandsAndLengths() {
        Random r = new Random(7);
        for (int t = 0; t < 200; t++) {
            double[] a = walk(r, 5 + r.nextInt(30)), b = walk(r, 5 + r.nextInt(30));
            int radius = r.nextInt(8) - 1;
            double ref = reference(a, b, radius);
            assertEquals(ref, Dtw.distance(a, b, radius), 1e-12 * ref, "trial " + t);
            // multivariate with one channel is the same; two identical channels double the squared cost
            assertEquals(ref, Dtw.distance(new double[][]{a}, new double[][]{b}, radius), 1e-12 * ref);
            assertEquals(ref * Math.sqrt(2), Dtw.distance(new double[][]{a, a}, new double[][]{b, b}, radius), 1e-9 * ref);
            // the warping path's cost is the distance
            List<int[]> path = Dtw.path(a, b, radius);
            double cost = 0;
            for (int[] p : path) cost += (a[p[0]] - b[p[1]]) * (a[p[0]] - b[p[1]]);
            assertEquals(ref * ref, cost, 1e-9 * ref * ref);
            assertEquals(0, path.get(0)[0]);
            assertEquals(a.length - 1, path.get(path.size() - 1)[0]);
            // early abandoning: exact when the cut-off is above, +inf when clearly below
            double exact = Dtw.squared(a, b, radius, Double.POSITIVE_INFINITY);
            assertEquals(exact, Dtw.squared(a, b, radius, exact), 0);
            assertEquals(Double.POSITIVE_INFINITY, Dtw.squared(a, b, radius, exact * 0.5));
        }
    }

    @Test
    void prunedNearestNeighbourEqualsBruteForce() {
        Random r = new Random(11);
        int n = 60, len = 40, radius = 4;
        double[][] train = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            train[i] = walk(r, len);
            y[i] = i % 3;
        }
        train[7] = train[3].clone(); // an exact tie: the lower index must win
        double[][] test = new double[30][];
        for (int i = 0; i < test.length; i++) test[i] = walk(r, len);
        test[0] = train[3].clone();
        OneNearestNeighbor dtw = OneNearestNeighbor.dtw(radius).fit(train, y);
        OneNearestNeighbor euc = OneNearestNeighbor.euclidean().fit(train, y);
        for (double[] q : test) {
            int bestD = -1, bestE = -1;
            double dBest = Double.POSITIVE_INFINITY, eBest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double d = reference(q, train[i], radius);
                if (d < dBest) { dBest = d; bestD = i; }
                double e = Series.euclidean(q, train[i]);
                if (e < eBest) { eBest = e; bestE = i; }
            }
            assertEquals(bestD, dtw.nearest(q));
            assertEquals(bestE, euc.nearest(q));
        }
        assertEquals(3, dtw.nearest(test[0]));
        int[] pred = dtw.predict(test);
        for (int i = 0; i < test.length; i++) assertEquals(y[dtw.nearest(test[i])], pred[i]);
        // the bulk Euclidean search (BLAS shortlist + exact check) agrees with the direct one, ties included
        int[] predE = euc.predict(test);
        for (int i = 0; i < test.length; i++) assertEquals(y[euc.nearest(test[i])], predE[i], "query " + i);
        assertEquals(y[3], predE[0]);
        System.out.printf("1-NN DTW: %.0f%% of candidates pruned by LB_Keogh, %.0f%% abandoned early%n",
                100 * dtw.prunedFraction(), 100 * dtw.abandonedFraction());
        assertTrue(dtw.prunedFraction() > 0, "LB_Keogh pruned nothing");
    }
}
