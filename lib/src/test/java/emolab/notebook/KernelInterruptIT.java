package emolab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The EmoLab kernel survives an interrupt, checked through a bare Jupyter client
 * ({@code environment/kernel_interrupt_test.py} with the project's Python): a busy loop that never
 * looks at its interrupt flag and a ten-minute {@code Thread.sleep} are each interrupted; each answers
 * "interrupted" within 20 s, the busy loop's thread does not spin on in the background, the kernel
 * is the same process and a variable defined before the interrupts still holds its value.
 * rapaio-jupyter-kernel 3.0.1 alone fails every one of these; EmoLab's replacement classes in
 * {@code environment/kernel-patch} are what this test checks. Skipped where the project's Python is
 * missing, except in CI ({@code CI=true}).
 */
class KernelInterruptIT {

    @Test
    void interruptedCellsAnswerAndTheKernelKeepsItsState() throws Exception {
        Path root = NotebooksIT.root();
        Path python = NotebooksIT.projectPythonOrSkip(root);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        PythonTool.Result run = PythonTool.run(root, python, "kernel-interrupt", 5, "kernel_interrupt_test.py");
        List<String> lines = run.lines();
        assertTrue(!lines.isEmpty(), "the interrupt check printed nothing");
        JsonObject summary = new JsonParser().parse(lines.get(lines.size() - 1)).getAsJsonObject();
        if (run.exitCode() == 2) {
            String why = "the interrupt check cannot run here: " + summary.get("skipped").getAsString();
            if (ci) throw new AssertionError(why);
            Assumptions.abort(why);
        }
        assertEquals(0, run.exitCode(), "the interrupt check failed: "
                + (summary.has("failure") ? summary.get("failure").getAsString() : String.join("\n", lines)));
        JsonObject cells = summary.getAsJsonObject("cells");
        for (String cell : new String[] {"busy loop", "sleep"}) {
            JsonObject c = cells.getAsJsonObject(cell);
            assertEquals("error", c.get("status").getAsString(), cell + ": " + c);
            assertTrue(c.get("answer").getAsString().toLowerCase().contains("interrupted"), cell + ": " + c);
            assertTrue(c.get("seconds").getAsDouble() < 20, cell + " took too long to answer: " + c);
        }
        assertEquals("0", summary.get("engine_threads_still_running").getAsString(), "the busy loop spins on after the interrupt");
        assertEquals("42", summary.getAsJsonObject("after").get("answer").getAsString(), "kept + 1 after the interrupts");
        assertTrue(summary.get("same_kernel").getAsBoolean(), "the kernel was replaced");
    }
}
