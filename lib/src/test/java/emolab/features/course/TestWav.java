package emolab.features.course;

import emolab.data.Audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Minimal 16-bit PCM WAV reader for tests (channels averaged, int16/32768). */
final class TestWav {
    private TestWav() {}

    static Audio read(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        int channels = 0, rate = 0, bits = 0;
        while (b.remaining() >= 8) {
            byte[] id = new byte[4];
            b.get(id);
            int size = b.getInt();
            String s = new String(id, java.nio.charset.StandardCharsets.US_ASCII);
            if (s.equals("fmt ")) {
                int start = b.position();
                b.getShort();
                channels = b.getShort();
                rate = b.getInt();
                b.getInt();
                b.getShort();
                bits = b.getShort();
                b.position(start + size + (size & 1));
            } else if (s.equals("data")) {
                int frames = Math.min(size, b.remaining()) / (2 * channels);
                double[] x = new double[frames];
                for (int i = 0; i < frames; i++) {
                    double acc = 0;
                    for (int c = 0; c < channels; c++) acc += b.getShort() / 32768.0;
                    x[i] = acc / channels;
                }
                return new Audio(x, rate, channels, bits, p.getFileName().toString());
            } else {
                b.position(b.position() + size + (size & 1));
            }
        }
        throw new IOException("no data chunk in " + p);
    }
}
