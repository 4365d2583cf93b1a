package emolab.timeseries.classification;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;

/**
 * Accuracy and macro-F1 of predicted class labels, computed by {@link Metrics} (scikit-learn's {@code accuracy_score} and
 * {@code f1_score(average='macro')}: the unweighted mean of the per-class F1 over the classes
 * present in the truth or the predictions; a class never predicted and never true is not counted,
 * a 0/0 precision or recall counts as 0).
 *
 * @param accuracy fraction of correct predictions
 * @param macroF1  unweighted mean per-class F1
 */
public record ClassificationScores(double accuracy, double macroF1) {
    /** Scores of {@code pred} against {@code truth} (labels ≥ 0). */
    public static ClassificationScores of(int[] truth, int[] pred) {
        if (truth.length != pred.length || truth.length == 0)
            throw new IllegalArgumentException("truth and predictions must have the same non-zero length, got "
                    + truth.length + " and " + pred.length);
        int k = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || pred[i] < 0) throw new IllegalArgumentException("labels must be >= 0 (row " + i + ")");
            k = Math.max(k, Math.max(truth[i], pred[i]) + 1);
        }
        return new ClassificationScores(Metrics.accuracy(truth, pred), Metrics.f1(truth, pred, k, Average.MACRO));
    }
}
