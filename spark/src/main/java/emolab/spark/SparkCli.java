package emolab.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import emolab.classify.ClassifierSpec;
import emolab.classify.models.Classifiers;
import emolab.prep.CourseTables;
import emolab.prep.LabeledData;
import emolab.prep.PreparedData;
import emolab.classify.tune.CrossValidation;
import emolab.classify.tune.GridSearch;
import emolab.classify.tune.ParamDistributions;
import emolab.classify.tune.ParamGrid;
import emolab.classify.tune.RandomSearch;
import emolab.classify.tune.Scoring;
import emolab.classify.tune.SearchResult;
import emolab.classify.tune.SearchTasks;
import emolab.features.engine.CsvIO;
import emolab.features.engine.FeatureExtractor;
import emolab.features.engine.FeatureSets;
import emolab.prep.Csv;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

/**
 * {@code ./emolab spark extract|search ...} (and the main class of the assembly jar for
 * {@code spark-submit}). Exit codes as the local {@code extract} command's: 0 = written (every file gave a row),
 * 3 = written but some files were skipped (listed in {@code <out>.errors}; 0 with {@code --allow-skips}),
 * 1 = nothing could be read / failure, 2 = bad arguments.
 */
public final class SparkCli {
    private SparkCli() {}

    public static final String USAGE = String.join("\n",
            "usage: extract --set " + String.join("|", FeatureSets.NAMES) + " [--master URL] [--list FILE] [--allow-skips] <input>... <out>",
            "         <input>: folder (searched recursively for *.wav), file or glob; any Hadoop URI (hdfs://, s3a://, file:)",
            "         --list FILE: a text file of WAV paths, one per line (missing ones go to the errors)",
            "         <out>: a Parquet folder, or one CSV file when it ends in .csv; per-file errors in <out>.errors (path,error)",
            "         exit 0 every file gave a row, 3 written but some skipped (--allow-skips: 0), 1 nothing written, 2 bad arguments",
            "       search --model NAME (--grid 'p=v1,v2;q=...' | --random N [--seed S] --dist 'p=loguniform:lo:hi;q=choice:a,b;r=int:lo:hi;s=uniform:lo:hi')",
            "              [--label emotion] [--folds 6] [--scoring accuracy|f1_macro] [--master URL] [--local] <table> <out.csv>",
            "         <table>: a folder of the course's prepared_* tables, or a feature CSV of ./emolab extract (prepared on actors 1-18)",
            "         only the training actors (1-18) are searched; folds are leave-actors-out blocks; --local runs the same tasks on local threads",
            "         models: " + String.join(", ", Classifiers.all().keySet()));

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("extract") || args[0].equals("search")))
            return usage(err, "first argument must be 'extract' or 'search'" + (args.length == 0 ? "" : ", got '" + args[0] + "'"));
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try {
            return args[0].equals("extract") ? extract(o, out, err) : search(o, out, err);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (IOException | RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Parsed options: {@code --name value} pairs, flags and positional arguments. */
    record Options(Map<String, String> values, List<String> positional) {
        static final List<String> WITH_VALUE = List.of("--set", "--master", "--list", "--model", "--grid", "--random", "--seed",
                "--dist", "--label", "--folds", "--scoring");
        static final List<String> FLAGS = List.of("--local", "--allow-skips");

        static Options parse(String[] args) {
            Map<String, String> v = new java.util.LinkedHashMap<>();
            List<String> pos = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (WITH_VALUE.contains(a)) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException("option " + a + " needs a value");
                    v.put(a, args[++i]);
                } else if (FLAGS.contains(a)) {
                    v.put(a, "true");
                } else if (a.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option '" + a + "'");
                } else {
                    pos.add(a);
                }
            }
            return new Options(v, pos);
        }

        String get(String name, String dflt) { return values.getOrDefault(name, dflt); }

        int integer(String name, String dflt) {
            String s = get(name, dflt);
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad " + name + " '" + s + "': expected an integer");
            }
        }
    }

    /**
     * The session to use: an already running one (e.g. in tests, or an embedding application), or
     * a new one on {@code --master} (default: what spark-submit set, else local[*]).
     */
    static SparkSession session(Options o, String what) {
        SparkSession.Builder b = SparkSession.builder().appName("emolab " + what).config("spark.ui.showConsoleProgress", "true");
        String master = o.get("--master", null);
        if (master == null && System.getProperty("spark.master") == null) master = "local[*]";   // spark-submit sets spark.master
        if (master != null) b.master(master);
        if (master != null && master.startsWith("local"))   // all in this JVM: listen on the loopback interface only
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        return b.getOrCreate();
    }

    static int extract(Options o, PrintStream out, PrintStream err) throws IOException {
        String set = o.get("--set", null);
        if (set == null) throw new IllegalArgumentException("missing --set");
        if (!FeatureSets.NAMES.contains(set)) throw new IllegalArgumentException("bad --set '" + set + "': expected one of " + FeatureSets.NAMES);
        List<String> pos = o.positional();
        String list = o.get("--list", null);
        if (pos.size() < (list == null ? 2 : 1))
            throw new IllegalArgumentException("expected <input>... <out>" + (list == null ? "" : " (or --list FILE <out>)")
                    + ", got " + pos.size() + " positional argument(s)");
        List<String> inputs = pos.subList(0, pos.size() - 1);
        String outPath = pos.get(pos.size() - 1);
        long t0 = System.nanoTime();
        boolean owned = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = session(o, "extract " + set);
        try {
            List<String> listed = list == null ? List.of() : readList(spark, list);
            SparkExtraction x = SparkExtraction.run(spark, set, inputs, listed);
            SparkExtraction.Written w;
            try {
                w = x.write(spark, outPath);
            } catch (IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
            List<String[]> errors = x.errors();
            for (int i = 0; i < Math.min(20, errors.size()); i++) err.println("skipped " + errors.get(i)[0] + ": " + errors.get(i)[1]);
            if (errors.size() > 20) err.println("... " + (errors.size() - 20) + " more in " + w.errorsOutput());
            x.release();
            out.printf(Locale.ROOT, "%s in %.1f s%n", w, (System.nanoTime() - t0) / 1e9);
            if (errors.isEmpty() || o.values().containsKey("--allow-skips")) return 0;
            err.println(errors.size() + " file(s) skipped, see " + w.errorsOutput() + " (exit 3; --allow-skips to accept)");
            return 3;
        } finally {
            if (owned) spark.stop();
        }
    }

    /** The non-blank lines of a list file (any Hadoop URI). */
    static List<String> readList(SparkSession spark, String list) throws IOException {
        Path p = new Path(list);
        var fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.isFile(p)) throw new IllegalArgumentException("bad --list '" + list + "': not a file");
        try (InputStream in = fs.open(p)) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n"))
                if (!line.isBlank()) out.add(line.strip());
            return out;
        }
    }

    static int search(Options o, PrintStream out, PrintStream err) throws IOException {
        List<String> pos = o.positional();
        if (pos.size() != 2) throw new IllegalArgumentException("expected <table> <out.csv>, got " + pos.size() + " positional argument(s)");
        String modelName = o.get("--model", null);
        if (modelName == null) throw new IllegalArgumentException("missing --model");
        ClassifierSpec spec = Classifiers.all().get(modelName);
        if (spec == null) throw new IllegalArgumentException("unknown --model '" + modelName + "'; known: " + Classifiers.all().keySet());
        String label = o.get("--label", "emotion");
        int nFolds = o.integer("--folds", "6");
        String sc = o.get("--scoring", "accuracy");
        Scoring scoring = switch (sc) {
            case "accuracy" -> Scoring.ACCURACY;
            case "f1_macro" -> Scoring.MACRO_F1;
            default -> throw new IllegalArgumentException("bad --scoring '" + sc + "': expected accuracy or f1_macro");
        };
        GridSearch grid = null;
        RandomSearch random = null;
        if (o.values().containsKey("--grid") == o.values().containsKey("--random"))
            throw new IllegalArgumentException("give exactly one of --grid and --random");
        if (o.values().containsKey("--grid")) {
            grid = GridSearch.of(spec, parseGrid(o.get("--grid", null))).scoring(scoring);
        } else {
            if (!o.values().containsKey("--dist")) throw new IllegalArgumentException("--random needs --dist");
            int n = o.integer("--random", "10");
            long seed = o.integer("--seed", "0");
            random = RandomSearch.of(spec, parseDistributions(o.get("--dist", null)), n, seed).scoring(scoring);
        }
        LabeledData train = trainingData(java.nio.file.Path.of(pos.get(0)), label);
        var folds = CrossValidation.leaveActorsOut(train, nFolds);
        if (grid != null) grid.folds(folds);
        else random.folds(folds);
        SearchTasks tasks = grid != null ? grid.tasks() : random.tasks();
        long t0 = System.nanoTime();
        SearchResult r;
        if (o.values().containsKey("--local")) {
            err.println("running " + tasks.size() + " (combination, fold) tasks on local threads");
            r = grid != null ? grid.run(train) : random.run(train);
            writeTable(new org.apache.hadoop.conf.Configuration(), pos.get(1), r.table());
        } else {
            boolean owned = SparkSession.getDefaultSession().isEmpty();
            SparkSession spark = session(o, "search " + modelName);
            try {
                err.println("running " + tasks.size() + " (combination, fold) tasks on Spark (" + spark.sparkContext().master() + ")");
                r = SparkSearch.run(spark, tasks, train);
                writeTable(spark.sparkContext().hadoopConfiguration(), pos.get(1), r.table());
            } finally {
                if (owned) spark.stop();
            }
        }
        out.printf(Locale.ROOT, "wrote %s: %d combinations x %d folds in %.1f s; best %s: mean %s %.4f%n", pos.get(1),
                r.combinations().size(), folds.size(), (System.nanoTime() - t0) / 1e9, r.bestParams(), scoring.column(), r.bestScore());
        return 0;
    }

    static void writeTable(org.apache.hadoop.conf.Configuration conf, String out, Table t) throws IOException {
        HadoopFiles.writeText(conf, new Path(out), CsvIO.toCsv(t));
    }

    /**
     * The training actors (1–18) of {@code table}: a folder of the course's prepared tables, or a
     * feature CSV prepared by the course recipe fitted on those actors.
     */
    static LabeledData trainingData(java.nio.file.Path table, String label) {
        if (Files.isDirectory(table)) return CourseTables.load(table, label).train();
        if (!Files.isRegularFile(table)) throw new IllegalArgumentException("bad <table> '" + table + "': not a folder or a file");
        Table t = Csv.read(table);
        List<String> features = PreparedData.featureColumns(t, FeatureExtractor.LABEL_COLUMNS);
        if (features.isEmpty()) throw new IllegalArgumentException("bad <table> '" + table + "': no numeric feature columns");
        return PreparedData.of(t, features, label).train();
    }

    /** {@code C=0.1,1,10;gamma=scale,0.01}: integers, decimals, true/false, otherwise strings. */
    static ParamGrid parseGrid(String spec) {
        ParamGrid g = null;
        for (String part : spec.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("bad --grid part '" + part + "': expected name=v1,v2,...");
            String name = part.substring(0, eq).strip();
            Object[] vals = java.util.Arrays.stream(part.substring(eq + 1).split(",")).map(String::strip).map(SparkCli::value).toArray();
            g = g == null ? ParamGrid.of(name, vals) : g.and(name, vals);
        }
        if (g == null) throw new IllegalArgumentException("empty --grid");
        return g;
    }

    static Object value(String s) {
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException f) {
                return s;
            }
        }
    }

    /** {@code C=loguniform:0.01:100;kernel=choice:rbf,linear;degree=int:2:4;tol=uniform:0.1:1}. */
    static ParamDistributions parseDistributions(String spec) {
        ParamDistributions d = null;
        for (String part : spec.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            String[] k = eq <= 0 ? new String[0] : part.substring(eq + 1).split(":");
            if (k.length < 2) throw new IllegalArgumentException("bad --dist part '" + part + "': expected name=kind:args");
            String name = part.substring(0, eq).strip();
            try {
                String kind = k[0].strip();
                if (kind.equals("choice")) {
                    Object[] v = java.util.Arrays.stream(k[1].split(",")).map(String::strip).map(SparkCli::value).toArray();
                    d = d == null ? ParamDistributions.choice(name, v) : d.andChoice(name, v);
                } else if (kind.equals("int")) {
                    int lo = Integer.parseInt(k[1]), hi = Integer.parseInt(k[2]);
                    d = d == null ? ParamDistributions.intUniform(name, lo, hi) : d.andIntUniform(name, lo, hi);
                } else {
                    double lo = Double.parseDouble(k[1]), hi = Double.parseDouble(k[2]);
                    d = switch (kind) {
                        case "uniform" -> d == null ? ParamDistributions.uniform(name, lo, hi) : d.andUniform(name, lo, hi);
                        case "loguniform" -> d == null ? ParamDistributions.logUniform(name, lo, hi) : d.andLogUniform(name, lo, hi);
                        default -> throw new IllegalArgumentException("bad --dist kind '" + kind + "' in '" + part
                                + "': expected choice, uniform, loguniform or int");
                    };
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("bad --dist part '" + part + "': " + e.getMessage());
            }
        }
        if (d == null) throw new IllegalArgumentException("empty --dist");
        return d;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
