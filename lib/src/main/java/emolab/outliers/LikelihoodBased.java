package emolab.outliers;

import java.util.Locale;

/**
 * The course's likelihood-based detector (Eskin, ICML 2000; Tan, Steinbach &amp; Kumar,
 * <em>Introduction to Data Mining</em>, §10.2): the data D are a mixture of a majority
 * distribution M and an anomaly distribution A, D = (1 − λ)M + λA. M is a normal distribution
 * with independent columns (each column's mean and population variance estimated from the rows
 * assigned to M); A is uniform over the bounding box of the data. The log-likelihood of an
 * assignment is
 *
 * <pre>
 *   LL = |M| ln(1 − λ) + Σ_{x∈M} ln P_M(x) + |A| ln λ + Σ_{x∈A} ln P_A(x)
 * </pre>
 *
 * Starting with every row in M, the score of a row is the <em>change in log-likelihood</em> Δ
 * when that row alone moves from M to A (M refitted without it). Δ &gt; 0 means the data are
 * better explained with the row as an anomaly; the textbook flags rows with Δ above a threshold
 * c. For the maximum-likelihood normal, Σ_{x∈M} ln P_M(x) = −(m/2) Σ_j (ln(2πσ_j²) + 1) with m =
 * |M|, so Δ needs no refitting loop:
 *
 * <pre>
 *   Δ(x) = ln λ − ln(1 − λ) − Σ_j ln(max_j − min_j) + LL_M(D \ {x}) − LL_M(D)
 * </pre>
 *
 * λ shifts every score by the same amount (ln λ − ln(1 − λ)), so it changes the threshold Δ &gt;
 * 0, not the ranking. A new row x is scored as if added to D: Δ of moving it to A in D ∪ {x}
 * (bounding box of D ∪ {x}). A row whose removal leaves a column constant gets Δ = +∞.
 */
public final class LikelihoodBased implements OutlierDetector {

    private final double lambda;

    /** @param lambda prior fraction of anomalies λ ∈ (0, 1) */
    public LikelihoodBased(double lambda) {
        if (!(lambda > 0 && lambda < 1)) throw new IllegalArgumentException("lambda must be in (0, 1), got " + lambda);
        this.lambda = lambda;
    }

    /** λ = 0.05. */
    public LikelihoodBased() {
        this(0.05);
    }

    @Override
    public String name() {
        return "Likelihood-based";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LikelihoodBased[lambda=%s]", lambda);
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, 3, "a variance after moving one row");
        DetectorInput.noConstantColumn(name(), train);
        ColumnMoments m = new ColumnMoments(train);
        int n = m.n, d = train[0].length;
        double prior = Math.log(lambda) - Math.log1p(-lambda);
        double llAll = gaussLL(m.ss, n);
        double logBox = 0;
        for (int j = 0; j < d; j++) logBox += Math.log(m.max[j] - m.min[j]);
        double[] s = new double[n];
        double[] ssw = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) ssw[j] = m.ssWithout(j, train[i][j]);
            s[i] = prior - logBox + gaussLL(ssw, n - 1) - llAll;
        }
        double box = logBox;
        return OutlierModel.of(name(), d, s, x -> {
            double[] out = new double[x.length];
            double[] ssx = new double[d];
            for (int i = 0; i < x.length; i++) {
                double lb = 0;
                for (int j = 0; j < d; j++) {
                    double v = x[i][j];
                    ssx[j] = m.ssWith(j, v);
                    lb += Math.log(Math.max(m.max[j], v) - Math.min(m.min[j], v));
                }
                // D ∪ {x}: with x in M (all n + 1 rows) versus x in A (M = D)
                out[i] = prior - lb + llAll - gaussLL(ssx, n + 1);
            }
            return out;
        });
    }

    /** Log-likelihood of m rows under their own maximum-likelihood independent normal: −(m/2) Σ_j (ln(2π S_j/m) + 1). */
    private static double gaussLL(double[] ss, int m) {
        double s = 0;
        for (double v : ss) s += Math.log(2 * Math.PI * v / m) + 1;
        return -0.5 * m * s;
    }
}
