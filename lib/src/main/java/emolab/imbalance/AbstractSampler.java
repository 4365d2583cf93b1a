package emolab.imbalance;

import emolab.numeric.NumpyRandomState;

import java.util.LinkedHashMap;

/**
 * Common frame of the samplers: input validation, the {@link SamplingStrategy} and the seed.
 * Configuration methods return {@code this} for chaining; {@link #fitResample} does not change
 * the configuration, so a configured sampler can be reused and shared across folds.
 *
 * @param <S> the concrete sampler type, for chaining
 */
public abstract class AbstractSampler<S extends AbstractSampler<S>> implements Sampler {
    private SamplingStrategy strategy = SamplingStrategy.auto();
    private long seed = 0;

    /** Whether this sampler generates, removes by count, or cleans rows. */
    protected abstract SamplingStrategy.Type samplingType();

    /**
     * Re-samples validated input. {@code target} is the resolved strategy (ascending label):
     * rows to generate (over-sampling), rows to keep (under-sampling) or the classes to clean.
     */
    protected abstract Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target);

    @Override
    public final Resampled fitResample(double[][] X, int[] y) {
        Classes.check(name(), X, y);
        LinkedHashMap<Integer, Integer> target;
        try {
            target = strategy.resolve(y, samplingType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + ": " + e.getMessage(), e);
        }
        return resample(X, y, target);
    }

    /** Sets the sampling strategy (default {@link SamplingStrategy#auto()}). */
    public S strategy(SamplingStrategy strategy) {
        if (strategy == null) throw new IllegalArgumentException(name() + ": sampling strategy is null");
        this.strategy = strategy;
        return self();
    }

    public SamplingStrategy strategy() {
        return strategy;
    }

    /** The seed (numpy {@code random_state}); default 0. Only random samplers use it. */
    public long seed() {
        return seed;
    }

    /** Sets the seed, 0 ≤ seed &lt; 2³² (numpy's range). */
    protected S setSeed(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL)
            throw new IllegalArgumentException(name() + ": seed must be in [0, 2^32 - 1], got " + seed);
        this.seed = seed;
        return self();
    }

    /** A fresh generator seeded with {@link #seed()} (imbalanced-learn's {@code check_random_state(int)}). */
    protected NumpyRandomState newRandom() {
        return new NumpyRandomState(seed);
    }

    /** Name used in error messages. */
    protected String name() {
        return getClass().getSimpleName();
    }

    protected static int requirePositive(String sampler, String param, int v) {
        if (v < 1) throw new IllegalArgumentException(sampler + ": " + param + " must be >= 1, got " + v);
        return v;
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    @Override
    public String toString() {
        return name() + "(strategy=" + strategy + ")";
    }
}
