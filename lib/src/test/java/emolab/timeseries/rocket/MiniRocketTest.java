package emolab.timeseries.rocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MiniRocketTest {
    static double[][][] randomWalks(int n, int channels, int len, long seed, boolean integer) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][][] x = new double[n][channels][len];
        for (double[][] s : x)
            for (double[] c : s) {
                double v = 0;
                for (int t = 0; t < len; t++) {
                    v += integer ? r.nextInt(-3, 4) : r.nextGaussian();
                    c[t] = v;
                }
            }
        return x;
    }

    static double[][] univariate(double[][][] x) {
        double[][] u = new double[x.length][];
        for (int i = 0; i < x.length; i++) u[i] = x[i][0];
        return u;
    }

    @Test
    void defaultFeatureCountIs9996() {
        for (int len : new int[] {300, 1000, 9, 5}) {
            MiniRocket m = MiniRocket.fitUnivariate(univariate(randomWalks(4, 1, len, 1, false)), MiniRocket.Options.defaults());
            assertEquals(9996, m.numFeatures(), "length " + len);
            assertEquals(9996, m.biases().length);
            assertEquals(119, Arrays.stream(m.featuresPerDilation()).sum());
        }
        MiniRocket small = MiniRocket.fitUnivariate(univariate(randomWalks(4, 1, 100, 1, false)), MiniRocket.Options.defaults().withNumFeatures(1000));
        assertEquals(84 * 11, small.numFeatures());
    }

    /** Expected values: the reference {@code _fit_dilations} run with NumPy 1.24.2. */
    @Test
    void dilationsMatchTheReferenceFormula() {
        assertDilations(300, 10000, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 16, 18, 20, 23, 26, 29, 33, 37},
                new int[] {23, 15, 8, 8, 8, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3});
        assertDilations(13955, 10000, new int[] {1, 2, 3, 4, 5, 6, 8, 11, 14, 17, 22, 29, 37, 47, 59, 76, 97, 123, 157, 199, 254, 323,
                411, 523, 665, 847, 1077, 1371, 1744}, new int[] {12, 8, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3});
        assertDilations(9, 10000, new int[] {1}, new int[] {119});
        assertDilations(100, 1000, new int[] {1, 2, 3, 4, 5, 7, 9, 12}, new int[] {3, 2, 1, 1, 1, 1, 1, 1});
        assertDilations(1000, 840, new int[] {1, 2, 4, 8, 14, 24, 42, 73, 124}, new int[] {2, 1, 1, 1, 1, 1, 1, 1, 1});
        assertDilations(257, 10000, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 16, 18, 20, 22, 25, 28, 32},
                new int[] {27, 12, 12, 8, 8, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3});
        assertDilations(65, 10000, new int[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {41, 23, 15, 12, 11, 11, 3, 3});
    }

    private static void assertDilations(int len, int features, int[] dil, int[] per) {
        int[][] got = MiniRocket.fitDilations(len, features, 32);
        assertArrayEquals(dil, got[0], "dilations for length " + len);
        assertArrayEquals(per, got[1], "features per dilation for length " + len);
    }

    /** Expected values: the reference {@code _quantiles(5)} and {@code numpy.quantile} (NumPy 1.24.2). */
    @Test
    void quantilesMatchNumpy() {
        double[] q = MiniRocket.quantiles(5);
        assertArrayEquals(new double[] {0.6180340051651001, 0.2360679805278778, 0.8541019558906555, 0.4721359610557556, 0.09016994386911392}, q, 0.0);
        double[] x = {3.0, -1.0, 4.0, 1.0, -5.0, 9.0, 2.0, 6.0, -5.0, 3.0, 5.0};
        double[] s = x.clone();
        Arrays.sort(s);
        double[] at = {0.0, 0.1, 0.25, 0.5, 0.618034, 0.75, 0.9, 1.0, 0.05};
        double[] expected = {-5.0, -5.0, 0.0, 3.0, 3.1803399999999993, 4.5, 6.0, 9.0, -5.0};
        for (int i = 0; i < at.length; i++) assertEquals(expected[i], MiniRocket.quantile(s, at[i]), 1e-12, "q=" + at[i]);
    }

    @Test
    void sameSeedSameFeaturesOtherSeedOtherBiases() {
        double[][][] x = randomWalks(12, 5, 120, 7, false);
        MiniRocket a = MiniRocket.fit(x, MiniRocket.Options.defaults().withSeed(3));
        MiniRocket b = MiniRocket.fit(x, MiniRocket.Options.defaults().withSeed(3));
        MiniRocket c = MiniRocket.fit(x, MiniRocket.Options.defaults().withSeed(4));
        assertArrayEquals(a.biases(), b.biases(), 0.0);
        double[][] fa = a.transform(x), fb = b.transform(x);
        for (int i = 0; i < x.length; i++) assertArrayEquals(fa[i], fb[i], 0.0);
        assertFalse(Arrays.equals(a.biases(), c.biases()), "another seed draws other series/channels");
        // thread count and block size change nothing
        double[][] one = ParallelTransform.builder().threads(1).blockSize(5).build().apply(a, SeriesSource.of(x));
        double[][] two = ParallelTransform.builder().threads(2).blockSize(3).build().apply(a, SeriesSource.of(x));
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(fa[i], one[i], 0.0);
            assertArrayEquals(fa[i], two[i], 0.0);
        }
    }

    /** The fast transform against the direct convolution of the paper's definition, same dilations/biases. */
    @Test
    void fastTransformEqualsSlowDefinitionUnivariate() {
        int len = 150;
        double[][][] train = randomWalks(6, 1, len, 11, false);
        MiniRocket m = MiniRocket.fit(train, MiniRocket.Options.defaults().withSeed(1));
        double[][] constant = new double[1][len], linear = new double[1][len];
        Arrays.fill(constant[0], 5.0);
        for (int t = 0; t < len; t++) linear[0][t] = t - 40;
        double[][][] probes = {constant, linear, randomWalks(1, 1, len, 99, true)[0], randomWalks(1, 1, len, 98, false)[0], train[2]};
        for (int p = 0; p < probes.length; p++) {
            double[] fast = m.features(probes[p]);
            double[] slow = SlowReference.miniRocketFeatures(m, probes[p]);
            for (int f = 0; f < slow.length; f++) assertEquals(slow[f], fast[f], 1e-9, "probe " + p + " feature " + f);
        }
    }

    @Test
    void fastTransformEqualsSlowDefinitionMultivariate() {
        int len = 80;
        double[][][] train = randomWalks(5, 7, len, 21, false);
        MiniRocket m = MiniRocket.fit(train, MiniRocket.Options.defaults().withSeed(2));
        double[][][] probes = {randomWalks(1, 7, len, 5, true)[0], randomWalks(1, 7, len, 6, false)[0], train[4]};
        for (int p = 0; p < probes.length; p++) {
            double[] fast = m.features(probes[p]);
            double[] slow = SlowReference.miniRocketFeatures(m, probes[p]);
            for (int f = 0; f < slow.length; f++) assertEquals(slow[f], fast[f], 1e-9, "probe " + p + " feature " + f);
        }
    }

    /** With one training series every bias is a quantile of that series' own (zero-padded) kernel output. */
    @Test
    void biasesAreQuantilesOfTheTrainingOutput() {
        double[][][] train = randomWalks(1, 3, 60, 8, false);
        MiniRocket m = MiniRocket.fit(train, MiniRocket.Options.defaults());
        int[] dil = m.dilations(), per = m.featuresPerDilation();
        double[] q = MiniRocket.quantiles(m.numFeatures());
        double[] b = m.biases();
        int f = 0;
        for (int di = 0; di < dil.length; di++)
            for (int k = 0; k < 84; k++) {
                double[] c = SlowReference.miniRocketOutput(train[0], k, dil[di], m.channelCombination(di, k));
                Arrays.sort(c);
                for (int j = 0; j < per[di]; j++, f++) assertEquals(MiniRocket.quantile(c, q[f]), b[f], 1e-9, "bias " + f);
            }
        // PPV of a training series against its own quantile q is about 1 - q on the padded kernels
        double[] feat = m.features(train[0]);
        for (int i = 0; i < feat.length; i++) assertTrue(feat[i] >= 0 && feat[i] <= 1);
    }

    @Test
    void multivariateChannelCombinations() {
        double[][][] x = randomWalks(4, 12, 64, 3, false);
        MiniRocket m = MiniRocket.fit(x, MiniRocket.Options.defaults());
        assertEquals(12, m.channels());
        assertEquals(64, m.length());
        int maxSeen = 0;
        for (int di = 0; di < m.dilations().length; di++)
            for (int k = 0; k < 84; k++) {
                int[] c = m.channelCombination(di, k);
                assertTrue(c.length >= 1 && c.length <= 9, "1..min(C,9) channels");
                assertEquals(c.length, Arrays.stream(c).distinct().count(), "without replacement");
                for (int ch : c) assertTrue(ch >= 0 && ch < 12);
                maxSeen = Math.max(maxSeen, c.length);
            }
        assertTrue(maxSeen > 3, "larger combinations occur");
        double[][] f = m.transform(x);
        assertEquals(4, f.length);
        assertEquals(9996, f[0].length);
        // univariate input is one channel
        MiniRocket u = MiniRocket.fitUnivariate(univariate(x), MiniRocket.Options.defaults());
        assertEquals(1, u.channels());
        assertArrayEquals(new int[] {0}, u.channelCombination(0, 5));
    }

    /** Series shorter than 9 are zero-padded at the end to 9, as sktime does. */
    @Test
    void shortSeriesAreZeroPaddedToNine() {
        double[][] shortX = {{1, 4, 2, -3, 5}, {0, 2, 2, 1, -1}, {3, 3, -2, 0, 1}};
        double[][] padX = new double[3][9];
        for (int i = 0; i < 3; i++) System.arraycopy(shortX[i], 0, padX[i], 0, 5);
        MiniRocket a = MiniRocket.fitUnivariate(shortX, MiniRocket.Options.defaults());
        MiniRocket b = MiniRocket.fitUnivariate(padX, MiniRocket.Options.defaults());
        assertArrayEquals(new int[] {1}, a.dilations());
        assertEquals(5, a.length());
        assertArrayEquals(b.biases(), a.biases(), 0.0);
        double[][] fa = a.transformUnivariate(shortX), fb = b.transformUnivariate(padX);
        for (int i = 0; i < 3; i++) assertArrayEquals(fb[i], fa[i], 0.0);
        double[][] one = {{7.0}};
        assertEquals(9996, MiniRocket.fitUnivariate(one, MiniRocket.Options.defaults()).numFeatures());
    }

    @Test
    void badInputGivesClearErrors() {
        double[][] ok = univariate(randomWalks(3, 1, 50, 1, false));
        double[][] nan = {ok[0], ok[1].clone()};
        nan[1][7] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniRocket.fitUnivariate(nan, MiniRocket.Options.defaults()));
        assertTrue(e.getMessage().contains("series 1") && e.getMessage().contains("time 7") && e.getMessage().contains("NaN"), e.getMessage());

        double[][] ragged = {ok[0], Arrays.copyOf(ok[1], 40)};
        e = assertThrows(IllegalArgumentException.class, () -> MiniRocket.fitUnivariate(ragged, MiniRocket.Options.defaults()));
        assertTrue(e.getMessage().contains("series 1 has length 40") && e.getMessage().contains("equal lengths"), e.getMessage());

        MiniRocket m = MiniRocket.fitUnivariate(ok, MiniRocket.Options.defaults());
        double[][] other = {ok[0], Arrays.copyOf(ok[2], 60)};
        e = assertThrows(IllegalArgumentException.class, () -> m.transformUnivariate(other));
        assertTrue(e.getMessage().contains("series 1 has length 60") && e.getMessage().contains("fitted on length 50"), e.getMessage());

        double[][][] twoChannels = randomWalks(2, 2, 50, 1, false);
        e = assertThrows(IllegalArgumentException.class, () -> m.transform(twoChannels));
        assertTrue(e.getMessage().contains("2 channels") && e.getMessage().contains("fitted on 1"), e.getMessage());

        double[][][] raggedChannels = {{ok[0], Arrays.copyOf(ok[1], 49)}};
        e = assertThrows(IllegalArgumentException.class, () -> MiniRocket.fit(raggedChannels, MiniRocket.Options.defaults()));
        assertTrue(e.getMessage().contains("channel 1 has length 49"), e.getMessage());

        double[][] inf = {ok[0].clone()};
        inf[0][3] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> m.transformUnivariate(inf));
        assertTrue(e.getMessage().contains("series 0 channel 0 time 3 is Infinity"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> MiniRocket.fitUnivariate(new double[0][], MiniRocket.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> MiniRocket.fitUnivariate(new double[][] {{}}, MiniRocket.Options.defaults()));
        e = assertThrows(IllegalArgumentException.class, () -> new MiniRocket.Options(80, 32, 0));
        assertTrue(e.getMessage().contains("numFeatures"));
        assertThrows(IllegalArgumentException.class, () -> new MiniRocket.Options(10000, 0, 0));
    }
}
