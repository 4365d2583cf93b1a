package emolab.outliers;

/**
 * Two-dimensional views of a feature matrix for plotting outliers: PCA (Smile, linear, keeps
 * global distances) and t-SNE (Smile, non-linear, keeps local neighbourhoods).
 */
public final class Projections {
    private Projections() {}

    /**
     * Lowers an slf4j-simple logger of a Smile class to WARN (unless configured), so its INFO
     * progress lines stay out of notebook outputs; effective when called before the class loads.
     */
    static void quietSmileLogger(String className) {
        String key = "org.slf4j.simpleLogger.log." + className;
        if (System.getProperty(key) == null) System.setProperty(key, "warn");
    }

    /** The first two principal components (covariance PCA, Smile), n × 2. */
    public static double[][] pca(double[][] x) {
        DetectorInput.matrix("PCA input", x);
        if (x[0].length < 2) throw new IllegalArgumentException("PCA to 2-D needs at least 2 columns, got " + x[0].length);
        return smile.feature.extraction.PCA.fit(x).getProjection(2).apply(x);
    }

    /**
     * t-SNE (Smile's exact-gradient implementation) to 2-D, n × 2.
     *
     * @param perplexity  effective number of neighbours, typically 5–50 (must be below n/3)
     * @param iterations  gradient steps, e.g. 1000
     * @param seed        seeds Smile's generator for the random initial layout (the calling
     *                    thread's generator, {@code MathEx.setSeed})
     */
    public static double[][] tsne(double[][] x, double perplexity, int iterations, long seed) {
        DetectorInput.matrix("t-SNE input", x);
        if (!(perplexity >= 2 && perplexity < x.length / 3.0))
            throw new IllegalArgumentException("perplexity must be in [2, n/3) = [2, " + x.length / 3.0 + "), got " + perplexity);
        DetectorInput.positive("iterations", iterations);
        quietSmileLogger("smile.manifold.TSNE");
        smile.math.MathEx.setSeed(seed);
        return new smile.manifold.TSNE(x, 2, perplexity, 200, iterations).coordinates;
    }
}
