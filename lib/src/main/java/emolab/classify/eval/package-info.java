/**
 * Evaluation of classifiers, following scikit-learn 1.2 ({@code sklearn.metrics}).
 *
 * <ul>
 * <li>{@link emolab.classify.eval.Metrics}: accuracy, balanced accuracy, precision / recall / F1
 *     ({@link emolab.classify.eval.Average}), confusion matrices
 *     ({@link emolab.classify.eval.Normalization}).</li>
 * <li>{@link emolab.classify.eval.ClassificationReport}: all of these for one set of
 *     predictions, with class names and tables.</li>
 * <li>{@link emolab.classify.eval.Labels}: string labels to class codes.</li>
 * </ul>
 */
package emolab.classify.eval;
