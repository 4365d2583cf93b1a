package emolab.timeseries;

import emolab.timeseries.clustering.ClusterScores;
import emolab.timeseries.clustering.Dba;
import emolab.timeseries.clustering.EuclideanKMeans;
import emolab.timeseries.clustering.KMedoids;
import emolab.timeseries.clustering.TimeSeriesKMeans;
import emolab.timeseries.distances.DistanceMatrix;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;
import smile.validation.metric.NormalizedMutualInformation;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clustering scores on hand-computed examples, and the clustering algorithms on separable data. */
class ClusteringTest {
    @Test
    void adjustedRandIndexByHand() {
        // contingency [[2,0,0],[0,1,1]]: Σ C(n_ij,2) = 1, rows 2, cols 1, C(4,2) = 6 -> (1 - 2/6) / (1.5 - 2/6) = 4/7
        assertEquals(4.0 / 7, ClusterScores.adjustedRandIndex(new int[]{0, 0, 1, 1}, new int[]{0, 0, 1, 2}), 1e-15);
        assertEquals(1.0, ClusterScores.adjustedRandIndex(new int[]{0, 0, 1, 1}, new int[]{5, 5, 3, 3}), 0);
        // [0,0,1,1] vs [0,1,0,1]: Σ = 0, rows 2, cols 2 -> (0 - 4/6) / (2 - 4/6) = -0.5
        assertEquals(-0.5, ClusterScores.adjustedRandIndex(new int[]{0, 0, 1, 1}, new int[]{0, 1, 0, 1}), 1e-15);
        assertEquals(1.0, ClusterScores.adjustedRandIndex(new int[]{1, 1, 1}, new int[]{2, 2, 2}), 0);
    }

    @Test
    void normalizedMutualInformationByHand() {
        // pred refines truth: I = H(truth) = ln 2, H(pred) = 1.5 ln 2 -> ln2 / (1.25 ln 2) = 0.8
        assertEquals(0.8, ClusterScores.normalizedMutualInformation(new int[]{0, 0, 1, 1}, new int[]{0, 0, 1, 2}), 1e-15);
        assertEquals(0.0, ClusterScores.normalizedMutualInformation(new int[]{0, 0, 1, 1}, new int[]{0, 1, 0, 1}), 1e-15);
        assertEquals(1.0, ClusterScores.normalizedMutualInformation(new int[]{0, 0, 1, 1}, new int[]{1, 1, 0, 0}), 1e-15);
    }

    @Test
    void scoresAgreeWithSmileOnRandomLabelings() {
        Random r = new Random(3);
        for (int t = 0; t < 50; t++) {
            int n = 20 + r.nextInt(200);
            int[] a = new int[n], b = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(2 + t % 6);
                b[i] = r.nextBoolean() ? a[i] : r.nextInt(4);
            }
            assertEquals(AdjustedRandIndex.of(a, b), ClusterScores.adjustedRandIndex(a, b), 1e-12);
            assertEquals(NormalizedMutualInformation.sum(a, b), ClusterScores.normalizedMutualInformation(a, b), 1e-12);
        }
    }

    @Test
    void silhouetteByHand() {
        double[][] x = {{0}, {1}, {10}, {11}};
        // points 0 and 3: 1 - 1/10.5; points 1 and 2: 1 - 1/9.5 -> mean 1 - (1/21 + 1/19) = 359/399
        assertEquals(359.0 / 399, ClusterScores.silhouette(x, new int[]{0, 0, 1, 1}, true), 1e-15);
        // a singleton cluster contributes 0: labels [0,0,1,2] -> points 0,1 only
        double s0 = 1 - 1 / 5.5, s1 = 1 - 1 / 4.5; // b of point 0 = min(10, 11), of point 1 = min(9, 10)
        s0 = (10 - 1) / 10.0;
        s1 = (9 - 1) / 9.0;
        assertEquals((s0 + s1) / 4, ClusterScores.silhouette(x, new int[]{0, 0, 1, 2}, true), 1e-15);
        assertThrows(emolab.study.NotApplicableException.class, () -> ClusterScores.silhouette(x, new int[]{0, 0, 0, 0}, true), "one cluster: no silhouette");
        assertThrows(IllegalArgumentException.class, () -> ClusterScores.adjustedRandIndex(new int[]{0}, new int[]{0, 1}));
    }

    /** Three shapes (sine, square, ramp), 15 noisy, randomly shifted copies each. */
    static double[][] shapes(int[] truth, Random r) {
        int n = truth.length, len = 60;
        double[][] x = new double[n][len];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 3;
            int shift = r.nextInt(6);
            for (int t = 0; t < len; t++) {
                double u = (t + shift) / (double) len;
                double v = switch (truth[i]) {
                    case 0 -> Math.sin(2 * Math.PI * 2 * u);
                    case 1 -> Math.signum(Math.sin(2 * Math.PI * u));
                    default -> 2 * u - 1;
                };
                x[i][t] = v + 0.1 * r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void algorithmsRecoverSeparableShapes() {
        Random r = new Random(5);
        int[] truth = new int[45];
        double[][] x = shapes(truth, r);
        TimeSeriesKMeans tk = TimeSeriesKMeans.fit(x, 3, 6, 20, 2, 42, null);
        assertEquals(1.0, ClusterScores.adjustedRandIndex(truth, tk.labels()), 1e-12);
        TimeSeriesKMeans again = TimeSeriesKMeans.fit(x, 3, 6, 20, 2, 42, null);
        assertArrayEquals(tk.labels(), again.labels());
        double[][] d = DistanceMatrix.dtw(x, 6, null);
        KMedoids km = KMedoids.fit(d, 3, 50, 3, 1);
        assertEquals(1.0, ClusterScores.adjustedRandIndex(truth, km.labels()), 1e-12);
        for (int j = 0; j < 3; j++) assertEquals(j, km.labels()[km.medoids()[j]]);
        EuclideanKMeans ek = EuclideanKMeans.fit(x, 3, 5, 7);
        assertTrue(ClusterScores.adjustedRandIndex(truth, ek.labels()) > 0.9, "Euclidean k-means ARI");
        assertArrayEquals(ek.labels(), EuclideanKMeans.fit(x, 3, 5, 7).labels());
        assertTrue(ClusterScores.silhouette(d, tk.labels()) > 0.5);
    }

    @Test
    void dbaAveragesShiftedCopiesBetterThanThePointwiseMean() {
        double[] base = new double[50];
        for (int t = 0; t < 50; t++) base[t] = Math.exp(-Math.pow((t - 25) / 3.0, 2));
        List<double[]> shifted = new java.util.ArrayList<>();
        for (int s = -6; s <= 6; s += 3) {
            double[] c = new double[50];
            for (int t = 0; t < 50; t++) c[t] = base[Math.max(0, Math.min(49, t - s))];
            shifted.add(c);
        }
        Dba dba = new Dba(-1, 30, 1e-6);
        double[] mean = new double[50];
        for (double[] c : shifted) for (int t = 0; t < 50; t++) mean[t] += c[t] / shifted.size();
        double[] avg = dba.average(shifted);
        assertTrue(dba.cost(shifted, avg) < dba.cost(shifted, mean), "DBA lowers the DTW cost of the mean");
        double peak = 0;
        for (double v : avg) peak = Math.max(peak, v);
        assertTrue(peak > 0.9, "DBA keeps the peak height (the mean of shifted peaks flattens it): " + peak);
    }
}
