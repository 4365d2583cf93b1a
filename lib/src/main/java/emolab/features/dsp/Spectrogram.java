package emolab.features.dsp;

/**
 * A real spectrogram stored frame-major: {@code data[t * bins + f]} for frame {@code t} and
 * frequency bin {@code f}.
 */
public record Spectrogram(double[] data, int frames, int bins) {
    public Spectrogram {
        if (data.length < (long) frames * bins)
            throw new IllegalArgumentException("data too short: " + data.length + " < " + frames + "x" + bins);
    }

    public double get(int frame, int bin) {
        return data[frame * bins + bin];
    }

    /** Copy as {@code [frame][bin]}. */
    public double[][] toArray() {
        double[][] a = new double[frames][bins];
        for (int t = 0; t < frames; t++) System.arraycopy(data, t * bins, a[t], 0, bins);
        return a;
    }
}
