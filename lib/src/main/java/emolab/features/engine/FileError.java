package emolab.features.engine;

import java.nio.file.Path;
import java.util.Objects;

/** A file that produced no row, and why (never silently dropped). */
public record FileError(Path path, String reason) {
    public FileError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
