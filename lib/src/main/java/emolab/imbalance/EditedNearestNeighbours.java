package emolab.imbalance;

import java.util.LinkedHashMap;

/**
 * Edited nearest neighbours (Wilson 1972; imbalanced-learn {@code EditedNearestNeighbours}): a
 * row of a targeted class is removed unless its {@code nNeighbors} nearest other rows all share
 * its label ({@link Kind#ALL}) or their most common label is its label ({@link Kind#MODE}; ties
 * to the smallest label, as {@code scipy.stats.mode}). Cleaning sampler: the default strategy
 * targets every class except the minority. Kept rows are returned class by class (ascending
 * label), ascending row index within a class, as imbalanced-learn 0.10.
 */
public final class EditedNearestNeighbours extends AbstractSampler<EditedNearestNeighbours> {

    /** How the neighbours must agree with a row for it to stay. */
    public enum Kind {
        /** All neighbours share the row's label (imblearn {@code kind_sel='all'}, the default). */
        ALL,
        /** The most common neighbour label is the row's label ({@code kind_sel='mode'}). */
        MODE
    }

    private int nNeighbors = 3;
    private Kind kind = Kind.ALL;

    /** Number of neighbours, default 3. */
    public EditedNearestNeighbours nNeighbors(int k) {
        this.nNeighbors = requirePositive(name(), "n_neighbors", k);
        return this;
    }

    /** Selection rule, default {@link Kind#ALL}. */
    public EditedNearestNeighbours kind(Kind kind) {
        if (kind == null) throw new IllegalArgumentException(name() + ": kind is null");
        this.kind = kind;
        return this;
    }

    public int nNeighbors() { return nNeighbors; }

    public Kind kind() { return kind; }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.CLEAN_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        return Classes.subset(X, y, KnnRules.ennKeep(name(), X, y, target.keySet(), nNeighbors, kind == Kind.MODE));
    }

    @Override
    public String toString() {
        return name() + "(n_neighbors=" + nNeighbors + ", kind=" + kind + ", strategy=" + strategy() + ")";
    }
}
