package emolab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kernel faults through the real runner and kernel, on small notebooks in
 * {@code src/test/resources/notebook-faults}: a cell that throws, a cell that exhausts the kernel's
 * heap, a cell that ends the kernel's JVM ({@code System.exit(3)}), a kernel killed by SIGKILL, and a
 * healthy notebook after them. The runner must say which fault each was (index and stderr), still run
 * the next notebook, exit 1 naming every failure, and print no Python traceback. Then the runner is
 * stopped in the middle of a long cell (SIGTERM, and SIGKILL): no half-written report, the index
 * written so far stays whole, and the kernel does not outlive the runner.
 */
class NotebookFaultsIT {

    static final Path RESOURCES = Path.of("src/test/resources");

    @Test
    void eachKernelFaultIsNamedAndTheNextNotebookStillRuns() throws Exception {
        Path root = NotebooksIT.root();
        Path out = root.resolve("build/test-reports-faults"), executed = root.resolve("build/test-executed-faults");
        clean(out);
        clean(executed);
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--executed", executed.toString(), "--cell-timeout", "300"));
        try (Stream<Path> s = Files.list(RESOURCES.resolve("notebook-faults").toAbsolutePath())) {
            s.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(p -> args.add(p.toString()));
        }
        assertEquals(5, args.size() - 6, "the fault notebooks");
        NotebooksIT.Run run = NotebooksIT.runner(root, Map.of(), args);

        assertEquals(1, run.exitCode(), "a run with failed notebooks must exit 1");
        NotebooksIT.assertCleanStderr(run.output());
        String[] expected = {
            "1-throws.ipynb: failed at cell 3: java.lang.IllegalStateException: thrown on purpose by the fault test",
            "2-out-of-memory.ipynb: failed at cell 2: out of memory in the kernel (java.lang.OutOfMemoryError: Java heap space)",
            "3-exit.ipynb: failed at cell 3: the kernel died (exit code 3)",
            "4-killed.ipynb: failed at cell 2: the kernel was killed by SIGKILL",
        };
        String summary = run.output().substring(run.output().indexOf("4 of 5 notebooks FAILED:"));
        for (String e : expected) assertTrue(summary.contains(e), "the final summary does not say: " + e + "\n" + summary);
        assertFalse(summary.contains("5-ok.ipynb"), "5-ok.ipynb is named as a failure");

        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("4 of 5 notebooks failed"), "index.html has no failure summary");
        for (String e : expected) {
            String status = e.substring(e.indexOf(": ") + 2);
            assertTrue(index.contains(status), "index.html does not show: " + status);
        }
        assertTrue(index.matches("(?s).*5-ok\\.ipynb</code></td><td class='ok'>ok</td>.*"), "index.html does not show 5-ok as ok");
        var entries = new JsonParser().parse(Files.readString(out.resolve("index.json"))).getAsJsonObject().getAsJsonArray("notebooks");
        List<String> kinds = new ArrayList<>();
        for (JsonElement e : entries) kinds.add(e.getAsJsonObject().get("kind").getAsString());
        assertEquals(List.of("exception", "oom", "died", "died", "ok"), kinds, "the kind of each outcome in index.json");
        // the peak heap is measured after an exception and after an OutOfMemoryError (the kernel lives on): the
        // heap-filling cell must show a peak near the maximum, the small notebooks far below it
        JsonObject oomHeap = entries.get(1).getAsJsonObject().getAsJsonObject("heap");
        assertTrue(oomHeap.get("peakHeapBytes").getAsLong() > 0.8 * oomHeap.get("maxHeapBytes").getAsLong(), "peak heap of the OOM notebook: " + oomHeap);
        JsonObject okHeap = entries.get(4).getAsJsonObject().getAsJsonObject("heap");
        assertTrue(okHeap.get("peakHeapBytes").getAsLong() < 0.5 * okHeap.get("maxHeapBytes").getAsLong(), "peak heap of 5-ok: " + okHeap);
        assertTrue(entries.get(2).getAsJsonObject().get("heap").isJsonNull(), "a dead kernel cannot report its heap");
        // per-cell timing: 5-ok's slowest cell is its Thread.sleep(1500) cell (the 5th of all its cells)
        JsonObject okEntry = entries.get(4).getAsJsonObject();
        var slowest = okEntry.getAsJsonArray("slowestCells");
        assertEquals(3, slowest.size(), "5-ok has three code cells: " + slowest);
        JsonObject top = slowest.get(0).getAsJsonObject();
        assertEquals(5, top.get("cell").getAsInt(), "the slowest cell of 5-ok: " + slowest);
        assertTrue(top.get("source").getAsString().startsWith("Thread.sleep(1500);"), top.toString());
        double slept = top.get("seconds").getAsDouble(), cells = okEntry.get("cellSeconds").getAsDouble();
        assertTrue(slept >= 1.5 && slept < 30, "the sleeping cell took " + slept + " s");
        assertTrue(cells >= slept && cells + okEntry.get("startSeconds").getAsDouble() <= okEntry.get("seconds").getAsDouble() + 0.2,
                "cells " + cells + " s and start " + okEntry.get("startSeconds") + " s within the notebook's " + okEntry.get("seconds") + " s");
        assertTrue(index.contains("cell 5: <code>Thread.sleep(1500);"), "index.html does not list 5-ok's slowest cell");
        for (int i = 1; i <= 5; i++) {
            final int n = i;
            try (Stream<Path> s = Files.list(out)) {
                assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith(n + "-") && p.toString().endsWith(".html")),
                        "no report for notebook " + n);
            }
        }

        // the notebook after the faults ran every cell in a fresh kernel
        JsonObject ok = new JsonParser().parse(Files.readString(executed.resolve("5-ok.ipynb"), StandardCharsets.UTF_8)).getAsJsonObject();
        StringBuilder text = new StringBuilder();
        for (JsonElement c : ok.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            assertFalse(cell.get("execution_count").isJsonNull(), "5-ok.ipynb: a cell did not run");
            for (JsonElement o : cell.getAsJsonArray("outputs")) text.append(o.getAsJsonObject().get("text"));
        }
        assertTrue(text.toString().contains("answer 42"), "5-ok.ipynb did not compute: " + text);
        // a failed notebook stops at its failing cell: the cell after it never ran
        JsonObject thrown = new JsonParser().parse(Files.readString(executed.resolve("1-throws.ipynb"), StandardCharsets.UTF_8)).getAsJsonObject();
        assertTrue(thrown.getAsJsonArray("cells").get(3).getAsJsonObject().get("execution_count").isJsonNull(),
                "1-throws.ipynb ran a cell after the failing one");
        assertNoTempFiles(out);
    }

    @Test
    void stoppingTheRunnerMidwayLeavesNoHalfWrittenReportAndNoKernel() throws Exception {
        stopMidway(false);
        stopMidway(true);
    }

    /** Runs [5-ok, sleeps]; stops the runner while the second notebook's long cell runs. */
    static void stopMidway(boolean forcibly) throws Exception {
        Path root = NotebooksIT.root();
        String tag = forcibly ? "kill" : "term";
        Path out = root.resolve("build/test-reports-interrupt-" + tag), executed = root.resolve("build/test-executed-interrupt-" + tag);
        Path pidFile = root.resolve("build/test-interrupt-" + tag + ".pid");
        clean(out);
        clean(executed);
        Files.deleteIfExists(pidFile);
        List<String> cmd = List.of(NotebooksIT.python(root), root.resolve("environment/run_notebooks.py").toString(),
                "--out", out.toString(), "--executed", executed.toString(),
                RESOURCES.resolve("notebook-faults/5-ok.ipynb").toAbsolutePath().toString(),
                RESOURCES.resolve("notebook-interrupt/sleeps.ipynb").toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(root.resolve("build/test-interrupt-" + tag + ".log").toFile());
        pb.environment().put("JUPYTER_PATH", root.resolve("build/jupyter").toString());
        pb.environment().put("EMOLAB_TEST_PIDFILE", pidFile.toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(200);
        assertTrue(p.isAlive(), "the runner ended before the long cell ran:\n" + Files.readString(root.resolve("build/test-interrupt-" + tag + ".log")));
        assertTrue(Files.exists(pidFile), "the long cell did not start within 4 minutes");
        Thread.sleep(300);
        long kernelPid = Long.parseLong(Files.readString(pidFile).trim());
        if (forcibly) p.destroyForcibly();
        else p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the runner did not stop within 60 s of " + (forcibly ? "SIGKILL" : "SIGTERM"));
        String log = Files.readString(root.resolve("build/test-interrupt-" + tag + ".log"));
        assertEquals(forcibly ? 137 : 143, p.exitValue(), "exit code after " + tag + ":\n" + log);
        if (!forcibly) NotebooksIT.assertCleanStderr(log);

        // the kernel does not outlive the runner (SIGTERM: shut down by the runner; SIGKILL: parent-death signal)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(kernelPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < until) Thread.sleep(200);
        assertFalse(ProcessHandle.of(kernelPid).map(ProcessHandle::isAlive).orElse(false), "kernel " + kernelPid + " outlived the runner (" + tag + ")");

        // the index written after the first notebook is whole and true; the stopped notebook has no report
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.strip().endsWith("</html>"), "index.html is cut short");
        assertTrue(index.contains("5-ok.html"), "index.html does not list the notebook that finished");
        assertFalse(index.contains("sleeps.html"), "index.html lists the notebook that was stopped");
        assertTrue(Files.readString(out.resolve("5-ok.html")).strip().endsWith("</html>"), "5-ok.html is cut short");
        assertFalse(Files.exists(out.resolve("sleeps.html")), "a report was written for the stopped notebook");
        assertNoTempFiles(out);
    }

    /** Deletes a folder left by an earlier run, so nothing stale can pass for this run's output. */
    static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static void assertNoTempFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> tmp = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(tmp.isEmpty(), "temp files left behind: " + tmp);
        }
    }
}
