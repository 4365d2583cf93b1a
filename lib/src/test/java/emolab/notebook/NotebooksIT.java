package emolab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Executes every notebook in {@code notebooks/} through the real runner and kernel (as the README's
 * main command does), into {@code build/test-reports}, and checks what came out: every code cell
 * ran without an error output, every notebook has its HTML report with inline PNG charts and HTML
 * tables, and the index lists them all.
 */
class NotebooksIT {

    static Path root() {
        String p = System.getProperty("emolab.root");
        assertNotNull(p, "system property emolab.root is not set (the POM sets it)");
        return Path.of(p).toAbsolutePath().normalize();
    }

    @Test
    void everyNotebookExecutesIntoAnHtmlReport() throws Exception {
        Path root = root();
        Path out = root.resolve("build/test-reports"), executed = root.resolve("build/test-executed");
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(root.resolve("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in notebooks/");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", root.resolve("environment/run_notebooks.py").toString(),
                "--out", out.toString(), "--executed", executed.toString()).directory(root.toFile()).inheritIO();
        pb.environment().put("JUPYTER_PATH", root.resolve("build/jupyter").toString());
        int rc = pb.start().waitFor();
        assertEquals(0, rc, "the notebook runner failed (see its output above)");

        String index = Files.readString(out.resolve("index.html"));
        for (Path nb : notebooks) {
            String stem = nb.getFileName().toString().replace(".ipynb", "");
            assertTrue(index.contains(stem + ".html"), "index.html does not link " + stem);
            String html = Files.readString(out.resolve(stem + ".html"));
            assertTrue(html.contains("data:image/png;base64"), stem + ": no inline PNG chart in the report");
            assertTrue(html.contains("emolab-table"), stem + ": no HTML table in the report");
            checkExecuted(executed.resolve(nb.getFileName()));
            assertClean(nb);
        }
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
