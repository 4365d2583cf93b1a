package emolab.features.engine;

import emolab.features.FeatureSet;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.CRC32C;

/**
 * CSV cache of feature rows for one feature set: {@code <dir>/<set name>.cache.csv}, columns
 * {@code path,size,mtime_ns,crc32c,set,version,<feature columns>,row_crc32c}. A row is reused only
 * when the file's absolute path, size, modification time and content checksum (CRC-32C of the
 * whole file) and the set's name and version all match, so a file rewritten with the same size and
 * time stamp is still noticed. The last column is a CRC-32C of the row's own text: a damaged row
 * (wrong cell count, a cell that is not a number, a NaN or infinite value, a checksum mismatch)
 * or an unreadable cache file is never used: it is reported in {@link #warnings()} and the files
 * concerned are recomputed. A cache with other columns (another set version) is ignored. Rows of
 * other files are kept on {@link #save}, so one cache can serve several folders. Saving writes a
 * temp file and renames it, so a killed process leaves the previous cache intact; concurrent
 * processes sharing a cache file: last writer wins.
 */
public final class FeatureCache {
    private static final List<String> KEY_COLUMNS = List.of("path", "size", "mtime_ns", "crc32c", "set", "version");
    private static final String ROW_CHECK = "row_crc32c";

    /** What identifies a file's content for the cache. */
    public record Key(String path, long size, long mtimeNanos, long crc) {
        /** Reads the key of {@code file}: attributes from the file system, checksum from its bytes. */
        public static Key of(Path file) throws IOException {
            Path abs = file.toAbsolutePath().normalize();
            BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
            return new Key(abs.toString(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), crc(abs));
        }

        /** The key of {@code file} whose bytes are already in memory (attributes read first by the caller). */
        static Key of(Path file, BasicFileAttributes a, byte[] bytes) {
            CRC32C c = new CRC32C();
            c.update(bytes);
            return new Key(file.toAbsolutePath().normalize().toString(), a.size(),
                    a.lastModifiedTime().to(TimeUnit.NANOSECONDS), c.getValue());
        }

        private static long crc(Path file) throws IOException {
            CRC32C c = new CRC32C();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) c.update(buf, 0, n);
            }
            return c.getValue();
        }
    }

    private record Entry(long size, long mtimeNanos, long crc, double[] values) {}

    private final Path file;
    private final FeatureSet set;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean dirty;

    /** Opens (and reads, when present) the cache of {@code set} in {@code dir}; never fails on a damaged cache. */
    public FeatureCache(Path dir, FeatureSet set) {
        this.set = set;
        this.file = dir.resolve(set.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".cache.csv");
        if (Files.exists(file)) load();
    }

    /** The cache file. */
    public Path file() { return file; }

    /** Number of rows held. */
    public int size() { return entries.size(); }

    /** Problems met while reading the cache (damaged rows or file), each naming the cache file and row. */
    public synchronized List<String> warnings() { return List.copyOf(warnings); }

    private List<String> header() {
        List<String> h = new ArrayList<>(KEY_COLUMNS);
        h.addAll(set.columns());
        h.add(ROW_CHECK);
        return h;
    }

    private void load() {
        List<List<String>> rows;
        try {
            rows = CsvIO.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            warn("feature cache " + file + " is unreadable (" + e.getMessage() + "); recomputing every file");
            dirty = true;
            return;
        }
        if (rows.isEmpty()) return;
        List<String> expected = header();
        if (!rows.get(0).equals(expected)) {
            dirty = true; // other columns: another set version or an older layout; recompute everything
            return;
        }
        int nf = set.columns().size();
        int damaged = 0;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String problem = null;
            if (row.size() != expected.size()) problem = row.size() + " cells, expected " + expected.size();
            else if (!Long.toHexString(rowCrc(row.subList(0, row.size() - 1))).equals(row.get(row.size() - 1)))
                problem = "checksum mismatch";
            if (problem == null && (!row.get(4).equals(set.name()) || !row.get(5).equals(set.version()))) continue;
            if (problem == null) {
                try {
                    double[] v = new double[nf];
                    for (int i = 0; i < nf; i++) {
                        v[i] = Double.parseDouble(row.get(6 + i));
                        if (!Double.isFinite(v[i])) throw new NumberFormatException("column " + set.columns().get(i) + " is " + v[i]);
                    }
                    entries.put(row.get(0), new Entry(Long.parseLong(row.get(1)), Long.parseLong(row.get(2)),
                            Long.parseUnsignedLong(row.get(3), 16), v));
                } catch (NumberFormatException e) {
                    problem = "bad value: " + e.getMessage();
                }
            }
            if (problem != null) {
                damaged++;
                dirty = true;
                if (damaged <= 5)
                    warn("feature cache " + file + " row " + (r + 1) + " is damaged (" + problem + "); that file is recomputed");
            }
        }
        if (damaged > 5) warn("feature cache " + file + ": " + damaged + " damaged rows in all, recomputed");
    }

    private synchronized void warn(String w) { warnings.add(w); }

    private static long rowCrc(List<String> cells) {
        CRC32C c = new CRC32C();
        c.update(String.join(",", cells).getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    /** The cached values for {@code key}, or null when absent or stale. */
    public double[] get(Key key) {
        Entry e = entries.get(key.path());
        if (e == null || e.size() != key.size() || e.mtimeNanos() != key.mtimeNanos() || e.crc() != key.crc()) return null;
        return e.values().clone();
    }

    /** Stores the values of {@code key} (replacing an older row of the same path). */
    public synchronized void put(Key key, double[] values) {
        entries.put(key.path(), new Entry(key.size(), key.mtimeNanos(), key.crc(), values.clone()));
        dirty = true;
    }

    /** Writes the cache (sorted by path) atomically, when anything changed. */
    public synchronized void save() throws IOException {
        if (!dirty && Files.exists(file)) return;
        StringBuilder sb = new StringBuilder();
        List<String> header = header();
        for (int i = 0; i < header.size(); i++) sb.append(i > 0 ? "," : "").append(CsvIO.quote(header.get(i)));
        sb.append('\n');
        List<String> cells = new ArrayList<>();
        for (Map.Entry<String, Entry> me : new TreeMap<>(entries).entrySet()) {
            Entry e = me.getValue();
            cells.clear();
            cells.add(me.getKey());
            cells.add(Long.toString(e.size()));
            cells.add(Long.toString(e.mtimeNanos()));
            cells.add(Long.toHexString(e.crc()));
            cells.add(set.name());
            cells.add(set.version());
            for (double v : e.values()) cells.add(Double.toString(v));
            for (String c : cells) sb.append(CsvIO.quote(c)).append(',');
            sb.append(Long.toHexString(rowCrc(cells))).append('\n');
        }
        CsvIO.writeAtomically(file, sb.toString());
        dirty = false;
    }
}
