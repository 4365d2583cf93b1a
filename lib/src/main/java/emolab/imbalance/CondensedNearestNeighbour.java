package emolab.imbalance;

import emolab.numeric.NumpyRandomState;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Condensed nearest neighbour (Hart 1968; imbalanced-learn {@code CondensedNearestNeighbour}).
 * For each targeted class: start from C = all minority rows + {@code nSeedsS} random rows of the
 * class; scan the class's rows in order and add each row that a k-NN classifier trained on C
 * misclassifies (refitting after every addition); keep C's rows of that class.
 *
 * <p>The seeds are drawn like imbalanced-learn ({@code RandomState(seed).randint(0, n_class,
 * nSeedsS)} per class, in label order), so {@code seed(s)} reproduces {@code random_state=s}; they
 * can also be injected with {@link #seedPositions(Map)}.
 *
 * <p><b>Bookkeeping.</b> After each addition imbalanced-learn 0.10 skips, for the rest of the
 * scan, the rows it considers well classified; it stores the <em>row indices</em> of the rows
 * added so far together with the <em>within-class positions</em> of the correctly classified
 * rows, and tests the scan position against that mixed set. {@link Bookkeeping#IMBLEARN_0_10}
 * (default) reproduces this, and so imbalanced-learn's output; {@link Bookkeeping#CONSISTENT}
 * uses positions throughout (what the algorithm intends).
 */
public final class CondensedNearestNeighbour extends AbstractSampler<CondensedNearestNeighbour> {

    /** How the "already well classified" skip set is kept (see the class comment). */
    public enum Bookkeeping {
        /** imbalanced-learn 0.10: row indices of the selected rows mixed with positions. */
        IMBLEARN_0_10,
        /** Positions only. */
        CONSISTENT
    }

    private int nNeighbors = 1;
    private int nSeedsS = 1;
    private Map<Integer, int[]> seedPositions = null;
    private Bookkeeping bookkeeping = Bookkeeping.IMBLEARN_0_10;

    /** Neighbours of the k-NN rule; default 1. */
    public CondensedNearestNeighbour nNeighbors(int k) {
        this.nNeighbors = requirePositive(name(), "n_neighbors", k);
        return this;
    }

    /** Number of random seed rows per class; default 1. */
    public CondensedNearestNeighbour nSeedsS(int n) {
        this.nSeedsS = requirePositive(name(), "n_seeds_S", n);
        return this;
    }

    public CondensedNearestNeighbour seed(long seed) {
        return setSeed(seed);
    }

    /**
     * Uses these seed positions (0-based within each targeted class's rows, in row order) instead
     * of random draws; every targeted class must be given. {@code null} restores random seeds.
     */
    public CondensedNearestNeighbour seedPositions(Map<Integer, int[]> positions) {
        this.seedPositions = positions == null ? null : new TreeMap<>(positions);
        return this;
    }

    public CondensedNearestNeighbour bookkeeping(Bookkeeping b) {
        if (b == null) throw new IllegalArgumentException(name() + ": bookkeeping is null");
        this.bookkeeping = b;
        return this;
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.CLEAN_SAMPLING;
    }

    /** Seed positions for class c: injected, or drawn from rs. */
    static int[] seeds(String name, Map<Integer, int[]> injected, NumpyRandomState rs, int c, int nClass, int nSeeds) {
        if (injected != null) {
            int[] p = injected.get(c);
            if (p == null) throw new IllegalArgumentException(name + ": no seed positions injected for class " + c);
            for (int v : p)
                if (v < 0 || v >= nClass)
                    throw new IllegalArgumentException(name + ": seed position " + v + " outside class " + c + " (" + nClass + " rows)");
            return p.clone();
        }
        int[] p = new int[nSeeds];
        for (int i = 0; i < nSeeds; i++) p[i] = (int) rs.randint(0, nClass);
        return p;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        NumpyRandomState rs = newRandom();
        int classMinority = Classes.counterMinority(y);
        int[] minIdx = Classes.where(y, classMinority);
        List<int[]> parts = new ArrayList<>();
        TreeMap<Integer, Integer> counts = Classes.counts(y);
        for (int c : counts.keySet()) {
            int[] idxMaj = Classes.where(y, c);
            if (!target.containsKey(c)) {
                parts.add(idxMaj);
                continue;
            }
            int[] seedPos = seeds(name(), seedPositions, rs, c, idxMaj.length, nSeedsS);
            List<Integer> selected = new ArrayList<>();
            for (int p : seedPos) selected.add(idxMaj[p]);
            List<Integer> cIdx = new ArrayList<>();
            for (int i : minIdx) cIdx.add(i);
            cIdx.addAll(selected);
            if (nNeighbors > cIdx.size())
                throw new NotApplicableException(name() + ": n_neighbors = " + nNeighbors + " but the condensed set has only "
                        + cIdx.size() + " rows");
            double[][] S = Classes.rows(X, idxMaj);
            Set<Integer> good = new HashSet<>();
            if (bookkeeping == Bookkeeping.IMBLEARN_0_10) good.addAll(selected);
            else for (int p : seedPos) good.add(p);
            double[][] cX = rowsOf(X, cIdx);
            int[] cY = labelsOf(y, cIdx);
            for (int p = 0; p < idxMaj.length; p++) {
                if (good.contains(p)) continue;
                int pred = KnnRules.knnPredict(cX, cY, new double[][] {S[p]}, nNeighbors)[0];
                if (pred != c) {
                    selected.add(idxMaj[p]);
                    cIdx.add(idxMaj[p]);
                    cX = rowsOf(X, cIdx);
                    cY = labelsOf(y, cIdx);
                    int[] predS = KnnRules.knnPredict(cX, cY, S, nNeighbors);
                    good.clear();
                    if (bookkeeping == Bookkeeping.IMBLEARN_0_10) {
                        good.addAll(selected);
                    } else {
                        for (int q = 0; q < idxMaj.length; q++) if (selected.contains(idxMaj[q])) good.add(q);
                    }
                    for (int q = 0; q < idxMaj.length; q++) if (predS[q] == c) good.add(q);
                }
            }
            parts.add(selected.stream().mapToInt(Integer::intValue).toArray());
        }
        return Classes.subset(X, y, Classes.concat(parts));
    }

    private static double[][] rowsOf(double[][] X, List<Integer> idx) {
        double[][] out = new double[idx.size()][];
        for (int i = 0; i < out.length; i++) out[i] = X[idx.get(i)];
        return out;
    }

    private static int[] labelsOf(int[] y, List<Integer> idx) {
        int[] out = new int[idx.size()];
        for (int i = 0; i < out.length; i++) out[i] = y[idx.get(i)];
        return out;
    }

    @Override
    public String toString() {
        return name() + "(n_neighbors=" + nNeighbors + ", n_seeds_S=" + nSeedsS + ", seed="
                + (seedPositions != null ? "injected " + seedPositionsString() : seed()) + ", bookkeeping=" + bookkeeping + ")";
    }

    private String seedPositionsString() {
        StringBuilder b = new StringBuilder("{");
        seedPositions.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(Arrays.toString(v)));
        return b.append('}').toString();
    }
}
