package emolab.timeseries.classification;

import emolab.timeseries.Series;
import emolab.timeseries.distances.Dtw;
import emolab.timeseries.distances.LbKeogh;
import java.util.Arrays;
import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * The 1-nearest-neighbour classifier of time series, with Euclidean distance or DTW in a
 * Sakoe–Chiba band. DTW queries are sped up without changing the answer: candidates are visited in
 * order of their LB_Keogh bound, a candidate is skipped when its bound already exceeds the best
 * distance so far (pruning), and DTW computations stop as soon as they must exceed it (early
 * abandoning). Euclidean queries in bulk ({@link #predict(double[][], BiConsumer)}) use a BLAS
 * matrix product to shortlist candidates and exact distances to decide; single queries abandon early. Both directions of LB_Keogh are used: the
 * query's envelope against the candidate (for the visiting order) and, before a DTW computation,
 * the candidate's envelope (computed once in {@link #fit}) against the query. Ties go to the lowest training index.
 * All series (training and query) must have one length. Predictions run in parallel.
 */
public final class OneNearestNeighbor implements Classifier.Engine {
    private static final long serialVersionUID = 1L;

    /** Distance used by the classifier. */
    public enum Metric { EUCLIDEAN, DTW }

    /**
     * The model contract's front-end: a {@link ClassifierSpec} fitting this classifier
     * ({@code spec().with("metric", "dtw").with("radius", 13).fitLabels(train, labels)}). The fitted
     * engine is this class: {@code classifier.as(OneNearestNeighbor.class)} gives the progress-reporting
     * {@link #predict(double[][], BiConsumer)} and the pruning statistics (its labels are the class codes).
     */
    public static final class Spec extends ClassifierSpec {
        private static final long serialVersionUID = 1L;

        Spec() {
            super("OneNearestNeighbor", List.of(
                    Param.choice("metric", "euclidean", List.of("euclidean", "dtw"), "distance between series"),
                    Param.integer("radius", 0, 0, Integer.MAX_VALUE, "Sakoe–Chiba band radius of DTW (points)")));
        }

        @Override
        protected Classifier.Engine train(double[][] x, int[] y, int k) {
            return (stringParam("metric").equals("dtw") ? dtw(intParam("radius")) : euclidean()).fit(x, y);
        }
    }

    /** 1-NN as a {@link ClassifierSpec} (Euclidean at its defaults). */
    public static Spec spec() {
        return new Spec();
    }

    private final Metric metric;
    private final int radius;
    private double[][] train;
    private LbKeogh[] envelopes;
    private int[] labels;
    private final AtomicLong candidates = new AtomicLong(), pruned = new AtomicLong(), abandoned = new AtomicLong();

    private OneNearestNeighbor(Metric metric, int radius) {
        this.metric = metric;
        this.radius = radius;
    }

    /** 1-NN with Euclidean distance. */
    public static OneNearestNeighbor euclidean() {
        return new OneNearestNeighbor(Metric.EUCLIDEAN, 0);
    }

    /** 1-NN with DTW in a Sakoe–Chiba band of {@code radius} points ({@code radius ≥ 0}). */
    public static OneNearestNeighbor dtw(int radius) {
        if (radius < 0) throw new IllegalArgumentException("DTW band radius must be >= 0, got " + radius);
        return new OneNearestNeighbor(Metric.DTW, radius);
    }

    public Metric metric() { return metric; }
    public int radius() { return radius; }

    /** Stores the training series (equal lengths, finite) and their integer labels. */
    public OneNearestNeighbor fit(double[][] x, int[] y) {
        int n = Series.requireEqualLengths(x, "training series");
        Series.requireFinite(x, "training series");
        if (y == null || y.length != x.length)
            throw new IllegalArgumentException("labels: expected " + x.length + ", got " + (y == null ? "null" : y.length));
        if (n == 0) throw new IllegalArgumentException("training series are empty");
        train = x.clone();
        labels = y.clone();
        if (metric == Metric.DTW) {
            envelopes = new LbKeogh[x.length];
            for (int i = 0; i < x.length; i++) envelopes[i] = LbKeogh.envelope(x[i], radius);
        }
        return this;
    }

    private void requireFitted() {
        if (train == null) throw new IllegalStateException("call fit before predict");
    }

    /** Index of the nearest training series. */
    public int nearest(double[] q) {
        requireFitted();
        Series.requireFinite(q, "query series");
        if (q.length != train[0].length)
            throw new IllegalArgumentException("query has " + q.length + " points, the training series have "
                    + train[0].length + "; cut or pad to one length first");
        int m = train.length;
        candidates.addAndGet(m);
        double best = Double.POSITIVE_INFINITY;
        int bestIdx = -1;
        if (metric == Metric.EUCLIDEAN) {
            for (int i = 0; i < m; i++) {
                double d = Series.squaredEuclidean(q, train[i], best);
                if (d < best || (d == best && i < bestIdx)) { best = d; bestIdx = i; }
                else if (d > best) abandoned.incrementAndGet();
            }
            return bestIdx;
        }
        LbKeogh env = LbKeogh.envelope(q, radius);
        double[] lb = new double[m];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            lb[i] = env.squared(train[i], Double.POSITIVE_INFINITY);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> lb[a] != lb[b] ? Double.compare(lb[a], lb[b]) : Integer.compare(a, b));
        for (int k = 0; k < m; k++) {
            int i = order[k];
            if (lb[i] > best) {
                pruned.addAndGet(m - k); // sorted: every later bound is at least as large
                break;
            }
            if (envelopes[i].squared(q, best) > best) { // the reverse bound: the candidate's envelope around the query
                pruned.incrementAndGet();
                continue;
            }
            double d = Dtw.squared(q, train[i], radius, best);
            if (d == Double.POSITIVE_INFINITY) {
                abandoned.incrementAndGet();
                continue;
            }
            if (d < best || (d == best && i < bestIdx)) { best = d; bestIdx = i; }
        }
        return bestIdx;
    }

    /** Label of the nearest training series. */
    public int predict(double[] q) {
        return labels[nearest(q)];
    }

    /** Labels of many queries, computed in parallel; {@code progress} (may be null) gets (done, total). */
    public int[] predict(double[][] queries, BiConsumer<Integer, Integer> progress) {
        requireFitted();
        Series.requireFinite(queries, "query series");
        if (metric == Metric.EUCLIDEAN) {
            int[] idx = nearestEuclidean(queries, progress);
            int[] out = new int[idx.length];
            for (int i = 0; i < idx.length; i++) out[i] = labels[idx[i]];
            return out;
        }
        int[] out = new int[queries.length];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, queries.length).parallel().forEach(i -> {
            try {
                out[i] = predict(queries[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("query " + i + ": " + e.getMessage(), e);
            }
            int d = done.incrementAndGet();
            if (progress != null) progress.accept(d, queries.length);
        });
        return out;
    }

    /** Labels of many queries. */
    @Override
    public int[] predict(double[][] queries) {
        return predict(queries, null);
    }

    /** Fraction of candidate distance computations avoided by LB_Keogh pruning so far. */
    public double prunedFraction() {
        long c = candidates.get();
        return c == 0 ? 0 : pruned.get() / (double) c;
    }

    /** Fraction of candidates whose distance computation was abandoned early so far. */
    public double abandonedFraction() {
        long c = candidates.get();
        return c == 0 ? 0 : abandoned.get() / (double) c;
    }

    /** Query blocks of the matrix-product search. */
    private static final int BLOCK = 256;

    /**
     * Nearest training series (Euclidean) of every query: squared distances from a BLAS product,
     * {@code |q|² + |t|² − 2 q·t} (Smile / OpenBLAS), shortlist every candidate within a rounding
     * margin of the smallest, then exact distances for the shortlist, so the answer (ties to the
     * lowest index) is the same as a direct search.
     */
    private int[] nearestEuclidean(double[][] queries, BiConsumer<Integer, Integer> progress) {
        int len = train[0].length, m = train.length, n = queries.length;
        for (int i = 0; i < n; i++)
            if (queries[i].length != len)
                throw new IllegalArgumentException("query " + i + " has " + queries[i].length + " points, the training series have "
                        + len + "; cut or pad to one length first");
        double[] tn = new double[m];
        double tMax = 0;
        for (int j = 0; j < m; j++) {
            tn[j] = dot(train[j], train[j]);
            tMax = Math.max(tMax, tn[j]);
        }
        smile.math.matrix.Matrix t = smile.math.matrix.Matrix.of(train);
        int[] out = new int[n];
        candidates.addAndGet((long) n * m);
        for (int b0 = 0; b0 < n; b0 += BLOCK) {
            int b1 = Math.min(n, b0 + BLOCK);
            double[][] block = java.util.Arrays.copyOfRange(queries, b0, b1);
            smile.math.matrix.Matrix g = smile.math.matrix.Matrix.of(block).mt(t);
            final int base = b0;
            final double tm = tMax;
            IntStream.range(0, b1 - b0).parallel().forEach(r -> {
                double[] q = queries[base + r];
                double qn = dot(q, q);
                double[] approx = new double[m];
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    approx[j] = qn + tn[j] - 2 * g.get(r, j);
                    min = Math.min(min, approx[j]);
                }
                double margin = 1e-9 * (qn + tm) * Math.max(1, len) + Double.MIN_NORMAL;
                double best = Double.POSITIVE_INFINITY;
                int bestIdx = -1;
                for (int j = 0; j < m; j++) {
                    if (approx[j] > min + margin) continue;
                    double d = Series.squaredEuclidean(q, train[j], best);
                    if (d < best) { best = d; bestIdx = j; }
                }
                out[base + r] = bestIdx;
            });
            if (progress != null) progress.accept(b1, n);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
