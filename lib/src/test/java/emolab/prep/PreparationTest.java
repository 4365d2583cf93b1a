package emolab.prep;

import emolab.numeric.Correlation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Unit tests of the preparation chain on small hand-made tables. */
class PreparationTest {

    private static Table table(double[] a, double[] b, double[] k) {
        int n = a.length;
        String[] lab = new String[n];
        int[] actor = new int[n];
        for (int i = 0; i < n; i++) {
            lab[i] = "L" + i;
            actor[i] = i + 1;
        }
        return Table.create("t").addColumns(StringColumn.create("label", lab), DoubleColumn.create("a", a),
                IntColumn.create("actor", actor), DoubleColumn.create("b", b), DoubleColumn.create("k", k));
    }

    @Test
    void constantDroppedAndValuesCubeRootedAndScaled() {
        // a = {-8, 1, 8, 27}: cbrt = {-2, 1, 2, 3}; mean 1, population var (9+0+1+4)/4 = 3.5
        Table t = table(new double[] {-8, 1, 8, 27}, new double[] {1, 0, 0, 1}, new double[] {5, 5, 5, 5});
        PreparationModel m = Preparation.builder().dropConstant().cubeRoot().standardScale().build()
                .fit(t, List.of("a", "b", "k"));
        assertEquals(List.of("k"), m.droppedConstant());
        assertEquals(List.of("a", "b"), m.kept());
        assertEquals(1.0, m.means().get("a"), 1e-15);
        assertEquals(Math.sqrt(3.5), m.scales().get("a"), 1e-15);
        Table out = m.transform(t);
        assertEquals(List.of("label", "a", "actor", "b"), out.columnNames());
        double s = Math.sqrt(3.5);
        assertArrayEquals(new double[] {-3 / s, 0, 1 / s, 2 / s}, out.doubleColumn("a").asDoubleArray(), 1e-15);
        // non-feature columns are untouched, including type
        assertEquals(t.stringColumn("label").asList(), out.stringColumn("label").asList());
        assertArrayEquals(t.intColumn("actor").asIntArray(), out.intColumn("actor").asIntArray());
        // the input table is not modified
        assertEquals(-8, t.doubleColumn("a").getDouble(0));
    }

    @Test
    void cubeRootIsSignPreservingLikeNumpy() {
        Table t = table(new double[] {-27, -0.001, 0, 64}, new double[] {1, 2, 3, 4}, new double[] {1, 1, 2, 2});
        Table out = Preparation.builder().cubeRoot().build().fit(t, List.of("a")).transform(t);
        assertArrayEquals(new double[] {-3, -0.1, 0, 4}, out.doubleColumn("a").asDoubleArray(), 1e-15);
    }

    @Test
    void zeroVarianceScaleIsOneLikeSklearn() {
        Table t = table(new double[] {0.1, 0.1, 0.1}, new double[] {1, 2, 3}, new double[] {1, 2, 4});
        PreparationModel m = Preparation.builder().standardScale().build().fit(t, List.of("a", "b"));
        assertEquals(1.0, m.scales().get("a"));
        assertArrayEquals(new double[] {0, 0, 0}, m.transform(t).doubleColumn("a").asDoubleArray(), 1e-16);
        assertEquals(Math.sqrt(2.0 / 3), m.scales().get("b"), 1e-15); // ddof = 0
    }

    @Test
    void duplicateRowsDroppedOnTrainOnlyKeepingFirst() {
        // rows 0 and 2 equal on the features (labels differ); rows 1 and 3 too; -0.0 equals 0.0
        Table t = table(new double[] {1, 0.0, 1, -0.0, 5}, new double[] {2, 3, 2, 3, 4}, new double[] {0, 0, 0, 0, 0});
        PreparationModel m = Preparation.builder().dropDuplicateRows().standardScale().build()
                .fit(t, List.of("a", "b"));
        assertEquals(2, m.duplicateRowsDropped());
        assertArrayEquals(new int[] {2, 3}, m.droppedTrainRows());
        Table train = m.preparedTrain();
        assertEquals(List.of("L0", "L1", "L4"), train.stringColumn("label").asList());
        // scaler fitted on the 3 remaining rows: a = {1, 0, 5}
        assertEquals(2.0, m.means().get("a"), 1e-15);
        // transform never drops rows
        assertEquals(5, m.transform(t).rowCount());
    }

    @Test
    void correlationDropIsThePandasUpperTriangleRuleNotGreedy() {
        // Overlapping sums of 5 iid normals: r(a,b) = r(b,c) = 0.8, r(a,c) = 0.6 in expectation.
        Random rnd = new Random(42);
        int n = 20000;
        double[] a = new double[n], b = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[7];
            for (int k = 0; k < 7; k++) z[k] = rnd.nextGaussian();
            a[i] = z[0] + z[1] + z[2] + z[3] + z[4];
            b[i] = z[1] + z[2] + z[3] + z[4] + z[5];
            c[i] = z[2] + z[3] + z[4] + z[5] + z[6];
        }
        double[][] r = Correlation.matrix(new double[][] {a, b, c});
        assertTrue(r[0][1] > 0.77 && r[1][2] > 0.77 && r[0][2] < 0.63, "fixture assumption");
        Table t = table(a, b, c);
        PreparationModel m = Preparation.builder().dropCorrelated(0.75).build().fit(t, List.of("a", "b", "k"));
        // c ("k") is dropped because of b, although b is itself dropped; a greedy scan would keep it.
        assertEquals(List.of("b", "k"), m.droppedCorrelated());
        assertEquals(List.of("a"), m.kept());
        Table rep = m.report();
        assertEquals(List.of("kept", "dropped", "dropped"), rep.stringColumn("decision").asList());
        assertTrue(rep.stringColumn("reason").get(2).contains("'b'"), rep.stringColumn("reason").get(2));
    }

    @Test
    void correlationMatchesDirectFormulaAndIsFast() {
        Random rnd = new Random(7);
        int n = 2000, d = 425;
        double[][] cols = new double[d][n];
        for (int j = 0; j < d; j++)
            for (int i = 0; i < n; i++) cols[j][i] = rnd.nextGaussian() + (j > 0 ? 0.5 * cols[j - 1][i] : 0) + 100;
        Correlation.matrix(cols); // warm-up
        long t0 = System.nanoTime();
        double[][] r = Correlation.matrix(cols);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Pearson matrix %d x %d columns, %d rows: %.3f s%n", d, d, n, s);
        assertTrue(s < 2.0, "took " + s + " s");
        // direct formula with means recomputed per pair, for a few pairs
        for (int[] p : new int[][] {{0, 1}, {3, 200}, {424, 17}, {100, 100}}) {
            double[] x = cols[p[0]], y = cols[p[1]];
            double mx = 0, my = 0;
            for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
            mx /= n;
            my /= n;
            double sxy = 0, sxx = 0, syy = 0;
            for (int i = 0; i < n; i++) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
            assertEquals(sxy / Math.sqrt(sxx * syy), r[p[0]][p[1]], 1e-14);
            assertEquals(r[p[0]][p[1]], r[p[1]][p[0]]);
        }
    }

    @Test
    void constantColumnHasNaNCorrelationAndIsNeverDroppedAsCorrelated() {
        Table t = table(new double[] {0.1, 0.1, 0.1}, new double[] {1, 2, 3}, new double[] {1, 2, 3.5});
        double[][] r = Correlation.matrix(Tables.columns(t, List.of("a", "b")));
        assertTrue(Double.isNaN(r[0][1]));
        PreparationModel m = Preparation.builder().dropCorrelated(0.75).build().fit(t, List.of("a", "b", "k"));
        assertEquals(List.of("k"), m.droppedCorrelated());
    }

    @Test
    void nanInFeatureNamesColumnAndRow() {
        Table t = table(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preparation.course().fit(t, List.of("a", "b")));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void thresholdMustLieInZeroOne() {
        for (double bad : new double[] {0, -0.5, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY})
            assertThrows(IllegalArgumentException.class, () -> Preparation.builder().dropCorrelated(bad), "" + bad);
        Preparation.builder().dropCorrelated(1.0).build(); // 1 is allowed
    }

    @Test
    void transformNamesMissingFittedColumn() {
        Table t = table(new double[] {1, 2, 3}, new double[] {3, 1, 2}, new double[] {1, 2, 3});
        PreparationModel m = Preparation.course().fit(t, List.of("a", "b"));
        Table other = t.copy().removeColumns("b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.transform(other));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }

    @Test
    void needsTwoTrainRowsAndValidFeatures() {
        Table one = table(new double[] {1}, new double[] {2}, new double[] {3});
        assertThrows(IllegalArgumentException.class, () -> Preparation.course().fit(one, List.of("a")));
        Table dup = table(new double[] {1, 1}, new double[] {2, 2}, new double[] {3, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preparation.builder().dropDuplicateRows().build().fit(dup, List.of("a", "b")));
        assertTrue(e.getMessage().contains("distinct"), e.getMessage());
        Table t = table(new double[] {1, 2}, new double[] {2, 3}, new double[] {3, 4});
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Preparation.course().fit(t, List.of("a", "nope")));
        assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> Preparation.course().fit(t, List.of("label")));
        assertTrue(text.getMessage().contains("'label'"), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Preparation.course().fit(t, List.of("a", "a")));
    }
}
