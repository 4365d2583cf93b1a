package emolab.timeseries.rocket;

/**
 * A collection of equal-length (multivariate) time series, read one at a time: series {@code i}
 * is {@code get(i)[channel][time]}. Lets a transform pull series block by block, so a source may
 * build them lazily (e.g. from audio files) and memory stays bounded to one block.
 *
 * <p>Implementations must allow concurrent {@code get} calls from several threads.
 */
public interface SeriesSource {
    /** Number of series. */
    int size();

    /** Series {@code i} as {@code [channel][time]}; callers do not modify it. */
    double[][] get(int i);

    /** Multivariate series held in memory: {@code x[series][channel][time]}. */
    static SeriesSource of(double[][][] x) {
        if (x == null) throw new IllegalArgumentException("series array x is null");
        return new SeriesSource() {
            @Override public int size() { return x.length; }
            @Override public double[][] get(int i) { return x[i]; }
        };
    }

    /** Univariate series held in memory, {@code x[series][time]}, seen as one channel each. */
    static SeriesSource univariate(double[][] x) {
        if (x == null) throw new IllegalArgumentException("series array x is null");
        return new SeriesSource() {
            @Override public int size() { return x.length; }
            @Override public double[][] get(int i) { return new double[][] {x[i]}; }
        };
    }

    /** Series {@code idx[0], idx[1], ...} of this source, in that order. */
    default SeriesSource subset(int[] idx) {
        SeriesSource self = this;
        int[] copy = idx.clone();
        for (int k = 0; k < copy.length; k++)
            if (copy[k] < 0 || copy[k] >= self.size())
                throw new IllegalArgumentException("subset index " + copy[k] + " outside [0, " + self.size() + ")");
        return new SeriesSource() {
            @Override public int size() { return copy.length; }
            @Override public double[][] get(int i) { return self.get(copy[i]); }
        };
    }
}
