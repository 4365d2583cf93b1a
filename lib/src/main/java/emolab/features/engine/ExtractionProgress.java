package emolab.features.engine;

import java.io.PrintStream;

/**
 * Per-file progress of an extraction: {@code update(done, total)} after each file. Calls are serialised (never
 * concurrent) but may come from worker threads.
 */
@FunctionalInterface
public interface ExtractionProgress {
    void update(int done, int total);

    /** Does nothing. */
    ExtractionProgress NONE = (done, total) -> {};

    /** A one-line console bar on {@code out} ({@code \r}-updated, about every 2%, newline at the end). */
    static ExtractionProgress console(PrintStream out, String label) {
        return new ExtractionProgress() {
            private int lastShown = -1;

            @Override
            public void update(int done, int total) {
                int step = Math.max(1, total / 50);
                if (done == total || done / step != lastShown) {
                    lastShown = done / step;
                    out.printf("\r%s: %d/%d files (%d%%)", label, done, total, total == 0 ? 100 : 100 * done / total);
                    if (done == total) out.println();
                    out.flush();
                }
            }
        };
    }
}
