package emolab.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class StandardScalerTest {

    @Test
    void twoPassStatisticsAndTransform() {
        double[][] x = {{1, 5, 2}, {3, 5, -2}, {5, 5, 0}, {7, 5, 4}};
        StandardScaler s = StandardScaler.fit(x);
        assertArrayEquals(new double[] {4, 5, 1}, s.mean(), 0.0);
        // population std; the constant column gets scale 1
        assertArrayEquals(new double[] {Math.sqrt(5), 1, Math.sqrt(5)}, s.scale(), 0.0);
        double[][] z = s.transform(x);
        assertArrayEquals(new double[] {-3 / Math.sqrt(5), 0, 1 / Math.sqrt(5)}, z[0], 0.0);
        assertEquals(1, s.transform(new double[] {4, 6, 1})[1], 0.0);
    }

    @Test
    void cellAccessorEqualsRows() {
        Random r = new Random(2);
        double[][] x = new double[50][7];
        for (double[] row : x) for (int j = 0; j < 7; j++) row[j] = r.nextGaussian() * 1e3 + j;
        StandardScaler a = StandardScaler.fit(x), b = StandardScaler.fit(50, 7, (i, j) -> x[i][j]);
        assertArrayEquals(a.mean(), b.mean(), 0.0);
        assertArrayEquals(a.scale(), b.scale(), 0.0);
        StandardScaler c = StandardScaler.of(a.mean(), a.scale());
        assertArrayEquals(a.transform(x[3]), c.transform(x[3]), 0.0);
    }

    @Test
    void sklearnColumnUsesPairwiseSumsAndTheConstantFeatureRule() {
        double[] c = new double[300];
        java.util.Arrays.fill(c, 0.1);
        double[] ms = StandardScaler.sklearnColumn(c);
        assertEquals(NumpySum.pairwise(c) / 300, ms[0], 0.0);
        assertEquals(1.0, ms[1], 0.0); // var within rounding of 0: constant feature, scale 1
        double[] v = {1, 2, 3, 4};
        assertArrayEquals(new double[] {2.5, Math.sqrt(1.25), 1.25}, StandardScaler.sklearnColumn(v), 0.0);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.fit(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.fit(new double[][] {{1, 2}, {3}}));
        StandardScaler s = StandardScaler.fit(new double[][] {{1, 2}, {3, 4}});
        assertThrows(IllegalArgumentException.class, () -> s.transform(new double[] {1}));
    }
}
