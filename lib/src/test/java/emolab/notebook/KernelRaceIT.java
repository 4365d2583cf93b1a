package emolab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Shell and control requests racing in the EmoLab kernel, checked through a bare Jupyter client
 * ({@code environment/kernel_race_check.py} with the project's Python): in two kernels, 30 bursts
 * each of kernel_info_request on shell and on control sent at the same moment (as Jupyter Server's
 * "nudge" does when a notebook connects), with an execute_request in flight in every other burst.
 * Every request must get exactly one reply, on its own channel, with its own parent header, and its
 * own iopub "idle"; a graceful shutdown_request must be answered on control and end the kernel.
 * rapaio-jupyter-kernel 3.0.1 answers the control request on the shell socket (its first burst
 * already fails); EmoLab's {@code ControlChannel} in {@code environment/kernel-patch} is what this
 * checks. Skipped where the project's Python is missing, except in CI ({@code CI=true}).
 */
class KernelRaceIT {

    private static final Pattern SUMMARY = Pattern.compile("starts=(\\d+) rounds=(\\d+) requests=(\\d+) bad=(\\d+)");

    @Test
    void everyShellAndControlRequestGetsItsOwnReply() throws Exception {
        Path root = NotebooksIT.root();
        Path python = NotebooksIT.projectPythonOrSkip(root);
        PythonTool.Result run = PythonTool.run(root, python, "kernel-race", 5, "kernel_race_check.py", "--starts", "2", "--rounds", "30");
        List<String> lines = run.lines();
        String last = run.last();
        Matcher m = SUMMARY.matcher(last);
        assertTrue(m.matches(), "no summary line from the race check:\n" + String.join("\n", lines));
        assertEquals(0, Integer.parseInt(m.group(4)), "requests without their own reply:\n" + String.join("\n", lines));
        // per start: 30 control + 30 shell kernel_info requests + 15 execute requests
        assertEquals(2 * 75, Integer.parseInt(m.group(3)), "requests sent");
        assertEquals(0, run.exitCode(), "exit code of the race check");
    }
}
