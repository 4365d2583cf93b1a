package emolab.imbalance;

import emolab.numeric.Neighbours;

import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Tomek links (Tomek 1976; imbalanced-learn {@code TomekLinks}): two rows of different classes
 * that are each other's nearest neighbour form a link; the row of the link that belongs to a
 * targeted class is removed (default: every class except the minority). Kept rows are returned
 * in ascending index order.
 */
public final class TomekLinks extends AbstractSampler<TomekLinks> {

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.CLEAN_SAMPLING;
    }

    /** For each row, whether it is in a Tomek link and its class is in {@code targets}. */
    static boolean[] links(double[][] X, int[] y, Set<Integer> targets) {
        int[] nn = new int[X.length];
        Neighbours.Result r = Neighbours.self(X, 1);
        for (int i = 0; i < X.length; i++) nn[i] = r.indices()[i][0];
        boolean[] links = new boolean[X.length];
        for (int i = 0; i < X.length; i++)
            links[i] = targets.contains(y[i]) && y[nn[i]] != y[i] && nn[nn[i]] == i;
        return links;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        boolean[] links = links(X, y, target.keySet());
        int kept = 0;
        for (boolean b : links) if (!b) kept++;
        int[] idx = new int[kept];
        for (int i = 0, k = 0; i < links.length; i++) if (!links[i]) idx[k++] = i;
        return Classes.subset(X, y, idx);
    }
}
