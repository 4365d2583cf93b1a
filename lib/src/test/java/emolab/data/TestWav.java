package emolab.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte for tests (any chunk layout, including broken ones). */
final class TestWav {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private String magic = "RIFF";
    private String form = "WAVE";
    private Integer riffSize; // null = correct

    static TestWav create() { return new TestWav(); }

    TestWav magic(String m) { this.magic = m; return this; }

    TestWav form(String f) { this.form = f; return this; }

    TestWav riffSize(int s) { this.riffSize = s; return this; }

    /** A plain 16-byte fmt chunk. */
    TestWav fmt(int code, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer b = le(16).putShort((short) code).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk whose sub-format GUID starts with {@code subCode}. */
    TestWav fmtExtensible(int subCode, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer b = le(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4)
                .putShort((short) subCode)
                // rest of KSDATAFORMAT_SUBTYPE_xxx: -0000-0010-8000-00aa00389b71
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    TestWav data(byte[] samples) { return chunk("data", samples); }

    /** A data chunk whose header declares {@code declared} bytes, followed by {@code actual}. */
    TestWav dataDeclaring(long declared, byte[] actual) {
        raw(ascii("data"));
        raw(le(4).putInt((int) declared).array());
        return raw(actual);
    }

    /** Any chunk, with a pad byte after an odd-sized body. */
    TestWav chunk(String id, byte[] content) {
        raw(ascii(id));
        raw(le(4).putInt(content.length).array());
        raw(content);
        if ((content.length & 1) == 1) body.write(0);
        return this;
    }

    TestWav raw(byte[] b) { body.writeBytes(b); return this; }

    byte[] bytes() {
        byte[] content = body.toByteArray();
        ByteBuffer b = le(12 + content.length);
        b.put(ascii(magic)).putInt(riffSize != null ? riffSize : 4 + content.length).put(ascii(form)).put(content);
        return b.array();
    }

    static ByteBuffer le(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }

    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    static byte[] shorts(int... v) {
        ByteBuffer b = le(v.length * 2);
        for (int x : v) b.putShort((short) x);
        return b.array();
    }

    static byte[] ints(int... v) {
        ByteBuffer b = le(v.length * 4);
        for (int x : v) b.putInt(x);
        return b.array();
    }

    static byte[] int24(int... v) {
        byte[] out = new byte[v.length * 3];
        for (int i = 0; i < v.length; i++) {
            out[3 * i] = (byte) v[i];
            out[3 * i + 1] = (byte) (v[i] >> 8);
            out[3 * i + 2] = (byte) (v[i] >> 16);
        }
        return out;
    }

    static byte[] floats(float... v) {
        ByteBuffer b = le(v.length * 4);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    static byte[] doubles(double... v) {
        ByteBuffer b = le(v.length * 8);
        for (double x : v) b.putDouble(x);
        return b.array();
    }

    static byte[] unsigned8(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (byte) v[i];
        return out;
    }

    private TestWav() {}
}
