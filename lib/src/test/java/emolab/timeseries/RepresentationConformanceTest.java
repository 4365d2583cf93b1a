package emolab.timeseries;

import emolab.timeseries.distances.Dtw;
import emolab.timeseries.distances.LbKeogh;
import emolab.timeseries.representations.DftApproximation;
import emolab.timeseries.representations.Paa;
import emolab.timeseries.representations.Sax;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * z-normalisation, PAA (all four conventions), SAX and DFT against
 * {@code ../shared/conformance/timeseries} (NumPy 1.24.2 / SciPy 1.10.1 / tslearn / pyts
 * conventions, see the fixture README). Tolerance: relative 1e-9 (the README's suggestion); DFT
 * {@code re0}/{@code im0} are rounding noise and get an absolute 1e-9. Worst errors are printed.
 */
class RepresentationConformanceTest {
    static final double REL = 1e-9;

    @Test
    void zNormalisationMatchesNumpy() {
        double[][] x = Fixtures.input();
        double[][] expected = Fixtures.matrix("ts_znorm.csv");
        double worst = Fixtures.assertClose(expected, ZNormalization.apply(x), REL, 1e-12, "znorm");
        System.out.println("znorm: worst relative error " + worst);
    }

    @Test
    void paaConventionsMatchFixtures() {
        double[][] x = Fixtures.input();
        record Case(String file, Paa paa) {}
        List<Case> cases = List.of(
                new Case("paa20.csv", new Paa(20, Paa.Convention.TSLEARN)),
                new Case("paa20.csv", new Paa(20, Paa.Convention.PYTS_OVERLAP)),
                new Case("paa20.csv", new Paa(20, Paa.Convention.FRACTIONAL)),
                new Case("paa30_tslearn.csv", new Paa(30, Paa.Convention.TSLEARN)),
                new Case("paa30_pyts_overlap.csv", new Paa(30, Paa.Convention.PYTS_OVERLAP)),
                new Case("paa30_pyts_nonoverlap.csv", new Paa(30, Paa.Convention.PYTS_NONOVERLAP)),
                new Case("paa30_fractional.csv", new Paa(30, Paa.Convention.FRACTIONAL)));
        for (Case c : cases) {
            double worst = Fixtures.assertClose(Fixtures.matrix(c.file()), c.paa().transform(x), REL, 1e-12,
                    c.file() + " " + c.paa().convention());
            System.out.println(c.file() + " " + c.paa().convention() + ": worst relative error " + worst);
        }
        double[][] z = Fixtures.matrix("ts_znorm.csv");
        Fixtures.assertClose(Fixtures.matrix("znorm_paa20.csv"), Paa.of(20).transform(z), REL, 1e-12, "znorm_paa20");
    }

    @Test
    void paaSegmentBoundsMatchFixture() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(Fixtures.path("paa30_segments.csv"));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Paa.Convention c = switch (f[0]) {
                case "tslearn" -> Paa.Convention.TSLEARN;
                case "pyts_overlap" -> Paa.Convention.PYTS_OVERLAP;
                case "pyts_nonoverlap" -> Paa.Convention.PYTS_NONOVERLAP;
                default -> throw new AssertionError(f[0]);
            };
            int[] b = new Paa(30, c).bounds(500)[Integer.parseInt(f[1])];
            assertArrayEquals(new int[]{Integer.parseInt(f[2]), Integer.parseInt(f[3])}, b, line);
            checked++;
        }
        assertEquals(90, checked);
    }

    @Test
    void saxMatchesTslearn() {
        double[][] bp = Fixtures.matrix(Fixtures.path("sax8_breakpoints.csv"), 1);
        double[] ours = Sax.breakpoints(8);
        for (int k = 0; k < 7; k++) assertEquals(bp[k][0], ours[k], 1e-15 * Math.abs(bp[k][0]) + 1e-300, "breakpoint " + (k + 1));
        double[][] expected = Fixtures.matrix("sax8_paa20.csv");
        double[][] x = Fixtures.input();
        Sax sax = new Sax(8);
        Paa paa = Paa.of(20);
        for (int i = 0; i < x.length; i++) {
            int[] w = sax.transform(x[i], paa);
            for (int j = 0; j < 20; j++) assertEquals((int) expected[i][j], w[j], "series " + i + " segment " + j);
        }
    }

    @Test
    void dftMatchesNumpyRfft() {
        double[][] z = Fixtures.matrix("ts_znorm.csv");
        double[][] expected = Fixtures.matrix("dft10.csv");
        double[][] recon = Fixtures.matrix("dft10_reconstruction.csv");
        DftApproximation dft = new DftApproximation(10);
        double worst = 0, worstRecon = 0;
        for (int i = 0; i < z.length; i++) {
            double[][] c = dft.transform(z[i]);
            double[] flat = new double[20];
            System.arraycopy(c[0], 0, flat, 0, 10);
            System.arraycopy(c[1], 0, flat, 10, 10);
            // re0 and im0 are rounding noise around 0: absolute 1e-9; the rest relative 1e-9
            assertEquals(expected[i][0], flat[0], 1e-9, "re0 of series " + i);
            assertEquals(0.0, flat[10], 0.0, "im0 of series " + i);
            double[] e = expected[i].clone(), a = flat.clone();
            e[0] = a[0] = 0;
            e[10] = a[10] = 0;
            worst = Math.max(worst, Fixtures.assertClose(e, a, REL, 1e-12, "dft10 series " + i));
            double scale = 0;
            for (double v : recon[i]) scale = Math.max(scale, Math.abs(v));
            worstRecon = Math.max(worstRecon, Fixtures.assertClose(recon[i], dft.reconstruct(z[i]), REL, 1e-12 * scale,
                    "dft10 reconstruction " + i));
        }
        System.out.println("dft10: worst relative error " + worst + "; reconstruction " + worstRecon);
        // interleaved layout [re0, re1, im1, re2, ...]
        double[] inter = DftApproximation.interleaved(z[3], 7);
        double[][] c = dft.transform(z[3]);
        assertArrayEquals(new double[]{c[0][0], c[0][1], c[1][1], c[0][2], c[1][2], c[0][3], c[1][3]}, inter, 0);
    }

    @Test
    void dtwMatchesTslearn() {
        double[][] raw = Fixtures.input();
        double[][] z = Fixtures.matrix("ts_znorm.csv");
        record Case(String file, double[][] x, int radius) {}
        for (Case c : List.of(new Case("dtw_raw_full.csv", raw, -1), new Case("dtw_znorm_full.csv", z, -1),
                new Case("dtw_raw_sc10.csv", raw, 10), new Case("dtw_znorm_sc10.csv", z, 10))) {
            double[][] expected = Fixtures.matrix(c.file());
            double[][] ours = new double[10][10];
            for (int i = 0; i < 10; i++)
                for (int j = 0; j < 10; j++) ours[i][j] = Dtw.distance(c.x()[i], c.x()[j], c.radius());
            for (int i = 0; i < 10; i++) assertEquals(0.0, ours[i][i], 0.0, "diagonal");
            double worst = Fixtures.assertClose(expected, ours, REL, 0, c.file());
            System.out.println(c.file() + ": worst relative error " + worst);
            if (c.radius() >= 0) {
                // LB_Keogh is a lower bound of the banded DTW
                for (int i = 0; i < 10; i++) {
                    LbKeogh env = LbKeogh.envelope(c.x()[i], c.radius());
                    for (int j = 0; j < 10; j++)
                        assertTrue(env.bound(c.x()[j]) <= expected[i][j] * (1 + 1e-12), "LB_Keogh <= DTW at " + i + "," + j);
                }
            }
        }
    }
}
