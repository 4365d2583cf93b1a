package emolab.imbalance;

/**
 * SMOTE followed by Tomek-link removal (Batista, Prati &amp; Monard 2004; imbalanced-learn
 * {@code SMOTETomek}): {@link SMOTE} with the auto strategy and the seed, then {@link TomekLinks}
 * on every class ({@link SamplingStrategy#all()}), so both rows of each link are removed.
 */
public final class SMOTETomek implements Sampler {
    private final Sampler smote;
    private final Sampler tomek;

    public SMOTETomek(long seed) {
        this(new SMOTE().seed(seed), new TomekLinks().strategy(SamplingStrategy.all()));
    }

    public SMOTETomek(Sampler smote, Sampler tomek) {
        if (smote == null || tomek == null) throw new IllegalArgumentException("SMOTETomek: samplers must not be null");
        this.smote = smote;
        this.tomek = tomek;
    }

    @Override
    public Resampled fitResample(double[][] X, int[] y) {
        return SMOTEENN.chain(smote, tomek, X, y);
    }

    @Override
    public String toString() {
        return "SMOTETomek(" + smote + " → " + tomek + ")";
    }
}
