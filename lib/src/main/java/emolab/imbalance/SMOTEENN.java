package emolab.imbalance;

/**
 * SMOTE followed by edited-nearest-neighbours cleaning (Batista, Prati &amp; Monard 2004;
 * imbalanced-learn {@code SMOTEENN}). Defaults as imbalanced-learn: {@link SMOTE} with this
 * sampler's strategy and seed, then {@link EditedNearestNeighbours} cleaning every class
 * ({@link SamplingStrategy#all()}). Sample indices refer to the original rows (−1 for synthetic).
 */
public final class SMOTEENN implements Sampler {
    private final Sampler smote;
    private final Sampler enn;

    /** With SMOTE(k=5, seed) on the auto strategy and ENN(k=3, all classes). */
    public SMOTEENN(long seed) {
        this(new SMOTE().seed(seed), new EditedNearestNeighbours().strategy(SamplingStrategy.all()));
    }

    /** With the given over-sampler and cleaner. */
    public SMOTEENN(Sampler smote, Sampler enn) {
        if (smote == null || enn == null) throw new IllegalArgumentException("SMOTEENN: samplers must not be null");
        this.smote = smote;
        this.enn = enn;
    }

    @Override
    public Resampled fitResample(double[][] X, int[] y) {
        return chain(smote, enn, X, y);
    }

    /** Runs {@code first} then {@code second} on its output, mapping indices back to the input rows. */
    static Resampled chain(Sampler first, Sampler second, double[][] X, int[] y) {
        Resampled a = first.fitResample(X, y);
        Resampled b = second.fitResample(a.X(), a.y());
        int[] idx = new int[b.size()];
        for (int i = 0; i < idx.length; i++) {
            int s = b.sampleIndices()[i];
            idx[i] = s < 0 ? Resampled.SYNTHETIC : a.sampleIndices()[s];
        }
        return new Resampled(b.X(), b.y(), idx);
    }

    @Override
    public String toString() {
        return "SMOTEENN(" + smote + " → " + enn + ")";
    }
}
