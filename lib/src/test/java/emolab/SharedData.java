package emolab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Access to the read-only real test data in {@code ../shared} (RAVDESS subsets and conformance
 * fixtures). The location comes from the {@code emolab.shared} system property (set by the POM to
 * {@code <project>/../shared}) or the {@code EMOLAB_SHARED} environment variable. When it is
 * absent, tests that need it are skipped with a loud message; {@code .ci/run} refuses to run
 * without it, so CI always executes them.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String env = System.getenv("EMOLAB_SHARED");
        String prop = System.getProperty("emolab.shared");
        String p = env != null && !env.isBlank() ? env : prop != null ? prop : "../shared";
        return Path.of(p).toAbsolutePath().normalize();
    }

    /** Resolves a path under the shared folder, skipping the test (loudly) when it is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String msg = "\n*** SKIPPED: shared test data not found at " + p
                    + " (set EMOLAB_SHARED or -Demolab.shared). CI must run these tests. ***\n";
            System.err.println(msg);
            assumeTrue(false, msg);
        }
        return p;
    }
}
