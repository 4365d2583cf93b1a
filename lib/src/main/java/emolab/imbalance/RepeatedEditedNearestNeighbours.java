package emolab.imbalance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Repeated edited nearest neighbours (Tomek 1976; imbalanced-learn
 * {@code RepeatedEditedNearestNeighbours}): applies {@link EditedNearestNeighbours} to the rows
 * left by the previous pass, recomputing neighbours among them, until a pass removes nothing,
 * {@code maxIter} passes ran, a class other than the original minority falls below the original
 * minority count, or a class vanishes. The strategy is re-resolved on each pass's input, as in
 * imbalanced-learn 0.10.
 */
public final class RepeatedEditedNearestNeighbours extends AbstractSampler<RepeatedEditedNearestNeighbours> {
    private int nNeighbors = 3;
    private int maxIter = 100;
    private EditedNearestNeighbours.Kind kind = EditedNearestNeighbours.Kind.ALL;

    /** The outcome of a run: the kept rows and the number of ENN passes made ({@code n_iter_}). */
    public record Run(Resampled result, int iterations) {}

    public RepeatedEditedNearestNeighbours nNeighbors(int k) {
        this.nNeighbors = requirePositive(name(), "n_neighbors", k);
        return this;
    }

    /** Maximum number of passes, at least 2 (imblearn's rule); default 100. */
    public RepeatedEditedNearestNeighbours maxIter(int maxIter) {
        if (maxIter < 2) throw new IllegalArgumentException(name() + ": max_iter must be >= 2, got " + maxIter);
        this.maxIter = maxIter;
        return this;
    }

    public RepeatedEditedNearestNeighbours kind(EditedNearestNeighbours.Kind kind) {
        if (kind == null) throw new IllegalArgumentException(name() + ": kind is null");
        this.kind = kind;
        return this;
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.CLEAN_SAMPLING;
    }

    /** Runs RENN and also reports the number of passes. */
    public Run run(double[][] X, int[] y) {
        Classes.check(name(), X, y);
        strategy().resolve(y, samplingType()); // validate early
        Map<Integer, Integer> original = Classes.counterOrder(y);
        int classMinority = Classes.argMin(original);
        int[] sampleIdx = new int[y.length];
        for (int i = 0; i < y.length; i++) sampleIdx[i] = i;
        double[][] Xc = X;
        int[] yc = y;
        int it = 0;
        for (; it < maxIter; it++) {
            LinkedHashMap<Integer, Integer> target = strategy().resolve(yc, samplingType());
            int[] keep = KnnRules.ennKeep(name(), Xc, yc, target.keySet(), nNeighbors, kind == EditedNearestNeighbours.Kind.MODE);
            boolean converged = keep.length == yc.length;
            int[] yNew = Classes.pick(yc, keep);
            boolean minBecameMaj = KnnRules.minorityBecameMajority(yNew, classMinority, original);
            boolean classRemoved = Classes.counts(yNew).size() < original.size();
            Xc = Classes.rows(Xc, keep);
            yc = yNew;
            sampleIdx = Classes.pick(sampleIdx, keep);
            if (converged || minBecameMaj || classRemoved) break;
        }
        return new Run(new Resampled(Xc, yc, sampleIdx), Math.min(it + 1, maxIter));
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        return run(X, y).result();
    }
}
