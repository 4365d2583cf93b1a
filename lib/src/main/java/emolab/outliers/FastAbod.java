package emolab.outliers;

import emolab.numeric.Neighbours;

/**
 * FastABOD (Kriegel, Schubert &amp; Zimek, KDD 2008): the angle-based outlier factor computed over
 * the pairs of a point's k nearest neighbours only (pyod's {@code ABOD(method='fast')}). A point
 * inside a cluster sees its neighbours in all directions, so the (distance-scaled) cosines
 * w(B, C) = ⟨B − A, C − A⟩ / (‖B − A‖²‖C − A‖²) vary a lot; an outlier sees them all in one
 * direction, so they vary little. The factor is the population variance of w over the pairs of
 * neighbours (pairs with an exact duplicate of A skipped); the score is its negation, so higher
 * = more outlying, as in pyod.
 *
 * <p>Neighbours come from an exact neighbour index (KD-tree in low dimension, blocked scan
 * otherwise), never from an all-pairs matrix. A point whose neighbours all coincide with it has
 * no usable pair; it gets score −∞ (least outlying).
 */
public final class FastAbod implements OutlierDetector {

    private final int k;

    /** @param k neighbours (pyod's {@code n_neighbors}, default 10; at least 2) */
    public FastAbod(int k) {
        if (k < 2) throw new IllegalArgumentException("FastABOD needs k >= 2 neighbours (pairs of neighbours), got " + k);
        this.k = k;
    }

    @Override
    public String name() {
        return "FastABOD (k=" + k + ")";
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, k + 1, "k = " + k + " neighbours besides the row itself");
        Neighbours nn = Neighbours.of(train);
        Neighbours.Result g = nn.selfNeighbours(k);
        double[] s = scores(train, train, g.indices());
        return OutlierModel.of(name(), train[0].length, s, x -> scores(x, train, nn.query(x, k).indices()));
    }

    /** The unweighted variance of w for each row of {@code points} over its neighbours (NaN when no pair). */
    static AngleVariance.Result[] factors(double[][] points, double[][] train, int[][] nb) {
        AngleVariance.Result[] out = new AngleVariance.Result[points.length];
        java.util.stream.IntStream.range(0, points.length).parallel()
                .forEach(i -> out[i] = AngleVariance.of(points[i], train, nb[i], false));
        return out;
    }

    private static double[] scores(double[][] points, double[][] train, int[][] nb) {
        AngleVariance.Result[] f = factors(points, train, nb);
        double[] s = new double[f.length];
        for (int i = 0; i < f.length; i++) s[i] = f[i].pairs() == 0 ? Double.NEGATIVE_INFINITY : -f[i].variance();
        return s;
    }
}
