package emolab.imbalance;

import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Seeded k-means for the cluster-based samplers: Smile's {@link KMeans} (k-means++ seeding,
 * Lloyd iterations with a BBD tree) with {@code MathEx.setSeed(seed)} on the calling thread, so
 * a seed gives the same clusters every run. Smile's per-iteration INFO log is silenced.
 */
final class KMeansClusters {
    private KMeansClusters() {}

    /** Centroids (k × d) and the cluster of each row. */
    record Result(double[][] centroids, int[] labels) {}

    static {
        String key = "org.slf4j.simpleLogger.log.smile.clustering";
        if (System.getProperty(key) == null) System.setProperty(key, "warn");
    }

    /** k-means with k ≥ 1 clusters on n ≥ k rows. */
    static Result fit(double[][] X, int k, long seed) {
        int n = X.length, d = X[0].length;
        if (k < 1 || k > n) throw new IllegalArgumentException("k-means needs 1 <= k <= n rows, got k = " + k + ", n = " + n);
        if (k == n) {
            double[][] c = new double[n][];
            int[] lab = new int[n];
            for (int i = 0; i < n; i++) {
                c[i] = X[i].clone();
                lab[i] = i;
            }
            return new Result(c, lab);
        }
        if (k == 1) {
            double[] mean = new double[d];
            for (double[] r : X) for (int j = 0; j < d; j++) mean[j] += r[j];
            for (int j = 0; j < d; j++) mean[j] /= n;
            return new Result(new double[][] {mean}, new int[n]);
        }
        KMeans km;
        synchronized (KMeansClusters.class) {
            MathEx.setSeed(seed);
            km = KMeans.fit(X, k, 100, 1e-4);
        }
        double[][] c = new double[km.centroids.length][];
        for (int i = 0; i < c.length; i++) c[i] = km.centroids[i].clone();
        return new Result(c, km.y.clone());
    }
}
