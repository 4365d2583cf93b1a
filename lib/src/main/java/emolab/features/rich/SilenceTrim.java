package emolab.features.rich;

import java.util.Arrays;

/**
 * Leading/trailing silence removal like {@code librosa.effects.trim}: frame RMS (centred frames,
 * zero padding) in dB relative to the loudest frame; frames above {@code -topDb} are non-silent
 * and the signal is cut to {@code [firstLoud * hop, min(n, (lastLoud + 1) * hop))}.
 */
public final class SilenceTrim {
    private SilenceTrim() {}

    /** librosa defaults: top_db 60 there; 40 here as the rich set uses. */
    public static final double TOP_DB = 40;
    public static final int FRAME = 2048;
    public static final int HOP = 512;

    /** Start (inclusive) and end (exclusive) sample of the kept part. */
    public record Interval(int start, int end) {
        public int length() { return end - start; }
    }

    /** Trims with top_db 40, frame 2048, hop 512. */
    public static double[] trim(double[] x) {
        Interval iv = interval(x, TOP_DB, FRAME, HOP);
        return Arrays.copyOfRange(x, iv.start(), iv.end());
    }

    /**
     * The non-silent interval. An all-zero (or empty) signal has no loud frame: the whole signal is
     * kept (as librosa does), so callers decide what silence means for them.
     */
    public static Interval interval(double[] x, double topDb, int frame, int hop) {
        if (topDb <= 0) throw new IllegalArgumentException("topDb must be > 0, got " + topDb);
        if (frame <= 0 || hop <= 0) throw new IllegalArgumentException("frame and hop must be > 0, got " + frame + ", " + hop);
        int n = x.length;
        if (n == 0) return new Interval(0, 0);
        double[] ms = frameMeanSquare(x, frame, hop);
        double max = 0;
        for (double v : ms) max = Math.max(max, v);
        if (max <= 0) return new Interval(0, n);
        double thr = max * Math.pow(10, -topDb / 10); // power ratio
        int first = -1, last = -1;
        for (int i = 0; i < ms.length; i++) {
            if (ms[i] > thr) {
                if (first < 0) first = i;
                last = i;
            }
        }
        int start = Math.min(n, first * hop);
        int end = Math.min(n, (last + 1) * hop);
        if (end <= start) return new Interval(0, n);
        return new Interval(start, end);
    }

    /** Mean square of centred frames (frame t centred on sample t*hop, zeros outside). */
    static double[] frameMeanSquare(double[] x, int frame, int hop) {
        int n = x.length;
        int nFrames = 1 + n / hop;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i] * x[i];
        double[] ms = new double[nFrames];
        int half = frame / 2;
        for (int t = 0; t < nFrames; t++) {
            int a = Math.max(0, t * hop - half);
            int b = Math.min(n, t * hop - half + frame);
            ms[t] = b > a ? (prefix[b] - prefix[a]) / frame : 0;
        }
        return ms;
    }
}
