package emolab.timeseries.classification;

/**
 * Accuracy and macro-F1 of predicted class labels (scikit-learn's {@code accuracy_score} and
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
        long[] tp = new long[k], t = new long[k], p = new long[k];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            t[truth[i]]++;
            p[pred[i]]++;
            if (truth[i] == pred[i]) {
                tp[truth[i]]++;
                correct++;
            }
        }
        double f1 = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            if (t[c] == 0 && p[c] == 0) continue;
            classes++;
            double prec = p[c] == 0 ? 0 : tp[c] / (double) p[c];
            double rec = t[c] == 0 ? 0 : tp[c] / (double) t[c];
            f1 += prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
        }
        return new ClassificationScores(correct / (double) truth.length, f1 / classes);
    }
}
