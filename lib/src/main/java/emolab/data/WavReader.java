package emolab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Reads RIFF/WAVE files into {@link Audio} (mono, channels averaged) without javax.sound.
 *
 * <p>Supported: PCM 8-bit (unsigned, {@code (v-128)/128}), 16-bit ({@code v/32768}), 24-bit
 * ({@code v/8388608}), 32-bit integer ({@code v/2147483648}); IEEE float 32/64 (as is);
 * WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format; any channel count and sample rate.
 * Unknown chunks are skipped (odd sizes padded). A data chunk size of 0 or 0xFFFFFFFF (streaming
 * writers) means "to end of file"; a data chunk declaring more bytes than present is rejected as
 * truncated. RF64 files are read like RIFF ones: the 64-bit sizes in {@code ds64} are ignored, so a
 * data size of 0xFFFFFFFF means "to end of file". All format problems are reported as {@link AudioFormatException} naming the file.
 *
 * <p>Robustness (fuzz-tested by {@code WavFuzzTest}): no size field is trusted for allocation.
 * Every buffer is sized from the bytes actually present: {@link #read(Path)} allocates the file's
 * length once plus one {@code double} per complete frame present in it, and
 * {@link #readHeader(Path)} at most {@value #HEADER_PROBE} bytes at a time. A chunk claiming more
 * bytes than the file holds (e.g. 4 GB in a 1 KB file) is reported as truncated before anything is
 * decoded. Sample rates outside {@value #MIN_RATE}..{@value #MAX_RATE} Hz and NaN/infinite float
 * samples are rejected by name.
 */
public final class WavReader {
    /** WAVE_FORMAT_PCM. */
    public static final int FORMAT_PCM = 0x0001;
    /** WAVE_FORMAT_IEEE_FLOAT. */
    public static final int FORMAT_IEEE_FLOAT = 0x0003;
    /** WAVE_FORMAT_EXTENSIBLE (the real code is in the sub-format GUID). */
    public static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private static final long STREAMING_SIZE = 0xFFFFFFFFL;
    /** Lowest sample rate accepted (Hz); lower rates are header damage, not audio. */
    public static final int MIN_RATE = 1000;
    /** Highest sample rate accepted (Hz). */
    public static final int MAX_RATE = 768000;
    /** How much of a file {@link #readHeader(Path)} reads at a time while looking for chunks. */
    private static final int HEADER_PROBE = 4096;

    private WavReader() {}

    /**
     * What a WAV header says, without the samples.
     *
     * @param formatCode    effective format code (for EXTENSIBLE: the sub-format's), e.g. 1 PCM, 3 float
     * @param channels      channel count
     * @param sampleRate    samples per second per channel
     * @param bitsPerSample bits per sample (container size)
     * @param frames        number of complete frames in the data chunk
     * @param dataOffset    byte offset of the first sample in the file
     * @param dataBytes     bytes of sample data used (frames * channels * bytes per sample)
     * @param source        file name or description, for messages
     */
    public record Header(int formatCode, int channels, int sampleRate, int bitsPerSample, long frames,
                         long dataOffset, long dataBytes, String source) {
        /** Bytes per frame (all channels). */
        public int frameBytes() { return channels * (bitsPerSample / 8); }

        /** Duration in seconds. */
        public double durationSeconds() { return frames / (double) sampleRate; }
    }

    // ------------------------------------------------------------------ public API

    /** Reads and decodes a WAV file (read in one go). */
    public static Audio read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Reads and decodes a WAV stream to its end; {@code sourceName} is used in messages. */
    public static Audio read(InputStream in, String sourceName) throws IOException {
        return read(in.readAllBytes(), sourceName);
    }

    /** Decodes a complete WAV file held in memory; {@code sourceName} is used in messages. */
    public static Audio read(byte[] bytes, String sourceName) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Header h = parse(new ArraySource(buf), sourceName);
        return new Audio(decode(buf, h), h.sampleRate(), h.channels(), h.bitsPerSample(), sourceName);
    }

    private static AudioFormatException nonFinite(Header h, int frame, double v) {
        return new AudioFormatException(h.source(), "IEEE float sample " + v + " at frame " + frame
                + " (only finite samples are audio)");
    }

    /** Reads only the header of a WAV file (fast: touches just the chunk headers). */
    public static Header readHeader(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return parse(new ChannelSource(ch), file.toString());
        }
    }

    /** Parses the header of a WAV file held in memory. */
    public static Header readHeader(byte[] bytes, String sourceName) throws IOException {
        return parse(new ArraySource(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)), sourceName);
    }

    // ------------------------------------------------------------------ parsing

    /** Random access to the bytes of a file. */
    private interface Source {
        long size() throws IOException;

        /** Up to {@code len} bytes at {@code pos} (fewer at end of file), little-endian, position 0. */
        ByteBuffer read(long pos, int len) throws IOException;
    }

    private record ArraySource(ByteBuffer buf) implements Source {
        public long size() { return buf.capacity(); }

        public ByteBuffer read(long pos, int len) {
            int p = (int) Math.min(pos, buf.capacity());
            int n = Math.min(len, buf.capacity() - p);
            return buf.slice(p, n).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static final class ChannelSource implements Source {
        private final FileChannel ch;
        private ByteBuffer cache; // a window of the file starting at cachePos
        private long cachePos = -1;

        ChannelSource(FileChannel ch) { this.ch = ch; }

        public long size() throws IOException { return ch.size(); }

        public ByteBuffer read(long pos, int len) throws IOException {
            if (cache != null && pos >= cachePos && pos + len <= cachePos + cache.limit()) {
                return cache.slice((int) (pos - cachePos), len).order(ByteOrder.LITTLE_ENDIAN);
            }
            ByteBuffer b = ByteBuffer.allocate(Math.max(len, HEADER_PROBE)).order(ByteOrder.LITTLE_ENDIAN);
            long p = pos;
            while (b.hasRemaining()) {
                int n = ch.read(b, p);
                if (n < 0) break;
                p += n;
            }
            b.flip();
            cache = b;
            cachePos = pos;
            return b.slice(0, Math.min(len, b.limit())).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static Header parse(Source src, String name) throws IOException {
        long size = src.size();
        ByteBuffer riff = src.read(0, 12);
        if (riff.limit() < 12)
            throw new AudioFormatException(name, "not a RIFF/WAVE file (only " + size + " bytes)");
        String magic = fourCC(riff, 0);
        if (!magic.equals("RIFF") && !magic.equals("RF64"))
            throw new AudioFormatException(name, "not a RIFF/WAVE file (starts with '" + magic + "')");
        String form = fourCC(riff, 8);
        if (!form.equals("WAVE"))
            throw new AudioFormatException(name, "not a RIFF/WAVE file (RIFF form type is '" + form + "', not 'WAVE')");

        Fmt fmt = null;
        long dataOffset = -1;
        long dataDeclared = -1;
        long pos = 12;
        while (pos + 8 <= size) {
            ByteBuffer ch = src.read(pos, 8);
            String id = fourCC(ch, 0);
            long csize = Integer.toUnsignedLong(ch.getInt(4));
            long body = pos + 8;
            if (id.equals("fmt ")) {
                if (csize < 16)
                    throw new AudioFormatException(name, "fmt chunk is " + csize + " bytes, needs at least 16");
                if (body + csize > size)
                    throw new AudioFormatException(name, "truncated: fmt chunk declares " + csize + " bytes, only "
                            + (size - body) + " present");
                fmt = parseFmt(src.read(body, (int) Math.min(csize, 64)), csize, name);
            } else if (id.equals("data")) {
                dataOffset = body;
                dataDeclared = csize;
                boolean streaming = csize == 0 || csize == STREAMING_SIZE;
                if (fmt != null || streaming || body + csize > size) break;
                // data before fmt (unusual but legal): keep looking for fmt after it
            } else if (body + csize > size && (fmt == null || dataOffset < 0)) {
                throw new AudioFormatException(name, "truncated: chunk '" + id + "' at byte " + pos + " declares " + csize
                        + " bytes, only " + (size - body) + " present" + (fmt == null ? " (no fmt chunk before it)"
                        : " (no data chunk before it)"));
            }
            pos = body + csize + (csize & 1);
        }
        if (fmt == null) throw new AudioFormatException(name, "no fmt chunk");
        if (dataOffset < 0) throw new AudioFormatException(name, "no data chunk");

        long present = size - dataOffset;
        long dataBytes;
        if (dataDeclared == 0 || dataDeclared == STREAMING_SIZE) {
            dataBytes = present; // streaming writer never patched the size: read to end of file
        } else if (dataDeclared > present) {
            throw new AudioFormatException(name, "truncated: data chunk declares " + dataDeclared
                    + " bytes, only " + present + " present");
        } else {
            dataBytes = dataDeclared;
        }
        int frameBytes = fmt.channels * (fmt.bits / 8);
        long frames = dataBytes / frameBytes;
        if (frames > Integer.MAX_VALUE - 8)
            throw new AudioFormatException(name, "too long to decode: " + frames + " frames");
        return new Header(fmt.code, fmt.channels, fmt.sampleRate, fmt.bits, frames, dataOffset,
                frames * frameBytes, name);
    }

    private record Fmt(int code, int channels, int sampleRate, int bits) {}

    private static Fmt parseFmt(ByteBuffer b, long csize, String name) throws AudioFormatException {
        int code = Short.toUnsignedInt(b.getShort(0));
        int channels = Short.toUnsignedInt(b.getShort(2));
        long rate = Integer.toUnsignedLong(b.getInt(4));
        int bits = Short.toUnsignedInt(b.getShort(14));
        String codeText = hex(code);
        if (code == FORMAT_EXTENSIBLE) {
            if (csize < 40 || b.limit() < 26)
                throw new AudioFormatException(name, "WAVE_FORMAT_EXTENSIBLE fmt chunk is " + csize
                        + " bytes, needs 40");
            code = Short.toUnsignedInt(b.getShort(24));
            codeText = "WAVE_FORMAT_EXTENSIBLE with sub-format " + hex(code);
        }
        if (channels < 1) throw new AudioFormatException(name, "fmt chunk says 0 channels");
        if (rate < MIN_RATE || rate > MAX_RATE)
            throw new AudioFormatException(name, "invalid sample rate " + rate + " Hz (accepted: " + MIN_RATE + " to "
                    + MAX_RATE + ")");
        if (code == FORMAT_PCM) {
            if (bits != 8 && bits != 16 && bits != 24 && bits != 32)
                throw new AudioFormatException(name, "unsupported PCM bit depth " + bits + " (" + codeText
                        + "); supported: 8, 16, 24, 32");
        } else if (code == FORMAT_IEEE_FLOAT) {
            if (bits != 32 && bits != 64)
                throw new AudioFormatException(name, "unsupported IEEE float bit depth " + bits + " (" + codeText
                        + "); supported: 32, 64");
        } else {
            throw new AudioFormatException(name, "unsupported codec " + codeText + codecName(code)
                    + "; supported: PCM (0x0001) and IEEE float (0x0003)");
        }
        return new Fmt(code, channels, (int) rate, bits);
    }

    private static String codecName(int code) {
        String n = switch (code) {
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MP3";
            case 0x00FF, 0x1610 -> "AAC";
            default -> null;
        };
        return n == null ? "" : " (" + n + ")";
    }

    private static String hex(int code) {
        return String.format(Locale.ROOT, "0x%04X", code);
    }

    private static String fourCC(ByteBuffer b, int at) {
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = b.get(at + i) & 0xFF;
            if (c >= 0x20 && c < 0x7F) sb.append((char) c);
            else sb.append(String.format(Locale.ROOT, "\\x%02X", c));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ decoding

    private static double[] decode(ByteBuffer buf, Header h) throws AudioFormatException {
        int n = (int) h.frames();
        int ch = h.channels();
        int bytes = h.bitsPerSample() / 8;
        int off = (int) h.dataOffset();
        double[] out = new double[n];
        boolean isFloat = h.formatCode() == FORMAT_IEEE_FLOAT;
        if (ch == 1) {
            for (int i = 0; i < n; i++) out[i] = sample(buf, off + i * bytes, bytes, isFloat);
        } else {
            int frameBytes = ch * bytes;
            for (int i = 0; i < n; i++) {
                int p = off + i * frameBytes;
                double sum = 0;
                for (int c = 0; c < ch; c++) sum += sample(buf, p + c * bytes, bytes, isFloat);
                out[i] = sum / ch;
            }
        }
        if (isFloat)
            for (int i = 0; i < n; i++) if (!Double.isFinite(out[i])) throw nonFinite(h, i, out[i]);
        return out;
    }

    private static double sample(ByteBuffer b, int p, int bytes, boolean isFloat) {
        if (isFloat) return bytes == 4 ? b.getFloat(p) : b.getDouble(p);
        switch (bytes) {
            case 2:
                return b.getShort(p) / 32768.0;
            case 1:
                return ((b.get(p) & 0xFF) - 128) / 128.0;
            case 3:
                return ((b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16) / 8388608.0;
            default:
                return b.getInt(p) / 2147483648.0;
        }
    }

}
