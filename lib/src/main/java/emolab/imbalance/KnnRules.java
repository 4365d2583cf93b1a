package emolab.imbalance;

import emolab.numeric.Neighbours;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Neighbour-vote rules shared by the cleaning samplers (ENN, RENN, AllKNN, NCR, CNN, OSS). */
final class KnnRules {
    private KnnRules() {}

    /**
     * {@code scipy.stats.mode} of the labels: the most frequent, ties to the smallest label.
     */
    static int mode(int[] labels) {
        TreeMap<Integer, Integer> c = new TreeMap<>();
        for (int l : labels) c.merge(l, 1, Integer::sum);
        int best = 0, bestCount = -1;
        for (var e : c.entrySet()) if (e.getValue() > bestCount) { best = e.getKey(); bestCount = e.getValue(); }
        return best;
    }

    /**
     * Edited nearest neighbours (imblearn 0.10 {@code EditedNearestNeighbours._fit_resample}): for
     * each class in ascending order, all rows of untargeted classes, and the rows of targeted
     * classes whose k nearest other rows (among all of X) all share their label ({@code mode =
     * false}) or have it as their mode ({@code mode = true}). Returns the kept row indices in that
     * order.
     */
    static int[] ennKeep(String sampler, double[][] X, int[] y, Set<Integer> targets, int k, boolean mode) {
        if (k >= X.length)
            throw new NotApplicableException(sampler + ": n_neighbors = " + k + " needs at least " + (k + 1)
                    + " rows, got " + X.length);
        TreeMap<Integer, Integer> counts = Classes.counts(y);
        List<int[]> parts = new ArrayList<>();
        for (int c : counts.keySet()) {
            int[] idx = Classes.where(y, c);
            if (!targets.contains(c)) {
                parts.add(idx);
                continue;
            }
            Neighbours.Result nn = Neighbours.query(X, Classes.rows(X, idx), idx, k);
            int[] keep = new int[idx.length];
            int kept = 0;
            int[] labels = new int[k];
            for (int r = 0; r < idx.length; r++) {
                boolean ok;
                if (mode) {
                    for (int j = 0; j < k; j++) labels[j] = y[nn.indices()[r][j]];
                    ok = mode(labels) == c;
                } else {
                    ok = true;
                    for (int j = 0; j < k && ok; j++) ok = y[nn.indices()[r][j]] == c;
                }
                if (ok) keep[kept++] = idx[r];
            }
            parts.add(java.util.Arrays.copyOf(keep, kept));
        }
        return Classes.concat(parts);
    }

    /**
     * The stopping test of RENN and AllKNN: true when a class other than {@code classMinority}
     * now has fewer rows than the minority had originally.
     */
    static boolean minorityBecameMajority(int[] yNow, int classMinority, Map<Integer, Integer> original) {
        int nMin = original.get(classMinority);
        for (var e : Classes.counterOrder(yNow).entrySet())
            if (e.getKey() != classMinority && e.getValue() < nMin) return true;
        return false;
    }

    /**
     * k-NN classifier prediction (scikit-learn {@code KNeighborsClassifier}, uniform weights):
     * the mode of the labels of the k nearest rows of {@code train}; ties to the smallest label.
     */
    static int[] knnPredict(double[][] train, int[] trainY, double[][] queries, int k) {
        Neighbours.Result nn = Neighbours.query(train, queries, k);
        int[] out = new int[queries.length];
        int[] labels = new int[k];
        for (int q = 0; q < queries.length; q++) {
            for (int j = 0; j < k; j++) labels[j] = trainY[nn.indices()[q][j]];
            out[q] = k == 1 ? labels[0] : mode(labels);
        }
        return out;
    }
}
