package emolab.explain;

/** The model output that an explanation decomposes: base value + contributions = this output. */
public enum OutputSpace {
    /** Class probabilities (e.g. a random forest's averaged leaf posteriors, an SVM's Platt-scaled scores). */
    PROBABILITY,
    /** Raw additive scores before the softmax (log-odds scale), e.g. a gradient-boosted ensemble's margins. */
    MARGIN,
    /** Any other per-class score returned by a {@link PredictFunction}. */
    SCORE
}
