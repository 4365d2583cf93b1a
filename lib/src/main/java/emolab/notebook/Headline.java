package emolab.notebook;

/**
 * A notebook's headline result, one line computed from the run (for example "best held-out
 * macro-F1 0.62 (SVM-RBF)"). Displayed as a highlighted line in the report and marked with the
 * mime type {@link #MIME} so the notebook runner can put it in the report index. Made by
 * {@link Session#headline(String)}.
 */
public record Headline(String text) {
    /** The mime type of the marked output the runner looks for. */
    public static final String MIME = "text/vnd.emolab.headline";

    public Headline {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a headline needs text");
        text = text.strip().replaceAll("\\s+", " ");
    }

    /** The visible form in the report. */
    public String html() {
        return "<p class=\"emolab-headline\" style=\"border-left:4px solid #2e7d32;background:#edf7ed;padding:6px 10px\">"
                + "<b>Headline:</b> " + HtmlTables.escape(text) + "</p>";
    }
}
