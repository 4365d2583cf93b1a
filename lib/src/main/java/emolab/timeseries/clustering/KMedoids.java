package emolab.timeseries.clustering;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-medoids on a precomputed distance matrix (e.g. {@link DistanceMatrix#dtw}): k-medoids++
 * seeding, then the "alternate" (Voronoi iteration) algorithm — assign every item to its nearest
 * medoid, make each cluster's medoid the member with the smallest sum of distances to the other
 * members, repeat until the medoids stop changing. Best of {@code nInit} seeded runs (lowest total
 * distance). Deterministic for a seed.
 *
 * @param labels  cluster of each item
 * @param medoids item index of each cluster's medoid
 * @param cost    sum of distances of the items to their medoid
 */
public record KMedoids(int[] labels, int[] medoids, double cost) {

    /** Clusters the {@code n} items of the symmetric distance matrix {@code d}. */
    public static KMedoids fit(double[][] d, int k, int maxIter, int nInit, long seed) {
        int n = d.length;
        if (n == 0) throw new IllegalArgumentException("empty distance matrix");
        for (int i = 0; i < n; i++) {
            if (d[i].length != n) throw new IllegalArgumentException("distance matrix row " + i + " has " + d[i].length + " entries, expected " + n);
            for (double v : d[i]) if (!(v >= 0) || Double.isInfinite(v))
                throw new IllegalArgumentException("distance matrix row " + i + " has a negative, NaN or infinite entry");
        }
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        emolab.study.NotApplicableException.require(k <= n, "k-medoids: k = " + k + " clusters for " + n + " items");
        SplittableRandom root = new SplittableRandom(seed);
        KMedoids best = null;
        for (int r = 0; r < nInit; r++) {
            KMedoids run = once(d, k, maxIter, root.split());
            if (best == null || run.cost < best.cost) best = run;
        }
        return best;
    }

    private static KMedoids once(double[][] d, int k, int maxIter, SplittableRandom rnd) {
        int n = d.length;
        int[] med = new int[k];
        med[0] = rnd.nextInt(n);
        double[] near = d[med[0]].clone();
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double v : near) total += v * v;
            int pick = -1;
            if (total > 0) {
                double u = rnd.nextDouble() * total, acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += near[i] * near[i];
                    if (acc > u) { pick = i; break; }
                }
            }
            if (pick < 0 || contains(med, j, pick)) {
                for (int i = 0; i < n && (pick < 0 || contains(med, j, pick)); i++) pick = i;
            }
            med[j] = pick;
            for (int i = 0; i < n; i++) near[i] = Math.min(near[i], d[pick][i]);
        }
        int[] labels = new int[n];
        for (int it = 0; it < maxIter; it++) {
            assign(d, med, labels);
            int[] next = med.clone();
            for (int j = 0; j < k; j++) {
                double bestSum = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (labels[i] != j) continue;
                    double s = 0;
                    for (int m = 0; m < n; m++) if (labels[m] == j) s += d[i][m];
                    if (s < bestSum) { bestSum = s; next[j] = i; }
                }
            }
            if (Arrays.equals(next, med)) break;
            med = next;
        }
        double cost = assign(d, med, labels);
        return new KMedoids(labels, med, cost);
    }

    private static boolean contains(int[] a, int len, int v) {
        for (int i = 0; i < len; i++) if (a[i] == v) return true;
        return false;
    }

    private static double assign(double[][] d, int[] med, int[] labels) {
        double cost = 0;
        for (int i = 0; i < d.length; i++) {
            int b = 0;
            for (int j = 1; j < med.length; j++) if (d[i][med[j]] < d[i][med[b]]) b = j;
            labels[i] = b;
            cost += d[i][med[b]];
        }
        return cost;
    }
}
