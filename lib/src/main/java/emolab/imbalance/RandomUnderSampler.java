package emolab.imbalance;

import emolab.numeric.NumpyRandomState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Random under-sampling (imbalanced-learn {@code RandomUnderSampler}): keeps a random subset of
 * each targeted class (default: every class except the minority, down to the minority count).
 * Draws as imbalanced-learn with {@code random_state=seed}: {@code choice(n_class, n_keep,
 * replace)} per targeted class in label order. Output: class by class (ascending label).
 */
public final class RandomUnderSampler extends AbstractSampler<RandomUnderSampler> {
    private boolean replacement = false;

    public RandomUnderSampler seed(long seed) {
        return setSeed(seed);
    }

    /** Sample with replacement; default false. */
    public RandomUnderSampler replacement(boolean r) {
        this.replacement = r;
        return this;
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.UNDER_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        NumpyRandomState rs = newRandom();
        List<int[]> parts = new ArrayList<>();
        for (int c : Classes.counts(y).keySet()) {
            int[] idx = Classes.where(y, c);
            if (!target.containsKey(c)) {
                parts.add(idx);
                continue;
            }
            parts.add(Classes.pick(idx, rs.choice(idx.length, target.get(c), replacement)));
        }
        return Classes.subset(X, y, Classes.concat(parts));
    }
}
