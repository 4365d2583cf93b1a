package emolab.notebook;

import emolab.data.DataSource;
import java.util.Locale;

/**
 * Used by the notebook runner before it executes the notebooks: prepares the data source (which
 * may mean generating the embedded corpus, with progress on stderr) and prints it as one JSON line
 * on stdout for the report index.
 */
public final class RunInfo {
    private RunInfo() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        DataSource source = Session.dataSource();
        System.err.printf(Locale.ROOT, "[runinfo] %s (%.1f s)%n", source.description(), (System.nanoTime() - t0) / 1e9);
        System.out.println("{\"kind\":\"" + source.kind() + "\",\"recordings\":" + source.recordings()
                + ",\"root\":\"" + json(source.root().toString()) + "\",\"description\":\"" + json(source.description()) + "\"}");
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
