package emolab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import emolab.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Executes every notebook in {@code notebooks/} through the real runner and kernel (as the README's
 * main command does) and checks what came out: the runner exits 0 with a clean stderr (no Python
 * traceback), every code cell ran without an error output, every notebook has its HTML report with
 * inline PNG charts and HTML tables, and the index lists them all as {@code ok}. Two passes: on the
 * embedded synthetic corpus (into {@code build/test-reports}) and on the real 16 kHz RAVDESS subset
 * {@code ../shared/ravdess/wav16k} through {@code EMOLAB_DATA} (into
 * {@code build/test-reports-wav16k}). Without the shared data the second pass is skipped with a
 * loud message, except in CI ({@code CI=true}), where it fails.
 */
class NotebooksIT {

    static Path root() {
        String p = System.getProperty("emolab.root");
        assertNotNull(p, "system property emolab.root is not set (the POM sets it)");
        return Path.of(p).toAbsolutePath().normalize();
    }

    /** The Python that set-up chose ({@code build/python}: the project venv or Debian's), else /usr/bin/python3. */
    static String python(Path root) {
        Path link = root.resolve("build/python");
        if (!Files.isExecutable(link)) return "/usr/bin/python3";
        // call the link's target, not the link: a venv's python finds its pyvenv.cfg next to the path it is
        // called by, so build/python -> venv/bin/python called as build/python would run without the venv
        try {
            return Files.isSymbolicLink(link) ? link.resolveSibling(Files.readSymbolicLink(link)).normalize().toString() : link.toString();
        } catch (IOException e) {
            return link.toString();
        }
    }

    /**
     * The project's Python ({@code build/python}) for a test that needs JupyterLab or jupyter_client;
     * where it is missing the test is skipped with the reason, except in CI ({@code CI=true}), where
     * that is a failure.
     */
    static Path projectPythonOrSkip(Path root) {
        Path python = root.resolve("build/python");
        if (!Files.isExecutable(python)) {
            String why = python + " is missing: run ./emolab setup";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        return python;
    }

    /** What one run of the runner gave: its exit code and everything it wrote on stderr/stdout. */
    record Run(int exitCode, String output) {}

    /**
     * Runs {@code environment/run_notebooks.py} with {@code args}; its output is shown live (long
     * runs show progress) and kept for assertions. {@code env} entries with a null value are removed.
     */
    static Run runner(Path root, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python(root), root.resolve("environment/run_notebooks.py").toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", root.resolve("build/jupyter").toString());
        env.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        Process p = pb.start();
        String out = tee(p.getInputStream(), System.err);
        return new Run(p.waitFor(), out);
    }

    static String tee(InputStream in, OutputStream copy) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            copy.write(buf, 0, n);
            copy.flush();
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** No Python traceback and no "Exception ignored" (nbclient's atexit clean-up used to end every run with one). */
    static void assertCleanStderr(String output) {
        assertFalse(output.contains("Traceback"), "the runner printed a Python traceback:\n" + output);
        assertFalse(output.contains("Exception ignored"), "the runner printed an ignored exception:\n" + output);
    }

    @Test
    void everyNotebookExecutesOnTheEmbeddedCorpus() throws Exception {
        Path root = root();
        // EMOLAB_DATA removed: the embedded synthetic corpus (or data/ravdess, when a user put it there)
        runAndCheck(root, "build/test-reports", "build/test-executed", singletonEnv("EMOLAB_DATA", null), null);
    }

    @Test
    void everyNotebookExecutesOnTheRealWav16kSubset() throws Exception {
        Path root = root();
        Path wav16k = SharedData.root().resolve("ravdess/wav16k");
        if (!Files.isDirectory(wav16k)) {
            String msg = "\n*** SKIPPED: the notebooks on real data need " + wav16k
                    + " (set EMOLAB_SHARED or -Demolab.shared). CI must run this pass. ***\n";
            System.err.println(msg);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true but the shared data is missing:" + msg);
            assumeTrue(false, msg);
        }
        runAndCheck(root, "build/test-reports-wav16k", "build/test-executed-wav16k",
                singletonEnv("EMOLAB_DATA", wav16k.toString()), wav16k);
    }

    static Map<String, String> singletonEnv(String key, String value) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        m.put(key, value);
        return m;
    }

    static void runAndCheck(Path root, String outRel, String executedRel, Map<String, String> env, Path expectedData)
            throws Exception {
        Path out = root.resolve(outRel), executed = root.resolve(executedRel);
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(root.resolve("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in notebooks/");
        Run run = runner(root, env, List.of("--out", out.toString(), "--executed", executed.toString()));
        assertEquals(0, run.exitCode(), "the notebook runner failed (see its output above)");
        assertCleanStderr(run.output());

        String index = Files.readString(out.resolve("index.html"));
        if (expectedData != null)
            assertTrue(index.contains(expectedData.toString()), "index.html does not name the data source " + expectedData);
        assertTrue(index.contains("All " + notebooks.size() + " notebooks ran to the end"), "index.html does not report every notebook ok");
        JsonObject json = new JsonParser().parse(Files.readString(out.resolve("index.json"))).getAsJsonObject();
        var entries = json.getAsJsonArray("notebooks");
        assertEquals(notebooks.size(), entries.size(), "index.json lists another number of notebooks");
        for (int i = 0; i < notebooks.size(); i++) {
            Path nb = notebooks.get(i);
            String stem = nb.getFileName().toString().replace(".ipynb", "");
            assertTrue(index.contains(stem + ".html"), "index.html does not link " + stem);
            JsonObject e = entries.get(i).getAsJsonObject();
            assertEquals(nb.getFileName().toString(), e.get("notebook").getAsString());
            assertEquals("ok", e.get("status").getAsString(), stem);
            // the headline the notebook computed (Session.headline), shown in the index
            assertTrue(e.has("headline") && !e.get("headline").isJsonNull() && !e.get("headline").getAsString().isBlank(), stem + ": no headline");
            assertTrue(index.contains(escape(e.get("headline").getAsString())), stem + ": the headline is not in index.html");
            // the data the notebook itself says it used
            String data = e.get("data").getAsString();
            if (expectedData != null) assertTrue(data.contains(expectedData.toString()), stem + ": data source " + data);
            // the kernel's peak heap, within the 4 GB the kernelspec gives it
            JsonObject heap = e.getAsJsonObject("heap");
            assertNotNull(heap, stem + ": no peak heap");
            long peak = heap.get("peakHeapBytes").getAsLong(), max = heap.get("maxHeapBytes").getAsLong();
            assertTrue(peak > 0 && peak <= max && max <= 4L << 30, stem + ": peak heap " + peak + " of max " + max);
            // a thumbnail of the main chart
            Path thumb = out.resolve(e.get("thumb").getAsString());
            assertTrue(Files.size(thumb) > 0, stem + ": no thumbnail " + thumb);
            assertTrue(javax.imageio.ImageIO.read(thumb.toFile()).getWidth() <= 240, stem + ": thumbnail not scaled");

            String html = Files.readString(out.resolve(stem + ".html"));
            assertTrue(html.contains("data:image/png;base64"), stem + ": no inline PNG chart in the report");
            assertTrue(html.contains("emolab-table"), stem + ": no HTML table in the report");
            assertTrue(html.contains("jp-Notebook"), stem + ": not the lab template");
            assertTrue(html.contains("emolab-headline"), stem + ": no headline in the report");
            // header: index link, previous / next, a table of contents of the markdown headings
            assertTrue(html.contains("<nav class='emolab-nav'>") && html.contains("href='index.html'"), stem + ": no header with an index link");
            if (i > 0) assertTrue(html.contains("href='" + stem(notebooks.get(i - 1)) + ".html'"), stem + ": no link to the previous report");
            if (i < notebooks.size() - 1) assertTrue(html.contains("href='" + stem(notebooks.get(i + 1)) + ".html'"), stem + ": no link to the next report");
            assertTrue(html.matches("(?s).*<summary><b>Contents</b>.*<li class='l1'><a href='#[^']+'>.*<li class='l2'><a href='#.*"),
                    stem + ": no table of contents with two levels");
            checkExecuted(executed.resolve(nb.getFileName()));
            assertClean(nb);
        }
    }

    static String stem(Path notebook) {
        return notebook.getFileName().toString().replace(".ipynb", "");
    }

    /** As Python's html.escape (the runner's). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#x27;");
    }

    /** Every code cell has an execution count and no error output. */
    static void checkExecuted(Path executedNotebook) throws IOException {
        JsonObject nb = new JsonParser().parse(Files.readString(executedNotebook, StandardCharsets.UTF_8)).getAsJsonObject();
        int code = 0;
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            code++;
            String head = String.valueOf(cell.get("source")).lines().findFirst().orElse("");
            assertFalse(cell.get("execution_count").isJsonNull(), executedNotebook.getFileName() + ": a cell did not run: " + head);
            for (JsonElement o : cell.getAsJsonArray("outputs"))
                assertFalse("error".equals(o.getAsJsonObject().get("output_type").getAsString()),
                        executedNotebook.getFileName() + ": error output in cell " + head);
        }
        assertTrue(code > 0, executedNotebook + " has no code cells");
    }

    /** The committed notebook carries no outputs (the runner never writes over it). */
    static void assertClean(Path notebook) throws IOException {
        JsonObject nb = new JsonParser().parse(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if (cell.has("outputs")) assertEquals(0, cell.getAsJsonArray("outputs").size(), notebook.getFileName() + " has committed outputs");
        }
    }
}
