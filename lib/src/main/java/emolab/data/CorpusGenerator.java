package emolab.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes sure a folder holds a generated (synthetic) RAVDESS-named corpus, creating it if needed.
 * {@link DataSource} uses it as the fallback when no real data is available.
 */
@FunctionalInterface
public interface CorpusGenerator {
    /** Creates the corpus in {@code dir} unless it is already there. */
    void ensure(Path dir) throws IOException;
}
