package emolab.timeseries;

import emolab.data.Audio;

import java.util.Locale;

/**
 * The course's time series of a recording: the waveform cut to a fixed number of samples,
 * decimated ({@link Decimator}, SciPy's default anti-aliasing), z-normalised (population std) and
 * smoothed by a rolling mean with the incomplete leading windows dropped.
 *
 * <p>{@link #course()} is the course's recipe for 48 kHz RAVDESS: cut to 140,941 samples (its
 * shortest file), decimate by 10, rolling mean over 141 points &rarr; 13,955 points.
 * {@link #forSampleRate(int)} keeps the same durations at another rate: cut to the same 2.936 s
 * and average over the same 29.4 ms, i.e. both counts scaled by {@code rate / 48000} and rounded
 * (the window to an odd count); the decimation factor stays 10. At 16 kHz: cut 46,980 samples,
 * window 47 points, 4,652 output points. A recording shorter than the cut is zero-padded at the
 * end (the course never met one: it cut at its shortest file); {@link #isPadded(int)} says when.
 *
 * <p>{@link Precision#FLOAT32} reproduces a float32 waveform as {@code librosa.load} returns it,
 * which is how the course's stored tables were made: SciPy then filters in float32 and NumPy
 * z-normalises in float32; the rolling mean is float64 (pandas). {@link Precision#FLOAT64} does
 * everything in float64. Immutable and thread-safe.
 */
public final class CourseSeries {
    /** Arithmetic used up to the rolling mean. */
    public enum Precision { FLOAT64, FLOAT32 }

    /** The course's sample rate, cut, decimation factor and window. */
    public static final int COURSE_RATE = 48_000;
    public static final int COURSE_CUT = 140_941;
    public static final int COURSE_DECIMATION = 10;
    public static final int COURSE_WINDOW = 141;

    private final int sampleRate;
    private final int cut;
    private final int window;
    private final Precision precision;
    private final Decimator decimator;

    /**
     * @param sampleRate rate the recordings must have
     * @param cut        samples kept from the start (shorter recordings are zero-padded)
     * @param decimation down-sampling factor (&ge; 2)
     * @param window     rolling-mean window in decimated points (&ge; 1)
     * @param precision  float32 or float64 arithmetic
     */
    public CourseSeries(int sampleRate, int cut, int decimation, int window, Precision precision) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        if (precision == null) throw new IllegalArgumentException("precision is null");
        this.decimator = new Decimator(decimation);
        int minCut = decimator.filter().defaultPadLength() + 1;
        if (cut < minCut) throw new IllegalArgumentException("cut must be at least " + minCut + " samples, got " + cut);
        if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
        if (window > decimator.outputLength(cut))
            throw new IllegalArgumentException("window " + window + " is longer than the decimated series ("
                    + decimator.outputLength(cut) + " points)");
        this.sampleRate = sampleRate;
        this.cut = cut;
        this.window = window;
        this.precision = precision;
    }

    /** The course's recipe at 48 kHz in float64: 140,941 samples &rarr; 13,955 points. */
    public static CourseSeries course() {
        return new CourseSeries(COURSE_RATE, COURSE_CUT, COURSE_DECIMATION, COURSE_WINDOW, Precision.FLOAT64);
    }

    /** The course's recipe with the same durations at {@code sampleRate} (float64). */
    public static CourseSeries forSampleRate(int sampleRate) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        if (sampleRate == COURSE_RATE) return course();
        double f = sampleRate / (double) COURSE_RATE;
        int cut = (int) Math.round(COURSE_CUT * f);
        int w = (int) Math.round(COURSE_WINDOW * f);
        if (w % 2 == 0) w += (COURSE_WINDOW * f > w) ? 1 : -1;
        return new CourseSeries(sampleRate, cut, COURSE_DECIMATION, Math.max(1, w), Precision.FLOAT64);
    }

    /** The same recipe with another cut (in samples), e.g. the shortest training recording. */
    public CourseSeries withCut(int samples) {
        return new CourseSeries(sampleRate, samples, decimator.factor(), window, precision);
    }

    /** The same recipe with another precision. */
    public CourseSeries withPrecision(Precision p) {
        return new CourseSeries(sampleRate, cut, decimator.factor(), window, p);
    }

    public int sampleRate() { return sampleRate; }
    public int cut() { return cut; }
    public int decimation() { return decimator.factor(); }
    public int window() { return window; }
    public Precision precision() { return precision; }

    /** Number of points of every series built: {@code ceil(cut / q) − window + 1}. */
    public int length() {
        return decimator.outputLength(cut) - window + 1;
    }

    /** True when a recording of {@code samples} samples is zero-padded to the cut. */
    public boolean isPadded(int samples) {
        return samples < cut;
    }

    /** The series of a recording; its rate must be {@link #sampleRate()}. */
    public double[] build(Audio audio) {
        if (audio.sampleRate() != sampleRate)
            throw new IllegalArgumentException(audio.source() + ": sample rate " + audio.sampleRate()
                    + " Hz, but this recipe is for " + sampleRate + " Hz (use CourseSeries.forSampleRate)");
        try {
            return build(audio.samples());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(audio.source() + ": " + e.getMessage(), e);
        }
    }

    /** The series of raw samples at {@link #sampleRate()}. */
    public double[] build(double[] samples) {
        Series.requireFinite(samples, "waveform");
        if (samples.length == 0) throw new IllegalArgumentException("waveform is empty");
        double[] z;
        if (precision == Precision.FLOAT64) {
            double[] x = Series.padOrCut(samples, cut, 0);
            z = ZNormalization.apply(decimator.decimate(x));
        } else {
            float[] x = new float[cut];
            int n = Math.min(cut, samples.length);
            for (int i = 0; i < n; i++) x[i] = (float) samples[i];
            float[] zf = ZNormalization.apply(decimator.decimate(x));
            z = new double[zf.length];
            for (int i = 0; i < zf.length; i++) z[i] = zf[i];
        }
        return RollingMean.valid(z, window);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CourseSeries[%d Hz, cut %d, decimate %d, window %d, %s -> %d points]",
                sampleRate, cut, decimator.factor(), window, precision, length());
    }
}
