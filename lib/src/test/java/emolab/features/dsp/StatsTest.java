package emolab.features.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void handComputedValues() {
        double[] s = Stats.describe(new double[] {4, 1, 3, 2});
        assertEquals(10, s[0]);
        assertEquals(2.5, s[1]);
        assertEquals(Math.sqrt(1.25), s[2], 1e-15);
        assertEquals(1, s[3]);
        assertEquals(4, s[4]);
        // linear quantiles: virtual index 3q
        double[] q = {1.03, 1.15, 1.75, 2.5, 3.25, 3.85, 3.97};
        for (int i = 0; i < q.length; i++) assertEquals(q[i], s[5 + i], 1e-14, Stats.NAMES.get(5 + i));
        assertEquals(2.5625 / 1.5625 - 3, s[12], 1e-14); // Fisher kurtosis, biased
        assertEquals(0.0, s[13], 1e-15);
    }

    @Test
    void skewedSeries() {
        double[] s = Stats.describe(new double[] {0, 0, 0, 1});
        assertEquals(0.25, s[1]);
        assertEquals(Math.sqrt(0.1875), s[2], 1e-15);
        assertEquals(2 / Math.sqrt(3), s[13], 1e-14);
        assertEquals(-2.0 / 3, s[12], 1e-14);
        assertEquals(0.0, s[8]);
        assertEquals(1.0 - 0.03, s[11], 1e-14); // q99: index 2.97
    }

    @Test
    void constantInputGivesKurtosisMinus3AndSkew0() {
        double[] s = Stats.describe(new double[] {0.5, 0.5, 0.5, 0.5, 0.5});
        assertEquals(2.5, s[0]);
        assertEquals(0.0, s[2]);
        assertEquals(-3.0, s[12]);
        assertEquals(0.0, s[13]);
        assertEquals(0.5, s[5]);
        assertEquals(0.5, s[11]);
    }

    @Test
    void histogramOrderStatisticsEqualSortedOnes() {
        // values on the 2^-16 grid take the sort-free path; nudging one off the grid forces sorting
        Random r = new Random(7);
        for (int n : new int[] {1, 2, 3, 4, 5, 9, 17, 100, 1001, 40000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = (r.nextInt(2001) - 1000) / 32768.0;
            double[] off = x.clone();
            off[0] += 1e-9;
            double[] a = Stats.describe(x);
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            assertEquals(sorted[0], a[3]);
            assertEquals(sorted[n - 1], a[4]);
            for (int q = 0; q < 7; q++)
                assertEquals(Stats.quantileSorted(sorted, 0, n, Stats.QUANTILES[q]), a[5 + q], 0.0, "n=" + n + " q" + q);
            double[] b = Stats.describe(off);
            double[] so = off.clone();
            java.util.Arrays.sort(so);
            for (int q = 0; q < 7; q++) assertEquals(Stats.quantileSorted(so, 0, n, Stats.QUANTILES[q]), b[5 + q], 0.0);
        }
    }

    @Test
    void zeroOneShortcutEqualsGeneralPath() {
        Random r = new Random(11);
        for (int n : new int[] {1, 2, 3, 7, 50, 1000}) {
            for (double p : new double[] {0.0, 0.03, 0.5, 1.0}) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) x[i] = r.nextDouble() < p ? 1.0 : 0.0;
                double[] a = Stats.describe(x);
                double[] b = new double[Stats.COUNT];
                Stats.describeZeroOne(x, 0, n, b, 0, new Stats.Workspace());
                assertArrayEquals(a, b, "n=" + n + " p=" + p);
            }
        }
    }

    @Test
    void quantileLerpMatchesNumpy() {
        // numpy: t >= 0.5 interpolates from the upper neighbour
        assertEquals(3.0 - (3.0 - 1.0) * (1 - 0.75), Stats.lerp(1.0, 3.0, 0.75));
        assertEquals(1.0 + (3.0 - 1.0) * 0.25, Stats.lerp(1.0, 3.0, 0.25));
        double[] sorted = {-2, -1, 0, 5};
        assertArrayEquals(new double[] {-2, 5}, new double[] {
                Stats.quantileSorted(sorted, 0, 4, 0.0), Stats.quantileSorted(sorted, 0, 4, 1.0)});
    }
}
