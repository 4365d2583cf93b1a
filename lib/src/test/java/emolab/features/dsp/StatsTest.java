package emolab.features.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The fused central sums are the three pairwise sums of NumpySum bit for bit (tolerance 0). */
    @Test
    void fusedCentralSumsEqualThePairwiseOnes() {
        Random rnd = new Random(21);
        double[] out = new double[3];
        for (int n : new int[] {0, 1, 5, 7, 8, 9, 15, 16, 17, 127, 128, 129, 130, 255, 256, 1000, 1025, 40001, 200003}) {
            double[] x = new double[n + 3];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian() * 0.1 + (i % 7 == 0 ? 0.3 : 0.0);
            for (int off : new int[] {0, 3}) {
                double mean = n == 0 ? 0.0 : emolab.numeric.NumpySum.pairwise(x, off, n) / n;
                Stats.centralSums(x, off, n, mean, out);
                for (int p = 2; p <= 4; p++)
                    assertEquals(Double.doubleToRawLongBits(emolab.numeric.NumpySum.pairwiseCentralPower(x, off, n, mean, p)),
                            Double.doubleToRawLongBits(out[p - 2]), "n=" + n + " off=" + off + " p=" + p);
            }
        }
    }

    /**
     * The count form of the 0/1 statistics against the series form ({@link Stats#describeZeroOne},
     * NumPy's pairwise order): sum, mean, min, max and quantiles identical; std and kurtosis within
     * 1e-13 relative, skewness within 1e-13 absolute — the pairwise error bound log2(n)·2^-53·Σ|terms|
     * is below 2e-15·Σ|terms| for n &lt; 2^20 (see describeZeroOneCounts), so this leaves a margin of
     * 50; the course conformance tolerance is 1e-9 relative / 1e-12 absolute.
     */
    @Test
    void zeroOneCountsAgreeWithTheSeries() {
        Random r = new Random(12);
        Stats.Workspace ws = new Stats.Workspace();
        for (int n : new int[] {1, 2, 3, 7, 50, 1000, 48000, 210001}) {
            for (double p : new double[] {0.0, 0.001, 0.03, 0.2, 0.4999, 0.5, 0.73, 1.0}) {
                double[] x = new double[n];
                long ones = 0;
                for (int i = 0; i < n; i++) {
                    x[i] = r.nextDouble() < p ? 1.0 : 0.0;
                    ones += (long) x[i];
                }
                double[] a = new double[Stats.COUNT];
                Stats.describeZeroOne(x, 0, n, a, 0, ws);
                double[] b = new double[Stats.COUNT];
                Stats.describeZeroOneCounts(n, ones, b, 0);
                String what = "n=" + n + " p=" + p;
                for (int i : new int[] {0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11}) assertEquals(a[i], b[i], 0.0, what + " " + Stats.NAMES.get(i));
                assertEquals(a[2], b[2], 1e-13 * Math.abs(a[2]), what + " std");
                assertEquals(a[12], b[12], 1e-13 * Math.abs(a[12]), what + " kur");
                assertEquals(a[13], b[13], 1e-13, what + " skew");
            }
        }
        double[] e = new double[Stats.COUNT];
        Stats.describeZeroOneCounts(0, 0, e, 0);
        assertEquals(0.0, e[0]);
        assertTrue(Double.isNaN(e[1]));
    }

    static void assertCloseStats(double[] want, double[] got, String what) {
        for (int i : new int[] {0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11})
            assertEquals(Double.doubleToRawLongBits(want[i] == 0.0 ? 0.0 : want[i]), Double.doubleToRawLongBits(got[i] == 0.0 ? 0.0 : got[i]),
                    what + " " + Stats.NAMES.get(i) + ": " + want[i] + " vs " + got[i]);
        assertEquals(want[2], got[2], 1e-13 * Math.abs(want[2]), what + " std");
        assertEquals(want[12], got[12], 1e-13 * Math.abs(want[12]), what + " kur");
        assertEquals(want[13], got[13], 1e-13, what + " skew");
    }

    /**
     * Grid counts against the sample path ({@link Stats#describe}, NumPy's order) on real 16-bit
     * recordings (actor 19 at 48 kHz, actor 1 at 16 kHz) and their first differences, in the course's
     * four windows and as a whole assembled from the windows' counts: sum, mean, min, max and
     * quantiles identical; std and kurtosis within 1e-13 relative and skewness within 1e-13
     * absolute (error bound in {@link Stats.GridCounts}).
     */
    @Test
    void gridCountsAgreeWithTheSamplePathOnRealAudio() throws java.io.IOException {
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        for (String d : new String[] {"ravdess/wav48k/Actor_19", "ravdess/wav16k/Actor_01"}) {
            try (var s = java.nio.file.Files.list(emolab.SharedData.require(d))) {
                java.util.List<java.nio.file.Path> l = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
                for (int i = 0; i < l.size(); i += 9) files.add(l.get(i));
            }
        }
        Stats.Workspace ws = new Stats.Workspace();
        Stats.GridCounts part = new Stats.GridCounts(), whole = new Stats.GridCounts();
        double[] want = new double[Stats.COUNT], got = new double[Stats.COUNT];
        for (java.nio.file.Path f : files) {
            double[] x = emolab.data.WavReader.read(f).samples();
            int n = x.length;
            for (boolean lag : new boolean[] {false, true}) {
                whole.clear();
                for (int i = 0; i < 4; i++) {
                    int from = (int) ((long) i * n / 4), to = (int) ((long) (i + 1) * n / 4);
                    double[] series = lag ? diffs(x, from, to) : java.util.Arrays.copyOfRange(x, from, to);
                    Stats.describe(series, 0, series.length, want, 0, ws);
                    assertTrue(part.set(x, from, to, lag), f + " on the grid");
                    part.describe(got, 0);
                    assertCloseStats(want, got, f.getFileName() + " lag=" + lag + " window " + i);
                    whole.addAll(part);
                    if (lag && i < 3) assertTrue(whole.add(x[to] - x[to - 1]));
                }
                double[] series = lag ? diffs(x, 0, n) : x;
                Stats.describe(series, 0, series.length, want, 0, ws);
                assertEquals(series.length, whole.count());
                whole.describe(got, 0);
                assertCloseStats(want, got, f.getFileName() + " lag=" + lag + " whole");
            }
        }
    }

    static double[] diffs(double[] x, int from, int to) {
        double[] d = new double[Math.max(0, to - from - 1)];
        for (int i = 0; i < d.length; i++) d[i] = x[from + i + 1] - x[from + i];
        return d;
    }

    /** Off-grid data are refused and leave nothing counted; tiny and constant series match. */
    @Test
    void gridCountsRefuseOffGridDataAndHandleEdgeCases() {
        Stats.GridCounts g = new Stats.GridCounts();
        double[] x = {0.5, 0.25, 1e-9, 0.5};
        assertTrue(!g.set(x, 0, 4, false));
        assertEquals(0, g.count());
        assertTrue(!g.add(1e-9));
        assertTrue(!g.add(4.0));
        double[] got = new double[Stats.COUNT];
        Stats.Workspace ws = new Stats.Workspace();
        for (double[] y : new double[][] {{0.5}, {0.25, -0.5}, {0.125, 0.125, 0.125}, {-1.0, 1.0 - 1 / 32768.0, 0.0, -0.0, 0.5}}) {
            assertTrue(g.set(y, 0, y.length, false));
            g.describe(got, 0);
            assertCloseStats(Stats.describe(y), got, java.util.Arrays.toString(y));
        }
        g.set(x, 0, 0, false);
        g.describe(got, 0);
        assertEquals(0.0, got[0]);
        assertTrue(Double.isNaN(got[1]));
        // constant: kurtosis -3, skew 0 exactly, as scipy
        assertTrue(g.set(new double[] {0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25}, 0, 9, false));
        g.describe(got, 0);
        assertEquals(-3.0, got[12]);
        assertEquals(0.0, got[13]);
    }
}
