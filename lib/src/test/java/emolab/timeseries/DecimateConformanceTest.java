package emolab.timeseries;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ChebyshevI}, {@link SosFilter} and {@link Decimator} against SciPy 1.10.1
 * ({@code ../shared/conformance/timeseries/decimate10*.csv}). Tolerance: relative 1e-9 (the
 * fixture README's suggestion); the worst relative error measured is printed.
 */
class DecimateConformanceTest {
    static final double REL = 1e-9;

    static double[] tiled(double[] row, int times) {
        double[] x = new double[row.length * times];
        for (int t = 0; t < times; t++) System.arraycopy(row, 0, x, t * row.length, row.length);
        return x;
    }

    @Test
    void chebyshevDesignMatchesScipySos() {
        double[][] expected = Fixtures.matrix("decimate10_sos.csv");
        double[][] sos = ChebyshevI.lowpass(8, 0.05, 0.8 / 10).coefficients();
        double worst = Fixtures.assertClose(expected, sos, REL, 0, "sos");
        System.out.println("cheby1(8, 0.05, 0.08) sos: worst relative error " + worst);
        assertArrayEquals(sos, new Decimator(10).filter().coefficients());
    }

    @Test
    void initialStateMatchesSosfiltZi() {
        double[][] expected = Fixtures.matrix("decimate10_sos_zi.csv");
        double[][] zi = new Decimator(10).filter().zi();
        double worst = Fixtures.assertClose(expected, zi, REL, 0, "sosfilt_zi");
        System.out.println("sosfilt_zi: worst relative error " + worst);
    }

    @Test
    void filtfiltAndDecimateMatchScipy() {
        double[][] in = Fixtures.input();
        double[][] ff = Fixtures.matrix("decimate10_filtfilt.csv");
        double[][] dec = Fixtures.matrix("decimate10.csv");
        Decimator d = new Decimator(10);
        assertEquals(27, d.filter().defaultPadLength());
        double worstFf = 0, worstDec = 0;
        for (int r = 0; r < 3; r++) {
            double[] x = tiled(in[r], 10);
            // filtfilt values cross zero; near-zero cells get an absolute allowance of 1e-9 × the row's scale
            double scale = Arrays.stream(ff[r]).map(Math::abs).max().orElseThrow();
            worstFf = Math.max(worstFf, Fixtures.assertClose(ff[r], d.filter().filtfilt(x), REL, 1e-9 * scale, "filtfilt row " + r));
            worstDec = Math.max(worstDec, Fixtures.assertClose(dec[r], d.decimate(x), REL, 1e-9 * scale, "decimate row " + r));
        }
        System.out.println("sosfiltfilt: worst relative error " + worstFf + "; decimate: " + worstDec);
        assertEquals(500, d.outputLength(5000));
    }

    @Test
    void float32PathStaysCloseToFloat64() {
        double[] x = tiled(Fixtures.input()[0], 10);
        float[] xf = new float[x.length];
        for (int i = 0; i < x.length; i++) xf[i] = (float) x[i];
        Decimator d = new Decimator(10);
        double[] y64 = d.decimate(x);
        float[] y32 = d.decimate(xf);
        double scale = Arrays.stream(y64).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < y64.length; i++)
            assertEquals(y64[i], y32[i], 1e-3 * scale, "float32 decimate at " + i);
    }

    @Test
    void badInputIsRejected() {
        Decimator d = new Decimator(10);
        assertThrows(IllegalArgumentException.class, () -> new Decimator(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.decimate(new double[27]));
        assertTrue(e.getMessage().contains("pad length 27"), e.getMessage());
        double[] nan = new double[100];
        nan[42] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> d.decimate(nan));
        assertTrue(e.getMessage().contains("index 42"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChebyshevI.lowpass(8, 0.05, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ChebyshevI.lowpass(0, 0.05, 0.5));
        // a constant signal passes through the low-pass unchanged (unit DC gain of an even-order Chebyshev is 10^(-rp/20))
        double[] c = new double[200];
        Arrays.fill(c, 2.0);
        double dc = Math.pow(10, -0.05 / 20);
        for (double v : d.decimate(c)) assertEquals(2.0 * dc * dc, v, 1e-9);
    }

    /** Odd orders exercise zpk2sos' real-pole pairing; reference: SciPy 1.10.1 {@code cheby1(..., output='sos')}. */
    @Test
    void oddOrderDesignsMatchScipy() {
        double[][] five = {
                {0.0020201693976176554, 0.004040338795235311, 0.0020201693976176554, 1.0, -0.7429129729922831, 0.0},
                {1.0, 2.0, 1.0, 1.0, -1.3162498545953598, 0.6464507863864473},
                {1.0, 1.0, 0.0, 1.0, -1.1032018201485518, 0.864718306107551}};
        double[][] three = {
                {0.24887256626278964, 0.4977451325255793, 0.24887256626278964, 1.0, -0.07397347714513458, 0.0},
                {1.0, 1.0, 0.0, 1.0, 0.5783067740129892, 0.5717186096707139}};
        Fixtures.assertClose(five, ChebyshevI.lowpass(5, 1.0, 0.3).coefficients(), 1e-12, 1e-15, "cheby1(5, 1, 0.3)");
        Fixtures.assertClose(three, ChebyshevI.lowpass(3, 0.5, 0.6).coefficients(), 1e-12, 1e-15, "cheby1(3, 0.5, 0.6)");
    }
}
