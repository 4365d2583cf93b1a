package emolab.numeric;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Comparator;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KD-tree, the blocked scan and the BLAS-screened scan agree bit for bit with a full sort by
 * (distance, index), also with many exact ties and duplicates; per-query exclusion and bad input.
 */
class NeighboursTest {

    /** Reference: sort all candidates by (squared distance, index). */
    static int[][] reference(double[][] data, double[][] q, int k, boolean self) {
        int[][] out = new int[q.length][];
        for (int i = 0; i < q.length; i++) {
            final int qi = i;
            Integer[] idx = new Integer[data.length];
            for (int t = 0; t < data.length; t++) idx[t] = t;
            double[] d2 = new double[data.length];
            for (int t = 0; t < data.length; t++) d2[t] = Neighbours.squaredDistance(q[i], data[t]);
            Arrays.sort(idx, Comparator.<Integer>comparingDouble(t -> d2[t]).thenComparingInt(t -> t));
            out[i] = Arrays.stream(idx).mapToInt(Integer::intValue).filter(t -> !(self && t == qi)).limit(k).toArray();
        }
        return out;
    }

    private static void check(double[][] data, double[][] q, int k) {
        Neighbours tree = Neighbours.kdTree(data), scan = Neighbours.scan(data), blas = Neighbours.gram(data);
        assertTrue(tree.usesTree());
        assertFalse(scan.usesTree());
        assertTrue(blas.usesGram());
        int[][] refSelf = reference(data, data, k, true);
        Neighbours.Result a = tree.selfNeighbours(k), b = scan.selfNeighbours(k), p = blas.selfNeighbours(k);
        for (int i = 0; i < data.length; i++) {
            assertArrayEquals(refSelf[i], a.indices()[i], "tree, self, row " + i);
            assertArrayEquals(refSelf[i], b.indices()[i], "scan, self, row " + i);
            assertArrayEquals(refSelf[i], p.indices()[i], "BLAS-screened, self, row " + i);
            assertArrayEquals(a.distances()[i], b.distances()[i], 0.0, "distances, row " + i);
            assertArrayEquals(b.distances()[i], p.distances()[i], 0.0, "distances, row " + i);
        }
        int[][] refQ = reference(data, q, k, false);
        Neighbours.Result c = tree.query(q, k), e = scan.query(q, k), f = blas.query(q, k);
        for (int i = 0; i < q.length; i++) {
            assertArrayEquals(refQ[i], c.indices()[i], "tree, query " + i);
            assertArrayEquals(refQ[i], e.indices()[i], "scan, query " + i);
            assertArrayEquals(refQ[i], f.indices()[i], "BLAS-screened, query " + i);
            assertArrayEquals(c.distances()[i], e.distances()[i], 0.0);
            assertArrayEquals(e.distances()[i], f.distances()[i], 0.0);
        }
    }

    /** The 1828 × 10 outlier conformance input ({@code conformance/outliers/out_input.csv}). */
    private static double[][] outlierInput() {
        List<String> f = List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9");
        return emolab.prep.Tables.toMatrix(emolab.prep.Csv.read(emolab.SharedData.require("conformance/outliers/out_input.csv")), f);
    }

    @Test
    void realDataTreeScanAndReferenceAgree() {
        double[][] x = Arrays.copyOf(outlierInput(), 900);
        check(x, Arrays.copyOfRange(outlierInput(), 900, 1000), 20);
    }

    @Test
    void highDimensionalTiesAndDuplicatesAgreeToo() {
        // 40 columns on a coarse lattice with large offsets: many equal distances, duplicates, and
        // norms far above the distances (where the estimate ‖q‖² + ‖x‖² − 2q·x loses the most)
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[400][40];
        for (double[] row : x) for (int j = 0; j < 40; j++) row[j] = 1000 + r.nextInt(3);
        for (int i = 0; i < 40; i++) x[399 - i] = x[i].clone();
        double[][] q = new double[30][40];
        for (double[] row : q) for (int j = 0; j < 40; j++) row[j] = 1000 + r.nextInt(3) - 0.5 * r.nextInt(2);
        check(x, q, 12);
    }

    @Test
    void courseTableScreenedScanEqualsScan() {
        // the whole prepared table, 1828 × 106: the shape the screened scan is for
        java.nio.file.Path dir = emolab.SharedData.require("ravdess/features/prepared_features_TRAIN.csv").getParent();
        double[][] x = emolab.prep.CourseTables.load(dir, "emotion").train().x();
        Neighbours.Result a = Neighbours.scan(x).selfNeighbours(20), b = Neighbours.gram(x).selfNeighbours(20);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(a.indices()[i], b.indices()[i], "row " + i);
            assertArrayEquals(a.distances()[i], b.distances()[i], 0.0, "row " + i);
        }
    }

    @Test
    void manyTiesAndDuplicatesAreOrderedByIndex() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[600][3];
        for (double[] row : x) for (int j = 0; j < 3; j++) row[j] = r.nextInt(4); // 64 lattice points, heavy ties
        double[][] q = new double[50][3];
        for (double[] row : q) for (int j = 0; j < 3; j++) row[j] = r.nextInt(5) - 0.5 * r.nextInt(2);
        check(x, q, 15);
    }

    @Test
    void duplicateOfTheQueryIsANeighbourAtDistanceZero() {
        double[][] x = {{0, 0}, {0, 0}, {1, 0}, {0, 2}};
        Neighbours.Result g = Neighbours.scan(x).selfNeighbours(1);
        assertArrayEquals(new int[] {1}, g.indices()[0]);
        assertArrayEquals(new int[] {0}, g.indices()[1]);
        assertArrayEquals(new double[] {0}, g.distances()[0], 0.0);
    }

    @Test
    void tooFewRowsIsAClearError() {
        double[][] x = {{0}, {1}, {2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Neighbours.scan(x).selfNeighbours(3));
        assertTrue(e.getMessage().contains("at least 4 rows"), e.getMessage());
    }

    @Test
    void highDimensionUsesTheScanLowDimensionTheTree() {
        assertTrue(Neighbours.of(new double[600][3]).usesTree());
        assertFalse(Neighbours.of(new double[600][40]).usesTree());
        assertTrue(Neighbours.of(new double[600][40]).usesGram());
        assertFalse(Neighbours.of(new double[600][3]).usesGram());
        assertFalse(Neighbours.of(new double[100][3]).usesTree());
    }

    /** Rows with few distinct values per feature, so equal distances are common. */
    private static double[][] tied(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextInt(3) * 0.5 - 0.5;
        return x;
    }

    private static double[][] gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextGaussian() * (1 + j % 3);
        return x;
    }

    private static void assertSameAsReference(double[][] data, double[][] queries, boolean self, int k) {
        Neighbours.Result r = self ? Neighbours.self(data, k) : Neighbours.query(data, queries, k);
        int[][] want = reference(data, queries, k, self);
        for (int q = 0; q < queries.length; q++) {
            assertArrayEquals(want[q], r.indices()[q], "query " + q);
            for (int j = 0; j < k; j++)
                assertEquals(Math.sqrt(Neighbours.squaredDistance(queries[q], data[want[q][j]])), r.distances()[q][j], 0.0);
        }
    }

    @Test
    void lowDimensionWithTies() {
        double[][] x = tied(300, 5, 1);
        assertSameAsReference(x, x, true, 7);
        assertSameAsReference(x, tied(40, 5, 2), false, 3);
    }

    @Test
    void highDimensionScreenedScanEqualsReference() {
        for (double[][] x : new double[][][] {tied(500, 40, 3), gaussian(700, 106, 4)}) {
            assertTrue(Neighbours.of(x).usesGram());
            assertSameAsReference(x, x, true, 5);
            assertSameAsReference(x, Arrays.copyOf(x, 37), false, 3);
            assertSameAsReference(x, x, true, 40);
        }
    }

    @Test
    void valuesOutsideTheFloatRangeUseTheDoubleProductAndStayExact() {
        SplittableRandom r = new SplittableRandom(8);
        double[][] x = new double[300][30];
        for (double[] row : x) for (int j = 0; j < 30; j++) row[j] = (r.nextInt(3) - 1) * (j == 0 ? 1e-20 : 1e3) + 1e18 * (j == 1 ? 1 : 0);
        check(x, Arrays.copyOf(x, 20), 6);
    }

    @Test
    void excludedRowsAreNeverReturned() {
        double[][] x = gaussian(400, 30, 9);
        double[][] q = Arrays.copyOfRange(x, 100, 140);
        int[] ex = new int[q.length];
        for (int i = 0; i < ex.length; i++) ex[i] = i % 2 == 0 ? 100 + i : -1;
        for (Neighbours nn : new Neighbours[] {Neighbours.scan(x), Neighbours.gram(x)}) {
            Neighbours.Result r = nn.query(q, ex, 4);
            for (int i = 0; i < q.length; i++) {
                int e = ex[i];
                if (e >= 0) assertTrue(Arrays.stream(r.indices()[i]).noneMatch(t -> t == e), "query " + i);
                else assertEquals(100 + i, r.indices()[i][0], "query " + i + " finds itself");
            }
        }
    }

    @Test
    void badInput() {
        double[][] x = gaussian(5, 3, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Neighbours.self(x, 5));
        assertTrue(e.getMessage().contains("only 4 candidate rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Neighbours.query(x, x, 0));
        assertThrows(IllegalArgumentException.class, () -> Neighbours.query(x, x, new int[2], 1));
        assertThrows(IllegalArgumentException.class, () -> Neighbours.query(x, new double[][] {{1, 2}}, 1));
    }
}
