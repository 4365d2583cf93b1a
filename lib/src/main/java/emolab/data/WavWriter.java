package emolab.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes 16-bit PCM mono WAV files, atomically (temp file, then rename). */
public final class WavWriter {
    private WavWriter() {}

    /**
     * Writes {@code samples} (scaled like int16/32768, clipped to [-1, 32767/32768]) as a 16-bit
     * mono PCM WAV file.
     */
    public static void writePcm16(Path file, double[] samples, int sampleRate) throws IOException {
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0: " + sampleRate);
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        for (double s : samples) {
            long v = Math.round(s * 32768.0);
            if (v > 32767) v = 32767;
            if (v < -32768) v = -32768;
            b.putShort((short) v);
        }
        writeAtomically(file, b.array());
    }

    /** Writes bytes to a temp file beside {@code file}, then renames it into place. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
