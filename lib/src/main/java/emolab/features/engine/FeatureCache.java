package emolab.features.engine;

import emolab.features.FeatureSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * CSV cache of feature rows for one feature set: {@code <dir>/<set name>.cache.csv}, columns
 * {@code path,size,mtime_ns,set,version,<feature columns>}. A row is reused only when the file's
 * absolute path, size and modification time and the set's name and version all match (and the
 * cached header has the set's current columns; otherwise the whole file is ignored). Rows of
 * other files are kept on {@link #save}, so one cache can serve several folders. Saving writes a
 * temp file and renames it; concurrent processes sharing a cache file: last writer wins.
 */
public final class FeatureCache {
    private static final List<String> KEY_COLUMNS = List.of("path", "size", "mtime_ns", "set", "version");

    /** What identifies a file's content for the cache. */
    public record Key(String path, long size, long mtimeNanos) {
        /** Reads the key of {@code file} from the file system. */
        public static Key of(Path file) throws IOException {
            Path abs = file.toAbsolutePath().normalize();
            BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
            return new Key(abs.toString(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
    }

    private record Entry(long size, long mtimeNanos, double[] values) {}

    private final Path file;
    private final FeatureSet set;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private boolean dirty;

    /** Opens (and reads, when present) the cache of {@code set} in {@code dir}. */
    public FeatureCache(Path dir, FeatureSet set) throws IOException {
        this.set = set;
        this.file = dir.resolve(set.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".cache.csv");
        if (Files.exists(file)) load();
    }

    /** The cache file. */
    public Path file() { return file; }

    /** Number of rows held. */
    public int size() { return entries.size(); }

    private void load() throws IOException {
        List<List<String>> rows;
        try {
            rows = CsvIO.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("cannot read feature cache " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) return;
        List<String> expected = new ArrayList<>(KEY_COLUMNS);
        expected.addAll(set.columns());
        if (!rows.get(0).equals(expected)) return; // other columns: stale, recompute everything
        int nf = set.columns().size();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != expected.size()) continue;
            if (!row.get(3).equals(set.name()) || !row.get(4).equals(set.version())) continue;
            try {
                double[] v = new double[nf];
                for (int i = 0; i < nf; i++) v[i] = Double.parseDouble(row.get(5 + i));
                entries.put(row.get(0), new Entry(Long.parseLong(row.get(1)), Long.parseLong(row.get(2)), v));
            } catch (NumberFormatException e) {
                // a damaged row is just not reused
            }
        }
    }

    /** The cached values for {@code key}, or null when absent or stale. */
    public double[] get(Key key) {
        Entry e = entries.get(key.path());
        if (e == null || e.size() != key.size() || e.mtimeNanos() != key.mtimeNanos()) return null;
        return e.values().clone();
    }

    /** Stores the values of {@code key} (replacing an older row of the same path). */
    public synchronized void put(Key key, double[] values) {
        entries.put(key.path(), new Entry(key.size(), key.mtimeNanos(), values.clone()));
        dirty = true;
    }

    /** Writes the cache (sorted by path) atomically, when anything changed. */
    public synchronized void save() throws IOException {
        if (!dirty && Files.exists(file)) return;
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(KEY_COLUMNS);
        header.addAll(set.columns());
        for (int i = 0; i < header.size(); i++) sb.append(i > 0 ? "," : "").append(CsvIO.quote(header.get(i)));
        sb.append('\n');
        for (Map.Entry<String, Entry> me : new TreeMap<>(entries).entrySet()) {
            Entry e = me.getValue();
            sb.append(CsvIO.quote(me.getKey())).append(',').append(e.size()).append(',').append(e.mtimeNanos())
                    .append(',').append(CsvIO.quote(set.name())).append(',').append(CsvIO.quote(set.version()));
            for (double v : e.values()) sb.append(',').append(Double.toString(v));
            sb.append('\n');
        }
        CsvIO.writeAtomically(file, sb.toString());
        dirty = false;
    }
}
