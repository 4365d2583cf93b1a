package emolab.classify.eval;

/**
 * Normalisation of a confusion matrix (scikit-learn's {@code normalize=}): divide each cell by its
 * true-class row sum ({@link #TRUE}, so the diagonal is the recall), its predicted-class column
 * sum ({@link #PRED}, the diagonal is the precision) or the grand total ({@link #ALL}). A row or
 * column with sum 0 gives 0, as scikit-learn does.
 */
public enum Normalization {
    TRUE, PRED, ALL
}
