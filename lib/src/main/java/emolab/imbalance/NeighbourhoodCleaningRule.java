package emolab.imbalance;

import emolab.numeric.Neighbours;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Neighbourhood cleaning rule (Laurikkala 2001; imbalanced-learn 0.10
 * {@code NeighbourhoodCleaningRule}). Removes A1 ∪ A2 and keeps the other rows in ascending
 * order:
 * <ul>
 * <li>A1: the rows that {@link EditedNearestNeighbours} with {@link EditedNearestNeighbours.Kind#MODE}
 *     and the same strategy removes;</li>
 * <li>A2: for each minority row whose {@code nNeighbors} nearest rows are not all of the
 *     minority class ({@link EditedNearestNeighbours.Kind#ALL}, default) or whose neighbour mode
 *     is not the minority ({@link EditedNearestNeighbours.Kind#MODE}), those neighbours that belong
 *     to a targeted class with more than {@code thresholdCleaning × n} rows.</li>
 * </ul>
 * Difference from imbalanced-learn 0.10: its 'all' test is {@code np.all(neighbour_labels)},
 * i.e. "no neighbour has label 0"; that equals "all neighbours are minority" only when the
 * minority label is 1 and the other label is 0 (as in the conformance fixture). This class
 * implements the stated rule for any labels.
 */
public final class NeighbourhoodCleaningRule extends AbstractSampler<NeighbourhoodCleaningRule> {
    private int nNeighbors = 3;
    private double thresholdCleaning = 0.5;
    private EditedNearestNeighbours.Kind kind = EditedNearestNeighbours.Kind.ALL;

    public NeighbourhoodCleaningRule nNeighbors(int k) {
        this.nNeighbors = requirePositive(name(), "n_neighbors", k);
        return this;
    }

    /** A class is cleaned in A2 only if it has more than this fraction of all rows; default 0.5. */
    public NeighbourhoodCleaningRule thresholdCleaning(double t) {
        if (!(t > 0 && Double.isFinite(t)))
            throw new IllegalArgumentException(name() + ": threshold_cleaning must be > 0, got " + t);
        this.thresholdCleaning = t;
        return this;
    }

    public NeighbourhoodCleaningRule kind(EditedNearestNeighbours.Kind kind) {
        if (kind == null) throw new IllegalArgumentException(name() + ": kind is null");
        this.kind = kind;
        return this;
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.CLEAN_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        int n = y.length;
        boolean[] removed = new boolean[n];
        boolean[] keptByEnn = new boolean[n];
        for (int i : KnnRules.ennKeep(name(), X, y, target.keySet(), nNeighbors, true)) keptByEnn[i] = true;
        for (int i = 0; i < n; i++) removed[i] = !keptByEnn[i];

        Map<Integer, Integer> stats = Classes.counterOrder(y);
        int classMinority = Classes.argMin(stats);
        Set<Integer> toClean = new TreeSet<>();
        for (var e : stats.entrySet())
            if (target.containsKey(e.getKey()) && e.getValue() > n * thresholdCleaning) toClean.add(e.getKey());
        int[] minIdx = Classes.where(y, classMinority);
        Neighbours.Result nn = Neighbours.query(X, Classes.rows(X, minIdx), minIdx, nNeighbors);
        int[] labels = new int[nNeighbors];
        for (int r = 0; r < minIdx.length; r++) {
            int[] nb = nn.indices()[r];
            for (int j = 0; j < nNeighbors; j++) labels[j] = y[nb[j]];
            boolean agrees;
            if (kind == EditedNearestNeighbours.Kind.MODE) {
                agrees = KnnRules.mode(labels) == classMinority;
            } else {
                agrees = true;
                for (int l : labels) agrees &= l == classMinority;
            }
            if (agrees) continue;
            for (int j : nb) if (toClean.contains(y[j])) removed[j] = true;
        }
        int kept = 0;
        for (boolean b : removed) if (!b) kept++;
        int[] idx = new int[kept];
        for (int i = 0, k = 0; i < n; i++) if (!removed[i]) idx[k++] = i;
        return Classes.subset(X, y, idx);
    }
}
