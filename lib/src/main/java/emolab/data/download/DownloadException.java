package emolab.data.download;

import java.io.IOException;

/** A download, verification or extraction failure; the message names the file involved. */
public class DownloadException extends IOException {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
