package emolab.features.engine;

import emolab.features.FeatureSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Command line: {@code extract --set course|rich [--threads N] [--cache DIR] <audio-dir> <out.csv>}.
 *
 * <p>Scans {@code audio-dir} recursively for {@code *.wav} files (sorted by path), extracts the
 * set in parallel and writes one CSV (labels, then features; doubles via {@code Double.toString})
 * to a temp file beside {@code out.csv}, then renames it. Files that cannot be used (bad RAVDESS
 * name, unreadable or truncated WAV, ...) are listed on stderr. Exit codes: 0 = written (maybe
 * with some files skipped), 1 = nothing could be read / I/O failure, 2 = bad arguments.
 */
public final class ExtractCli {
    private ExtractCli() {}

    public static final String USAGE =
            "usage: extract --set " + String.join("|", FeatureSets.NAMES) + " [--threads N] [--cache DIR] <audio-dir> <out.csv>";

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String set = null;
        Integer threads = null;
        Path cache = null;
        List<String> positional = new ArrayList<>();
        int i = 0;
        if (args.length == 0 || !args[0].equals("extract")) {
            err.println("error: first argument must be the command 'extract'"
                    + (args.length == 0 ? "" : ", got '" + args[0] + "'"));
            err.println(USAGE);
            return 2;
        }
        for (i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
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

        try {
            List<Path> files = scan(dir);
            if (files.isEmpty()) {
                err.println("error: no .wav files under " + dir);
                return 1;
            }
            FeatureSet fs = FeatureSets.byName(set);
            FeatureExtractor.Builder b = FeatureExtractor.builder().set(fs).progress(Progress.console(err, "extract " + set));
            if (threads != null) b.threads(threads);
            if (cache != null) b.cache(cache);
            long t0 = System.nanoTime();
            ExtractionResult r = b.build().extract(files);
            for (FileError e : r.errors()) err.println("skipped " + e);
            if (r.table().rowCount() == 0) {
                err.println("error: none of the " + files.size() + " files could be read; nothing written");
                return 1;
            }
            CsvIO.write(r.table(), outCsv);
            out.printf(Locale.ROOT, "wrote %s: %d rows x %d columns (%d skipped) in %.1f s%n", outCsv,
                    r.table().rowCount(), r.table().columnCount(), r.errors().size(), (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** All {@code *.wav} (any case) under {@code dir}, sorted by path. */
    static List<Path> scan(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .sorted()
                    .toList();
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
