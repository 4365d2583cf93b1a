package emolab.features.engine;

import emolab.data.CorpusFiles;
import emolab.data.CorpusScanner;
import emolab.features.FeatureSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line: {@code extract --set course|rich [--threads N] [--cache DIR] <audio-dir> <out.csv>}.
 *
 * <p>Walks {@code audio-dir} recursively for {@code *.wav} files ({@link CorpusFiles#wavs}:
 * symbolic links followed, link loops reported, sorted by path), extracts the set in parallel and
 * writes one CSV (labels, then features; doubles via {@code Double.toString}) to a temp file beside
 * {@code out.csv}, then renames it. Files that cannot be used (bad RAVDESS name, unreadable or
 * truncated WAV, link loop, ...) are listed on stderr and in {@code <out>.errors.csv} (columns
 * {@code path,error}; {@code out.csv} gives {@code out.errors.csv}), also written atomically; a
 * run without any skipped file removes a stale errors file.
 *
 * <p>Exit codes: 0 = every file produced a row; 3 = output written but some files were skipped
 * (0 with {@code --allow-skips}); 1 = nothing could be read, no {@code .wav} file, or an I/O
 * failure (output untouched); 2 = bad arguments.
 */
public final class ExtractCli {
    private ExtractCli() {}

    public static final String USAGE =
            "usage: extract --set " + String.join("|", FeatureSets.NAMES)
                    + " [--threads N] [--cache DIR] [--allow-skips] <audio-dir> <out.csv>";

    /** Exit code when the output was written but some files produced no row. */
    public static final int EXIT_SKIPPED = 3;

    /** Text of {@code --help}. */
    public static final String HELP = USAGE + "\n"
            + "  Walks <audio-dir> (following symbolic links) for *.wav files and writes one feature row per file\n"
            + "  to <out.csv> (atomically). Files that give no row are listed on stderr and in\n"
            + "  <out>.errors.csv (path,error), e.g. out.csv -> out.errors.csv.\n"
            + "exit codes:\n"
            + "  0  every file produced a row (a stale <out>.errors.csv is removed)\n"
            + "  3  <out.csv> written, but some files were skipped (see <out>.errors.csv); --allow-skips makes this 0\n"
            + "  1  nothing written: no .wav files, none readable, or an I/O error\n"
            + "  2  bad arguments\n";

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String set = null;
        Integer threads = null;
        Path cache = null;
        boolean allowSkips = false;
        List<String> positional = new ArrayList<>();
        int i = 0;
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(HELP);
            return 0;
        }
        if (args.length == 0 || !args[0].equals("extract")) {
            err.println("error: first argument must be the command 'extract'"
                    + (args.length == 0 ? "" : ", got '" + args[0] + "'"));
            err.println(USAGE);
            return 2;
        }
        for (i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.print(HELP);
                    return 0;
                }
                case "--allow-skips" -> allowSkips = true;
                case "--set", "--threads", "--cache" -> {
                    if (i + 1 >= args.length) return usage(err, "option " + a + " needs a value");
                    String v = args[++i];
                    if (a.equals("--set")) {
                        if (!FeatureSets.NAMES.contains(v)) return usage(err, "bad --set '" + v + "': expected one of " + FeatureSets.NAMES);
                        set = v;
                    } else if (a.equals("--threads")) {
                        try {
                            threads = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            threads = -1;
                        }
                        if (threads < 1) return usage(err, "bad --threads '" + v + "': expected a positive integer");
                    } else {
                        cache = Path.of(v);
                    }
                }
                default -> {
                    if (a.startsWith("--")) return usage(err, "unknown option '" + a + "'");
                    positional.add(a);
                }
            }
        }
        if (set == null) return usage(err, "missing --set");
        if (positional.size() != 2)
            return usage(err, "expected <audio-dir> <out.csv>, got " + positional.size() + " positional argument(s)"
                    + (positional.size() > 2 ? ": unexpected '" + positional.get(2) + "'" : ""));
        Path dir = Path.of(positional.get(0));
        Path outCsv = Path.of(positional.get(1));
        if (!Files.isDirectory(dir)) return usage(err, "bad <audio-dir> '" + dir + "': not a directory");
        if (Files.isDirectory(outCsv)) return usage(err, "bad <out.csv> '" + outCsv + "': is a directory");

        Path errorsCsv = errorsFile(outCsv);
        try {
            CorpusFiles.Walk walk = CorpusFiles.wavs(dir);
            List<Path> files = walk.files();
            for (CorpusScanner.ScanError e : walk.problems()) err.println("skipped " + e);
            if (files.isEmpty()) {
                err.println("error: no .wav files under " + dir
                        + (walk.problems().isEmpty() ? "" : " (" + walk.problems().size() + " entries could not be walked)"));
                return 1;
            }
            FeatureSet fs = FeatureSets.byName(set);
            FeatureExtractor.Builder b = FeatureExtractor.builder().set(fs).progress(ExtractionProgress.console(err, "extract " + set));
            if (threads != null) b.threads(threads);
            if (cache != null) b.cache(cache);
            long t0 = System.nanoTime();
            FeatureExtractor fx = b.build();
            ExtractionResult r = fx.extract(files);
            for (String w : fx.cacheWarnings()) err.println("warning: " + w);
            for (FileError e : r.errors()) err.println("skipped " + e);
            List<String[]> skipped = new ArrayList<>();
            for (CorpusScanner.ScanError e : walk.problems()) skipped.add(new String[] {e.path().toString(), e.reason()});
            for (FileError e : r.errors()) skipped.add(new String[] {e.path().toString(), e.reason()});
            skipped.sort(java.util.Comparator.comparing((String[] x) -> x[0]));
            if (r.table().rowCount() == 0) {
                writeErrors(errorsCsv, skipped);
                err.println("error: none of the " + files.size() + " files could be read; " + outCsv
                        + " not written; reasons in " + errorsCsv);
                return 1;
            }
            CsvIO.write(r.table(), outCsv);
            if (skipped.isEmpty()) Files.deleteIfExists(errorsCsv);
            else writeErrors(errorsCsv, skipped);
            out.printf(Locale.ROOT, "wrote %s: %d rows x %d columns (%d skipped) in %.1f s%n", outCsv,
                    r.table().rowCount(), r.table().columnCount(), skipped.size(), (System.nanoTime() - t0) / 1e9);
            if (skipped.isEmpty()) return 0;
            err.printf(Locale.ROOT, "%d of %d entries skipped; listed in %s%s%n", skipped.size(),
                    files.size() + walk.problems().size(), errorsCsv,
                    allowSkips ? " (--allow-skips: exit 0)" : " (exit " + EXIT_SKIPPED + "; --allow-skips to accept)");
            return allowSkips ? 0 : EXIT_SKIPPED;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** {@code <out>.errors.csv} beside {@code out}: {@code out.csv} gives {@code out.errors.csv}, {@code out} gives {@code out.errors.csv}. */
    public static Path errorsFile(Path out) {
        String n = out.getFileName().toString();
        String stem = n.toLowerCase(Locale.ROOT).endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return out.resolveSibling(stem + ".errors.csv");
    }

    private static void writeErrors(Path file, List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("path,error\n");
        for (String[] r : rows) sb.append(CsvIO.quote(r[0])).append(',').append(CsvIO.quote(r[1])).append('\n');
        CsvIO.writeAtomically(file, sb.toString());
    }

    /** All {@code *.wav} (any case) under {@code dir}, sorted by path ({@link CorpusFiles#wavs}; problems ignored). */
    static List<Path> scan(Path dir) throws IOException {
        return CorpusFiles.wavs(dir).files();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
