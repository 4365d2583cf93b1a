package emolab.timeseries.clustering;

import emolab.timeseries.Series;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Euclidean k-means of equal-length series (e.g. their PAA) with Smile's {@link KMeans}
 * (k-means++ seeding, BBD-tree Lloyd iterations), best of {@code nInit} runs with seeds
 * {@code seed, seed+1, …} (Smile draws its seeds from {@link MathEx}'s per-thread generator,
 * which is re-seeded before each run, so results repeat).
 *
 * @param labels    cluster of each series
 * @param centroids cluster means
 * @param inertia   sum of squared distances to the assigned centroid
 */
public record EuclideanKMeans(int[] labels, double[][] centroids, double inertia) {

    public static EuclideanKMeans fit(double[][] x, int k, int nInit, long seed) {
        Series.requireEqualLengths(x, "series");
        Series.requireFinite(x, "series");
        if (k < 2) throw new IllegalArgumentException("k must be >= 2, got " + k);
        emolab.study.NotApplicableException.require(k <= x.length, "k-means: k = " + k + " clusters for " + x.length + " series");
        if (nInit < 1) throw new IllegalArgumentException("nInit must be >= 1, got " + nInit);
        KMeans best = null;
        for (int r = 0; r < nInit; r++) {
            MathEx.setSeed(seed + r);
            KMeans km = KMeans.fit(x, k, 300, 1e-4);
            if (best == null || km.distortion < best.distortion) best = km;
        }
        return new EuclideanKMeans(best.y.clone(), best.centroids.clone(), best.distortion);
    }
}
