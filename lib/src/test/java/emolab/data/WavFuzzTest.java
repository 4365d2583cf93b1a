package emolab.data;

import static org.junit.jupiter.api.Assertions.*;

import emolab.SharedData;
import emolab.features.engine.CsvIO;
import emolab.features.engine.ExtractCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@link WavReader} (and, for a sample, the whole {@code extract} command) with
 * real RAVDESS files from {@code ../shared} corrupted structurally and at random: truncation at
 * every chunk boundary, absurd chunk sizes (2-4 GB claims), odd chunk order, LIST/JUNK chunks,
 * odd-sized chunks with and without their pad byte, WAVE_FORMAT_EXTENSIBLE variants, every sample
 * encoding, zero channels, zero or absurd rates, bit flips, overwritten words, splices.
 *
 * <p>For every case: it finishes within {@link #PER_CASE} (each case runs as a task with a
 * time-out), and it either decodes or throws an {@link AudioFormatException} naming the case; any
 * other throwable is a reader bug. A decoded case must hold no more samples than the bytes present
 * allow (the reader's allocation is bounded by the file's length) and only finite samples.
 */
class WavFuzzTest {
    private static final long SEED = 20261203L;
    private static final Duration PER_CASE = Duration.ofSeconds(5);
    private static final int RANDOM_CASES = 2500;

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ chunk model of a file

    /** A chunk: id, declared size (may lie), body, and whether a pad byte follows an odd body. */
    record Chunk(String id, long declared, byte[] body, boolean pad) {
        Chunk(String id, byte[] body) { this(id, body.length, body, true); }

        Chunk declaring(long d) { return new Chunk(id, d, body, pad); }

        Chunk unpadded() { return new Chunk(id, declared, body, false); }
    }

    record Case(String name, byte[] bytes) {}

    private static byte[] assemble(String magic, long riffSize, List<Chunk> chunks) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Chunk c : chunks) {
            b.writeBytes(c.id().getBytes(StandardCharsets.ISO_8859_1));
            b.writeBytes(le32(c.declared()));
            b.writeBytes(c.body());
            if (c.pad() && (c.body().length & 1) == 1) b.write(0);
        }
        byte[] body = b.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(magic.getBytes(StandardCharsets.ISO_8859_1)).putInt((int) (riffSize < 0 ? 4 + body.length : riffSize))
                .put("WAVE".getBytes(StandardCharsets.ISO_8859_1)).put(body);
        return out.array();
    }

    private static byte[] assemble(List<Chunk> chunks) { return assemble("RIFF", -1, chunks); }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    /** The chunks of a well-formed seed file. */
    private static List<Chunk> chunks(byte[] f) {
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        List<Chunk> out = new ArrayList<>();
        int pos = 12;
        while (pos + 8 <= f.length) {
            String id = new String(f, pos, 4, StandardCharsets.ISO_8859_1);
            int size = b.getInt(pos + 4);
            out.add(new Chunk(id, Arrays.copyOfRange(f, pos + 8, pos + 8 + size)));
            pos += 8 + size + (size & 1);
        }
        return out;
    }

    /** Chunk boundaries (start of each chunk header and body) of a well-formed file. */
    private static List<Integer> boundaries(byte[] f) {
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> out = new ArrayList<>(List.of(0, 4, 8, 12));
        int pos = 12;
        while (pos + 8 <= f.length) {
            int size = b.getInt(pos + 4);
            out.add(pos + 4);
            out.add(pos + 8);
            pos += 8 + size + (size & 1);
            out.add(pos);
        }
        out.add(f.length);
        return out;
    }

    private static byte[] fmt(int code, int channels, int rate, int bits, int blockAlign) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) code).putShort((short) channels)
                .putInt(rate).putInt(rate * Math.max(1, blockAlign)).putShort((short) blockAlign).putShort((short) bits).array();
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt body of {@code size} bytes (40 is the standard one). */
    private static byte[] fmtExtensible(int sub, int channels, int rate, int bits, int validBits, int cbSize, int size) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        int align = channels * bits / 8;
        b.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * align).putShort((short) align)
                .putShort((short) bits).putShort((short) cbSize).putShort((short) validBits).putInt(channels == 1 ? 4 : 3)
                .putShort((short) sub).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return Arrays.copyOf(b.array(), size);
    }

    /** Encodes {@code x} (mono, [-1,1)) for {@code channels} identical channels. */
    private static byte[] encode(double[] x, int channels, int bits, boolean isFloat) {
        int bytes = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(x.length * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x)
            for (int c = 0; c < channels; c++) {
                if (isFloat && bits == 32) b.putFloat((float) v);
                else if (isFloat) b.putDouble(v);
                else if (bits == 8) b.put((byte) (Math.round(v * 128) + 128));
                else if (bits == 16) b.putShort((short) Math.round(v * 32768));
                else if (bits == 24) {
                    int s = (int) Math.round(v * 8388608);
                    b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                } else b.putInt((int) Math.round(v * 2147483648.0));
            }
        return b.array();
    }

    // ------------------------------------------------------------------ case generation

    private static final long[] ABSURD = {0, 1, 2, 3, 15, 16, 17, 39, 40, 41, 0x7FFF_FFFFL, 0x8000_0000L, 0x8000_0001L,
            3_000_000_000L, 4_000_000_000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};

    static List<Case> structural(String tag, byte[] seed, double[] samples) {
        List<Case> cases = new ArrayList<>();
        List<Chunk> ch = chunks(seed);
        int fmtAt = indexOf(ch, "fmt "), dataAt = indexOf(ch, "data");
        Chunk fmt = ch.get(fmtAt), data = ch.get(dataAt);

        // truncation at and around every chunk boundary, the first 64 bytes one by one, and through the data
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        for (int b : boundaries(seed)) for (int d : new int[] {-8, -4, -2, -1, 0, 1, 2, 4, 7, 8}) cuts.add(b + d);
        for (int i = 0; i < 64; i++) cuts.add(i);
        for (int i = 0; i < 60; i++) cuts.add((int) ((long) seed.length * i / 60));
        for (int c : cuts) if (c >= 0 && c < seed.length) cases.add(new Case(tag + "-truncated-at-" + c, Arrays.copyOf(seed, c)));

        // absurd and lying sizes: each chunk, and the RIFF size
        for (int i = 0; i < ch.size(); i++)
            for (long d : ABSURD) {
                List<Chunk> c = new ArrayList<>(ch);
                c.set(i, ch.get(i).declaring(d));
                cases.add(new Case(tag + "-" + ch.get(i).id().trim() + "-declares-" + d, assemble(c)));
            }
        for (long d : ABSURD) cases.add(new Case(tag + "-riff-declares-" + d, assemble("RIFF", d, ch)));
        for (String magic : new String[] {"RF64", "RIFX", "FORM", "riff", "\0\0\0\0"})
            cases.add(new Case(tag + "-magic-" + magic.trim(), assemble(magic, -1, ch)));
        byte[] aiff = assemble(ch);
        System.arraycopy("AIFF".getBytes(StandardCharsets.ISO_8859_1), 0, aiff, 8, 4);
        cases.add(new Case(tag + "-form-AIFF", aiff));

        // chunk order
        List<Chunk> dataFirst = new ArrayList<>(ch);
        dataFirst.remove(data);
        dataFirst.add(0, data);
        cases.add(new Case(tag + "-data-before-fmt", assemble(dataFirst)));
        List<Chunk> fmtLast = new ArrayList<>(ch);
        fmtLast.remove(fmt);
        fmtLast.add(fmt);
        cases.add(new Case(tag + "-fmt-last", assemble(fmtLast)));
        List<Chunk> reversed = new ArrayList<>(ch);
        java.util.Collections.reverse(reversed);
        cases.add(new Case(tag + "-chunks-reversed", assemble(reversed)));
        List<Chunk> twoFmt = new ArrayList<>(ch);
        twoFmt.add(fmtAt + 1, new Chunk("fmt ", fmt(1, 2, 8000, 16, 4)));
        cases.add(new Case(tag + "-two-fmt", assemble(twoFmt)));
        List<Chunk> twoData = new ArrayList<>(ch);
        twoData.add(dataAt, new Chunk("data", Arrays.copyOf(data.body(), 101)));
        cases.add(new Case(tag + "-two-data-first-odd", assemble(twoData)));
        cases.add(new Case(tag + "-no-fmt", assemble(ch.stream().filter(c -> c != fmt).toList())));
        cases.add(new Case(tag + "-no-data", assemble(ch.stream().filter(c -> c != data).toList())));
        cases.add(new Case(tag + "-only-riff-header", Arrays.copyOf(seed, 12)));

        // LIST / JUNK / odd chunks, with and without the pad byte, before, between and after
        byte[] list = "INFOISFT\u000e\0\0\0EmoLab fuzzer\0".getBytes(StandardCharsets.ISO_8859_1);
        for (int size : new int[] {0, 1, 3, 7, 4095, 4096}) {
            for (boolean pad : new boolean[] {true, false}) {
                Chunk junk = new Chunk("JUNK", new byte[size]);
                if (!pad) junk = junk.unpadded();
                for (int at : new int[] {0, fmtAt + 1, ch.size()}) {
                    List<Chunk> c = new ArrayList<>(ch);
                    c.add(Math.min(at, c.size()), junk);
                    cases.add(new Case(tag + "-JUNK" + size + (pad ? "" : "-nopad") + "-at-" + at, assemble(c)));
                }
            }
        }
        for (int at : new int[] {0, fmtAt + 1, ch.size()}) {
            List<Chunk> c = new ArrayList<>(ch);
            c.add(Math.min(at, c.size()), new Chunk("LIST", list));
            cases.add(new Case(tag + "-LIST-at-" + at, assemble(c)));
        }
        // an odd-sized data chunk: with its pad byte and a chunk after it, and without the pad
        byte[] odd = Arrays.copyOf(data.body(), data.body().length - 1);
        for (boolean pad : new boolean[] {true, false}) {
            List<Chunk> c = new ArrayList<>(ch);
            Chunk d = new Chunk("data", odd);
            c.set(dataAt, pad ? d : d.unpadded());
            c.add(new Chunk("LIST", list));
            cases.add(new Case(tag + "-odd-data" + (pad ? "" : "-nopad") + "-then-LIST", assemble(c)));
        }

        // header fields: code x bits, channels x rate, block align
        int[] codes = {0, 1, 2, 3, 6, 7, 0x55, 0xFFFE, 0xFFFF};
        int[] bitsList = {0, 1, 4, 8, 12, 16, 20, 24, 32, 40, 64, 65535};
        for (int code : codes)
            for (int bits : bitsList) {
                List<Chunk> c = new ArrayList<>(ch);
                c.set(fmtAt, new Chunk("fmt ", fmt(code, 1, 16000, bits, Math.max(1, bits / 8))));
                cases.add(new Case(tag + "-code" + code + "-bits" + bits, assemble(c)));
            }
        int[] channelsList = {0, 1, 2, 3, 255, 65535};
        long[] rates = {0, 1, 999, 1000, 8000, 44100, 768000, 768001, 0x7FFF_FFFFL, 0xFFFF_FFFFL};
        for (int chn : channelsList)
            for (long rate : rates) {
                List<Chunk> c = new ArrayList<>(ch);
                c.set(fmtAt, new Chunk("fmt ", fmt(1, chn, (int) rate, 16, 2 * Math.max(1, chn))));
                cases.add(new Case(tag + "-channels" + chn + "-rate" + rate, assemble(c)));
            }
        for (int align : new int[] {0, 1, 7, 65535}) {
            List<Chunk> c = new ArrayList<>(ch);
            c.set(fmtAt, new Chunk("fmt ", fmt(1, 1, 16000, 16, align)));
            cases.add(new Case(tag + "-blockalign" + align, assemble(c)));
        }
        for (int size : new int[] {14, 15, 16, 17, 18, 20, 64}) {
            List<Chunk> c = new ArrayList<>(ch);
            c.set(fmtAt, new Chunk("fmt ", Arrays.copyOf(fmt.body(), size)));
            cases.add(new Case(tag + "-fmt-size" + size, assemble(c)));
        }

        // every encoding, 1-3 channels, plain and WAVE_FORMAT_EXTENSIBLE (a short excerpt keeps this fast)
        double[] x = Arrays.copyOf(samples, Math.min(samples.length, 4000));
        int[][] encodings = {{1, 8}, {1, 16}, {1, 24}, {1, 32}, {3, 32}, {3, 64}};
        for (int[] e : encodings)
            for (int chn = 1; chn <= 3; chn++) {
                byte[] pcm = encode(x, chn, e[1], e[0] == 3);
                int align = chn * e[1] / 8;
                cases.add(new Case(tag + "-enc-" + e[0] + "-" + e[1] + "-ch" + chn,
                        assemble(List.of(new Chunk("fmt ", fmt(e[0], chn, 16000, e[1], align)), new Chunk("data", pcm)))));
                for (int cb : new int[] {22, 0}) {
                    cases.add(new Case(tag + "-ext-" + e[0] + "-" + e[1] + "-ch" + chn + "-cb" + cb, assemble(List.of(
                            new Chunk("fmt ", fmtExtensible(e[0], chn, 16000, e[1], e[1], cb, 40)), new Chunk("data", pcm)))));
                }
            }
        byte[] pcm16 = encode(x, 1, 16, false);
        for (int size : new int[] {16, 18, 24, 25, 26, 39, 40, 48})
            cases.add(new Case(tag + "-ext-fmt-size" + size, assemble(List.of(
                    new Chunk("fmt ", Arrays.copyOf(fmtExtensible(1, 1, 16000, 16, 16, 22, 40), size)), new Chunk("data", pcm16)))));
        for (int sub : new int[] {0, 2, 0x55, 0xFFFE})
            cases.add(new Case(tag + "-ext-sub" + sub, assemble(List.of(
                    new Chunk("fmt ", fmtExtensible(sub, 1, 16000, 16, 16, 22, 40)), new Chunk("data", pcm16)))));
        cases.add(new Case(tag + "-ext-valid12-in-16", assemble(List.of(
                new Chunk("fmt ", fmtExtensible(1, 1, 16000, 16, 12, 22, 40)), new Chunk("data", pcm16)))));
        cases.add(new Case(tag + "-ext-zero-channels", assemble(List.of(
                new Chunk("fmt ", fmtExtensible(1, 0, 16000, 16, 16, 22, 40)), new Chunk("data", pcm16)))));
        // float data with NaN / infinity
        byte[] f32 = encode(x, 1, 32, true);
        ByteBuffer.wrap(f32).order(ByteOrder.LITTLE_ENDIAN).putFloat(400, Float.NaN).putFloat(800, Float.POSITIVE_INFINITY);
        cases.add(new Case(tag + "-float-nan", assemble(List.of(new Chunk("fmt ", fmt(3, 1, 16000, 32, 4)), new Chunk("data", f32)))));
        // not WAV at all
        cases.add(new Case(tag + "-empty", new byte[0]));
        cases.add(new Case(tag + "-zeros-1k", new byte[1024]));
        byte[] noise = new byte[1024];
        new Random(SEED).nextBytes(noise);
        cases.add(new Case(tag + "-noise-1k", noise));
        return cases;
    }

    /** Seeded random corruptions of {@code seed}. */
    static List<Case> random(String tag, byte[] seed, int n, Random r) {
        List<Integer> bounds = boundaries(seed);
        int headerEnd = Math.min(seed.length, bounds.get(bounds.size() - 1) == seed.length ? dataBodyStart(seed) + 16 : 64);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = seed.clone();
            StringBuilder what = new StringBuilder();
            int ops = 1 + r.nextInt(3);
            for (int k = 0; k < ops; k++) {
                switch (r.nextInt(6)) {
                    case 0 -> { // bit flips in the header region
                        int flips = 1 + r.nextInt(8);
                        for (int j = 0; j < flips && b.length > 0; j++) {
                            int at = r.nextInt(Math.min(b.length, headerEnd));
                            b[at] ^= (byte) (1 << r.nextInt(8));
                        }
                        what.append("flip-header").append(flips);
                    }
                    case 1 -> { // bit flips anywhere
                        int flips = 1 + r.nextInt(32);
                        for (int j = 0; j < flips && b.length > 0; j++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                        what.append("flip-any").append(flips);
                    }
                    case 2 -> { // an interesting 32-bit value over a header word (sizes, rates, counts)
                        if (b.length < 4) break;
                        int at = r.nextInt(Math.max(1, Math.min(b.length - 3, headerEnd)));
                        long v = r.nextBoolean() ? ABSURD[r.nextInt(ABSURD.length)] : r.nextInt();
                        System.arraycopy(le32(v), 0, b, at, 4);
                        what.append("word@").append(at).append('=').append(v);
                    }
                    case 3 -> { // an interesting 16-bit value (code, channels, bits, align)
                        if (b.length < 2) break;
                        int at = r.nextInt(Math.max(1, Math.min(b.length - 1, headerEnd)));
                        int v = new int[] {0, 1, 2, 3, 0xFFFE, 0xFFFF, 0x8000, 7, 24, 64}[r.nextInt(10)];
                        b[at] = (byte) v;
                        b[at + 1] = (byte) (v >> 8);
                        what.append("short@").append(at).append('=').append(v);
                    }
                    case 4 -> { // truncate
                        int len = r.nextBoolean() ? r.nextInt(Math.max(1, Math.min(b.length, headerEnd + 64)))
                                : r.nextInt(Math.max(1, b.length));
                        b = Arrays.copyOf(b, len);
                        what.append("cut").append(len);
                    }
                    default -> { // splice: a copy of one range over another (duplicated chunk headers etc.)
                        if (b.length < 16) break;
                        int len = 1 + r.nextInt(Math.min(64, b.length / 2));
                        int from = r.nextInt(Math.min(b.length - len, headerEnd + 1));
                        int to = r.nextInt(Math.min(b.length - len, headerEnd + 1));
                        System.arraycopy(b.clone(), from, b, to, len);
                        what.append("splice").append(from).append("->").append(to).append('x').append(len);
                    }
                }
                what.append(';');
            }
            cases.add(new Case(tag + "-random-" + i + "-" + what, b));
        }
        return cases;
    }

    private static int dataBodyStart(byte[] f) {
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= f.length) {
            int size = b.getInt(pos + 4);
            if (new String(f, pos, 4, StandardCharsets.ISO_8859_1).equals("data")) return pos + 8;
            pos += 8 + size + (size & 1);
        }
        return 64;
    }

    private static int indexOf(List<Chunk> ch, String id) {
        for (int i = 0; i < ch.size(); i++) if (ch.get(i).id().equals(id)) return i;
        throw new AssertionError("seed has no " + id + " chunk");
    }

    // ------------------------------------------------------------------ the checks

    /** Outcome of one case: null when decoded, else the error's reason. */
    static String check(Case c) throws IOException {
        byte[] bytes = c.bytes();
        Audio a;
        try {
            a = WavReader.read(bytes, c.name());
        } catch (AudioFormatException e) {
            assertEquals(c.name(), e.source(), "the error names the file");
            assertFalse(e.reason().isBlank(), c.name());
            assertEquals(c.name() + ": " + e.reason(), e.getMessage());
            // the header alone fails too, unless the samples were the problem
            try {
                WavReader.readHeader(bytes, c.name());
                assertTrue(e.reason().startsWith("IEEE float sample"), c.name() + ": header parsed but read failed: " + e.reason());
            } catch (AudioFormatException h) {
                assertEquals(e.reason(), h.reason(), c.name());
            }
            return e.reason();
        }
        WavReader.Header h = WavReader.readHeader(bytes, c.name());
        assertEquals(h.frames(), a.samples().length, c.name());
        assertTrue(h.channels() >= 1 && h.sampleRate() >= WavReader.MIN_RATE && h.sampleRate() <= WavReader.MAX_RATE, c.name());
        // allocation bound: one double per complete frame actually present in the bytes
        assertTrue(h.dataOffset() + h.dataBytes() <= bytes.length, c.name() + ": data beyond the end");
        assertTrue((long) a.samples().length * h.frameBytes() <= bytes.length - h.dataOffset(),
                c.name() + ": more samples than bytes present");
        for (double v : a.samples()) assertTrue(Double.isFinite(v), c.name() + ": non-finite sample");
        return null;
    }

    @Test
    void corruptedRealFilesGiveAudioOrANamedErrorQuickly() throws Exception {
        Path s16 = SharedData.require("ravdess/wav16k/Actor_01/03-01-01-01-01-01-01.wav");
        Path s48 = SharedData.require("ravdess/wav48k/Actor_19/03-01-05-02-01-01-19.wav"); // FLLR, LIST, bext, _PMX chunks
        byte[] b16 = Files.readAllBytes(s16), b48 = Files.readAllBytes(s48);
        List<Case> cases = new ArrayList<>();
        cases.addAll(structural("16k", b16, WavReader.read(s16).samples()));
        cases.addAll(structural("48k", b48, WavReader.read(s48).samples()));
        Random r = new Random(SEED);
        cases.addAll(random("16k", b16, RANDOM_CASES / 2, r));
        cases.addAll(random("48k", b48, RANDOM_CASES / 2, r));
        assertTrue(cases.size() >= 3000, "cases: " + cases.size());

        Map<String, Integer> reasons = new TreeMap<>();
        int decoded = 0;
        long slowest = 0;
        String slowestCase = "";
        long t0 = System.nanoTime();
        ExecutorService ex = Executors.newSingleThreadExecutor(run -> {
            Thread t = new Thread(run, "wav-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Case c : cases) {
                long s = System.nanoTime();
                Future<String> f = ex.submit(() -> check(c));
                String reason;
                try {
                    reason = f.get(PER_CASE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    fail("hang: case " + c.name() + " (" + c.bytes().length + " bytes) took over " + PER_CASE);
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("case " + c.name() + ": " + e.getCause(), e.getCause());
                }
                long took = System.nanoTime() - s;
                if (took > slowest) {
                    slowest = took;
                    slowestCase = c.name();
                }
                if (reason == null) decoded++;
                else reasons.merge(reason.replaceAll("[0-9]+", "N").replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
            }
        } finally {
            ex.shutdownNow();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "WAV fuzz: %d cases (seed %d) in %.1f s, slowest %.1f ms (%s): %d decoded, %d named errors%n",
                cases.size(), SEED, secs, slowest / 1e6, slowestCase, decoded, cases.size() - decoded);
        reasons.forEach((k, v) -> System.out.printf("  %5d  %s%n", v, k));
        assertTrue(decoded > 100 && cases.size() - decoded > 100, "both outcomes exercised");
    }

    @Test
    void extractCommandOnAFolderOfCorruptedFilesGivesARowOrAnErrorForEach() throws Exception {
        Path s16 = SharedData.require("ravdess/wav16k/Actor_20/03-01-07-02-01-02-20.wav");
        byte[] b16 = Files.readAllBytes(s16);
        List<Case> cases = new ArrayList<>(random("x", b16, 50, new Random(SEED + 1)));
        List<Case> st = structural("x", b16, WavReader.read(s16).samples());
        for (int i = 0; i < st.size(); i += 8) cases.add(st.get(i));
        Path dir = Files.createDirectories(tmp.resolve("audio"));
        for (int i = 0; i < cases.size(); i++) // RAVDESS names: emotion/actor vary so each file has its own name
            Files.write(dir.resolve(String.format("03-01-%02d-01-01-%02d-%02d.wav", 1 + i % 8, 1 + (i / 8) % 2, 1 + i / 16)),
                    cases.get(i).bytes());
        Path out = tmp.resolve("out.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> ExtractCli.run(
                new String[] {"extract", "--set", "course", "--threads", "2", dir.toString(), out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(ExtractCli.EXIT_SKIPPED, code, err.toString(StandardCharsets.UTF_8));
        int rows = CsvIO.parse(Files.readString(out)).size() - 1;
        List<List<String>> errors = CsvIO.parse(Files.readString(tmp.resolve("out.errors.csv")));
        assertEquals(cases.size(), rows + errors.size() - 1, "every file is a row or an error");
        for (List<String> e : errors.subList(1, errors.size())) {
            assertTrue(e.get(0).startsWith(dir.toString()), e.toString());
            assertFalse(e.get(1).contains("Exception"), "a named error, not an internal exception: " + e);
        }
        System.out.printf("extract on %d corrupted files: %d rows, %d errors%n", cases.size(), rows, errors.size() - 1);
    }

    @Test
    void aHeaderClaimingFourGigabytesInAOneKilobyteFileFailsFastByName() throws IOException {
        byte[] small = assemble(List.of(new Chunk("fmt ", fmt(1, 1, 16000, 16, 2)), new Chunk("data", new byte[1000]).declaring(0xFFFF_FFFEL)));
        Path f = Files.write(tmp.resolve("claims-4gb.wav"), small);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.reason().startsWith("truncated: data chunk declares 4294967294 bytes, only 1000 present"), e.reason());
        assertThrows(AudioFormatException.class, () -> WavReader.readHeader(f));
        // the same claim on a chunk before the data, and on fmt
        byte[] junk = assemble(List.of(new Chunk("fmt ", fmt(1, 1, 16000, 16, 2)), new Chunk("JUNK", new byte[100]).declaring(3_000_000_000L),
                new Chunk("data", new byte[1000])));
        e = assertThrows(AudioFormatException.class, () -> WavReader.read(junk, "junk.wav"));
        assertTrue(e.reason().startsWith("truncated: chunk 'JUNK' at byte 36 declares 3000000000 bytes"), e.reason());
        byte[] bigFmt = assemble(List.of(new Chunk("fmt ", fmt(1, 1, 16000, 16, 2)).declaring(0x8000_0000L), new Chunk("data", new byte[1000])));
        e = assertThrows(AudioFormatException.class, () -> WavReader.read(bigFmt, "fmt.wav"));
        assertTrue(e.reason().startsWith("truncated: fmt chunk declares 2147483648 bytes"), e.reason());
    }

    @Test
    void reencodedSamplesDecodeToTheSameValues() throws IOException {
        double[] x = WavReader.read(SharedData.require("ravdess/wav16k/Actor_01/03-01-01-01-01-01-01.wav")).samples();
        x = Arrays.copyOf(x, 4000);
        for (int[] e : new int[][] {{1, 16}, {1, 24}, {1, 32}, {3, 32}, {3, 64}})
            for (int chn = 1; chn <= 3; chn++) {
                byte[] pcm = encode(x, chn, e[1], e[0] == 3);
                for (byte[] fmtBody : List.of(fmt(e[0], chn, 16000, e[1], chn * e[1] / 8), fmtExtensible(e[0], chn, 16000, e[1], e[1], 22, 40))) {
                    Audio a = WavReader.read(assemble(List.of(new Chunk("fmt ", fmtBody), new Chunk("data", pcm))), "enc");
                    assertArrayEquals(x, a.samples(), "format " + e[0] + "/" + e[1] + " x" + chn); // int16 values are exact in all
                }
            }
    }
}
