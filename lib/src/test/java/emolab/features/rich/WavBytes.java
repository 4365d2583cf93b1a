package emolab.features.rich;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test WAV files in several sample formats (interleaved channels). */
final class WavBytes {
    private WavBytes() {}

    enum Format { PCM8, PCM16, PCM24, FLOAT32 }

    static Path write(Path file, int sampleRate, Format fmt, double[]... channels) throws IOException {
        int ch = channels.length, n = channels[0].length;
        int bits = switch (fmt) { case PCM8 -> 8; case PCM16 -> 16; case PCM24 -> 24; case FLOAT32 -> 32; };
        int bps = bits / 8, data = n * ch * bps;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) (fmt == Format.FLOAT32 ? 3 : 1)).putShort((short) ch)
                .putInt(sampleRate).putInt(sampleRate * ch * bps).putShort((short) (ch * bps)).putShort((short) bits);
        b.put("data".getBytes()).putInt(data);
        for (int i = 0; i < n; i++) {
            for (double[] c : channels) {
                double v = Math.max(-1, Math.min(1 - 1e-9, c[i]));
                switch (fmt) {
                    case PCM8 -> b.put((byte) (Math.round(v * 128) + 128));
                    case PCM16 -> b.putShort((short) Math.round(v * 32768));
                    case PCM24 -> {
                        int s = (int) Math.round(v * 8388608);
                        b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                    }
                    case FLOAT32 -> b.putFloat((float) v);
                }
            }
        }
        Files.write(file, b.array());
        return file;
    }
}
