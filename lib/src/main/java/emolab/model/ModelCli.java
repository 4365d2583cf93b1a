package emolab.model;

import emolab.data.CorpusFiles;
import emolab.data.CorpusScanner;
import emolab.data.RavdessName;
import emolab.features.FeatureSet;
import emolab.features.engine.CsvIO;
import emolab.features.engine.ExtractCli;
import emolab.features.engine.FileError;
import emolab.features.engine.ExtractionProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command line of {@link EmotionModel}:
 *
 * <pre>
 * train   [--actors 1-18] [--threads N] [--cache DIR] &lt;audio-dir&gt; &lt;model-file&gt;
 * predict [--out predictions.csv] [--speaker-map map.csv] [--threads N] &lt;model-file&gt; &lt;wav-or-dir&gt;...
 * </pre>
 *
 * <p>{@code train} uses every RAVDESS-named WAV under the folder (only the given actors with
 * {@code --actors}; by default the training actors of {@link emolab.prep.ActorSplit#plan}),
 * prints the CV scores of both settings and writes the model atomically. {@code predict} writes
 * one CSV row per readable file: {@code path, predicted, p_<emotion>} × 8, {@code speaker},
 * {@code normalisation} (which statistics were used), {@code top_feature_1..3} (the features that
 * pushed the decision most, by a linear surrogate: see {@link Surrogate}). Files that cannot be
 * predicted are reported on stderr and in {@code <out>.errors.csv}; the others are still predicted.
 *
 * <p>Exit codes (as {@code ./emolab extract}): 0 = every file done; 3 = output written but some
 * files skipped; 1 = nothing written (no usable file, unreadable model, I/O error); 2 = bad
 * arguments.
 */
public final class ModelCli {
    private ModelCli() {}

    public static final String USAGE = "usage: train [--actors 1-18] [--threads N] [--cache DIR] <audio-dir> <model-file>\n"
            + "       predict [--out predictions.csv] [--speaker-map map.csv] [--threads N] <model-file> <wav-or-dir>...";

    public static final int EXIT_SKIPPED = 3;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code train ...} or {@code predict ...}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) return usage(err, "missing command train or predict");
        String cmd = args[0];
        Map<String, String> opts = new HashMap<>();
        List<String> pos = new ArrayList<>();
        Set<String> known = cmd.equals("train") ? Set.of("--actors", "--threads", "--cache")
                : cmd.equals("predict") ? Set.of("--out", "--speaker-map", "--threads") : null;
        if (known == null) return usage(err, "unknown command '" + cmd + "': expected train or predict");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (a.startsWith("--")) {
                if (!known.contains(a)) return usage(err, "unknown option '" + a + "' for " + cmd + "; options: " + new TreeSet<>(known));
                if (i + 1 >= args.length) return usage(err, "option " + a + " needs a value");
                opts.put(a, args[++i]);
            } else {
                pos.add(a);
            }
        }
        int threads = 0;
        if (opts.containsKey("--threads")) {
            try {
                threads = Integer.parseInt(opts.get("--threads"));
            } catch (NumberFormatException e) {
                threads = -1;
            }
            if (threads < 1) return usage(err, "bad --threads '" + opts.get("--threads") + "': expected a positive integer");
        }
        return cmd.equals("train") ? train(pos, opts, threads, out, err) : predict(pos, opts, threads, out, err);
    }

    // ------------------------------------------------------------------ train

    private static int train(List<String> pos, Map<String, String> opts, int threads, PrintStream out, PrintStream err) {
        if (pos.size() != 2) return usage(err, "train expects <audio-dir> <model-file>, got " + pos.size() + " argument(s)");
        Path dir = Path.of(pos.get(0)), model = Path.of(pos.get(1));
        if (!Files.isDirectory(dir)) return usage(err, "bad <audio-dir> '" + dir + "': not a directory");
        if (Files.isDirectory(model)) return usage(err, "bad <model-file> '" + model + "': is a directory");
        Set<Integer> actors = null;
        if (opts.containsKey("--actors")) {
            try {
                actors = parseActors(opts.get("--actors"));
            } catch (IllegalArgumentException e) {
                return usage(err, "bad --actors '" + opts.get("--actors") + "': " + e.getMessage());
            }
        }
        Path cache = opts.containsKey("--cache") ? Path.of(opts.get("--cache")) : null;
        try {
            long t0 = System.nanoTime();
            CorpusFiles.Walk walk = CorpusFiles.wavs(dir);
            List<String[]> skipped = new ArrayList<>();
            for (CorpusScanner.ScanError e : walk.problems()) skipped.add(new String[] {e.path().toString(), e.reason()});
            List<Path> files = new ArrayList<>();
            for (Path p : walk.files()) {
                String n = p.getFileName().toString();
                if (!RavdessName.isValid(n)) {
                    skipped.add(new String[] {p.toString(), "not a RAVDESS file name (MM-VV-EE-II-SS-RR-AA.wav)"});
                    continue;
                }
                if (actors == null || actors.contains(RavdessName.parse(n).actor())) files.add(p);
            }
            if (files.isEmpty()) {
                skipped.forEach(s -> err.println("skipped " + s[0] + ": " + s[1]));
                err.println("error: no RAVDESS .wav files" + (actors == null ? "" : " of actors " + opts.get("--actors")) + " under " + dir
                        + "; " + model + " not written");
                return 1;
            }
            FeatureSet set = EmotionModel.defaultFeatureSet();
            err.printf(Locale.ROOT, "extracting %s features of %d files%n", set.name(), files.size());
            EmotionData data = EmotionData.extract(files, set, cache, false, ExtractionProgress.console(err, "features"));
            for (FileError e : data.errors()) skipped.add(new String[] {e.path().toString(), e.reason()});
            skipped.forEach(s -> err.println("skipped " + s[0] + ": " + s[1]));
            Set<Integer> trainActors = actors;
            if (trainActors == null) {
                var plan = emolab.prep.ActorSplit.plan(data.actorSet());
                trainActors = plan.trainActors();
                out.println("no --actors: " + plan.describe() + "; training on the training actors");
            }
            double tx = (System.nanoTime() - t0) / 1e9;
            EmotionModel m = EmotionModel.train(data, cache, set, trainActors, threads, s -> err.println(s));
            m.save(model);
            double total = (System.nanoTime() - t0) / 1e9;
            out.println(m.describe());
            out.printf(Locale.ROOT, "wrote %s (features %.1f s, selection and fit %.1f s, total %.1f s)%n", model, tx, total - tx, total);
            if (skipped.isEmpty()) return 0;
            err.printf(Locale.ROOT, "%d file(s) skipped (listed above); the model was trained on the others (exit %d)%n", skipped.size(),
                    EXIT_SKIPPED);
            return EXIT_SKIPPED;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage() + "; " + model + " not written");
            return 1;
        }
    }

    /** {@code 1-18}, {@code 1,3,5-8}: actor numbers 1..99. */
    static Set<Integer> parseActors(String spec) {
        Set<Integer> s = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) throw new IllegalArgumentException("empty item");
            String[] ab = p.split("-", -1);
            if (ab.length > 2) throw new IllegalArgumentException("'" + p + "' is not a number or a range a-b");
            int a, b;
            try {
                a = Integer.parseInt(ab[0].strip());
                b = ab.length == 2 ? Integer.parseInt(ab[1].strip()) : a;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a number or a range a-b");
            }
            if (a < 1 || b > 99 || a > b) throw new IllegalArgumentException("'" + p + "': actors are 1..99, ranges ascending");
            for (int x = a; x <= b; x++) s.add(x);
        }
        return s;
    }

    // ------------------------------------------------------------------ predict

    private static int predict(List<String> pos, Map<String, String> opts, int threads, PrintStream out, PrintStream err) {
        if (pos.size() < 2) return usage(err, "predict expects <model-file> <wav-or-dir>..., got " + pos.size() + " argument(s)");
        Path modelFile = Path.of(pos.get(0));
        Path outCsv = opts.containsKey("--out") ? Path.of(opts.get("--out")) : null;
        if (outCsv != null && Files.isDirectory(outCsv)) return usage(err, "bad --out '" + outCsv + "': is a directory");
        if (!Files.isRegularFile(modelFile)) {
            err.println("error: model file " + modelFile + " does not exist or is not a file");
            return 1;
        }
        Map<Path, String> speakerMap = Map.of();
        if (opts.containsKey("--speaker-map")) {
            try {
                speakerMap = readSpeakerMap(Path.of(opts.get("--speaker-map")));
            } catch (IOException | IllegalArgumentException e) {
                err.println("error: --speaker-map: " + e.getMessage());
                return 2;
            }
        }
        EmotionModel m;
        try {
            m = EmotionModel.load(modelFile);
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        List<String[]> skipped = new ArrayList<>();
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        try {
            for (String a : pos.subList(1, pos.size())) {
                Path p = Path.of(a);
                if (Files.isDirectory(p)) {
                    CorpusFiles.Walk w = CorpusFiles.wavs(p);
                    for (CorpusScanner.ScanError e : w.problems()) skipped.add(new String[] {e.path().toString(), e.reason()});
                    if (w.files().isEmpty()) skipped.add(new String[] {p.toString(), "no .wav files in this folder"});
                    files.addAll(w.files());
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    skipped.add(new String[] {p.toString(), "no such file or folder"});
                }
            }
            List<Path> list = new ArrayList<>(files);
            long t0 = System.nanoTime();
            EmotionModel.Predictions r = list.isEmpty() ? new EmotionModel.Predictions(List.of(), List.of())
                    : m.predictFiles(list, speakerMap, threads, ExtractionProgress.console(err, "predict"));
            for (FileError e : r.errors()) skipped.add(new String[] {e.path().toString(), e.reason()});
            skipped.sort(Comparator.comparing((String[] x) -> x[0]));
            skipped.forEach(s -> err.println("skipped " + s[0] + ": " + s[1]));
            Path errorsCsv = outCsv == null ? null : ExtractCli.errorsFile(outCsv);
            if (r.rows().isEmpty()) {
                if (errorsCsv != null) writeErrors(errorsCsv, skipped);
                err.println("error: no file could be predicted" + (outCsv == null ? "" : "; " + outCsv + " not written"));
                return 1;
            }
            String csv = csv(r.rows());
            if (outCsv == null) {
                out.print(csv);
            } else {
                CsvIO.writeAtomically(outCsv, csv);
                if (skipped.isEmpty()) Files.deleteIfExists(errorsCsv);
                else writeErrors(errorsCsv, skipped);
                long spk = r.rows().stream().filter(x -> x.normalisation().startsWith("speaker")).count();
                out.printf(Locale.ROOT, "wrote %s: %d predictions (%d speaker-normalised [TRANSDUCTIVE], %d with the training statistics), "
                        + "%d skipped, in %.1f s%n", outCsv, r.rows().size(), spk, r.rows().size() - spk, skipped.size(),
                        (System.nanoTime() - t0) / 1e9);
            }
            if (skipped.isEmpty()) return 0;
            err.printf(Locale.ROOT, "%d input(s) skipped%s (exit %d)%n", skipped.size(), errorsCsv == null ? "" : "; listed in " + errorsCsv,
                    EXIT_SKIPPED);
            return EXIT_SKIPPED;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** The predictions as CSV: path, predicted, p_emotion × 8, speaker, normalisation, top_feature_1..3. */
    public static String csv(List<EmotionModel.Prediction> rows) {
        StringBuilder b = new StringBuilder("path,predicted");
        for (String e : EmotionData.EMOTIONS) b.append(",p_").append(e);
        b.append(",speaker,normalisation");
        for (int k = 1; k <= EmotionModel.TOP_FEATURES; k++) b.append(",top_feature_").append(k);
        b.append('\n');
        for (EmotionModel.Prediction p : rows) {
            b.append(CsvIO.quote(p.path().toString())).append(',').append(p.predicted());
            for (double v : p.probabilities()) b.append(',').append(String.format(Locale.ROOT, "%.6f", v));
            b.append(',').append(CsvIO.quote(p.speaker() == null ? "" : p.speaker())).append(',').append(CsvIO.quote(p.normalisation()));
            for (int k = 0; k < EmotionModel.TOP_FEATURES; k++) {
                b.append(',');
                if (k < p.topFeatures().size()) {
                    Surrogate.Contribution c = p.topFeatures().get(k);
                    b.append(CsvIO.quote(String.format(Locale.ROOT, "%s (%+.3f)", c.feature(), c.value())));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** A CSV with a header holding {@code path} and {@code speaker}; paths resolved against the current folder. */
    static Map<Path, String> readSpeakerMap(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + " does not exist or is not a file");
        List<List<String>> rows = CsvIO.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (rows.isEmpty()) throw new IllegalArgumentException(file + " is empty; expected a header path,speaker");
        List<String> h = rows.get(0);
        int pi = h.indexOf("path"), si = h.indexOf("speaker");
        if (pi < 0 || si < 0) throw new IllegalArgumentException(file + ": header must have columns path and speaker, got " + h);
        Map<Path, String> m = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() == 1 && r.get(0).isEmpty()) continue;
            if (r.size() != h.size())
                throw new IllegalArgumentException(file + " row " + (i + 1) + ": " + r.size() + " fields, header has " + h.size());
            String sp = r.get(si).strip();
            if (sp.isEmpty()) throw new IllegalArgumentException(file + " row " + (i + 1) + ": empty speaker");
            m.put(Path.of(r.get(pi)).toAbsolutePath().normalize(), sp);
        }
        return m;
    }

    private static void writeErrors(Path file, List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("path,error\n");
        for (String[] r : rows) sb.append(CsvIO.quote(r[0])).append(',').append(CsvIO.quote(r[1])).append('\n');
        CsvIO.writeAtomically(file, sb.toString());
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
