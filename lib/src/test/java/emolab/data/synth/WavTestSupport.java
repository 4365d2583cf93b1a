package emolab.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Tiny helpers for the synth tests: a strict 44-byte-header WAV reader and simple estimators. */
final class WavTestSupport {
    private WavTestSupport() {}

    record Wav(int channels, int sampleRate, int bits, double[] samples) {
        double seconds() { return samples.length / (double) sampleRate; }
    }

    /** Parses the canonical 44-byte PCM header that WavWriter writes, asserting every field. */
    static Wav read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), file + ": RIFF");
        assertEquals(b.length - 8, h.getInt(4), file + ": RIFF size");
        assertEquals("WAVE", new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII), file + ": WAVE");
        assertEquals("fmt ", new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII), file + ": fmt chunk");
        assertEquals(16, h.getInt(16), file + ": fmt size");
        assertEquals(1, h.getShort(20), file + ": PCM format");
        int channels = h.getShort(22), sr = h.getInt(24), byteRate = h.getInt(28), align = h.getShort(32), bits = h.getShort(34);
        assertEquals(sr * channels * bits / 8, byteRate, file + ": byte rate");
        assertEquals(channels * bits / 8, align, file + ": block align");
        assertEquals("data", new String(b, 36, 4, java.nio.charset.StandardCharsets.US_ASCII), file + ": data chunk");
        int dataBytes = h.getInt(40);
        assertEquals(b.length - 44, dataBytes, file + ": data size");
        double[] x = new double[dataBytes / 2];
        for (int i = 0; i < x.length; i++) x[i] = h.getShort(44 + 2 * i) / 32768.0;
        return new Wav(channels, sr, bits, x);
    }

    static double rmsDb(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * x[i];
        return 10 * Math.log10(s / Math.max(1, to - from) + 1e-20);
    }

    /** Frame RMS (dB) over 20 ms frames. */
    static double[] frameDb(double[] x, int sr) {
        int n = sr / 50;
        double[] d = new double[x.length / n];
        for (int f = 0; f < d.length; f++) d[f] = rmsDb(x, f * n, (f + 1) * n);
        return d;
    }

    /** Seconds from the first to the last 20 ms frame within 30 dB of the loudest frame. */
    static double activeSeconds(double[] x, int sr) {
        double[] d = frameDb(x, sr);
        double max = Arrays.stream(d).max().orElse(-200);
        int first = -1, last = -1;
        for (int f = 0; f < d.length; f++) if (d[f] > max - 30) { if (first < 0) first = f; last = f; }
        return (last - first + 1) * 0.02;
    }

    /** Mean RMS (dB) of the active frames (within 30 dB of the loudest). */
    static double activeLoudnessDb(double[] x, int sr) {
        double[] d = frameDb(x, sr);
        double max = Arrays.stream(d).max().orElse(-200);
        double s = 0;
        int n = 0;
        for (double v : d) if (v > max - 30) { s += Math.pow(10, v / 10); n++; }
        return 10 * Math.log10(s / n);
    }

    /**
     * F0 track (Hz, NaN where unvoiced) by normalised autocorrelation over 40 ms frames every
     * 10 ms, lags 60–500 Hz, frames within 25 dB of the loudest, peak correlation &gt; 0.6.
     */
    static double[] f0Track(double[] x, int sr) {
        int win = sr / 25, hop = sr / 100, minLag = sr / 500, maxLag = sr / 60;
        int frames = (x.length - win - maxLag) / hop;
        double[] db = new double[Math.max(0, frames)];
        double max = -200;
        for (int f = 0; f < frames; f++) { db[f] = rmsDb(x, f * hop, f * hop + win); max = Math.max(max, db[f]); }
        double[] f0 = new double[Math.max(0, frames)];
        for (int f = 0; f < frames; f++) {
            f0[f] = Double.NaN;
            if (db[f] < max - 25) continue;
            int s = f * hop;
            double e0 = 0;
            for (int i = 0; i < win; i++) e0 += x[s + i] * x[s + i];
            double best = 0;
            int bestLag = -1;
            for (int lag = minLag; lag <= maxLag; lag++) {
                double c = 0, e1 = 0;
                for (int i = 0; i < win; i++) { c += x[s + i] * x[s + i + lag]; e1 += x[s + i + lag] * x[s + i + lag]; }
                double r = c / Math.sqrt(e0 * e1 + 1e-20);
                if (r > best) { best = r; bestLag = lag; }
            }
            if (best > 0.6) f0[f] = sr / (double) bestLag;
        }
        return f0;
    }

    static double median(double[] v) {
        double[] a = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return a.length == 0 ? Double.NaN : a[a.length / 2];
    }
}
