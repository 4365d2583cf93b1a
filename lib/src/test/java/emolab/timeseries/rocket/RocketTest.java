package emolab.timeseries.rocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RocketTest {
    @Test
    void twentyThousandFeaturesAndKernelProperties() {
        Rocket r = Rocket.generate(1, 500, Rocket.Options.defaults());
        assertEquals(10_000, r.numKernels());
        assertEquals(20_000, r.numFeatures());
        int[] lengthCount = new int[12];
        int padded = 0;
        for (int k = 0; k < r.numKernels(); k++) {
            int m = r.kernelLength(k);
            lengthCount[m]++;
            double[] w = r.weights(k, 0);
            assertEquals(m, w.length);
            assertEquals(0.0, Arrays.stream(w).sum(), 1e-12, "weights are mean-centred");
            assertTrue(r.bias(k) >= -1 && r.bias(k) < 1);
            int d = r.dilation(k);
            assertTrue(d >= 1 && (m - 1) * d <= 499, "dilation within 2^[0, log2((L-1)/(m-1)))");
            assertTrue(r.padding(k) == 0 || r.padding(k) == (m - 1) * d / 2);
            if (r.padding(k) > 0) padded++;
            assertArrayEquals(new int[] {0}, r.kernelChannels(k));
        }
        for (int m : new int[] {7, 9, 11}) assertTrue(lengthCount[m] > 3000 && lengthCount[m] < 3700, "length " + m + ": " + lengthCount[m]);
        assertTrue(padded > 4700 && padded < 5300, "padding with probability 1/2: " + padded);
        int maxDil = 0;
        for (int k = 0; k < r.numKernels(); k++) maxDil = Math.max(maxDil, r.dilation(k));
        assertTrue(maxDil > 20, "large dilations occur: " + maxDil);
    }

    @Test
    void sameSeedSameKernelsAndFeatures() {
        double[][][] x = MiniRocketTest.randomWalks(5, 3, 90, 4, false);
        Rocket a = Rocket.fit(SeriesSource.of(x), new Rocket.Options(500, 9));
        Rocket b = Rocket.fit(SeriesSource.of(x), new Rocket.Options(500, 9));
        Rocket c = Rocket.fit(SeriesSource.of(x), new Rocket.Options(500, 10));
        double[][] fa = a.transform(x), fb = b.transform(x), fc = c.transform(x);
        for (int i = 0; i < x.length; i++) assertArrayEquals(fa[i], fb[i], 0.0);
        assertFalse(Arrays.equals(fa[0], fc[0]));
        double[][] serial = ParallelTransform.builder().threads(1).blockSize(2).build().apply(a, SeriesSource.of(x));
        for (int i = 0; i < x.length; i++) assertArrayEquals(fa[i], serial[i], 0.0);
    }

    /** The vectorised transform against the authors' per-position loop (double), to 1e-9. */
    @Test
    void fastTransformEqualsSlowDefinition() {
        double[][][] x = MiniRocketTest.randomWalks(3, 1, 200, 12, false);
        Rocket r = Rocket.generate(1, 200, new Rocket.Options(2000, 5));
        double[][] constant = {new double[200]};
        Arrays.fill(constant[0], -2.5);
        double[][][] probes = {x[0], x[1], constant};
        for (int p = 0; p < probes.length; p++) {
            double[] fast = r.features(probes[p]);
            double[] slow = SlowReference.rocketFeatures(r, probes[p]);
            for (int f = 0; f < slow.length; f++)
                assertEquals(slow[f], fast[f], 1e-9 * Math.max(1, Math.abs(slow[f])), "probe " + p + " feature " + f);
        }
    }

    @Test
    void multivariateKernelsReadDistinctChannels() {
        double[][][] x = MiniRocketTest.randomWalks(3, 6, 120, 2, false);
        Rocket r = Rocket.fit(SeriesSource.of(x), new Rocket.Options(1000, 1));
        int maxChannels = 0;
        for (int k = 0; k < r.numKernels(); k++) {
            int[] ch = r.kernelChannels(k);
            assertTrue(ch.length >= 1 && ch.length <= Math.min(6, r.kernelLength(k)));
            assertEquals(ch.length, Arrays.stream(ch).distinct().count());
            for (int s = 0; s < ch.length; s++) assertEquals(0.0, Arrays.stream(r.weights(k, s)).sum(), 1e-12);
            maxChannels = Math.max(maxChannels, ch.length);
        }
        assertEquals(6, maxChannels);
        for (int i = 0; i < 3; i++) {
            double[] fast = r.features(x[i]);
            double[] slow = SlowReference.rocketFeatures(r, x[i]);
            for (int f = 0; f < slow.length; f++) assertEquals(slow[f], fast[f], 1e-9 * Math.max(1, Math.abs(slow[f])), "feature " + f);
        }
    }

    /** Series shorter than 11 are zero-padded at the end to 11. */
    @Test
    void shortSeriesAreZeroPaddedToEleven() {
        double[][] s = {{1, -2, 3, 0.5}};
        double[][] p = {Arrays.copyOf(s[0], 11)};
        Rocket a = Rocket.generate(1, 4, new Rocket.Options(300, 2));
        Rocket b = Rocket.generate(1, 11, new Rocket.Options(300, 2));
        assertArrayEquals(b.features(p), a.features(s), 0.0);
        assertEquals(4, a.length());
    }

    @Test
    void badInputGivesClearErrors() {
        Rocket r = Rocket.generate(2, 50, new Rocket.Options(10, 0));
        double[][] s = new double[2][50];
        s[1][20] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.features(s));
        assertTrue(e.getMessage().contains("channel 1 time 20 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.transform(new double[][][] {new double[2][50], new double[2][49]}));
        assertTrue(e.getMessage().contains("series 1 has length 49"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rocket.generate(0, 50, Rocket.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Rocket.generate(1, 0, Rocket.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new Rocket.Options(0, 0));
    }
}
