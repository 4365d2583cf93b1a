package emolab.notebook;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Progress of a long loop. In a notebook it shows (and keeps updating) an HTML progress bar in the
 * cell output; elsewhere it prints a line to stderr every 10 %. Use it as a {@code (done, total)}
 * callback: {@code extractor.progress(Progress.bar("Extracting features"))}.
 */
public final class Progress implements BiConsumer<Integer, Integer> {
    private final String label;
    private final long startNanos = System.nanoTime();
    private String displayId;
    private boolean kernel;
    private long lastUpdate;
    private int lastDecile = -1;

    private Progress(String label) {
        this.label = label;
    }

    /** A progress display with a label. */
    public static Progress bar(String label) {
        return new Progress(label);
    }

    @Override
    public synchronized void accept(Integer done, Integer total) {
        update(done, total);
    }

    /** Reports {@code done} of {@code total} units. Cheap to call often: the display is throttled. */
    public synchronized void update(int done, int total) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!finished && displayId != null && now - lastUpdate < 250_000_000L) return;
        lastUpdate = now;
        double secs = (now - startNanos) / 1e9;
        String text = String.format(Locale.ROOT, "%s: %d/%d (%.0f%%) %.1f s", label, done, total,
                total == 0 ? 100.0 : 100.0 * done / total, secs);
        if (displayId == null && !kernel) kernel = KernelBridge.available();
        if (kernel) {
            String html = html(done, total, text);
            try {
                if (displayId == null) displayId = KernelBridge.display(html);
                else KernelBridge.update(displayId, html);
                return;
            } catch (RuntimeException | LinkageError e) {
                kernel = false; // not inside a running kernel after all: fall back to stderr
            }
        }
        int decile = total == 0 ? 10 : (int) (10L * done / total);
        if (decile != lastDecile || finished) {
            if (decile != lastDecile) System.err.println(text);
            lastDecile = decile;
        }
    }

    private static String html(int done, int total, String text) {
        double pct = total == 0 ? 100 : 100.0 * done / total;
        return String.format(Locale.ROOT,
                "<div style=\"font-family:monospace\">%s<div style=\"width:24em;height:0.8em;background:#eee\">"
                        + "<div style=\"width:%.1f%%;height:100%%;background:#4c78a8\"></div></div></div>",
                HtmlTables.escape(text), pct);
    }

    /** Talks to the rapaio kernel's display functions when the kernel classes are present. */
    static final class KernelBridge {
        private KernelBridge() {}

        static boolean available() {
            try {
                Class.forName("org.rapaio.jupyter.kernel.global.Global", false, Progress.class.getClassLoader());
                return System.getenv("JPY_PARENT_PID") != null || System.getProperty("emolab.kernel") != null
                        || isKernelMain();
            } catch (ClassNotFoundException e) {
                return false;
            }
        }

        private static boolean isKernelMain() {
            String cmd = System.getProperty("sun.java.command", "");
            return cmd.contains("rapaio-jupyter-kernel") || cmd.contains("org.rapaio.jupyter.kernel");
        }

        static String display(String html) {
            return org.rapaio.jupyter.kernel.global.Global.display("text/html", new Html(html));
        }

        static void update(String id, String html) {
            org.rapaio.jupyter.kernel.global.Global.updateDisplay(id, "text/html", new Html(html));
        }
    }
}
