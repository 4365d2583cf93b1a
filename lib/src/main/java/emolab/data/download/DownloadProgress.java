package emolab.data.download;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Receives download progress. Called often (every received buffer), one call at a time but
 * possibly from an HTTP client thread, so implementations should be cheap.
 */
@FunctionalInterface
public interface DownloadProgress {

    /**
     * @param fileName   the archive being downloaded
     * @param bytesDone  bytes on disk so far, including any earlier partial download being resumed
     * @param bytesTotal expected total size in bytes
     */
    void update(String fileName, long bytesDone, long bytesTotal);

    /** Reports nothing. */
    static DownloadProgress none() {
        return (f, d, t) -> { };
    }

    /** Prints a line to {@code System.err} about every 5% (the default). */
    static DownloadProgress stderr() {
        return printing(System.err, 5);
    }

    /** Prints a line to {@code out} each time another {@code stepPercent}% of a file is done. */
    static DownloadProgress printing(PrintStream out, int stepPercent) {
        if (out == null) throw new IllegalArgumentException("progress output stream is null");
        if (stepPercent < 1 || stepPercent > 100)
            throw new IllegalArgumentException("progress stepPercent must be 1..100, got " + stepPercent);
        Map<String, Integer> lastStep = new HashMap<>();
        return (fileName, done, total) -> {
            int pct = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
            int step = pct / stepPercent;
            Integer last = lastStep.get(fileName);
            if (last == null || step != last) {
                lastStep.put(fileName, step);
                out.printf(Locale.ROOT, "%s: %3d%% (%.1f of %.1f MB)%n", fileName, pct, done / 1e6, total / 1e6);
            }
        };
    }
}
