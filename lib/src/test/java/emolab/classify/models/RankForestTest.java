package emolab.classify.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import emolab.classify.Blobs;
import emolab.prep.LabeledData;
import org.junit.jupiter.api.Test;

/**
 * {@link RankForest}'s split search (ranks, incremental impurity) against a brute-force search:
 * for every internal node of a tree grown with all features examined, the chosen split's
 * weighted impurity equals the minimum over every feature and every threshold between two
 * distinct values of the node (within 1e-9 relative), the threshold lies halfway between two
 * neighbouring values of the node, and every leaf is pure or has no split left. Data with ties
 * (a coarse lattice) and with min_samples_leaf 1 and 3, Gini and entropy.
 */
class RankForestTest {

    @Test
    void everySplitIsTheBruteForceOptimum() {
        LabeledData blobs = Blobs.make(4, 40, 5, 3, 1.0, 4, 21);
        SplittableRandom r = new SplittableRandom(8);
        double[][] lattice = new double[150][4];
        int[] ly = new int[150];
        for (int i = 0; i < 150; i++) {
            for (int j = 0; j < 4; j++) lattice[i][j] = r.nextInt(5);
            ly[i] = (int) ((lattice[i][0] + lattice[i][1] + r.nextInt(3)) % 3);
        }
        for (boolean entropy : new boolean[] {false, true}) {
            for (int minLeaf : new int[] {1, 3}) {
                check(blobs.x(), blobs.y(), 4, entropy, minLeaf);
                check(lattice, ly, 3, entropy, minLeaf);
            }
        }
    }

    @Test
    void forestIsDeterministicAndFitsItsTrainingData() {
        LabeledData d = Blobs.make(3, 60, 6, 2, 1.5, 4, 2);
        var s = new RankForest.Settings(50, true, 2, 0, 1, 1.0, 7);
        RankForest a = RankForest.fit(d.x(), d.y(), 3, s), b = RankForest.fit(d.x(), d.y(), 3, s);
        double[][] pa = a.predictProba(d.x()), pb = b.predictProba(d.x());
        for (int i = 0; i < pa.length; i++) assertArrayEquals(pa[i], pb[i], 0.0);
        int[] p = a.predict(d.x());
        int right = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == d.y()[i]) right++;
        assertTrue(right >= 0.95 * p.length, "training accuracy " + right + "/" + p.length);
        for (double[] row : pa) {
            double sum = 0;
            for (double v : row) sum += v;
            assertEquals(1.0, sum, 1e-6);
        }
    }

    private static void check(double[][] x, int[] y, int k, boolean entropy, int minLeaf) {
        RankForest.Tree t = RankForest.fitOneTree(x, y, k, entropy, minLeaf);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < x.length; i++) all.add(i);
        int[] internal = {0};
        walk(t, 0, all, x, y, k, entropy, minLeaf, internal);
        assertTrue(internal[0] > 5, "a tree with some splits");
    }

    private static void walk(RankForest.Tree t, int node, List<Integer> rows, double[][] x, int[] y, int k, boolean entropy,
                             int minLeaf, int[] internal) {
        double best = bruteForce(rows, x, y, k, entropy, minLeaf);
        if (t.feature()[node] < 0) {
            assertTrue(Double.isInfinite(best) || pure(rows, y), "leaf with " + rows.size() + " rows could still be split");
            return;
        }
        internal[0]++;
        int f = t.feature()[node];
        double thr = t.threshold()[node];
        List<Integer> l = new ArrayList<>(), r = new ArrayList<>();
        for (int i : rows) (x[i][f] <= thr ? l : r).add(i);
        double got = cost(l, y, k, entropy) + cost(r, y, k, entropy);
        assertEquals(best, got, 1e-9 * Math.max(1, best), "node " + node + ": split on feature " + f + " at " + thr);
        TreeSet<Double> vals = new TreeSet<>();
        for (int i : rows) vals.add(x[i][f]);
        double lo = vals.floor(thr), hi = vals.higher(thr);
        assertEquals((lo + hi) / 2, thr, 0.0, "threshold halfway between neighbouring values");
        walk(t, t.left()[node], l, x, y, k, entropy, minLeaf, internal);
        walk(t, t.right()[node], r, x, y, k, entropy, minLeaf, internal);
    }

    private static boolean pure(List<Integer> rows, int[] y) {
        for (int i : rows) if (y[i] != y[rows.get(0)]) return false;
        return true;
    }

    /** Minimal weighted impurity over all features and thresholds; +∞ if no valid split. */
    private static double bruteForce(List<Integer> rows, double[][] x, int[] y, int k, boolean entropy, int minLeaf) {
        double best = Double.POSITIVE_INFINITY;
        if (rows.size() < 2 || pure(rows, y)) return best;
        for (int f = 0; f < x[0].length; f++) {
            TreeSet<Double> vals = new TreeSet<>();
            for (int i : rows) vals.add(x[i][f]);
            Double prev = null;
            for (double v : vals) {
                if (prev != null) {
                    double thr = (prev + v) / 2;
                    List<Integer> l = new ArrayList<>(), r = new ArrayList<>();
                    for (int i : rows) (x[i][f] <= thr ? l : r).add(i);
                    if (l.size() >= minLeaf && r.size() >= minLeaf)
                        best = Math.min(best, cost(l, y, k, entropy) + cost(r, y, k, entropy));
                }
                prev = v;
            }
        }
        return best;
    }

    /** n·H (entropy, nats) or n·Gini of a set of rows. */
    private static double cost(List<Integer> rows, int[] y, int k, boolean entropy) {
        int n = rows.size();
        if (n == 0) return 0;
        int[] c = new int[k];
        for (int i : rows) c[y[i]]++;
        double v = 0;
        for (int q = 0; q < k; q++) {
            double p = (double) c[q] / n;
            v += entropy ? (p > 0 ? -p * Math.log(p) : 0) : p * (1 - p);
        }
        return n * v;
    }
}
