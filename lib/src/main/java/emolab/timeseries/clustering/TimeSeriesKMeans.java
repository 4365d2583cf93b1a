package emolab.timeseries.clustering;

import emolab.timeseries.Series;
import emolab.timeseries.distances.Dtw;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * k-means under DTW with DBA barycentres (tslearn's {@code TimeSeriesKMeans(metric='dtw')}):
 * k-means++ seeding with squared DTW distances, then alternate (1) assign every series to the
 * centroid at the smallest DTW distance (Sakoe–Chiba band) and (2) replace each centroid by the
 * {@link Dba} of its members, starting from the current centroid; stop when no assignment changes
 * or after {@code maxIter} rounds. An emptied cluster is re-seeded with the series farthest from its
 * centroid. The best of {@code nInit} seeded runs (lowest inertia = sum of squared DTW distances)
 * is kept. Same seed and data, same result. Assignments run in parallel.
 *
 * @param labels    cluster of each series
 * @param centroids the barycentres
 * @param inertia   sum of squared DTW distances to the assigned centroid
 * @param iterations rounds of the kept run
 */
public record TimeSeriesKMeans(int[] labels, double[][] centroids, double inertia, int iterations) {

    /**
     * Clusters equal-length series.
     *
     * @param x        series (equal lengths)
     * @param k        clusters, 2..n
     * @param radius   Sakoe–Chiba radius (negative: unconstrained)
     * @param maxIter  assignment rounds at most
     * @param nInit    seeded restarts
     * @param seed     random seed
     * @param progress (run, runs) callback, may be null
     */
    public static TimeSeriesKMeans fit(double[][] x, int k, int radius, int maxIter, int nInit, long seed,
                                       BiConsumer<Integer, Integer> progress) {
        Series.requireEqualLengths(x, "series");
        Series.requireFinite(x, "series");
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        emolab.study.NotApplicableException.require(k <= x.length, "TimeSeriesKMeans: k = " + k + " clusters for " + x.length + " series");
        if (maxIter < 1 || nInit < 1) throw new IllegalArgumentException("maxIter and nInit must be >= 1");
        SplittableRandom root = new SplittableRandom(seed);
        TimeSeriesKMeans best = null;
        for (int r = 0; r < nInit; r++) {
            TimeSeriesKMeans run = once(x, k, radius, maxIter, root.split());
            if (best == null || run.inertia < best.inertia) best = run;
            if (progress != null) progress.accept(r + 1, nInit);
        }
        return best;
    }

    private static TimeSeriesKMeans once(double[][] x, int k, int radius, int maxIter, SplittableRandom rnd) {
        int n = x.length;
        double[][] c = plusPlus(x, k, radius, rnd);
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        double[] dist = new double[n];
        Dba dba = new Dba(radius, 10, 1e-5);
        int it = 0;
        double inertia = 0;
        for (it = 1; it <= maxIter; it++) {
            double[][] cc = c;
            int[] next = new int[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                double best = Double.POSITIVE_INFINITY;
                int bi = 0;
                for (int j = 0; j < k; j++) {
                    double d = Dtw.squared(x[i], cc[j], radius, best);
                    if (d < best) { best = d; bi = j; }
                }
                next[i] = bi;
                dist[i] = best;
            });
            boolean changed = !java.util.Arrays.equals(next, labels);
            labels = next;
            inertia = 0;
            for (double d : dist) inertia += d;
            if (!changed) break;
            // update
            List<List<double[]>> members = new ArrayList<>();
            for (int j = 0; j < k; j++) members.add(new ArrayList<>());
            for (int i = 0; i < n; i++) members.get(labels[i]).add(x[i]);
            for (int j = 0; j < k; j++) {
                if (members.get(j).isEmpty()) {
                    int far = 0;
                    for (int i = 1; i < n; i++) if (dist[i] > dist[far]) far = i;
                    c[j] = x[far].clone();
                    dist[far] = 0;
                } else {
                    c[j] = dba.average(members.get(j), c[j]);
                }
            }
        }
        return new TimeSeriesKMeans(labels, c, inertia, Math.min(it, maxIter));
    }

    /** k-means++ seeding with squared DTW distances. */
    static double[][] plusPlus(double[][] x, int k, int radius, SplittableRandom rnd) {
        int n = x.length;
        double[][] c = new double[k][];
        c[0] = x[rnd.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) d2[i] = Dtw.squared(x[i], c[0], radius, Double.POSITIVE_INFINITY);
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double v : d2) total += v;
            int pick;
            if (total <= 0) pick = rnd.nextInt(n);
            else {
                double u = rnd.nextDouble() * total;
                pick = n - 1;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += d2[i];
                    if (acc > u) { pick = i; break; }
                }
            }
            c[j] = x[pick].clone();
            double[] cj = c[j];
            IntStream.range(0, n).parallel().forEach(i -> d2[i] = Math.min(d2[i], Dtw.squared(x[i], cj, radius, d2[i])));
        }
        return c;
    }

    /** Cluster of a new series (nearest centroid under the same DTW band). */
    public int predict(double[] s, int radius) {
        double best = Double.POSITIVE_INFINITY;
        int bi = 0;
        for (int j = 0; j < centroids.length; j++) {
            double d = Dtw.squared(s, centroids[j], radius, best);
            if (d < best) { best = d; bi = j; }
        }
        return bi;
    }
}
