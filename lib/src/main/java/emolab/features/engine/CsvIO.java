package emolab.features.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Minimal RFC-4180 CSV helpers: doubles written with {@link Double#toString} (exact round trip),
 * fields quoted when needed, files written atomically (temp file beside the target, then rename).
 */
public final class CsvIO {
    private CsvIO() {}

    /** Quotes a field when it contains a comma, quote, CR or LF. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Splits a CSV text into records of fields (handles quoted fields with embedded commas/newlines). */
    public static List<List<String>> parse(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean inQuotes = false, any = false;
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            int c;
            while ((c = r.read()) >= 0) {
                char ch = (char) c;
                any = true;
                if (inQuotes) {
                    if (ch == '"') {
                        r.mark(1);
                        int n = r.read();
                        if (n == '"') f.append('"');
                        else {
                            inQuotes = false;
                            if (n >= 0) r.reset();
                        }
                    } else f.append(ch);
                } else if (ch == '"') {
                    inQuotes = true;
                } else if (ch == ',') {
                    row.add(f.toString());
                    f.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        r.mark(1);
                        if (r.read() != '\n') r.reset();
                    }
                    row.add(f.toString());
                    f.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    any = false;
                } else f.append(ch);
            }
        }
        if (inQuotes) throw new IOException("unterminated quoted field at end of CSV");
        if (any) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * Fault injection for tests only: when this system property holds a number of milliseconds,
     * {@link #writeAtomically} writes half of the bytes, flushes them to the temp file and pauses that
     * long before finishing, so a test can kill the process in the middle of a write.
     */
    public static final String PAUSE_PROPERTY = "emolab.faultInjection.pauseWritingMs";

    /** Temp files of an interrupted write older than this are removed by the next write of the same file. */
    static final long STALE_TEMP_MILLIS = 60_000;

    /**
     * Writes {@code text} to {@code file} atomically: a temp file {@code .<name><digits>.tmp} in the
     * same folder, then a rename, so readers see the old file or the new one, never a part. A process
     * killed mid-write leaves only such a hidden temp file; the next write of the same file removes
     * those older than a minute.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #writeAtomically(Path, String)} for binary content: {@code bytes} go to a temp file in
     * the same folder, then a rename (with the fault injection: half the bytes, a pause, the rest).
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        removeStaleTemps(dir, abs.getFileName().toString());
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                String pause = System.getProperty(PAUSE_PROPERTY);
                int half = pause != null ? bytes.length / 2 : bytes.length;
                out.write(bytes, 0, half);
                if (pause != null) {
                    out.flush();
                    pause(pause, file);
                }
                out.write(bytes, half, bytes.length - half);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void pause(String millis, Path file) throws IOException {
        try {
            Thread.sleep(Long.parseLong(millis.trim()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + file, e);
        }
    }

    private static void removeStaleTemps(Path dir, String name) {
        String prefix = "." + name;
        long now = System.currentTimeMillis();
        try (var s = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp") && n.substring(prefix.length(), n.length() - 4).matches("-?[0-9]+");
        })) {
            for (Path p : s) {
                try {
                    if (now - Files.getLastModifiedTime(p).toMillis() > STALE_TEMP_MILLIS) Files.deleteIfExists(p);
                } catch (IOException e) {
                    // another writer's file, or gone already: leave it
                }
            }
        } catch (IOException e) {
            // cannot list the folder: writing will report the real problem
        }
    }

    /** Renders a table as CSV text (header line, then rows; doubles via {@link Double#toString}). */
    public static String toCsv(Table t) {
        StringBuilder sb = new StringBuilder();
        List<Column<?>> cols = t.columns();
        for (int c = 0; c < cols.size(); c++) {
            if (c > 0) sb.append(',');
            sb.append(quote(cols.get(c).name()));
        }
        sb.append('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) sb.append(',');
                Column<?> col = cols.get(c);
                if (col.isMissing(r)) continue;
                if (col.type() == ColumnType.DOUBLE) sb.append(Double.toString(((DoubleColumn) col).getDouble(r)));
                else sb.append(quote(String.valueOf(col.get(r))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes a table as CSV, atomically. */
    public static void write(Table t, Path file) throws IOException {
        writeAtomically(file, toCsv(t));
    }
}
