package emolab.timeseries;

import emolab.timeseries.representations.NormalQuantile;
import emolab.timeseries.representations.Sax;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link NormalQuantile} against reference values of SciPy 1.10.1 {@code norm.ppf}; tolerance relative 1e-12. */
class NormalQuantileTest {
    static final double[][] SCIPY = {
            {1e-300, -37.0470962993612}, {1e-20, -9.262340089798409}, {1e-10, -6.361340902404056},
            {1e-05, -4.264890793922825}, {0.001, -3.090232306167813}, {0.01, -2.3263478740408408},
            {0.025, -1.9599639845400545}, {0.1, -1.2815515655446004}, {0.3, -0.5244005127080409},
            {0.5, 0.0}, {0.6, 0.2533471031357997}, {0.9, 1.2815515655446004}, {0.975, 1.959963984540054},
            {0.999, 3.090232306167813}, {0.9999999999, 6.361340889697422}};

    @Test
    void matchesScipyTo1e12() {
        for (double[] r : SCIPY)
            assertEquals(r[1], NormalQuantile.inverseCdf(r[0]), 1e-12 * Math.abs(r[1]), "ppf(" + r[0] + ")");
    }

    @Test
    void courseAlphabetBreakpoints() {
        double[] expected = {-1.465233792685523, -1.0675705238781414, -0.7916386077433746, -0.5659488219328631,
                -0.36610635680056963, -0.1800123697927051, 0.0, 0.18001236979270496, 0.3661063568005698,
                0.5659488219328631, 0.7916386077433746, 1.0675705238781412, 1.465233792685523};
        double[] b = Sax.breakpoints(14);
        for (int k = 0; k < 13; k++) assertEquals(expected[k], b[k], 1e-12 * Math.abs(expected[k]) + 1e-15, "β" + (k + 1));
    }

    @Test
    void symmetricAndMonotone() {
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0;
            double v = NormalQuantile.inverseCdf(p);
            assertEquals(-v, NormalQuantile.inverseCdf(1 - p), 1e-12 * Math.abs(v) + 1e-15);
            if (!(v > prev)) throw new AssertionError("not increasing at " + p);
            prev = v;
        }
        assertEquals(Double.NEGATIVE_INFINITY, NormalQuantile.inverseCdf(0));
        assertEquals(Double.POSITIVE_INFINITY, NormalQuantile.inverseCdf(1));
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.inverseCdf(1.5));
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.inverseCdf(Double.NaN));
    }
}
