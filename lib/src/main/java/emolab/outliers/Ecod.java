package emolab.outliers;

/**
 * ECOD, Empirical-Cumulative-distribution-based Outlier Detection (Li, Zhao, Hu, Botta, Ionescu
 * &amp; Chen, IEEE TKDE 2022): parameter-free. Each column's empirical CDF says how far into a
 * tail a value lies; tail probabilities multiply across columns (as if independent), so their
 * negative logs add up. With U_L, U_R the left/right tail values (see {@link EmpiricalTails})
 * and γ_j the column's skewness:
 *
 * <ul>
 * <li>{@link Variant#PYOD} — pyod's {@code ECOD}: Σ_j max(U_S, (U_L + U_R)/2), where U_S = U_L
 *     if γ_j &lt; 0, U_R if γ_j &gt; 0, U_L + U_R if γ_j = 0;</li>
 * <li>{@link Variant#PAPER} — Algorithm 1 of the paper: max(Σ_j U_L, Σ_j U_R, Σ_j U_A) with U_A
 *     = U_L if γ_j &lt; 0, else U_R. This is also COPOD's aggregation ({@link Copod}).</li>
 * </ul>
 */
public final class Ecod implements OutlierDetector {

    /** Which aggregation of the per-column tail values. */
    public enum Variant { PYOD, PAPER }

    private final Variant variant;

    public Ecod(Variant variant) {
        this.variant = java.util.Objects.requireNonNull(variant, "variant");
    }

    /** The pyod variant. */
    public Ecod() {
        this(Variant.PYOD);
    }

    @Override
    public String name() {
        return variant == Variant.PYOD ? "ECOD" : "ECOD (paper)";
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, 2, "an empirical distribution");
        EmpiricalTails t = new EmpiricalTails(train);
        return OutlierModel.of(name(), train[0].length, scores(t, train, true, variant), x -> scores(t, x, false, variant));
    }

    static double[] scores(EmpiricalTails t, double[][] x, boolean member, Variant variant) {
        int d = t.skewness.length;
        double[] out = new double[x.length];
        double[] u = new double[2];
        for (int i = 0; i < x.length; i++) {
            double pyod = 0, sl = 0, sr = 0, sa = 0;
            for (int j = 0; j < d; j++) {
                t.tails(j, x[i][j], member, u);
                double ul = u[0], ur = u[1], g = t.skewness[j];
                double us = g < 0 ? ul : g > 0 ? ur : ul + ur;
                pyod += Math.max(us, (ul + ur) / 2);
                sl += ul;
                sr += ur;
                sa += g < 0 ? ul : ur;
            }
            out[i] = variant == Variant.PYOD ? pyod : Math.max(sl, Math.max(sr, sa));
        }
        return out;
    }
}
