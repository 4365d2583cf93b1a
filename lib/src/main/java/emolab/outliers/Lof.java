package emolab.outliers;

import emolab.numeric.Neighbours;

/**
 * Local Outlier Factor (Breunig, Kriegel, Ng &amp; Sander, SIGMOD 2000), exactly as scikit-learn
 * 1.2 computes it. With N_k(p) the k nearest neighbours of p and kdist(o) the distance from o to
 * its own k-th neighbour:
 *
 * <pre>
 *   reach(p, o) = max(d(p, o), kdist(o))
 *   lrd(p)      = 1 / (mean_{o ∈ N_k(p)} reach(p, o) + 1e-10)      (sklearn adds 1e-10)
 *   LOF(p)      = mean_{o ∈ N_k(p)} lrd(o) / lrd(p)
 * </pre>
 *
 * LOF ≈ 1 inside a cluster, clearly above 1 for a row less dense than its neighbours. Training
 * rows leave themselves out of N_k; a new row uses its k nearest training rows (sklearn's
 * {@code novelty=True} scoring).
 */
public final class Lof implements OutlierDetector {

    /** scikit-learn's guard against duplicate points (infinite density). */
    static final double EPS = 1e-10;

    private final int k;

    /** @param k neighbours (scikit-learn's {@code n_neighbors}, default 20) */
    public Lof(int k) {
        this.k = DetectorInput.positive("k", k);
    }

    @Override
    public String name() {
        return "LOF (k=" + k + ")";
    }

    @Override
    public OutlierModel fit(double[][] train) {
        return fitDetailed(train).model();
    }

    /** The fitted model plus each training row's local reachability density. */
    public record Fit(OutlierModel model, double[] lrd) {}

    /** {@link #fit} that also returns the training rows' lrd values. */
    public Fit fitDetailed(double[][] train) {
        DetectorInput.train(name(), train, k + 1, "k = " + k + " neighbours besides the row itself");
        Neighbours nn = Neighbours.of(train);
        Neighbours.Result g = nn.selfNeighbours(k);
        int n = train.length;
        double[] kdist = new double[n];
        for (int i = 0; i < n; i++) kdist[i] = g.distances()[i][k - 1];
        double[] lrd = new double[n];
        for (int i = 0; i < n; i++) lrd[i] = lrd(g.indices()[i], g.distances()[i], kdist);
        double[] lof = new double[n];
        for (int i = 0; i < n; i++) lof[i] = factor(g.indices()[i], lrd[i], lrd);
        OutlierModel m = OutlierModel.of(name(), train[0].length, lof, x -> {
            Neighbours.Result q = nn.query(x, k);
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) out[i] = factor(q.indices()[i], lrd(q.indices()[i], q.distances()[i], kdist), lrd);
            return out;
        });
        return new Fit(m, lrd);
    }

    private double lrd(int[] nb, double[] dist, double[] kdist) {
        double s = 0;
        for (int r = 0; r < k; r++) s += Math.max(dist[r], kdist[nb[r]]);
        return 1.0 / (s / k + EPS);
    }

    private double factor(int[] nb, double lrdP, double[] lrd) {
        double s = 0;
        for (int r = 0; r < k; r++) s += lrd[nb[r]] / lrdP;
        return s / k;
    }
}
