/**
 * Outlier detection (course stage 4): one API, many detectors, their comparison and their effect
 * on a classifier.
 *
 * <ul>
 * <li>{@link emolab.outliers.OutlierDetector} fits on training rows and returns an
 *     {@link emolab.outliers.OutlierModel}: scores for any rows (higher = more outlying), the
 *     training scores, a threshold from a contamination rate in (0, 0.5] (pyod's percentile rule)
 *     or an explicit one, and 0/1 labels.</li>
 * <li>Neighbour-based: {@link emolab.outliers.KnnDistance}, {@link emolab.outliers.Lof} (exactly
 *     scikit-learn's), {@link emolab.outliers.FastAbod}; angle-based over all pairs:
 *     {@link emolab.outliers.Abod}. Neighbours come from an exact index (KD-tree in low
 *     dimension, a blocked parallel scan otherwise) with a fixed tie order.</li>
 * <li>Isolation: {@link emolab.outliers.IsolationForest} (seeded); boundary:
 *     {@link emolab.outliers.OneClassSvm} (LIBSVM).</li>
 * <li>Probabilistic: {@link emolab.outliers.Mahalanobis}, {@link emolab.outliers.EllipticEnvelope}
 *     ({@link emolab.outliers.FastMcd}), {@link emolab.outliers.GaussianMixture},
 *     {@link emolab.outliers.Ecod} and {@link emolab.outliers.Copod} (empirical CDFs,
 *     parameter-free).</li>
 * <li>The course's hand-made methods: {@link emolab.outliers.DeviationBased} and
 *     {@link emolab.outliers.LikelihoodBased}.</li>
 * <li>{@link emolab.outliers.Detectors} (the standard line-up),
 *     {@link emolab.outliers.OutlierComparison} (top-k overlap, Spearman),
 *     {@link emolab.outliers.OutlierReport} (votes, rates by label, top rows),
 *     {@link emolab.outliers.OutlierRemovalEffect} (drop training outliers, retrain, evaluate on
 *     held-out actors), {@link emolab.outliers.Projections} (PCA, t-SNE) and
 *     {@code emolab.bench.OutlierBenchmark} (module bench).</li>
 * </ul>
 *
 * Conformance with scikit-learn 1.2.1 / numpy reference outputs is tested against
 * {@code ../shared/conformance/outliers}.
 */
package emolab.outliers;
