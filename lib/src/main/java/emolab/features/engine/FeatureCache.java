package emolab.features.engine;

import emolab.features.FeatureSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 *
 * <p>Beside the CSV (the user-visible format) lies a binary sidecar {@code <set name>.cache.bin}
 * holding the same rows as little-endian doubles, so that opening the cache does not parse the
 * CSV's text each time (a notebook opens a feature set several times). It records the CSV's size,
 * modification time and CRC-32C and the set's name, version and columns, and ends with a CRC-32C of
 * its own bytes; it is used only when all of them match the CSV on disk and the set, otherwise the
 * CSV is read as before and the sidecar rewritten (temp file, then rename). The values are the ones
 * the CSV gives back ({@link Double#toString} round-trips exactly), so both paths load the same bits.
 */
public final class FeatureCache {
    private static final List<String> KEY_COLUMNS = List.of("path", "size", "mtime_ns", "crc32c", "set", "version");
    private static final String ROW_CHECK = "row_crc32c";
    /** First bytes of a sidecar; the last two digits are its layout version. */
    private static final byte[] SIDECAR_MAGIC = "EMOLABFC-BIN-01\n".getBytes(StandardCharsets.US_ASCII);

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
    private final Path sidecar;
    private final FeatureSet set;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean dirty;
    private boolean fromSidecar;

    /** Opens (and reads, when present) the cache of {@code set} in {@code dir}; never fails on a damaged cache. */
    public FeatureCache(Path dir, FeatureSet set) {
        this.set = set;
        String base = set.name().replaceAll("[^A-Za-z0-9._-]", "_");
        this.file = dir.resolve(base + ".cache.csv");
        this.sidecar = dir.resolve(base + ".cache.bin");
        if (Files.exists(file)) load();
    }

    /** The cache file. */
    public Path file() { return file; }

    /** The binary sidecar of the cache file (see the class comment); may be absent. */
    public Path sidecar() { return sidecar; }

    /** Whether the rows were read from the sidecar rather than parsed from the CSV. */
    boolean loadedFromSidecar() { return fromSidecar; }

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
        byte[] csv;
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
            csv = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            warn("feature cache " + file + " is unreadable (" + e.getMessage() + "); recomputing every file");
            dirty = true;
            return;
        }
        CsvStamp stamp = new CsvStamp(csv.length, attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), crc32c(csv));
        if (attrs.size() == csv.length && loadSidecar(stamp)) {
            fromSidecar = true;
            return;
        }
        loadCsv(csv);
        if (!dirty && warnings.isEmpty() && attrs.size() == csv.length) writeSidecar(stamp);
    }

    private void loadCsv(byte[] csv) {
        List<List<String>> rows;
        try {
            rows = CsvIO.parse(decode(csv));
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

    /** What a sidecar must match of its CSV: the CSV's length, modification time and CRC-32C. */
    private record CsvStamp(long size, long mtimeNanos, long crc) {}

    private static String decode(byte[] utf8) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(utf8)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("not UTF-8 text: " + e, e); // as Files.readString reports it
        }
    }

    private static long crc32c(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return c.getValue();
    }

    /**
     * Reads the sidecar into {@link #entries} when it belongs to the CSV {@code stamp} describes and
     * to this set (name, version, columns) and is intact; true when it was used. Nothing is taken
     * from a sidecar that fails any check: the caller then reads the CSV.
     */
    private boolean loadSidecar(CsvStamp stamp) {
        byte[] b;
        try {
            if (!Files.isRegularFile(sidecar)) return false;
            b = Files.readAllBytes(sidecar);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        int m = SIDECAR_MAGIC.length;
        if (b.length < m + 8 || !java.util.Arrays.equals(b, 0, m, SIDECAR_MAGIC, 0, m)) return false;
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        CRC32C c = new CRC32C();
        c.update(b, 0, b.length - 8);
        if (c.getValue() != bb.getLong(b.length - 8)) return false;
        bb.limit(b.length - 8).position(m);
        try {
            if (bb.getLong() != stamp.size() || bb.getLong() != stamp.mtimeNanos() || bb.getLong() != stamp.crc()) return false;
            if (!string(bb).equals(set.name()) || !string(bb).equals(set.version())) return false;
            List<String> columns = set.columns();
            int nf = bb.getInt();
            if (nf != columns.size()) return false;
            for (int i = 0; i < nf; i++) if (!string(bb).equals(columns.get(i))) return false;
            int n = bb.getInt();
            if (n < 0) return false;
            Map<String, Entry> read = new java.util.HashMap<>(Math.max(16, n * 2));
            for (int r = 0; r < n; r++) {
                String path = string(bb);
                long size = bb.getLong(), mtime = bb.getLong(), crc = bb.getLong();
                double[] v = new double[nf];
                bb.asDoubleBuffer().get(v);
                bb.position(bb.position() + 8 * nf);
                for (double x : v) if (!Double.isFinite(x)) return false;
                read.put(path, new Entry(size, mtime, crc, v));
            }
            if (bb.hasRemaining()) return false;
            entries.putAll(read);
            return true;
        } catch (RuntimeException e) { // truncated or inconsistent: not ours to trust
            return false;
        }
    }

    private static String string(ByteBuffer bb) {
        int n = bb.getInt();
        if (n < 0 || n > bb.remaining()) throw new IllegalArgumentException("bad string length " + n);
        String s = new String(bb.array(), bb.position(), n, StandardCharsets.UTF_8);
        bb.position(bb.position() + n);
        return s;
    }

    /**
     * Writes the sidecar of the current entries for the CSV {@code stamp} describes, atomically. A
     * sidecar that cannot be written (a read-only folder) only costs speed: the CSV is read next time.
     */
    private void writeSidecar(CsvStamp stamp) {
        List<String> columns = set.columns();
        List<byte[]> strings = new ArrayList<>();
        byte[] name = set.name().getBytes(StandardCharsets.UTF_8), version = set.version().getBytes(StandardCharsets.UTF_8);
        long bytes = SIDECAR_MAGIC.length + 3 * 8 + 4 + name.length + 4 + version.length + 4 + 4 + 8;
        for (String col : columns) {
            byte[] cb = col.getBytes(StandardCharsets.UTF_8);
            strings.add(cb);
            bytes += 4 + cb.length;
        }
        TreeMap<String, Entry> sorted = new TreeMap<>(entries);
        List<byte[]> paths = new ArrayList<>(sorted.size());
        for (String p : sorted.keySet()) {
            byte[] pb = p.getBytes(StandardCharsets.UTF_8);
            paths.add(pb);
            bytes += 4 + pb.length + 3 * 8 + 8L * columns.size();
        }
        if (bytes > Integer.MAX_VALUE - 16) return; // too large for one array: the CSV serves
        ByteBuffer bb = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(SIDECAR_MAGIC).putLong(stamp.size()).putLong(stamp.mtimeNanos()).putLong(stamp.crc());
        bb.putInt(name.length).put(name).putInt(version.length).put(version).putInt(columns.size());
        for (byte[] cb : strings) bb.putInt(cb.length).put(cb);
        bb.putInt(sorted.size());
        int i = 0;
        for (Entry e : sorted.values()) {
            byte[] pb = paths.get(i++);
            bb.putInt(pb.length).put(pb).putLong(e.size()).putLong(e.mtimeNanos()).putLong(e.crc());
            bb.asDoubleBuffer().put(e.values());
            bb.position(bb.position() + 8 * e.values().length);
        }
        CRC32C c = new CRC32C();
        c.update(bb.array(), 0, bb.position());
        bb.putLong(c.getValue());
        try {
            CsvIO.writeAtomically(sidecar, bb.array());
        } catch (IOException | RuntimeException e) {
            // only speed is lost; the CSV stays the cache
        }
    }

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
        byte[] csv = sb.toString().getBytes(StandardCharsets.UTF_8);
        CsvIO.writeAtomically(file, csv);
        dirty = false;
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        // another process may have replaced the file since the rename: the CRC read back at load time catches that
        if (a.size() == csv.length) writeSidecar(new CsvStamp(csv.length, a.lastModifiedTime().to(TimeUnit.NANOSECONDS), crc32c(csv)));
    }
}
