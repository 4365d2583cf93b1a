package emolab.features.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DctTest {
    @Test
    void orthonormal() {
        int n = 128;
        Dct d = new Dct(n, n);
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            c[i] = d.transform(e); // column i of the matrix
        }
        for (int k = 0; k < n; k++)
            for (int l = 0; l < n; l++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += c[i][k] * c[i][l];
                assertEquals(k == l ? 1.0 : 0.0, dot, 1e-13);
            }
    }

    @Test
    void matchesDefinitionAndTruncates() {
        int n = 16;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(i * 0.7) + i;
        double[] y = new Dct(n, 5).transform(x);
        assertEquals(5, y.length);
        for (int k = 0; k < 5; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += x[i] * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * n));
            s *= 2 * (k == 0 ? Math.sqrt(1.0 / (4 * n)) : Math.sqrt(1.0 / (2 * n)));
            assertEquals(s, y[k], 1e-12);
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] z = new Dct(n, n).transform(ones);
        assertEquals(Math.sqrt(n), z[0], 1e-13);
        for (int k = 1; k < n; k++) assertEquals(0.0, z[k], 1e-13);
    }
}
