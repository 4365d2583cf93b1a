package emolab.features.rich;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PowerLaw} against {@link Math#pow}. Tolerance: 1e-15 relative (a few ulps: Math.pow is
 * within 1 ulp of the exact power, PowerLaw's tables, series and two products add a few roundings);
 * the largest difference seen is printed.
 */
class PowerLawTest {
    @Test
    void withinAFewUlpsOfMathPowOverTheWholeRange() {
        Random rnd = new Random(14);
        for (double p : new double[] {0.3, 0.5, 0.1, 0.9}) {
            PowerLaw law = new PowerLaw(p);
            double worst = 0;
            for (int i = 0; i < 1_000_000; i++) {
                // log-uniform over the normal range of doubles, and a dense band of STFT powers (1e-12 .. 1e3)
                double x = i % 2 == 0 ? Math.scalb(1 + rnd.nextDouble(), rnd.nextInt(2000) - 1000)
                        : Math.pow(10, rnd.nextDouble() * 15 - 12);
                double want = Math.pow(x, p), got = law.pow(x);
                if (!(Math.abs(want) >= Double.MIN_NORMAL && Double.isFinite(want))) continue; // results in the normal range
                double rel = Math.abs(got - want) / Math.abs(want);
                worst = Math.max(worst, rel);
                assertTrue(rel <= 1e-15, "p=" + p + " x=" + x + ": " + got + " vs Math.pow " + want);
            }
            System.out.printf("PowerLaw p=%s: worst relative difference to Math.pow %.2e%n", p, worst);
        }
    }

    @Test
    void exponentOutsideZeroOneRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PowerLaw(1.5));
        assertThrows(IllegalArgumentException.class, () -> new PowerLaw(0));
    }

    @Test
    void specialArgumentsAsMathPow() {
        PowerLaw law = new PowerLaw(0.3);
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, 1.0, 2.0, 0.5,
                Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN, -2.0})
            if (Double.isFinite(Math.pow(x, 0.3))) assertEquals(Math.pow(x, 0.3), law.pow(x), Math.pow(x, 0.3) * 1e-15, "x=" + x);
            else assertEquals(Math.pow(x, 0.3), law.pow(x), "x=" + x);
        assertEquals(0.0, law.pow(0.0), 0.0);
    }
}
