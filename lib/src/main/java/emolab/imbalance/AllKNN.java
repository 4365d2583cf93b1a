package emolab.imbalance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AllKNN (Tomek 1976; imbalanced-learn {@code AllKNN}): {@link EditedNearestNeighbours} with 1,
 * 2, …, {@code nNeighbors} neighbours, each on the rows left by the step before. Stops early when
 * a class other than the original minority falls below the original minority count (unless
 * {@link #allowMinority(boolean)}) or a class vanishes.
 */
public final class AllKNN extends AbstractSampler<AllKNN> {
    private int nNeighbors = 3;
    private boolean allowMinority = false;
    private EditedNearestNeighbours.Kind kind = EditedNearestNeighbours.Kind.ALL;

    public AllKNN nNeighbors(int k) {
        this.nNeighbors = requirePositive(name(), "n_neighbors", k);
        return this;
    }

    /** Let a majority class become smaller than the minority without stopping; default false. */
    public AllKNN allowMinority(boolean allow) {
        this.allowMinority = allow;
        return this;
    }

    public AllKNN kind(EditedNearestNeighbours.Kind kind) {
        if (kind == null) throw new IllegalArgumentException(name() + ": kind is null");
        this.kind = kind;
        return this;
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.CLEAN_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> ignored) {
        Map<Integer, Integer> original = Classes.counterOrder(y);
        int classMinority = Classes.argMin(original);
        int[] sampleIdx = new int[y.length];
        for (int i = 0; i < y.length; i++) sampleIdx[i] = i;
        double[][] Xc = X;
        int[] yc = y;
        for (int k = 1; k <= nNeighbors; k++) {
            LinkedHashMap<Integer, Integer> target = strategy().resolve(yc, samplingType());
            int[] keep = KnnRules.ennKeep(name(), Xc, yc, target.keySet(), k, kind == EditedNearestNeighbours.Kind.MODE);
            int[] yNew = Classes.pick(yc, keep);
            boolean minBecameMaj = !allowMinority && KnnRules.minorityBecameMajority(yNew, classMinority, original);
            boolean classRemoved = Classes.counts(yNew).size() < original.size();
            Xc = Classes.rows(Xc, keep);
            yc = yNew;
            sampleIdx = Classes.pick(sampleIdx, keep);
            if (minBecameMaj || classRemoved) break;
        }
        return new Resampled(Xc, yc, sampleIdx);
    }
}
