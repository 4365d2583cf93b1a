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

    /**
     * The order statistics off the 2^-16 grid (MFCC, centroid, chroma values) come from a
     * multi-target quickselect; they must equal those of a full sort bit for bit (tolerance 0):
     * random data of many sizes, data with many ties (chroma-like: frame maxima of 1.0 and zeros),
     * sorted and reversed input, and data with −0.0 / NaN (sorted instead).
     */
    @Test
    void selectionGivesTheSortedOrderStatistics() {
        Random rnd = new Random(14);
        Stats.Workspace ws = new Stats.Workspace();
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rnd.nextInt(trial < 300 ? 200 : 20000);
            double[] x = new double[n];
            int kind = trial % 5;
            for (int i = 0; i < n; i++) {
                double g = rnd.nextGaussian() * 37.1 + 0.1;
                x[i] = switch (kind) {
                    case 0 -> g;
                    case 1 -> rnd.nextInt(4) == 0 ? 1.0 : (rnd.nextInt(3) == 0 ? 0.0 : Math.abs(g) / 1000); // chroma-like ties
                    case 2 -> i * 0.37;   // ascending
                    case 3 -> -i * 0.37;  // descending
                    default -> Math.rint(g / 10) + 0.5; // a handful of distinct values
                };
            }
            if (trial % 50 == 7) x[rnd.nextInt(n)] = -0.0;
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            double[] out = new double[Stats.COUNT];
            Stats.orderStatsBySelection(x, 0, n, out, 0, ws);
            String what = "trial " + trial + " kind " + kind + " n=" + n;
            assertEquals(sorted[0], out[3], 0.0, what + " min");
            assertEquals(Double.doubleToRawLongBits(sorted[0]), Double.doubleToRawLongBits(out[3]), what + " min bits");
            assertEquals(sorted[n - 1], out[4], 0.0, what + " max");
            for (int q = 0; q < Stats.QUANTILES.length; q++)
                assertEquals(Double.doubleToRawLongBits(Stats.quantileSorted(sorted, 0, n, Stats.QUANTILES[q])),
                        Double.doubleToRawLongBits(out[5 + q]), what + " q" + Stats.QUANTILES[q]);
        }
    }

    @Test
    void selectPutsEveryWantedPositionInPlace() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(3000);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) a[i] = rnd.nextInt(1 + trial) - trial / 2.0;
            double[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            int[] want = rnd.ints(1 + rnd.nextInt(20), 0, n).sorted().distinct().toArray();
            Stats.select(a, 0, n, want, 0, want.length, 0);
            for (int p : want) assertEquals(sorted[p], a[p], 0.0, "trial " + trial + " position " + p);
            double[] rest = a.clone();
            java.util.Arrays.sort(rest);
            assertArrayEquals(sorted, rest, 0.0, "a permutation of the input");
        }
    }
}
