package emolab.timeseries.distances;

import emolab.timeseries.Series;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/** Symmetric matrices of pairwise distances between series, computed in parallel over rows. */
public final class DistanceMatrix {
    private DistanceMatrix() {}

    /** Pairwise DTW distances in a Sakoe–Chiba band ({@code radius < 0}: none); {@code progress} may be null. */
    public static double[][] dtw(double[][] x, int radius, BiConsumer<Integer, Integer> progress) {
        Series.requireFinite(x, "series");
        int n = x.length;
        double[][] d = new double[n][n];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = i + 1; j < n; j++) {
                double v = Dtw.distance(x[i], x[j], radius);
                d[i][j] = v;
                d[j][i] = v;
            }
            int k = done.incrementAndGet();
            if (progress != null) progress.accept(k, n);
        });
        return d;
    }

    /** Pairwise Euclidean distances (equal lengths required). */
    public static double[][] euclidean(double[][] x) {
        Series.requireEqualLengths(x, "series");
        Series.requireFinite(x, "series");
        int n = x.length;
        double[][] d = new double[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = i + 1; j < n; j++) {
                double v = Series.euclidean(x[i], x[j]);
                d[i][j] = v;
                d[j][i] = v;
            }
        });
        return d;
    }
}
