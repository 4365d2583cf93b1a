package emolab.imbalance;

import emolab.numeric.Neighbours;

import emolab.numeric.Ranks;

import emolab.numeric.NumpySum;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * NearMiss under-sampling (Mani &amp; Zhang 2003; imbalanced-learn {@code NearMiss}). For each
 * targeted class (default: every class except the minority, down to the minority count) it keeps
 * the rows that are "near" the minority class (the minority is {@code min(Counter(y))}, first
 * occurring label on ties):
 * <ul>
 * <li>version 1: smallest sum of distances to the {@code nNeighbors} nearest minority rows;</li>
 * <li>version 2: smallest sum of distances to the {@code nNeighbors} farthest minority rows;</li>
 * <li>version 3: candidates are the {@code nNeighborsVer3} nearest rows of the class to each
 *     minority row; among them, the largest sum of distances to the {@code nNeighbors} nearest
 *     minority rows. May keep fewer rows than asked, as in imbalanced-learn.</li>
 * </ul>
 * Equal sums keep the lower row first (Python's stable {@code sorted}, also with
 * {@code reverse=True}). Output: class by class (ascending label); untargeted classes in row
 * order, targeted classes in selection order.
 */
public final class NearMiss extends AbstractSampler<NearMiss> {
    private int version = 1;
    private int nNeighbors = 3;
    private int nNeighborsVer3 = 3;

    /** NearMiss version 1, 2 or 3; default 1. */
    public NearMiss version(int version) {
        if (version < 1 || version > 3) throw new IllegalArgumentException(name() + ": version must be 1, 2 or 3, got " + version);
        this.version = version;
        return this;
    }

    /** Minority neighbours averaged over; default 3. */
    public NearMiss nNeighbors(int k) {
        this.nNeighbors = requirePositive(name(), "n_neighbors", k);
        return this;
    }

    /** Version 3's candidate neighbours per minority row; default 3. */
    public NearMiss nNeighborsVer3(int k) {
        this.nNeighborsVer3 = requirePositive(name(), "n_neighbors_ver3", k);
        return this;
    }

    public int version() { return version; }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.UNDER_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        int classMinority = Classes.counterMinority(y);
        int[] minIdx = Classes.where(y, classMinority);
        double[][] Xmin = Classes.rows(X, minIdx);
        if (nNeighbors > minIdx.length)
            throw new NotApplicableException(name() + ": n_neighbors = " + nNeighbors + " but the minority class "
                    + classMinority + " has only " + minIdx.length + " rows");
        List<int[]> parts = new ArrayList<>();
        TreeMap<Integer, Integer> counts = Classes.counts(y);
        for (int c : counts.keySet()) {
            int[] idx = Classes.where(y, c);
            if (!target.containsKey(c)) {
                parts.add(idx);
                continue;
            }
            int nKeep = target.get(c);
            double[][] Xc = Classes.rows(X, idx);
            int[] selectedPositions;
            if (version == 1 || version == 2) {
                int k = version == 1 ? nNeighbors : minIdx.length;
                Neighbours.Result nn = Neighbours.query(Xmin, Xc, k);
                double[] score = sumLast(nn.distances(), nNeighbors);
                selectedPositions = firstSorted(score, nKeep, false);
            } else {
                if (nNeighborsVer3 > idx.length)
                    throw new NotApplicableException(name() + ": n_neighbors_ver3 = " + nNeighborsVer3 + " but class "
                            + c + " has only " + idx.length + " rows");
                Neighbours.Result cand = Neighbours.query(Xc, Xmin, nNeighborsVer3);
                int[] candidates = Arrays.stream(cand.indices()).flatMapToInt(Arrays::stream).distinct().sorted().toArray();
                Neighbours.Result nn = Neighbours.query(Xmin, Classes.rows(Xc, candidates), nNeighbors);
                double[] score = sumLast(nn.distances(), nNeighbors);
                int[] sel = firstSorted(score, nKeep, true);
                selectedPositions = new int[sel.length];
                for (int i = 0; i < sel.length; i++) selectedPositions[i] = candidates[sel[i]];
            }
            parts.add(Classes.pick(idx, selectedPositions));
        }
        return Classes.subset(X, y, Classes.concat(parts));
    }

    /** Sum of the last {@code n} distances of each row, left to right (numpy's sum of ≤ 7 terms). */
    private static double[] sumLast(double[][] dist, int n) {
        double[] s = new double[dist.length];
        for (int i = 0; i < dist.length; i++) {
            double[] d = dist[i];
            s[i] = NumpySum.pairwise(d, d.length - n, n);
        }
        return s;
    }

    /** Positions of the first {@code count} values in a stable ascending (or descending) sort. */
    private static int[] firstSorted(double[] v, int count, boolean descending) {
        int[] order = new int[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        double[] key = v;
        if (descending) {
            key = new double[v.length];
            for (int i = 0; i < v.length; i++) key[i] = -v[i];
        }
        order = Ranks.stableSortByValue(order, key);
        return Arrays.copyOf(order, Math.min(count, order.length));
    }

    @Override
    public String toString() {
        return name() + "(version=" + version + ", n_neighbors=" + nNeighbors
                + (version == 3 ? ", n_neighbors_ver3=" + nNeighborsVer3 : "") + ", strategy=" + strategy() + ")";
    }
}
