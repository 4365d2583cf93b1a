package emolab.notebook;

import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw {@link Table} as a compact HTML table for notebooks and reports. */
public final class HtmlTables {
    /** Tables longer than this show their head and tail only. */
    public static final int MAX_ROWS = 20;

    private HtmlTables() {}

    public static String toHtml(Table table) {
        return toHtml(table, MAX_ROWS);
    }

    /** HTML for {@code table}, showing at most {@code maxRows} rows (head and tail around an ellipsis). */
    public static String toHtml(Table table, int maxRows) {
        int n = table.rowCount();
        int head = n <= maxRows ? n : maxRows - 5;
        int tail = n <= maxRows ? 0 : 5;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<div class=\"emolab-table\">");
        String name = table.name();
        sb.append("<div style=\"font-size:90%;color:#555\">");
        if (name != null && !name.isBlank()) sb.append("<b>").append(escape(name)).append("</b> · ");
        sb.append(n).append(" rows × ").append(table.columnCount()).append(" columns</div>");
        sb.append("<table border=\"1\" class=\"dataframe\" style=\"border-collapse:collapse;font-size:85%\"><thead><tr>");
        for (Column<?> c : table.columns()) sb.append("<th>").append(escape(c.name())).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < head; r++) row(sb, table, r);
        if (tail > 0) {
            sb.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) sb.append("<td style=\"text-align:center\">…</td>");
            sb.append("</tr>");
            for (int r = n - tail; r < n; r++) row(sb, table, r);
        }
        sb.append("</tbody></table></div>");
        return sb.toString();
    }

    private static void row(StringBuilder sb, Table t, int r) {
        sb.append("<tr>");
        for (Column<?> c : t.columns()) {
            Object v = c.isMissing(r) ? null : c.get(r);
            boolean numeric = v instanceof Number;
            sb.append(numeric ? "<td style=\"text-align:right\">" : "<td>").append(escape(format(v))).append("</td>");
        }
        sb.append("</tr>");
    }

    static String format(Object v) {
        if (v == null) return "";
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) return "NaN";
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%.0f", d);
            double a = Math.abs(d);
            if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.4g", d);
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return v.toString();
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
