package emolab.notebook;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One of the environment's Python check programs, run with the project's Python and the project's kernels. */
final class PythonTool {

    /** What the program printed on stdout (each line echoed with {@code [prefix]}), and its exit code. */
    record Result(List<String> lines, int exitCode) {
        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private PythonTool() {
    }

    /** Runs {@code environment/<script> args...} from the project root; stderr goes to the test's output. */
    static Result run(Path root, Path python, String prefix, int timeoutMinutes, String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), root.resolve("environment").resolve(script).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("JUPYTER_PATH", root.resolve("build/jupyter").toString());
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println("[" + prefix + "] " + line);
                lines.add(line);
            }
        }
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(script + " did not finish in " + timeoutMinutes + " minutes");
        }
        return new Result(lines, p.exitValue());
    }
}
