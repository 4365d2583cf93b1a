package emolab.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Neighbours}: order by (exact squared distance, index) against an independent brute force;
 * the fast blocked path gives identical results to the brute path, also with many exact ties.
 */
class NeighboursTest {

    @AfterEach
    void reset() {
        Neighbours.forceBrute = false;
    }

    /** Rows with few distinct values per feature, so equal distances are common. */
    private static double[][] tied(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] X = new double[n][d];
        for (double[] x : X) for (int j = 0; j < d; j++) x[j] = r.nextInt(3) * 0.5 - 0.5;
        return X;
    }

    private static double[][] gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] X = new double[n][d];
        for (double[] x : X) for (int j = 0; j < d; j++) x[j] = r.nextGaussian() * (1 + j % 3);
        return X;
    }

    private static void assertSameAsBruteForce(double[][] data, double[][] queries, boolean self, int k) {
        Neighbours.Result r = self ? Neighbours.self(data, k) : Neighbours.query(data, queries, k);
        for (int q = 0; q < queries.length; q++) {
            int qq = q;
            int[] want = java.util.stream.IntStream.range(0, data.length).filter(i -> !self || i != qq).boxed()
                    .sorted(java.util.Comparator.<Integer>comparingDouble(i -> SegmentCheck.sq(queries[qq], data[i])).thenComparing(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(want, r.indices()[q], "query " + q);
            for (int j = 0; j < k; j++)
                assertEquals(Math.sqrt(SegmentCheck.sq(queries[q], data[want[j]])), r.distances()[q][j], 0.0);
        }
    }

    @Test
    void lowDimensionWithTies() {
        double[][] X = tied(300, 5, 1);
        assertSameAsBruteForce(X, X, true, 7);
        assertSameAsBruteForce(X, tied(40, 5, 2), false, 3);
    }

    @Test
    void highDimensionFastPathEqualsBruteForce() {
        for (double[][] X : new double[][][] {tied(500, 40, 3), gaussian(700, 106, 4)}) {
            assertSameAsBruteForce(X, X, true, 5);
            assertSameAsBruteForce(X, java.util.Arrays.copyOf(X, 37), false, 3);
            assertSameAsBruteForce(X, X, true, 40); // k > 32: sorted selection
        }
    }

    @Test
    void fastAndBrutePathsAgreeExactly() {
        double[][] X = tied(900, 64, 5);
        Neighbours.Result fast = Neighbours.self(X, 6);
        Neighbours.forceBrute = true;
        Neighbours.Result brute = Neighbours.self(X, 6);
        for (int i = 0; i < X.length; i++) {
            assertArrayEquals(brute.indices()[i], fast.indices()[i]);
            assertArrayEquals(brute.distances()[i], fast.distances()[i]);
        }
    }

    @Test
    void duplicateRowsAreNeighboursAtZeroButNeverThemselves() {
        double[][] X = {{0, 0}, {1, 1}, {0, 0}, {3, 3}};
        Neighbours.Result r = Neighbours.self(X, 2);
        assertArrayEquals(new int[] {2, 1}, r.indices()[0]);
        assertArrayEquals(new int[] {0, 1}, r.indices()[2]);
        assertEquals(0.0, r.distances()[0][0]);
    }

    @Test
    void badInput() {
        double[][] X = gaussian(5, 3, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Neighbours.self(X, 5));
        assertTrue(e.getMessage().contains("only 4 candidate rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Neighbours.query(X, X, 0));
        assertThrows(IllegalArgumentException.class, () -> Neighbours.query(X, X, new int[2], 1));
    }
}
