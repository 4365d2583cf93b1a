/**
 * Explainable AI for the emotion classifiers: SHAP values, LIME and permutation importance.
 *
 * <ul>
 * <li>{@link emolab.explain.Explanations} / {@link emolab.explain.Explanation}: base value,
 *     per-class per-feature contributions, feature values and model outputs, with the
 *     additivity check {@code base + Σ contributions = output}.</li>
 * <li>{@link emolab.explain.TreeShap}: exact TreeSHAP (Lundberg et al. 2018) over
 *     {@link emolab.explain.TreeEnsemble}s flattened from any {@link emolab.classify.Classifier}
 *     that answers {@link emolab.classify.TreeEnsembleAccess} (forests, boosting, trees;
 *     probability space for forests, margin space for boosting).</li>
 * <li>{@link emolab.explain.KernelShap}: model-agnostic KernelSHAP (Lundberg &amp; Lee 2017) over a
 *     {@link emolab.explain.PredictFunction} with a k-means {@link emolab.explain.Background};
 *     {@link emolab.explain.ExactShap} enumerates all coalitions (its test oracle).</li>
 * <li>{@link emolab.explain.Lime} (Tribuo's LIME), {@link emolab.explain.BlackBoxImportance},
 *     and {@link emolab.explain.RankAgreement} (Spearman) to compare them.</li>
 * <li>{@link emolab.explain.GaussianSvm}: a batched evaluation of a one-vs-rest RBF SVM
 *     ({@link emolab.classify.KernelModelAccess}), so that KernelSHAP's many model calls are
 *     affordable. Rows to explain or train on are {@link emolab.prep.LabeledData}.</li>
 * </ul>
 * Plots: {@link emolab.chart.ShapCharts}. Speed: {@code emolab.bench.ExplainBenchmark} (module bench).
 */
package emolab.explain;
