package emolab.imbalance;

import java.util.Map;
import java.util.TreeMap;

/**
 * A re-sampled data set: rows {@code X}, labels {@code y}, and for each row the index of the
 * original input row it copies ({@code sampleIndices}), or {@link #SYNTHETIC} (−1) for a row that
 * a sampler generated (SMOTE interpolations, cluster centroids, smoothed bootstrap). For
 * under-samplers {@code sampleIndices} is imbalanced-learn's {@code sample_indices_}. Rows of
 * {@code X} are shared with the input where they are copies, so do not modify them.
 */
public record Resampled(double[][] X, int[] y, int[] sampleIndices) {
    /** Marker in {@link #sampleIndices()} for a generated row. */
    public static final int SYNTHETIC = -1;

    public Resampled {
        if (X.length != y.length || y.length != sampleIndices.length)
            throw new IllegalArgumentException("X, y and sampleIndices differ in length: " + X.length + ", "
                    + y.length + ", " + sampleIndices.length);
    }

    /** Number of rows. */
    public int size() {
        return y.length;
    }

    /** Whether row {@code i} was generated rather than copied from the input. */
    public boolean isSynthetic(int i) {
        return sampleIndices[i] == SYNTHETIC;
    }

    /** Number of generated rows. */
    public int syntheticCount() {
        int c = 0;
        for (int s : sampleIndices) if (s == SYNTHETIC) c++;
        return c;
    }

    /** Rows per class label, by ascending label. */
    public Map<Integer, Integer> classCounts() {
        return Classes.counts(y);
    }

    /** Generated rows per class label, by ascending label (classes without any are omitted). */
    public Map<Integer, Integer> syntheticCounts() {
        Map<Integer, Integer> m = new TreeMap<>();
        for (int i = 0; i < y.length; i++) if (sampleIndices[i] == SYNTHETIC) m.merge(y[i], 1, Integer::sum);
        return m;
    }

    @Override
    public String toString() {
        return "Resampled[" + size() + " rows, " + syntheticCount() + " synthetic, classes " + classCounts() + "]";
    }
}
