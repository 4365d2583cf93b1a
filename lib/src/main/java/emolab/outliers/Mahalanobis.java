package emolab.outliers;

/**
 * Mahalanobis distance from the training mean, sqrt((x − μ)ᵀ S⁻¹ (x − μ)) — the classic
 * parametric detector: under a multivariate normal model the squared distance follows a χ²
 * distribution with d degrees of freedom. S is the sample covariance with {@code ddof} = 1
 * ({@code numpy.cov}) or 0 (scikit-learn's {@code EmpiricalCovariance}); the two differ only by
 * the factor sqrt(n/(n − 1)). Mean and covariance are not robust: the outliers themselves
 * inflate S (see {@link EllipticEnvelope} for the robust version).
 */
public final class Mahalanobis implements OutlierDetector {

    private final int ddof;

    /** @param ddof 0 or 1 */
    public Mahalanobis(int ddof) {
        if (ddof != 0 && ddof != 1) throw new IllegalArgumentException("ddof must be 0 or 1, got " + ddof);
        this.ddof = ddof;
    }

    /** {@code new Mahalanobis(1)}. */
    public Mahalanobis() {
        this(1);
    }

    @Override
    public String name() {
        return "Mahalanobis";
    }

    @Override
    public OutlierModel fit(double[][] train) {
        int d = train == null || train.length == 0 || train[0] == null ? 1 : train[0].length;
        DetectorInput.train(name(), train, d + 1, "more rows than columns for an invertible covariance");
        DetectorInput.noConstantColumn(name(), train);
        Covariance c = Covariance.fit(name(), train, null, ddof);
        return OutlierModel.of(name(), d, sqrt(c.squared(train)), x -> sqrt(c.squared(x)));
    }

    private static double[] sqrt(double[] v) {
        for (int i = 0; i < v.length; i++) v[i] = Math.sqrt(v[i]);
        return v;
    }
}
