package emolab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * JupyterLab in a real browser (headless Chromium driven by selenium): notebook 01 opens with the
 * "Java 17 (EmoLab)" kernel and its first cells show a Tablesaw table as an HTML table and an XChart
 * chart as an inline PNG image. The browser work is done by {@code environment/lab_browser_test.py}
 * with the project's Python ({@code build/python}); this test checks its exit code and what it saw
 * ({@code build/browser-test/result.json} and the screenshots beside it). Where the browser test
 * cannot run (no chromium/chromedriver/selenium/JupyterLab) it is skipped with the reason, except in
 * CI ({@code CI=true}), where that is a failure.
 *
 * <p>The same browser session then interrupts a busy cell from the toolbar: the cell stops, the
 * kernel is the same one and {@code 1 + 1} gives 2. rapaio-jupyter-kernel 3.0.1 alone fails this
 * (the cell never answers and the kernel answers nothing more); EmoLab's two replacement classes in
 * {@code environment/kernel-patch} fix it ({@link KernelInterruptIT} checks the same through a bare
 * Jupyter client, with a sleeping cell and state kept). One JupyterLab and one browser serve both
 * tests.
 */
class LabBrowserIT {

    private static final Path OUT = NotebooksIT.root().resolve("build/browser-test");
    private static JsonObject session;
    private static Throwable sessionFailure;

    /** One browser session (notebook 01's cells, then the interrupt), run once for both tests. */
    private static synchronized JsonObject session() throws Exception {
        if (session == null && sessionFailure == null) {
            try {
                session = run(OUT, "--interrupt");
            } catch (Exception | Error e) {
                sessionFailure = e;
            }
        }
        if (sessionFailure instanceof Exception e) throw e;
        if (sessionFailure instanceof Error e) throw e;
        return session;
    }

    @Test
    void notebookShowsTableAndChartInJupyterLab() throws Exception {
        Path out = OUT;
        JsonObject result = session();
        JsonObject table = result.getAsJsonObject("table");
        assertTrue(table.get("rows").getAsInt() >= 2, "the HTML table has no data rows: " + table);
        JsonObject chart = result.getAsJsonObject("chart");
        assertTrue(chart.get("src_prefix").getAsString().startsWith("data:image/png"), "the chart is not an inline PNG: " + chart);
        assertTrue(chart.get("width").getAsInt() >= 100 && chart.get("height").getAsInt() >= 100, "the chart image is too small: " + chart);
        for (String name : new String[] {"notebook-open", "table", "chart"}) {
            assertTrue(hasPng(out, name), "no screenshot *-" + name + ".png in " + out);
        }
    }

    @Test
    void interruptedCellStopsAndTheKernelLivesOn() throws Exception {
        Path out = OUT;
        JsonObject result = session();
        JsonObject interrupt = result.getAsJsonObject("interrupt");
        assertTrue(interrupt.get("same_kernel").getAsBoolean(), "the kernel was replaced instead of interrupted");
        assertTrue(interrupt.get("stopped_after_s").getAsDouble() < 30, "the busy cell took too long to stop: " + interrupt);
        String last = interrupt.get("one_plus_one").getAsString().strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals("2", last.strip(), "1 + 1 after the interrupt");
        for (String name : new String[] {"interrupted", "after-interrupt"}) {
            assertTrue(hasPng(out, name), "no screenshot *-" + name + ".png in " + out);
        }
    }

    /** Runs the browser script; returns its result.json when it passed (skips where it cannot run). */
    private static JsonObject run(Path out, String... extra) throws Exception {
        Path root = NotebooksIT.root();
        Path python = NotebooksIT.projectPythonOrSkip(root);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        List<String> cmd = new ArrayList<>(List.of(python.toString(), root.resolve("environment/lab_browser_test.py").toString(),
                "--out", out.toString()));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).inheritIO();
        pb.environment().put("JUPYTER_PATH", root.resolve("build/jupyter").toString());
        Process p = pb.start();
        // the script bounds itself (about 3 minutes at most); this is the backstop
        if (!p.waitFor(6, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("the browser test did not finish in 6 minutes");
        }
        int rc = p.exitValue();
        JsonObject result = new JsonParser().parse(Files.readString(out.resolve("result.json"), StandardCharsets.UTF_8)).getAsJsonObject();
        if (rc == 2) {
            String why = "browser test cannot run here: " + result.get("skipped").getAsString()
                    + " (./emolab test installs them as root on Debian)";
            if (ci) throw new AssertionError(why);
            Assumptions.abort(why);
        }
        assertEquals(0, rc, "the browser test failed: " + (result.has("failure") ? result.get("failure").getAsString() : "(no reason)")
                + "; screenshots in " + out);
        assertTrue(result.get("passed").getAsBoolean(), "result.json does not say passed");
        return result;
    }

    private static boolean hasPng(Path dir, String name) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith("-" + name + ".png")).anyMatch(f -> {
                try {
                    byte[] head = Files.readAllBytes(f);
                    return head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
