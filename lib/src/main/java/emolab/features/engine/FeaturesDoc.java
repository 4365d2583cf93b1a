package emolab.features.engine;

import emolab.features.rich.RichFeatures;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code lib/FEATURES.md} from {@link RichFeatures#markdown()}. Usage:
 * {@code FeaturesDoc [out.md]} (default {@code lib/FEATURES.md}, relative to the working directory).
 */
public final class FeaturesDoc {
    private FeaturesDoc() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "lib/FEATURES.md");
        CsvIO.writeAtomically(out, RichFeatures.markdown());
        System.out.println("wrote " + out.toAbsolutePath() + " (" + RichFeatures.features().size() + " features)");
    }
}
