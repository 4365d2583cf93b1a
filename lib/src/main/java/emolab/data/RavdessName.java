package emolab.data;

import java.util.Locale;

/**
 * The seven fields of a RAVDESS file name {@code MM-VV-EE-II-SS-RR-AA.wav}.
 *
 * <p>modality (01 full-AV, 02 video-only, 03 audio-only), vocal channel (01 speech, 02 song),
 * emotion (01..08), intensity (01 normal, 02 strong; neutral has no strong), statement
 * (01 "Kids are talking by the door", 02 "Dogs are sitting by the door"), repetition (01, 02),
 * actor (01..24; odd male, even female).
 */
public record RavdessName(int modality, VocalChannel vocalChannel, Emotion emotion, Intensity intensity,
                          int statement, int repetition, int actor) {

    public enum VocalChannel {
        SPEECH(1), SONG(2);
        private final int code;
        VocalChannel(int code) { this.code = code; }
        public int code() { return code; }
        public String label() { return name().toLowerCase(Locale.ROOT); }
        public static VocalChannel fromCode(int c) {
            for (VocalChannel v : values()) if (v.code == c) return v;
            throw new IllegalArgumentException("vocal channel code must be 01 (speech) or 02 (song), got " + c);
        }
    }

    public enum Intensity {
        NORMAL(1), STRONG(2);
        private final int code;
        Intensity(int code) { this.code = code; }
        public int code() { return code; }
        public String label() { return name().toLowerCase(Locale.ROOT); }
        public static Intensity fromCode(int c) {
            for (Intensity v : values()) if (v.code == c) return v;
            throw new IllegalArgumentException("intensity code must be 01 (normal) or 02 (strong), got " + c);
        }
    }

    public enum Sex {
        MALE, FEMALE;
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    private static final String[] FIELD_NAMES =
            {"modality", "vocal channel", "emotion", "intensity", "statement", "repetition", "actor"};

    public RavdessName {
        String where = "RAVDESS name fields";
        if (modality < 1 || modality > 3) throw new IllegalArgumentException(where + ": modality must be 01..03, got " + modality);
        if (vocalChannel == null || emotion == null || intensity == null)
            throw new IllegalArgumentException(where + ": vocal channel, emotion and intensity are required");
        if (statement < 1 || statement > 2) throw new IllegalArgumentException(where + ": statement must be 01 or 02, got " + statement);
        if (repetition < 1 || repetition > 2) throw new IllegalArgumentException(where + ": repetition must be 01 or 02, got " + repetition);
        if (actor < 1 || actor > 24) throw new IllegalArgumentException(where + ": actor must be 01..24, got " + actor);
        if (emotion == Emotion.NEUTRAL && intensity == Intensity.STRONG)
            throw new IllegalArgumentException(where + ": neutral has no strong intensity (intensity 02 with emotion 01)");
    }

    /** Sex of the actor: odd actors are male, even ones female. */
    public Sex sex() {
        return actor % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The file name, e.g. {@code 03-01-05-02-01-02-19.wav}. */
    public String fileName() {
        return String.format(Locale.ROOT, "%02d-%02d-%02d-%02d-%02d-%02d-%02d.wav", modality, vocalChannel.code(),
                emotion.code(), intensity.code(), statement, repetition, actor);
    }

    /** The folder RAVDESS puts this file in, e.g. {@code Actor_19}. */
    public String actorFolder() {
        return String.format(Locale.ROOT, "Actor_%02d", actor);
    }

    @Override
    public String toString() {
        return fileName();
    }

    /**
     * Parses a RAVDESS file name (a bare name or a path; the {@code .wav} extension is optional,
     * any case). Errors quote the name and name the bad field.
     */
    public static RavdessName parse(String nameOrPath) {
        if (nameOrPath == null) throw new IllegalArgumentException("RAVDESS file name is null");
        String name = nameOrPath.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".wav") ? name.substring(0, name.length() - 4) : name;
        String[] parts = stem.split("-", -1);
        if (parts.length != 7)
            throw new IllegalArgumentException("'" + name + "' is not a RAVDESS name: expected 7 fields MM-VV-EE-II-SS-RR-AA, found " + parts.length);
        int[] v = new int[7];
        for (int i = 0; i < 7; i++) {
            String p = parts[i];
            if (p.length() != 2 || !isAsciiDigit(p.charAt(0)) || !isAsciiDigit(p.charAt(1)))
                throw new IllegalArgumentException("'" + name + "': field " + (i + 1) + " (" + FIELD_NAMES[i]
                        + ") must be two digits, got '" + p + "'");
            v[i] = Integer.parseInt(p);
        }
        try {
            checkRange(name, 0, v[0], 1, 3);
            checkRange(name, 1, v[1], 1, 2);
            checkRange(name, 2, v[2], 1, 8);
            checkRange(name, 3, v[3], 1, 2);
            checkRange(name, 4, v[4], 1, 2);
            checkRange(name, 5, v[5], 1, 2);
            checkRange(name, 6, v[6], 1, 24);
            if (v[2] == 1 && v[3] == 2)
                throw new IllegalArgumentException("'" + name + "': field 4 (intensity) is 02 (strong) but emotion is 01 (neutral), which has no strong intensity");
            return new RavdessName(v[0], VocalChannel.fromCode(v[1]), Emotion.fromCode(v[2]), Intensity.fromCode(v[3]),
                    v[4], v[5], v[6]);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("'")) throw e;
            throw new IllegalArgumentException("'" + name + "': " + e.getMessage(), e);
        }
    }

    /** True when {@link #parse} would accept the name. */
    public static boolean isValid(String nameOrPath) {
        try {
            parse(nameOrPath);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Only '0'..'9': {@link Character#isDigit} would also accept e.g. Arabic-Indic digits. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void checkRange(String name, int field, int value, int lo, int hi) {
        if (value < lo || value > hi)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "'%s': field %d (%s) must be %02d..%02d, got %02d",
                    name, field + 1, FIELD_NAMES[field], lo, hi, value));
    }
}
