package emolab.data;

/**
 * A decoded recording: mono samples as float64 scaled like {@code int16 / 32768}, plus what the
 * file said about itself.
 *
 * @param samples    mono samples (multi-channel files are averaged over channels)
 * @param sampleRate samples per second
 * @param channels   channel count in the file (before averaging)
 * @param bitsPerSample bits per sample in the file
 * @param source     file name or description, for messages
 */
public record Audio(double[] samples, int sampleRate, int channels, int bitsPerSample, String source) {
    public Audio {
        if (samples == null) throw new IllegalArgumentException("samples is null (" + source + ")");
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0 (" + source + "): " + sampleRate);
    }

    /** Number of (mono) frames. */
    public int frames() {
        return samples.length;
    }

    /** Duration in seconds. */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
