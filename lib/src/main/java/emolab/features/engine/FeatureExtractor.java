package emolab.features.engine;

import emolab.data.Audio;
import emolab.data.RavdessName;
import emolab.data.WavReader;
import emolab.features.FeatureSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Extracts a {@link FeatureSet} from many RAVDESS files in parallel.
 *
 * <pre>{@code
 * ExtractionResult r = FeatureExtractor.builder().set(new RichFeatures()).threads(2)
 *         .cache(Path.of("cache")).build().extract(files);
 * }</pre>
 *
 * <p>Rows come in input order (whatever the thread count): label columns
 * {@link #LABEL_COLUMNS} parsed from the file name, then the set's columns. A file whose name is
 * not a RAVDESS name, that cannot be read or decoded, whose extraction throws, or whose result has
 * the wrong length or a NaN/infinite value becomes a {@link FileError} and is skipped; the others
 * are still extracted. With a cache directory, rows are reused when path, size, mtime, content
 * checksum and set name/version match (see {@link FeatureCache}; damaged cache rows are recomputed
 * and listed in {@link #cacheWarnings()}); new rows are saved at the end, atomically.
 */
public final class FeatureExtractor {
    /** Label columns, first in every result table. */
    public static final List<String> LABEL_COLUMNS =
            List.of("filename", "vocal_channel", "emotion", "intensity", "statement", "repetition", "actor", "sex");

    private final FeatureSet set;
    private final int threads;
    private final ExtractionProgress progress;
    private final Path cacheDir;
    private final AtomicLong computed = new AtomicLong();
    private final List<String> cacheWarnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FeatureExtractor(Builder b) {
        this.set = Objects.requireNonNull(b.set, "feature set not given: call builder().set(...)");
        this.threads = b.threads;
        this.progress = b.progress;
        this.cacheDir = b.cacheDir;
        List<String> cols = set.columns();
        for (String c : cols)
            if (LABEL_COLUMNS.contains(c))
                throw new IllegalArgumentException("feature set '" + set.name() + "' has a column named like a label column: " + c);
        if (new java.util.HashSet<>(cols).size() != cols.size())
            throw new IllegalArgumentException("feature set '" + set.name() + "' has duplicate column names");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; only {@link #set} is required. */
    public static final class Builder {
        private FeatureSet set;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ExtractionProgress progress;
        private Path cacheDir;

        public Builder set(FeatureSet set) {
            this.set = Objects.requireNonNull(set, "set");
            return this;
        }

        /** Worker threads (default: available processors). */
        public Builder threads(int n) {
            if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
            this.threads = n;
            return this;
        }

        /** ExtractionProgress callback (default: a console bar on stderr; {@link ExtractionProgress#NONE} for silence). */
        public Builder progress(ExtractionProgress p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        /** Folder for the CSV cache (created when needed); no caching when not set. */
        public Builder cache(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "cache dir");
            return this;
        }

        public FeatureExtractor build() {
            if (progress == null) progress = ExtractionProgress.console(System.err, "extract " + (set == null ? "?" : set.name()));
            return new FeatureExtractor(this);
        }
    }

    /** The feature set. */
    public FeatureSet set() { return set; }

    /** Warnings about the cache met so far (damaged rows or an unreadable cache file, recomputed). */
    public List<String> cacheWarnings() { return List.copyOf(cacheWarnings); }

    /** How many files this extractor actually computed (not served from the cache) so far. */
    public long computedCount() { return computed.get(); }

    /** Extracts the files of a corpus table's {@code path} column, in row order. */
    public ExtractionResult extract(Table corpus) throws IOException {
        if (!corpus.columnNames().contains("path"))
            throw new IllegalArgumentException("corpus table has no 'path' column; columns: " + corpus.columnNames());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < corpus.rowCount(); i++) files.add(Path.of(String.valueOf(corpus.column("path").get(i))));
        return extract(files);
    }

    /**
     * The outcome for one file: its parsed name and feature row, or why it produced no row
     * ({@code error} non-null, {@code name} and {@code values} null).
     */
    public record Outcome(RavdessName name, double[] values, String error) {
        /** The label values of this row in {@link #LABEL_COLUMNS} order, {@code fileName} first. */
        public Object[] labels(String fileName) {
            if (error != null) throw new IllegalStateException("no row for " + fileName + ": " + error);
            return new Object[] {fileName, name.vocalChannel().label(), name.emotion().label(), name.intensity().label(),
                    name.statement(), name.repetition(), name.actor(), name.sex().label()};
        }
    }

    /**
     * The features of one file from its bytes — what {@link #extract(List)} computes per file
     * (without the cache), for callers that read files themselves (e.g. a distributed engine).
     * {@code fileName} is parsed as a RAVDESS name; {@code sourceName} (e.g. a path or URI)
     * names the file in messages. Never throws for bad input: the reason is in the outcome.
     */
    public static Outcome extractOne(FeatureSet set, String fileName, byte[] bytes, String sourceName) {
        Outcome named = named(fileName);
        if (named.error() != null) return named;
        RavdessName name = named.name();
        try {
            return checked(set, name, set.extract(WavReader.read(bytes, sourceName)));
        } catch (IOException e) {
            return new Outcome(null, null, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(null, null, "extraction failed: " + e);
        }
    }

    /** The parsed name of {@code fileName} (no values), or the error that it is not a RAVDESS name. */
    private static Outcome named(String fileName) {
        try {
            return new Outcome(RavdessName.parse(fileName), null, null);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, null, "not a RAVDESS file name: " + e.getMessage());
        }
    }

    /** The row {@code v} of {@code set}, or an error for a wrong length or a NaN/infinite value. */
    private static Outcome checked(FeatureSet set, RavdessName name, double[] v) {
        int nc = set.columns().size();
        if (v == null || v.length != nc)
            return new Outcome(null, null, "feature set '" + set.name() + "' returned "
                    + (v == null ? "null" : v.length + " values") + ", expected " + nc);
        for (int i = 0; i < v.length; i++)
            if (!Double.isFinite(v[i]))
                return new Outcome(null, null, "feature '" + set.columns().get(i) + "' is " + v[i]);
        return new Outcome(name, v, null);
    }

    /**
     * Extracts {@code files} in parallel; rows in input order.
     *
     * @throws IOException only for cache problems (reading a damaged cache or writing it)
     */
    public ExtractionResult extract(List<Path> files) throws IOException {
        preloadTableClasses();
        FeatureCache cache = cacheDir == null ? null : new FeatureCache(cacheDir, set);
        if (cache != null) cacheWarnings.addAll(cache.warnings());
        int total = files.size();
        Outcome[] out = new Outcome[total];
        AtomicInteger done = new AtomicInteger();
        Object progressLock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, total))), r -> {
            Thread t = new Thread(r, "feature-extractor");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                final int idx = i;
                futures.add(pool.submit(() -> {
                    out[idx] = one(files.get(idx), cache);
                    synchronized (progressLock) {
                        progress.update(done.incrementAndGet(), total);
                    }
                }));
            }
            for (int i = 0; i < total; i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    out[i] = new Outcome(null, null, "internal error: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("extraction interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (total == 0) progress.update(0, 0);
        if (cache != null) cache.save();
        return assemble(files, out);
    }

    /**
     * Initialises Tablesaw's {@code Table} class on a background thread while the files are
     * extracted: its static initialiser scans the class path for readers and writers (about 0.5 s
     * of one core), which otherwise ran serially after the last file, when the result table was
     * built. A failure here is ignored: {@link #assemble} then meets it itself.
     */
    private static void preloadTableClasses() {
        Thread t = new Thread(() -> {
            try {
                Class.forName("tech.tablesaw.api.Table", true, FeatureExtractor.class.getClassLoader());
            } catch (Throwable ignored) {
                // reported where the table is built
            }
        }, "feature-extractor-table-init");
        t.setDaemon(true);
        t.start();
    }

    private Outcome one(Path file, FeatureCache cache) {
        Outcome named = named(file.getFileName().toString());
        if (named.error() != null) return named;
        RavdessName name = named.name();
        FeatureCache.Key key = null;
        try {
            Audio audio;
            if (cache != null) {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                byte[] bytes = Files.readAllBytes(file);
                key = FeatureCache.Key.of(file, attrs, bytes);
                double[] hit = cache.get(key);
                if (hit != null) return new Outcome(name, hit, null);
                audio = WavReader.read(bytes, file.toString());
            } else {
                audio = WavReader.read(file);
            }
            computed.incrementAndGet();
            Outcome o = checked(set, name, set.extract(audio));
            if (o.error() != null) return o;
            if (cache != null) cache.put(key, o.values());
            return o;
        } catch (IOException e) {
            return new Outcome(null, null, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(null, null, "extraction failed: " + e);
        }
    }

    private ExtractionResult assemble(List<Path> files, Outcome[] out) {
        StringColumn filename = StringColumn.create("filename");
        StringColumn vocal = StringColumn.create("vocal_channel");
        StringColumn emotion = StringColumn.create("emotion");
        StringColumn intensity = StringColumn.create("intensity");
        IntColumn statement = IntColumn.create("statement");
        IntColumn repetition = IntColumn.create("repetition");
        IntColumn actor = IntColumn.create("actor");
        StringColumn sex = StringColumn.create("sex");
        List<String> cols = set.columns();
        int rows = 0;
        for (Outcome o : out) if (o.error() == null) rows++;
        double[][] values = new double[cols.size()][rows];
        List<FileError> errors = new ArrayList<>();
        List<Path> paths = new ArrayList<>(rows);
        int r = 0;
        for (int i = 0; i < out.length; i++) {
            Outcome o = out[i];
            if (o.error() != null) {
                errors.add(new FileError(files.get(i), o.error()));
                continue;
            }
            Object[] l = o.labels(files.get(i).getFileName().toString());
            paths.add(files.get(i));
            filename.append((String) l[0]);
            vocal.append((String) l[1]);
            emotion.append((String) l[2]);
            intensity.append((String) l[3]);
            statement.append((int) l[4]);
            repetition.append((int) l[5]);
            actor.append((int) l[6]);
            sex.append((String) l[7]);
            for (int c = 0; c < cols.size(); c++) values[c][r] = o.values()[c];
            r++;
        }
        Table t = Table.create(set.name() + " features", filename, vocal, emotion, intensity, statement, repetition,
                actor, sex);
        for (int c = 0; c < cols.size(); c++) t.addColumns(DoubleColumn.create(cols.get(c), values[c]));
        return new ExtractionResult(t, errors, paths);
    }
}
