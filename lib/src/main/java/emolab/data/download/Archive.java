package emolab.data.download;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One downloadable RAVDESS zip with its published size and MD5.
 *
 * @param fileName file name on the server (resolved against the downloader's base URI); a plain
 *                 name, no slashes
 * @param size     expected size in bytes (&gt; 0)
 * @param md5      expected MD5 as 32 hex digits (stored lower-case)
 */
public record Archive(String fileName, long size, String md5) {

    // Before the constants below: static initialisers run in order.
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /** Speech recordings of all 24 actors (Zenodo record 1188976). */
    public static final Archive SPEECH =
            new Archive("Audio_Speech_Actors_01-24.zip", 208_468_073L, "bc696df654c87fed845eb13823edef8a");

    /** Song recordings of actors 01..24 (actor 18 has none) (Zenodo record 1188976). */
    public static final Archive SONG =
            new Archive("Audio_Song_Actors_01-24.zip", 225_505_317L, "5411230427d67a21e18aa4d466e6d1b9");

    /** Both audio archives: speech, then song. */
    public static final List<Archive> ALL = List.of(SPEECH, SONG);

    public Archive {
        if (fileName == null || !NAME.matcher(fileName).matches() || fileName.startsWith("."))
            throw new IllegalArgumentException("Archive fileName must be a plain file name of letters, digits, '.', '_' or '-'"
                    + " (not starting with '.'), got " + (fileName == null ? "null" : "'" + fileName + "'"));
        if (size <= 0)
            throw new IllegalArgumentException("Archive " + fileName + ": size must be > 0 bytes, got " + size);
        if (md5 == null || !MD5.matcher(md5.toLowerCase(Locale.ROOT)).matches())
            throw new IllegalArgumentException("Archive " + fileName + ": md5 must be 32 hex digits, got "
                    + (md5 == null ? "null" : "'" + md5 + "'"));
        md5 = md5.toLowerCase(Locale.ROOT);
    }
}
