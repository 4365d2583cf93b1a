package emolab.timeseries;

import emolab.timeseries.distances.MatrixProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STOMP against a brute-force matrix profile (z-normalised Euclidean distances of all pairs). */
class MatrixProfileTest {
    static double znormDistance(double[] x, int i, int j, int m) {
        double[] a = ZNormalization.apply(java.util.Arrays.copyOfRange(x, i, i + m));
        double[] b = ZNormalization.apply(java.util.Arrays.copyOfRange(x, j, j + m));
        return Series.euclidean(a, b);
    }

    @Test
    void stompEqualsBruteForce() {
        Random r = new Random(2);
        int n = 240, m = 16;
        double[] x = new double[n];
        double v = 0;
        for (int i = 0; i < n; i++) x[i] = v += r.nextGaussian();
        MatrixProfile mp = MatrixProfile.compute(x, m);
        int l = n - m + 1, excl = (int) Math.ceil(m / 4.0);
        assertEquals(excl, mp.exclusion());
        for (int i = 0; i < l; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < l; j++) if (Math.abs(i - j) > excl) best = Math.min(best, znormDistance(x, i, j, m));
            assertEquals(best, mp.profile()[i], 1e-7, "profile at " + i);
            assertEquals(best, znormDistance(x, i, mp.index()[i], m), 1e-7, "index at " + i);
            assertTrue(Math.abs(mp.index()[i] - i) > excl);
        }
    }

    @Test
    void widerExclusionZoneEqualsBruteForce() {
        Random r = new Random(4);
        int n = 150, m = 12, excl = 12;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(i * 0.3) + 0.3 * r.nextGaussian();
        MatrixProfile mp = MatrixProfile.compute(x, m, excl);
        for (int i = 0; i < n - m + 1; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n - m + 1; j++) if (Math.abs(i - j) > excl) best = Math.min(best, znormDistance(x, i, j, m));
            assertEquals(best, mp.profile()[i], 1e-7, "profile at " + i);
            assertTrue(Math.abs(mp.index()[i] - i) > excl);
        }
        assertThrows(IllegalArgumentException.class, () -> MatrixProfile.compute(x, m, n - m));
        assertThrows(IllegalArgumentException.class, () -> MatrixProfile.compute(x, m, -1));
    }

    @Test
    void plantedMotifAndDiscordAreFound() {
        Random r = new Random(9);
        int n = 600, m = 30;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(i * 2 * Math.PI / 50) + 0.05 * r.nextGaussian();
        // a discord: a flat-topped bump in one place
        for (int t = 0; t < 30; t++) x[300 + t] += 1.5 * Math.sin(Math.PI * t / 30);
        MatrixProfile mp = MatrixProfile.compute(x, m);
        MatrixProfile.Hit discord = mp.discords(1).get(0);
        assertTrue(Math.abs(discord.start() - 300) < m, "discord at " + discord.start());
        List<MatrixProfile.Hit> motifs = mp.motifs(2);
        assertEquals(2, motifs.size());
        // motifs of a periodic signal: neighbours a multiple of the period apart
        MatrixProfile.Hit mo = motifs.get(0);
        int gap = Math.abs(mo.start() - mo.neighbour());
        assertTrue(Math.min(gap % 50, 50 - gap % 50) <= 2, "motif pair " + mo);
        assertTrue(mo.distance() < discord.distance());
    }

    @Test
    void constantPartsAndBadInput() {
        double[] x = new double[100];
        for (int i = 50; i < 100; i++) x[i] = Math.sin(i);
        MatrixProfile mp = MatrixProfile.compute(x, 10);
        assertEquals(0.0, mp.profile()[0], 0, "two constant subsequences are at distance 0");
        assertThrows(emolab.study.NotApplicableException.class, () -> MatrixProfile.compute(new double[10], 6), "too short a series");
        assertThrows(IllegalArgumentException.class, () -> MatrixProfile.compute(new double[100], 2));
        double[] nan = new double[100];
        nan[5] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> MatrixProfile.compute(nan, 10));
    }
}
