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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * JupyterLab in a real browser (headless Chromium driven by selenium): notebook 01 opens with the
 * "Java 17 (EmoLab)" kernel and its first cells show a Tablesaw table as an HTML table and an XChart
 * chart as an inline PNG image. The browser work is done by {@code environment/lab_browser_test.py}
 * with the project's Python ({@code build/python}); this test checks its exit code and what it saw
 * ({@code build/browser-test/result.json} and the screenshots beside it). Where the browser test
 * cannot run (no chromium/chromedriver/selenium/JupyterLab) it is skipped with the reason, except in
 * CI ({@code CI=true}), where that is a failure.
 *
 * <p>The interrupt check (a busy cell interrupted from the toolbar stops, the kernel lives on and
 * {@code 1 + 1} gives 2) runs only with {@code -Demolab.interruptTest=true}: rapaio-jupyter-kernel
 * 3.0.1 fails it (after the interrupt the cell never finishes and the kernel answers nothing more;
 * the same with {@code Thread.sleep}), so in the default run it would only restate a known defect.
 */
class LabBrowserIT {

    @Test
    void notebookShowsTableAndChartInJupyterLab() throws Exception {
        Path out = NotebooksIT.root().resolve("build/browser-test");
        JsonObject result = run(out);
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
    @EnabledIfSystemProperty(named = "emolab.interruptTest", matches = "true",
            disabledReason = "rapaio-jupyter-kernel 3.0.1 does not survive an interrupt (see the class comment); -Demolab.interruptTest=true runs it")
    void interruptedCellStopsAndTheKernelLivesOn() throws Exception {
        Path out = NotebooksIT.root().resolve("build/browser-test-interrupt");
        JsonObject result = run(out, "--interrupt");
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
        Path python = root.resolve("build/python");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(python)) {
            String why = python + " is missing: run ./emolab setup";
            if (ci) throw new AssertionError(why);
            Assumptions.abort(why);
        }
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
