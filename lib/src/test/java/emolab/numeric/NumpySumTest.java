package emolab.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NumpySumTest {

    @Test
    void pairwiseSumMatchesNumpyBlocking() {
        // n < 8: plain loop from 0.0
        assertEquals(((((0.0 + 1e16) + 1.0) + -1e16) + 1.0), NumpySum.pairwise(new double[] {1e16, 1, -1e16, 1}));
        // 8..128: eight accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the tail
        double[] a = new double[19];
        Random r = new Random(3);
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian() * Math.pow(10, r.nextInt(12));
        double[] acc = new double[8];
        System.arraycopy(a, 0, acc, 0, 8);
        for (int i = 8; i < 16; i++) acc[i - 8] += a[i];
        double expect = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
        for (int i = 16; i < 19; i++) expect += a[i];
        assertEquals(expect, NumpySum.pairwise(a));
        // > 128: split at n/2 rounded down to a multiple of 8
        double[] b = new double[300];
        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian() * Math.pow(10, r.nextInt(12));
        assertEquals(NumpySum.pairwise(b, 0, 144) + NumpySum.pairwise(b, 144, 156), NumpySum.pairwise(b));
    }

    @Test
    void floatPairwiseUsesFloatAccumulators() {
        float[] a = new float[200];
        Random r = new Random(5);
        for (int i = 0; i < a.length; i++) a[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(8)));
        assertEquals(NumpySum.pairwise(a, 0, 96) + NumpySum.pairwise(a, 96, 104), NumpySum.pairwise(a, 0, 200));
        float plain = 0f;
        for (int i = 0; i < 7; i++) plain += a[i];
        assertEquals(plain, NumpySum.pairwise(a, 0, 7));
    }

    @Test
    void bufferedSumAddsPairwiseBlocksLeftToRight() {
        double[] a = new double[3 * NumpySum.BUFFER + 5];
        Random r = new Random(7);
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian() * Math.pow(10, r.nextInt(12));
        double expect = 0;
        for (int s = 0; s < a.length; s += NumpySum.BUFFER)
            expect += NumpySum.pairwise(a, s, Math.min(NumpySum.BUFFER, a.length - s));
        assertEquals(expect, NumpySum.sum(a, 0, a.length));
        assertEquals(NumpySum.pairwise(a, 0, NumpySum.BUFFER), NumpySum.sum(a, 0, NumpySum.BUFFER));
    }

    @Test
    void centralPowerEqualsPairwiseOfMaterialisedTerms() {
        Random r = new Random(9);
        for (int n : new int[] {1, 7, 8, 100, 129, 1000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = r.nextGaussian() * 3 + 1;
            double m = NumpySum.pairwiseMean(x, 0, n);
            for (int p = 2; p <= 4; p++) {
                double[] t = new double[n];
                for (int i = 0; i < n; i++) {
                    double d = x[i] - m, d2 = d * d;
                    t[i] = p == 2 ? d2 : p == 3 ? d2 * d : d2 * d2;
                }
                assertEquals(NumpySum.pairwise(t), NumpySum.pairwiseCentralPower(x, 0, n, m, p), "n=" + n + " p=" + p);
            }
        }
    }
}
