package emolab.explain;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Explanations value on hand-made numbers. */
class ExplanationsTest {

    static Explanations small() {
        double[][][] phi = {
                {{0.1, -0.3, 0.0}, {-0.1, 0.3, 0.0}},
                {{0.2, 0.1, -0.1}, {-0.2, -0.1, 0.1}}};
        double[][] x = {{1, 2, 3}, {4, 5, 6}};
        double[] base = {0.5, 0.5};
        double[][] out = {{0.3, 0.7}, {0.7, 0.3}};
        return new Explanations("TreeSHAP", OutputSpace.PROBABILITY, List.of("a", "b", "c"), List.of("x", "y"), base, phi, x, out);
    }

    @Test
    void globalViewsAndRows() {
        Explanations e = small();
        assertArrayEquals(new double[] {0.15, 0.2, 0.05}, e.meanAbs(0), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.4, 0.1}, e.meanAbs(), 1e-15);
        assertArrayEquals(new int[] {1, 0, 2}, Explanations.order(e.meanAbs()));
        assertEquals(0.0, e.maxAdditivityError(), 1e-15);
        Explanation r = e.row(1);
        assertEquals(0.7, r.output()[0]);
        assertEquals(0, r.predictedClass());
        assertEquals(0.0, r.additivityError(0), 1e-15);
        assertEquals(1, e.subset(new int[] {1}).size());
        assertEquals("b", e.importanceTable(1).stringColumn("feature").get(0));
        assertThrows(IllegalArgumentException.class, () -> e.row(2));
        assertThrows(IllegalArgumentException.class, () -> e.classIndex("z"));
        assertThrows(IllegalArgumentException.class, () -> e.meanAbs(2));
    }

    @Test
    void additivityErrorIsReported() {
        double[][][] phi = {{{0.1, 0.1}}};
        Explanations e = new Explanations("X", OutputSpace.SCORE, List.of("a", "b"), List.of("c"), new double[] {1}, phi,
                new double[][] {{0, 0}}, new double[][] {{1.5}});
        assertEquals(0.3, e.maxAdditivityError(), 1e-12);
    }

    @Test
    void shapesAreChecked() {
        double[][][] phi = {{{0.1, 0.1}}};
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new Explanations("X", OutputSpace.SCORE,
                List.of("a", "b", "c"), List.of("c"), new double[] {1}, phi, new double[][] {{0, 0}}, new double[][] {{1.5}}));
        assertTrue(ex.getMessage().contains("wrong shape"), ex.getMessage());
    }

    @Test
    void strongestInteractionFindsTheModulatingFeature() {
        // φ_0 = x0 · x2: within groups of similar x0 its spread follows x2, not x1
        int n = 200;
        java.util.Random r = new java.util.Random(1);
        double[][] x = new double[n][3];
        double[][][] phi = new double[n][1][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) x[i][j] = r.nextGaussian();
            phi[i][0][0] = x[i][0] * x[i][2];
        }
        Explanations e = new Explanations("X", OutputSpace.SCORE, List.of("a", "b", "c"), List.of("k"), new double[] {0}, phi, x, new double[n][1]);
        assertEquals(2, e.strongestInteraction(0, 0));
    }
}
