package emolab.notebook;

/** An HTML fragment that notebooks display as rich output (e.g. a short summary or a note box). */
public record Html(String html) {
    public Html {
        if (html == null) throw new IllegalArgumentException("html is null");
    }

    /** A paragraph of escaped text. */
    public static Html text(String text) {
        return new Html("<p>" + HtmlTables.escape(text) + "</p>");
    }

    /** A highlighted note box (used, e.g., to label synthetic data in every report). */
    public static Html note(String text) {
        return new Html("<div style=\"border-left:4px solid #d9822b;background:#fff4e5;padding:6px 10px;margin:6px 0\">"
                + HtmlTables.escape(text) + "</div>");
    }
}
