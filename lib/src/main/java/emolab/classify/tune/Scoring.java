package emolab.classify.tune;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;

/** Scores used for model selection (higher is better), as scikit-learn's scoring strings. */
public enum Scoring {
    /** {@code "accuracy"}. */
    ACCURACY("accuracy"),
    /** {@code "f1_macro"}: F1 averaged over classes without weights. */
    MACRO_F1("f1_macro");

    private final String column;

    Scoring(String column) {
        this.column = column;
    }

    /** Short name used in result tables ({@code accuracy}, {@code f1_macro}). */
    public String column() {
        return column;
    }

    /** The score of predictions {@code yPred} for {@code yTrue} over {@code nClasses} classes. */
    public double score(int[] yTrue, int[] yPred, int nClasses) {
        return this == ACCURACY ? Metrics.accuracy(yTrue, yPred) : Metrics.f1(yTrue, yPred, nClasses, Average.MACRO);
    }
}
