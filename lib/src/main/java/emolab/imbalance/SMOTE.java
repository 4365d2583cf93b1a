package emolab.imbalance;

import java.util.LinkedHashMap;

/**
 * SMOTE (Chawla et al. 2002; imbalanced-learn {@code SMOTE}): each synthetic row lies on the
 * segment between a row of the class and one of its {@code kNeighbors} nearest rows of the same
 * class, at a uniform random position. Default strategy: every class up to the majority count.
 *
 * <p>Draws as imbalanced-learn 0.10 with {@code random_state=seed}: for each class a fresh
 * {@code RandomState(seed)} draws {@code randint(0, n_class·k, n)} (base row and neighbour) and
 * then {@code uniform(size=n)} (step). Output: the input rows, then each class's synthetic rows
 * in label order.
 */
public final class SMOTE extends AbstractSampler<SMOTE> {
    private int kNeighbors = 5;

    /** Neighbours to interpolate with; default 5. Each targeted class needs more than k rows. */
    public SMOTE kNeighbors(int k) {
        this.kNeighbors = requirePositive(name(), "k_neighbors", k);
        return this;
    }

    public SMOTE seed(long seed) {
        return setSeed(seed);
    }

    public int kNeighbors() { return kNeighbors; }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.OVER_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        Classes.Builder out = new Classes.Builder().addOriginal(X, y);
        for (var e : target.entrySet()) {
            int c = e.getKey(), n = e.getValue();
            if (n == 0) continue;
            double[][] Xc = Classes.rows(X, Classes.where(y, c));
            int[][] nns = SmoteSupport.classNeighbours(name(), "k_neighbors", Xc, c, kNeighbors);
            out.addSynthetic(SmoteSupport.makeSamples(Xc, Xc, nns, n, 1.0, newRandom()), c);
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name() + "(k_neighbors=" + kNeighbors + ", seed=" + seed() + ", strategy=" + strategy() + ")";
    }
}
