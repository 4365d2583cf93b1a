package emolab.timeseries.clustering;

import emolab.timeseries.Series;
import emolab.timeseries.distances.Dtw;
import java.util.List;

/**
 * DTW Barycenter Averaging (Petitjean, Ketterlin &amp; Gançarski 2011): the average of a set of
 * series under DTW. Starting from an initial average, each iteration aligns every series to the
 * average (DTW path, same Sakoe–Chiba band as the clustering) and replaces each point of the
 * average by the mean of the points aligned to it; it stops after {@code maxIter} iterations or when
 * the sum of squared DTW distances improves by less than {@code tol} (relative), as tslearn's
 * {@code dtw_barycenter_averaging}. Deterministic.
 */
public final class Dba {
    private final int radius;
    private final int maxIter;
    private final double tol;

    /**
     * @param radius  Sakoe–Chiba radius of the alignments (negative: unconstrained)
     * @param maxIter iterations at most (≥ 1)
     * @param tol     relative improvement below which it stops (≥ 0)
     */
    public Dba(int radius, int maxIter, double tol) {
        if (maxIter < 1) throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        if (!(tol >= 0)) throw new IllegalArgumentException("tol must be >= 0, got " + tol);
        this.radius = radius;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    /** The DBA of {@code series}, starting from their point-wise (Euclidean) mean; equal lengths required. */
    public double[] average(List<double[]> series) {
        if (series.isEmpty()) throw new IllegalArgumentException("DBA of no series");
        int n = Series.requireEqualLengths(series.toArray(new double[0][]), "series");
        double[] init = new double[n];
        for (double[] s : series) for (int t = 0; t < n; t++) init[t] += s[t];
        for (int t = 0; t < n; t++) init[t] /= series.size();
        return average(series, init);
    }

    /** The DBA of {@code series} starting from {@code init} (whose length sets the average's length). */
    public double[] average(List<double[]> series, double[] init) {
        if (series.isEmpty()) throw new IllegalArgumentException("DBA of no series");
        Series.requireFinite(init, "initial average");
        double[] avg = init.clone();
        double prevCost = Double.POSITIVE_INFINITY;
        double[] previous = avg;
        for (int it = 0; it < maxIter; it++) {
            double[] sum = new double[avg.length];
            int[] count = new int[avg.length];
            double cost = 0;
            for (double[] s : series) {
                List<int[]> path = Dtw.path(avg, s, radius);
                for (int[] p : path) {
                    sum[p[0]] += s[p[1]];
                    count[p[0]]++;
                    double d = avg[p[0]] - s[p[1]];
                    cost += d * d;
                }
            }
            if (it > 0 && cost >= prevCost) return previous; // the last update did not help: keep the one before
            if (it > 0 && prevCost - cost <= tol * prevCost) break;
            prevCost = cost;
            previous = avg.clone();
            for (int t = 0; t < avg.length; t++) avg[t] = sum[t] / count[t];
        }
        return avg;
    }

    /** Sum of squared DTW distances of the series to {@code avg}. */
    public double cost(List<double[]> series, double[] avg) {
        double c = 0;
        for (double[] s : series) c += Dtw.squared(avg, s, radius, Double.POSITIVE_INFINITY);
        return c;
    }
}
