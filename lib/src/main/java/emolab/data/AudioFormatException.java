package emolab.data;

import java.io.IOException;

/**
 * A file that is not a WAV file this library can decode (wrong magic, missing chunk, truncated
 * data, unsupported codec). The message is {@code "<source>: <reason>"}.
 */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String reason;

    public AudioFormatException(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
        this.reason = reason;
    }

    /** The file name or description the error is about. */
    public String source() { return source; }

    /** The reason alone, without the source. */
    public String reason() { return reason; }
}
