package emolab.imbalance;

import emolab.numeric.Neighbours;

import java.util.LinkedHashMap;

/**
 * Cluster-centroid under-sampling (imbalanced-learn {@code ClusterCentroids}): each targeted class
 * is replaced by the centroids of a k-means with as many clusters as rows to keep
 * ({@link Voting#SOFT}: the centroids, synthetic rows) or by the class row nearest to each
 * centroid ({@link Voting#HARD}: real rows, with their indices). Untargeted classes are kept.
 * Output: class by class (ascending label). k-means is Smile's, seeded (imbalanced-learn uses
 * scikit-learn's KMeans, so centroids are not identical).
 */
public final class ClusterCentroids extends AbstractSampler<ClusterCentroids> {

    /** What replaces a cluster. */
    public enum Voting { SOFT, HARD }

    private Voting voting = Voting.SOFT;

    public ClusterCentroids voting(Voting v) {
        if (v == null) throw new IllegalArgumentException(name() + ": voting is null");
        this.voting = v;
        return this;
    }

    public ClusterCentroids seed(long seed) {
        return setSeed(seed);
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.UNDER_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        Classes.Builder out = new Classes.Builder();
        for (int c : Classes.counts(y).keySet()) {
            int[] idx = Classes.where(y, c);
            Integer keep = target.get(c);
            if (keep == null) {
                for (int i : idx) out.add(X[i], c, i);
                continue;
            }
            if (keep == 0) continue;
            double[][] Xc = Classes.rows(X, idx);
            KMeansClusters.Result km = KMeansClusters.fit(Xc, keep, seed());
            if (voting == Voting.SOFT) {
                out.addSynthetic(km.centroids(), c);
            } else {
                Neighbours.Result nn = Neighbours.query(Xc, km.centroids(), 1);
                for (int[] r : nn.indices()) out.add(Xc[r[0]], c, idx[r[0]]);
            }
        }
        return out.build();
    }
}
