package emolab.outliers;

import java.util.stream.IntStream;

/**
 * Exact angle-based outlier detection, ABOD (Kriegel, Schubert &amp; Zimek, KDD 2008): the
 * angle-based outlier factor of a point over <em>all</em> pairs of the other training points.
 * O(n³·d), so only for small tables (at most {@link #MAX_ROWS} training rows; use
 * {@link FastAbod} beyond). The factor is either the unweighted population variance of
 * w(B, C) = ⟨B − A, C − A⟩/(‖B − A‖²‖C − A‖²) (pyod's {@code ABOD(method='default')}) or the
 * paper's variance weighted by 1/(‖B − A‖‖C − A‖). Low factor = outlier; the score is its
 * negation. Pairs with an exact duplicate of A are skipped; a point with no usable pair scores −∞.
 */
public final class Abod implements OutlierDetector {

    /** The largest training table accepted (about 10⁹ pair products per point at this size). */
    public static final int MAX_ROWS = 2000;

    private final boolean weighted;

    /** @param weighted the paper's distance-weighted variance instead of pyod's unweighted one */
    public Abod(boolean weighted) {
        this.weighted = weighted;
    }

    @Override
    public String name() {
        return weighted ? "ABOD (weighted)" : "ABOD";
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, 3, "pairs of other points");
        if (train.length > MAX_ROWS)
            throw new emolab.study.NotApplicableException(name() + ": exact ABOD is O(n³); " + train.length
                    + " training rows exceed the limit of " + MAX_ROWS + " (use FastAbod)");
        int n = train.length;
        double[] s = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] others = new int[n - 1];
            for (int t = 0, c = 0; t < n; t++) if (t != i) others[c++] = t;
            s[i] = score(AngleVariance.of(train[i], train, others, weighted));
        });
        int[] all = IntStream.range(0, n).toArray();
        return OutlierModel.of(name(), train[0].length, s, x -> {
            double[] out = new double[x.length];
            IntStream.range(0, x.length).parallel()
                    .forEach(i -> out[i] = score(AngleVariance.of(x[i], train, all, weighted)));
            return out;
        });
    }

    /** The angle-based outlier factors (not negated) of the training rows: for tests and teaching. */
    public double[] factors(double[][] train) {
        double[] s = fit(train).trainingScores();
        for (int i = 0; i < s.length; i++) s[i] = -s[i];
        return s;
    }

    private double score(AngleVariance.Result r) {
        if (r.pairs() == 0) return Double.NEGATIVE_INFINITY;
        return -(weighted ? r.weightedVariance() : r.variance());
    }
}
