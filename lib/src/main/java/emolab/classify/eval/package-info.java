/**
 * Evaluation of classifiers, following scikit-learn 1.2 ({@code sklearn.metrics}); checked
 * against its golden values in {@code ../shared/conformance/metrics} to 1e-12.
 *
 * <ul>
 * <li>{@link emolab.classify.eval.Metrics}: accuracy, balanced accuracy, precision / recall / F1
 *     per class or averaged ({@link emolab.classify.eval.Average}), confusion matrices
 *     ({@link emolab.classify.eval.Normalization}); 0/0 = 0.</li>
 * <li>{@link emolab.classify.eval.ClassificationReport}: all of these for one set of
 *     predictions, with class names and Tablesaw tables.</li>
 * <li>{@link emolab.classify.eval.Roc}, {@link emolab.classify.eval.RocCurve}: ROC curves and AUC
 *     (binary, one-vs-rest macro / weighted / micro, one-vs-one Hand &amp; Till).</li>
 * <li>{@link emolab.classify.eval.PrecisionRecall},
 *     {@link emolab.classify.eval.PrecisionRecallCurve}: precision-recall curves and average
 *     precision.</li>
 * <li>{@link emolab.classify.eval.ScoreReport}: all score-based metrics and curves for one
 *     matrix of class probabilities.</li>
 * <li>{@link emolab.classify.eval.Labels}: string labels to class codes (sorted, like
 *     {@code LabelEncoder}).</li>
 * </ul>
 *
 * <p>Charts of these live in {@link emolab.chart.ClassificationCharts}.
 */
package emolab.classify.eval;
