package emolab.outliers;

import emolab.numeric.Neighbours;

import java.util.Arrays;

/**
 * k-nearest-neighbour distance (Ramaswamy, Rastogi &amp; Shim 2000; Angiulli &amp; Pizzuti 2002):
 * a row far from its k nearest neighbours is an outlier. The score is the distance to the k-th
 * neighbour ({@link Aggregation#LARGEST}, pyod's {@code method='largest'}), the mean of the k
 * distances ({@link Aggregation#MEAN}) or their median ({@link Aggregation#MEDIAN}).
 *
 * <p>Training rows leave themselves out of their own neighbours (scikit-learn's
 * {@code kneighbors()} without arguments); new rows are compared with all training rows.
 */
public final class KnnDistance implements OutlierDetector {

    /** How the k neighbour distances become one score. */
    public enum Aggregation { LARGEST, MEAN, MEDIAN }

    private final int k;
    private final Aggregation aggregation;

    /** @param k neighbours (≥ 1) */
    public KnnDistance(int k, Aggregation aggregation) {
        this.k = DetectorInput.positive("k", k);
        this.aggregation = java.util.Objects.requireNonNull(aggregation, "aggregation");
    }

    @Override
    public String name() {
        return "kNN " + aggregation.name().toLowerCase(java.util.Locale.ROOT) + " (k=" + k + ")";
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, k + 1, "k = " + k + " neighbours besides the row itself");
        Neighbours nn = Neighbours.of(train);
        double[] s = aggregate(nn.selfNeighbours(k).distances());
        return OutlierModel.of(name(), train[0].length, s, x -> aggregate(nn.query(x, k).distances()));
    }

    private double[] aggregate(double[][] dist) {
        double[] out = new double[dist.length];
        for (int i = 0; i < dist.length; i++) {
            double[] dd = dist[i];
            out[i] = switch (aggregation) {
                case LARGEST -> dd[k - 1];
                case MEAN -> {
                    double s = 0;
                    for (double v : dd) s += v;
                    yield s / k;
                }
                case MEDIAN -> {
                    double[] c = dd.clone();
                    Arrays.sort(c);
                    yield k % 2 == 1 ? c[k / 2] : 0.5 * (c[k / 2 - 1] + c[k / 2]);
                }
            };
        }
        return out;
    }
}
