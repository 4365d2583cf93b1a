package emolab.outliers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KD-tree, the blocked scan and the BLAS-screened scan agree bit for bit with a full sort by (distance, index). */
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
        Neighbours tree = Neighbours.kdTree(data), scan = Neighbours.scan(data), blas = Neighbours.product(data);
        assertTrue(tree.usesTree());
        assertFalse(scan.usesTree());
        assertTrue(blas.usesProduct());
        int[][] refSelf = reference(data, data, k, true);
        Neighbours.Result a = tree.selfNeighbours(k), b = scan.selfNeighbours(k), p = blas.selfNeighbours(k);
        for (int i = 0; i < data.length; i++) {
            assertArrayEquals(refSelf[i], a.index()[i], "tree, self, row " + i);
            assertArrayEquals(refSelf[i], b.index()[i], "scan, self, row " + i);
            assertArrayEquals(refSelf[i], p.index()[i], "BLAS-screened, self, row " + i);
            assertArrayEquals(a.distance()[i], b.distance()[i], 0.0, "distances, row " + i);
            assertArrayEquals(b.distance()[i], p.distance()[i], 0.0, "distances, row " + i);
        }
        int[][] refQ = reference(data, q, k, false);
        Neighbours.Result c = tree.query(q, k), e = scan.query(q, k), f = blas.query(q, k);
        for (int i = 0; i < q.length; i++) {
            assertArrayEquals(refQ[i], c.index()[i], "tree, query " + i);
            assertArrayEquals(refQ[i], e.index()[i], "scan, query " + i);
            assertArrayEquals(refQ[i], f.index()[i], "BLAS-screened, query " + i);
            assertArrayEquals(c.distance()[i], e.distance()[i], 0.0);
            assertArrayEquals(e.distance()[i], f.distance()[i], 0.0);
        }
    }

    @Test
    void realDataTreeScanAndReferenceAgree() {
        double[][] x = Arrays.copyOf(Fixtures.input(), 900);
        check(x, Arrays.copyOfRange(Fixtures.input(), 900, 1000), 20);
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
        Neighbours.Result a = Neighbours.scan(x).selfNeighbours(20), b = Neighbours.product(x).selfNeighbours(20);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(a.index()[i], b.index()[i], "row " + i);
            assertArrayEquals(a.distance()[i], b.distance()[i], 0.0, "row " + i);
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
        assertArrayEquals(new int[] {1}, g.index()[0]);
        assertArrayEquals(new int[] {0}, g.index()[1]);
        assertArrayEquals(new double[] {0}, g.distance()[0], 0.0);
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
        assertTrue(Neighbours.of(new double[600][40]).usesProduct());
        assertFalse(Neighbours.of(new double[600][3]).usesProduct());
        assertFalse(Neighbours.of(new double[100][3]).usesTree());
    }
}
