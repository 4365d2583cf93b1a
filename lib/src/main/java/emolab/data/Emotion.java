package emolab.data;

/** The eight RAVDESS emotions, with their file-name codes (01..08). */
public enum Emotion {
    NEUTRAL(1), CALM(2), HAPPY(3), SAD(4), ANGRY(5), FEARFUL(6), DISGUST(7), SURPRISED(8);

    private final int code;

    Emotion(int code) { this.code = code; }

    /** The two-digit code used in RAVDESS file names. */
    public int code() { return code; }

    /** Lower-case label as used by the course tables ("neutral", "calm", ...). */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Emotion fromCode(int code) {
        for (Emotion e : values()) if (e.code == code) return e;
        throw new IllegalArgumentException("emotion code must be 01..08, got " + code);
    }
}
