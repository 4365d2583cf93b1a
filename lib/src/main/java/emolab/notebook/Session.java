package emolab.notebook;

import emolab.data.CorpusScanner;
import emolab.data.DataSource;
import emolab.features.FeatureSet;
import emolab.features.engine.ExtractionResult;
import emolab.features.engine.FeatureExtractor;
import emolab.features.engine.FeatureSets;
import emolab.data.synth.SyntheticCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What a notebook calls first: which data it runs on (real RAVDESS when present, otherwise the
 * embedded synthetic corpus, generated on first use) and a banner saying so, so every report
 * states its data source and synthetic results are never mistaken for real ones.
 */
public final class Session {
    private Session() {}

    static {
        // every notebook starts here: large FFTs then run on daemon threads, so the kernel can end
        // as soon as it is asked to (see FftThreads)
        emolab.numeric.FftThreads.useDaemonThreads();
    }

    /** The project root (see {@link DataSource#projectRoot()}). */
    public static Path projectRoot() {
        return DataSource.projectRoot();
    }

    /** The data source every notebook uses; generates the embedded corpus if it is needed and missing. */
    public static DataSource dataSource() {
        try {
            return DataSource.resolve(projectRoot(), dir -> SyntheticCorpus.builder()
                    .progress(Progress.bar("Generating the embedded synthetic corpus"))
                    .build().generateIfNeeded(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the data source: " + e.getMessage(), e);
        }
    }

    /** A banner for reports: an orange warning for synthetic data, a plain line for real data. */
    public static Html banner(DataSource source) {
        if (source.kind() == DataSource.Kind.SYNTHETIC) {
            return Html.note("SYNTHETIC DATA — this notebook runs on EmoLab's embedded synthetic corpus (generated "
                    + "voices, not real speech): " + source.description()
                    + ". Numbers below only show that the pipeline works; they say nothing about real emotion "
                    + "recognition. Put real RAVDESS in data/ravdess (see data/README.md) or set EMOLAB_DATA.");
        }
        return Html.text("Data source: " + source.description());
    }

    /**
     * The feature table of every recording of {@code source} for {@code set} ("course" or "rich"),
     * extracted in parallel with a progress bar and cached in {@code build/feature-cache} (keyed by
     * file path, size, mtime and feature-set version), so later notebooks and reruns do not
     * recompute. Files that fail are listed in the result's errors, never silently dropped.
     */
    public static ExtractionResult features(DataSource source, String set) {
        FeatureSet fs = FeatureSets.byName(set);
        try {
            CorpusScanner.ScanResult scan = CorpusScanner.scan(source.root());
            Path cache = projectRoot().resolve("build").resolve("feature-cache");
            Progress bar = Progress.bar("Extracting the " + fs.name() + " features");
            return FeatureExtractor.builder().set(fs).cache(cache).progress(bar::update).build().extract(scan.table());
        } catch (IOException e) {
            throw new UncheckedIOException("feature extraction failed: " + e.getMessage(), e);
        }
    }

    /**
     * Shows {@code text} as this notebook's headline result: a highlighted line in the report, and
     * the line the report index shows beside the notebook. Call it once, near the end, with text
     * computed from the run's results (never a hard-written number). Outside a notebook kernel it
     * prints {@code Headline: text}.
     */
    public static void headline(String text) {
        Headline h = new Headline(text);
        try {
            org.rapaio.jupyter.kernel.global.Global.display(h);
            return;
        } catch (LinkageError | RuntimeException notInAKernel) {
            // no kernel display system here (a plain JVM, a test): say it on stdout instead
        }
        System.out.println("Headline: " + h.text());
    }

    /** {@link #headline(String)} with {@code String.format(Locale.ROOT, format, args)}. */
    public static void headline(String format, Object... args) {
        headline(String.format(java.util.Locale.ROOT, format, args));
    }

    /** A folder for files a notebook hands to the next ones (prepared tables), under {@code build/}. */
    public static Path workDir(String name) {
        Path dir = projectRoot().resolve("build").resolve("notebook-data").resolve(name);
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
