package emolab.imbalance;

import emolab.numeric.Neighbours;

import emolab.numeric.NumpyRandomState;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * k-means SMOTE (Douzas, Bacao &amp; Last 2018; imbalanced-learn {@code KMeansSMOTE}): clusters all
 * rows with k-means; for each targeted class, clusters where the class is at least
 * {@code balanceThreshold} of the rows (auto: n / Σn / 2) and has at least {@code kNeighbors + 1}
 * rows are used; each gets synthetic rows (SMOTE within the cluster's class rows) in proportion to
 * its sparsity (mean pairwise distance^e / rows, e = 0.16·log_1.6(rows)^1.8 when auto).
 *
 * <p>Differences from imbalanced-learn 0.10: Smile's seeded k-means instead of scikit-learn's
 * MiniBatchKMeans (clusters differ); per-cluster counts are apportioned to sum exactly to the
 * strategy's n (largest remainders) where imbalanced-learn rounds each up and may overshoot.
 */
public final class KMeansSMOTE extends AbstractSampler<KMeansSMOTE> {
    private int kNeighbors = 2;
    private int nClusters = 8;
    private double balanceThreshold = Double.NaN; // NaN = auto
    private double densityExponent = Double.NaN;  // NaN = auto

    /** SMOTE neighbours inside a cluster; default 2 (imbalanced-learn's default here). */
    public KMeansSMOTE kNeighbors(int k) {
        this.kNeighbors = requirePositive(name(), "k_neighbors", k);
        return this;
    }

    /** Number of k-means clusters; default 8. */
    public KMeansSMOTE nClusters(int k) {
        this.nClusters = requirePositive(name(), "n_clusters", k);
        return this;
    }

    /** Minimum share of the class in a cluster, in [0, 1]; NaN = auto (default). */
    public KMeansSMOTE balanceThreshold(double t) {
        if (!Double.isNaN(t) && !(t >= 0 && t <= 1))
            throw new IllegalArgumentException(name() + ": cluster_balance_threshold must be in [0, 1] or NaN (auto), got " + t);
        this.balanceThreshold = t;
        return this;
    }

    /** Exponent of the mean distance in the sparsity; NaN = auto (default). */
    public KMeansSMOTE densityExponent(double e) {
        this.densityExponent = e;
        return this;
    }

    public KMeansSMOTE seed(long seed) {
        return setSeed(seed);
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.OVER_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        if (nClusters > X.length)
            throw new NotApplicableException(name() + ": n_clusters = " + nClusters + " but there are only " + X.length + " rows");
        Classes.Builder out = new Classes.Builder().addOriginal(X, y);
        int total = 0;
        for (int v : target.values()) total += v;
        KMeansClusters.Result km = null;
        for (var e : target.entrySet()) {
            int c = e.getKey(), n = e.getValue();
            if (n == 0) continue;
            if (km == null) km = KMeansClusters.fit(X, nClusters, seed());
            List<double[][]> valid = new ArrayList<>();
            List<Double> sparsity = new ArrayList<>();
            for (int cl = 0; cl < km.centroids().length; cl++) {
                List<double[]> members = new ArrayList<>();
                int size = 0;
                for (int i = 0; i < X.length; i++) {
                    if (km.labels()[i] != cl) continue;
                    size++;
                    if (y[i] == c) members.add(X[i]);
                }
                if (size == 0) continue;
                double share = members.size() / (double) size;
                double threshold = nClusters == 1 ? Double.NEGATIVE_INFINITY
                        : Double.isNaN(balanceThreshold) ? n / (double) total / 2 : balanceThreshold;
                if (share < threshold || members.size() < kNeighbors + 1) continue;
                double[][] Xcc = members.toArray(new double[0][]);
                valid.add(Xcc);
                sparsity.add(sparsity(Xcc));
            }
            if (valid.isEmpty())
                throw new NotApplicableException(name() + ": no cluster has enough rows of class " + c
                        + "; lower the balance threshold or raise the number of clusters");
            int[] alloc = apportion(sparsity, n);
            NumpyRandomState rs = newRandom();
            for (int v = 0; v < valid.size(); v++) {
                if (alloc[v] == 0) continue;
                double[][] Xcc = valid.get(v);
                int[][] nns = Neighbours.self(Xcc, kNeighbors).indices();
                out.addSynthetic(SmoteSupport.makeSamples(Xcc, Xcc, nns, alloc[v], 1.0, rs), c);
            }
        }
        return out.build();
    }

    private double sparsity(double[][] Xc) {
        int m = Xc.length;
        double sum = 0;
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) if (i != j) sum += Neighbours.distance(Xc[i], Xc[j]);
        double mean = sum / ((double) m * m - m);
        double exponent = Double.isNaN(densityExponent) ? Math.pow(Math.log(m) / Math.log(1.6), 1.8) * 0.16 : densityExponent;
        return Math.pow(mean, exponent) / m;
    }

    /** n split in proportion to the weights, summing to n exactly (largest remainders, ties to the first). */
    static int[] apportion(List<Double> w, int n) {
        double sum = 0;
        for (double v : w) sum += v;
        int[] a = new int[w.size()];
        double[] rem = new double[w.size()];
        int given = 0;
        for (int i = 0; i < a.length; i++) {
            double exact = sum > 0 ? n * w.get(i) / sum : n / (double) a.length;
            a[i] = (int) Math.floor(exact);
            rem[i] = exact - a[i];
            given += a[i];
        }
        while (given < n) {
            int best = 0;
            for (int i = 1; i < a.length; i++) if (rem[i] > rem[best]) best = i;
            a[best]++;
            rem[best] = -1;
            given++;
        }
        return a;
    }
}
