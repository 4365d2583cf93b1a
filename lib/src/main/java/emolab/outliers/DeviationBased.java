package emolab.outliers;

/**
 * The course's deviation-based detector, after the <em>smoothing factor</em> of Arning, Agrawal
 * &amp; Raghavan (KDD 1996): an exception is a row whose removal makes the data much less
 * dissimilar. Dissimilarity is the variance, column by column (population variance, numpy's
 * {@code var}), and the score of a training row x is the total variance reduction when x alone
 * is removed:
 *
 * <pre>
 *   score(x) = Σ_j [ Var_j(D) − Var_j(D \ {x}) ]
 * </pre>
 *
 * A new row is scored by the variance increase it causes when added, Σ_j [Var_j(D ∪ {x}) −
 * Var_j(D)]. Both are computed in closed form (one pass over the data, no refitting).
 *
 * <p>Teaching note: with S_j = Σ(x_j − μ_j)², Var_j(D) − Var_j(D \ {x}) = −S_j/(n(n − 1)) +
 * n(x_j − μ_j)²/(n − 1)², so the score is a constant plus n/(n − 1)² times the squared Euclidean
 * distance of x from the mean: on standardised columns, "distance from the centre" in disguise.
 * It ranks rows exactly like that distance and ignores correlations (compare
 * {@link Mahalanobis}).
 */
public final class DeviationBased implements OutlierDetector {

    @Override
    public String name() {
        return "Deviation-based";
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, 3, "a variance after removing one row");
        ColumnMoments m = new ColumnMoments(train);
        int n = m.n, d = train[0].length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = 0; j < d; j++) acc += m.ss[j] / n - m.ssWithout(j, train[i][j]) / (n - 1);
            s[i] = acc;
        }
        return OutlierModel.of(name(), d, s, x -> {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double acc = 0;
                for (int j = 0; j < d; j++) acc += m.ssWith(j, x[i][j]) / (n + 1) - m.ss[j] / n;
                out[i] = acc;
            }
            return out;
        });
    }
}
