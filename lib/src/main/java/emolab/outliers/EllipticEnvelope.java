package emolab.outliers;

/**
 * Elliptic envelope: a Gaussian outlier model whose mean and covariance are estimated
 * robustly by {@link FastMcd} (Minimum Covariance Determinant with consistency correction and
 * reweighting), so the outliers cannot inflate the ellipse that is meant to expose them. The
 * score is the squared robust Mahalanobis distance (scikit-learn's
 * {@code EllipticEnvelope.mahalanobis}; its {@code score_samples} is the negation). Depends on
 * the seed through FastMCD's random subsets.
 *
 * <p>As in scikit-learn, a singular covariance (e.g. a column that is constant within the
 * robust support, like a median column taking one value on most rows) is handled by the
 * pseudo-inverse: distances ignore the directions without variance. A column constant over all
 * training rows is rejected.
 */
public final class EllipticEnvelope implements OutlierDetector {

    private final long seed;
    private final double supportFraction;

    /** scikit-learn's default support (⌈(n + d + 1)/2⌉ rows). */
    public EllipticEnvelope(long seed) {
        this(Double.NaN, seed);
    }

    /** @param supportFraction see {@link FastMcd#FastMcd(double, long)} */
    public EllipticEnvelope(double supportFraction, long seed) {
        this.supportFraction = supportFraction;
        this.seed = seed;
        new FastMcd(supportFraction, seed); // validates the fraction now
    }

    @Override
    public String name() {
        return "Elliptic envelope";
    }

    /** The fitted model plus the robust estimate behind it. */
    public record Fit(OutlierModel model, FastMcd.Result mcd) {}

    @Override
    public OutlierModel fit(double[][] train) {
        return fitDetailed(train).model();
    }

    /** {@link #fit} that also returns the FastMCD estimate (location, covariance, supports). */
    public Fit fitDetailed(double[][] train) {
        int d = train == null || train.length == 0 || train[0] == null ? 1 : train[0].length;
        DetectorInput.train(name(), train, 2 * d + 2, "an h-subset with more rows than columns");
        DetectorInput.noConstantColumn(name(), train);
        FastMcd.Result r = new FastMcd(supportFraction, seed).fit(train);
        Covariance c = Covariance.pseudo(r.location(), r.covariance());
        return new Fit(OutlierModel.of(name(), d, r.distances().clone(), c::squared), r);
    }
}
