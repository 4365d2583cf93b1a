package emolab.outliers;

/**
 * COPOD, COPula-based Outlier Detection (Li, Zhao, Botta, Ionescu &amp; Hu, ICDM 2020):
 * parameter-free. It models the joint distribution by an empirical copula whose marginals are the
 * columns' empirical CDFs and scores a row by how improbable its tails are:
 * max(−Σ_j ln F_L, −Σ_j ln F_R, −Σ_j ln F_S), F_S being the left tail for a negatively skewed
 * column and the right tail otherwise (Algorithm 1 of the paper). ECOD (2022) is the same
 * method's journal version: this equals {@link Ecod.Variant#PAPER}. pyod's {@code COPOD} and
 * {@code ECOD} classes both implement the per-column aggregation of {@link Ecod.Variant#PYOD}
 * instead, so use {@link Ecod} for pyod's numbers.
 */
public final class Copod implements OutlierDetector {

    @Override
    public String name() {
        return "COPOD";
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, 2, "an empirical distribution");
        EmpiricalTails t = new EmpiricalTails(train);
        return OutlierModel.of(name(), train[0].length, Ecod.scores(t, train, true, Ecod.Variant.PAPER),
                x -> Ecod.scores(t, x, false, Ecod.Variant.PAPER));
    }
}
