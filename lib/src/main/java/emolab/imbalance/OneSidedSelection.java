package emolab.imbalance;

import emolab.numeric.NumpyRandomState;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-sided selection (Kubat &amp; Matwin 1997; imbalanced-learn {@code OneSidedSelection}). For
 * each targeted class: C = all minority rows + {@code nSeedsS} random rows of the class; the
 * class's other rows that a k-NN classifier on C misclassifies are kept with the seeds; then a
 * {@link TomekLinks} pass on the kept subset (neighbours searched within it) removes the
 * targeted rows that form Tomek links. Seeds are drawn as imbalanced-learn does (see
 * {@link CondensedNearestNeighbour}) or injected with {@link #seedPositions(Map)}.
 */
public final class OneSidedSelection extends AbstractSampler<OneSidedSelection> {
    private int nNeighbors = 1;
    private int nSeedsS = 1;
    private Map<Integer, int[]> seedPositions = null;

    public OneSidedSelection nNeighbors(int k) {
        this.nNeighbors = requirePositive(name(), "n_neighbors", k);
        return this;
    }

    public OneSidedSelection nSeedsS(int n) {
        this.nSeedsS = requirePositive(name(), "n_seeds_S", n);
        return this;
    }

    public OneSidedSelection seed(long seed) {
        return setSeed(seed);
    }

    /** Injected seed positions per targeted class (within-class, row order); {@code null} = random. */
    public OneSidedSelection seedPositions(Map<Integer, int[]> positions) {
        this.seedPositions = positions == null ? null : new TreeMap<>(positions);
        return this;
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.CLEAN_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        NumpyRandomState rs = newRandom();
        int classMinority = Classes.counterMinority(y);
        int[] minIdx = Classes.where(y, classMinority);
        List<int[]> parts = new ArrayList<>();
        for (int c : Classes.counts(y).keySet()) {
            int[] idxMaj = Classes.where(y, c);
            if (!target.containsKey(c)) {
                parts.add(idxMaj);
                continue;
            }
            int[] seedPos = CondensedNearestNeighbour.seeds(name(), seedPositions, rs, c, idxMaj.length, nSeedsS);
            int[] seedIdx = Classes.pick(idxMaj, seedPos);
            int[] cIdx = Classes.concat(List.of(minIdx, seedIdx));
            if (nNeighbors > cIdx.length)
                throw new NotApplicableException(name() + ": n_neighbors = " + nNeighbors + " but C has only " + cIdx.length + " rows");
            boolean[] isSeed = new boolean[idxMaj.length];
            for (int p : seedPos) isSeed[p] = true;
            int[] rest = java.util.stream.IntStream.range(0, idxMaj.length).filter(p -> !isSeed[p]).map(p -> idxMaj[p]).toArray();
            int[] pred = KnnRules.knnPredict(Classes.rows(X, cIdx), Classes.pick(y, cIdx), Classes.rows(X, rest), nNeighbors);
            int[] mis = java.util.stream.IntStream.range(0, rest.length).filter(i -> pred[i] != c).map(i -> rest[i]).toArray();
            parts.add(seedIdx);
            parts.add(mis);
        }
        int[] idxUnder = Classes.concat(parts);
        double[][] Xs = Classes.rows(X, idxUnder);
        int[] ys = Classes.pick(y, idxUnder);
        boolean[] links = TomekLinks.links(Xs, ys, target.keySet());
        int[] keep = java.util.stream.IntStream.range(0, idxUnder.length).filter(i -> !links[i]).map(i -> idxUnder[i]).toArray();
        return Classes.subset(X, y, keep);
    }

    @Override
    public String toString() {
        return name() + "(n_neighbors=" + nNeighbors + ", n_seeds_S=" + nSeedsS + ", seed="
                + (seedPositions != null ? "injected" : seed()) + ")";
    }
}
