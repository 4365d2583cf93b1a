package emolab.data;

import static emolab.data.TestWav.*;
import static org.junit.jupiter.api.Assertions.*;

import emolab.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    @TempDir Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Reads via the Path API and checks that header-only reading agrees. */
    private Audio readBoth(String name, byte[] bytes) throws IOException {
        Path p = write(name, bytes);
        Audio a = WavReader.read(p);
        WavReader.Header h = WavReader.readHeader(p);
        assertEquals(a.sampleRate(), h.sampleRate());
        assertEquals(a.channels(), h.channels());
        assertEquals(a.bitsPerSample(), h.bitsPerSample());
        assertEquals(a.frames(), h.frames());
        assertEquals(p.toString(), a.source());
        // in-memory and stream variants decode identically
        assertArrayEquals(a.samples(), WavReader.read(bytes, name).samples());
        assertArrayEquals(a.samples(), WavReader.read(new ByteArrayInputStream(bytes), name).samples());
        return a;
    }

    @Test
    void pcm16Mono() throws IOException {
        byte[] f = create().fmt(1, 1, 48000, 16).data(shorts(0, 1, -1, 32767, -32768, 16384)).bytes();
        Audio a = readBoth("m16.wav", f);
        assertArrayEquals(new double[] {0, 1 / 32768.0, -1 / 32768.0, 32767 / 32768.0, -1.0, 0.5}, a.samples());
        assertEquals(48000, a.sampleRate());
        assertEquals(1, a.channels());
        assertEquals(16, a.bitsPerSample());
    }

    @Test
    void pcm16StereoIsMeanOfDifferentChannels() throws IOException {
        // frames: (L, R) = (1000, -3000), (32767, 32767), (-32768, 0), (5, 6)
        byte[] f = create().fmt(1, 2, 44100, 16).data(shorts(1000, -3000, 32767, 32767, -32768, 0, 5, 6)).bytes();
        Audio a = readBoth("st.wav", f);
        assertEquals(2, a.channels());
        assertEquals(4, a.frames());
        double[] expect = {
            (1000 / 32768.0 + -3000 / 32768.0) / 2,
            (32767 / 32768.0 + 32767 / 32768.0) / 2,
            (-1.0 + 0.0) / 2,
            (5 / 32768.0 + 6 / 32768.0) / 2};
        assertArrayEquals(expect, a.samples());
        assertEquals(-1000 / 32768.0, a.samples()[0]);
    }

    @Test
    void threeChannelsAveraged() throws IOException {
        byte[] f = create().fmt(1, 3, 8000, 16).data(shorts(300, 600, 900, -3, -6, 0)).bytes();
        Audio a = readBoth("c3.wav", f);
        assertArrayEquals(new double[] {(300 / 32768.0 + 600 / 32768.0 + 900 / 32768.0) / 3,
                (-3 / 32768.0 + -6 / 32768.0 + 0.0) / 3}, a.samples());
        assertEquals(8000, a.sampleRate());
    }

    @Test
    void pcm8IsUnsigned() throws IOException {
        byte[] f = create().fmt(1, 1, 11025, 8).data(unsigned8(128, 0, 255, 192, 64)).bytes();
        Audio a = readBoth("u8.wav", f);
        assertArrayEquals(new double[] {0, -1, 127 / 128.0, 0.5, -0.5}, a.samples());
        assertEquals(8, a.bitsPerSample());
        assertEquals(11025, a.sampleRate());
    }

    @Test
    void pcm24IncludingNegativeValues() throws IOException {
        int[] v = {0, 1, -1, 8388607, -8388608, -4194304, 123456, -654321};
        // odd frame count * 3 bytes = odd data size: exercises the pad byte too
        int[] odd = Arrays.copyOf(v, 7);
        byte[] f = create().fmt(1, 1, 96000, 24).data(int24(odd)).bytes();
        Audio a = readBoth("p24.wav", f);
        double[] expect = Arrays.stream(odd).mapToDouble(x -> x / 8388608.0).toArray();
        assertArrayEquals(expect, a.samples());
        assertEquals(-1.0, a.samples()[4]);
        assertEquals(-0.5, a.samples()[5]);
        assertEquals(24, a.bitsPerSample());
    }

    @Test
    void pcm24Stereo() throws IOException {
        byte[] f = create().fmt(1, 2, 48000, 24).data(int24(-8388608, 8388607, -100, -300)).bytes();
        Audio a = readBoth("p24s.wav", f);
        assertArrayEquals(new double[] {(-1.0 + 8388607 / 8388608.0) / 2, (-100 / 8388608.0 + -300 / 8388608.0) / 2},
                a.samples());
    }

    @Test
    void pcm32Int() throws IOException {
        byte[] f = create().fmt(1, 1, 48000, 32).data(ints(0, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, -7)).bytes();
        Audio a = readBoth("i32.wav", f);
        assertArrayEquals(new double[] {0, -1, Integer.MAX_VALUE / 2147483648.0, 0.5, -7 / 2147483648.0}, a.samples());
    }

    @Test
    void float32AsIs() throws IOException {
        float[] v = {0f, 0.25f, -1.5f, 1e-7f, 0.1f};
        byte[] f = create().fmt(3, 1, 22050, 32).data(floats(v)).bytes();
        Audio a = readBoth("f32.wav", f);
        for (int i = 0; i < v.length; i++) assertEquals((double) v[i], a.samples()[i]);
        assertEquals(32, a.bitsPerSample());
    }

    @Test
    void float64AsIsStereoMean() throws IOException {
        byte[] f = create().fmt(3, 2, 16000, 64).data(doubles(0.1, 0.3, -2.0, 1.0)).bytes();
        Audio a = readBoth("f64.wav", f);
        assertArrayEquals(new double[] {(0.1 + 0.3) / 2, (-2.0 + 1.0) / 2}, a.samples());
        byte[] mono = create().fmt(3, 1, 16000, 64).data(doubles(Math.PI, -Math.E)).bytes();
        assertArrayEquals(new double[] {Math.PI, -Math.E}, readBoth("f64m.wav", mono).samples());
    }

    @Test
    void extensiblePcmAndFloat() throws IOException {
        byte[] pcm = create().fmtExtensible(1, 2, 48000, 16).data(shorts(100, 300, -32768, -32768)).bytes();
        Audio a = readBoth("ext16.wav", pcm);
        assertArrayEquals(new double[] {(100 / 32768.0 + 300 / 32768.0) / 2, -1.0}, a.samples());
        assertEquals(WavReader.FORMAT_PCM, WavReader.readHeader(pcm, "x").formatCode());

        byte[] fl = create().fmtExtensible(3, 1, 48000, 32).data(floats(0.75f, -0.125f)).bytes();
        assertArrayEquals(new double[] {0.75, -0.125}, readBoth("extf.wav", fl).samples());
        assertEquals(WavReader.FORMAT_IEEE_FLOAT, WavReader.readHeader(fl, "x").formatCode());

        byte[] p24 = create().fmtExtensible(1, 1, 48000, 24).data(int24(-2, 4194304)).bytes();
        assertArrayEquals(new double[] {-2 / 8388608.0, 0.5}, readBoth("ext24.wav", p24).samples());
    }

    @Test
    void extensibleWithUnsupportedSubformatIsRejected() throws IOException {
        Path p = write("extmp3.wav", create().fmtExtensible(0x0055, 1, 48000, 16).data(shorts(1, 2)).bytes());
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("0x0055"), e.getMessage());
    }

    @Test
    void oddSizedListChunkBeforeDataIsSkipped() throws IOException {
        byte[] list = ascii("INFOISFT\u0005\u0000\u0000\u0000Lavf\u0000"); // 17 bytes: odd, padded
        assertEquals(1, list.length % 2);
        byte[] f = create().fmt(1, 1, 16000, 16).chunk("LIST", list).chunk("junk", new byte[3])
                .data(shorts(7, -7, 32000)).bytes();
        Audio a = readBoth("list.wav", f);
        assertArrayEquals(new double[] {7 / 32768.0, -7 / 32768.0, 32000 / 32768.0}, a.samples());
    }

    @Test
    void chunksAfterDataAreNotDecodedAsSamples() throws IOException {
        byte[] f = create().fmt(1, 1, 16000, 16).data(shorts(1, 2)).chunk("LIST", new byte[] {9, 9, 9, 9}).bytes();
        assertArrayEquals(new double[] {1 / 32768.0, 2 / 32768.0}, readBoth("after.wav", f).samples());
    }

    @Test
    void dataBeforeFmtIsAccepted() throws IOException {
        byte[] f = create().data(shorts(-5, 5)).fmt(1, 1, 16000, 16).bytes();
        assertArrayEquals(new double[] {-5 / 32768.0, 5 / 32768.0}, readBoth("datafirst.wav", f).samples());
    }

    @Test
    void streamingSizesZeroAndMinusOneReadToEndOfFile() throws IOException {
        byte[] samples = shorts(10, 20, 30, -40);
        for (long declared : new long[] {0L, 0xFFFFFFFFL}) {
            byte[] f = create().riffSize((int) declared).fmt(1, 1, 16000, 16).dataDeclaring(declared, samples).bytes();
            Audio a = readBoth("stream" + declared + ".wav", f);
            assertArrayEquals(new double[] {10 / 32768.0, 20 / 32768.0, 30 / 32768.0, -40 / 32768.0}, a.samples(),
                    "declared " + declared);
        }
    }

    @Test
    void rf64WithStreamingSizesReadsToEnd() throws IOException {
        byte[] f = create().magic("RF64").riffSize(-1).chunk("ds64", new byte[28]).fmt(1, 1, 16000, 16)
                .dataDeclaring(0xFFFFFFFFL, shorts(3, -3)).bytes();
        assertArrayEquals(new double[] {3 / 32768.0, -3 / 32768.0}, readBoth("rf64.wav", f).samples());
    }

    @Test
    void truncatedDataIsRejected() throws IOException {
        byte[] f = create().fmt(1, 1, 16000, 16).dataDeclaring(1000, shorts(1, 2, 3)).bytes();
        Path p = write("trunc.wav", f);
        for (var reader : List.<ThrowingRead>of(WavReader::read, WavReader::readHeader)) {
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> reader.run(p));
            assertTrue(e.getMessage().contains("truncated: data chunk declares 1000 bytes, only 6 present"), e.getMessage());
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
            assertEquals(p.toString(), e.source());
        }
    }

    @Test
    void fileCutInsideHeaderIsRejected() throws IOException {
        byte[] full = create().fmt(1, 1, 16000, 16).data(shorts(1, 2)).bytes();
        for (int len : new int[] {0, 4, 11, 20, 36, 40}) {
            Path p = write("cut" + len + ".wav", Arrays.copyOf(full, len));
            IOException e = assertThrows(AudioFormatException.class, () -> WavReader.read(p), "length " + len);
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
    }

    @Test
    void aiffMagicIsRejected() throws IOException {
        byte[] aiff = create().magic("FORM").form("AIFF").chunk("COMM", new byte[18]).bytes();
        Path p = write("03-01-01-01-01-01-01.wav", aiff);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(p));
        assertEquals(p + ": not a RIFF/WAVE file (starts with 'FORM')", e.getMessage());
        assertThrows(AudioFormatException.class, () -> WavReader.readHeader(p));
    }

    @Test
    void riffOfOtherFormTypeIsRejected() throws IOException {
        Path p = write("avi.wav", create().form("AVI ").chunk("hdrl", new byte[4]).bytes());
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(p));
        assertTrue(e.getMessage().contains("'AVI '"), e.getMessage());
    }

    @Test
    void missingChunksAreRejected() throws IOException {
        Path noFmt = write("nofmt.wav", create().chunk("LIST", new byte[4]).data(shorts(1)).bytes());
        assertTrue(assertThrows(AudioFormatException.class, () -> WavReader.read(noFmt)).getMessage()
                .endsWith("nofmt.wav: no fmt chunk"));
        Path noData = write("nodata.wav", create().fmt(1, 1, 16000, 16).chunk("LIST", new byte[5]).bytes());
        assertTrue(assertThrows(AudioFormatException.class, () -> WavReader.readHeader(noData)).getMessage()
                .endsWith("nodata.wav: no data chunk"));
    }

    @Test
    void unsupportedCodecsAreRejected() throws IOException {
        Path mp3 = write("mp3.wav", create().fmt(0x0055, 2, 44100, 0).data(new byte[10]).bytes());
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(mp3));
        assertTrue(e.getMessage().startsWith(mp3.toString()), e.getMessage());
        assertTrue(e.reason().contains("unsupported codec 0x0055 (MP3)"), e.getMessage());

        Path adpcm = write("adpcm.wav", create().fmt(0x0011, 1, 16000, 4).data(new byte[10]).bytes());
        e = assertThrows(AudioFormatException.class, () -> WavReader.readHeader(adpcm));
        assertTrue(e.reason().contains("unsupported codec 0x0011 (IMA ADPCM)"), e.getMessage());

        Path pcm12 = write("pcm12.wav", create().fmt(1, 1, 16000, 12).data(new byte[10]).bytes());
        e = assertThrows(AudioFormatException.class, () -> WavReader.read(pcm12));
        assertTrue(e.reason().contains("unsupported PCM bit depth 12"), e.getMessage());

        Path f16 = write("f16.wav", create().fmt(3, 1, 16000, 16).data(new byte[10]).bytes());
        e = assertThrows(AudioFormatException.class, () -> WavReader.read(f16));
        assertTrue(e.reason().contains("unsupported IEEE float bit depth 16"), e.getMessage());
    }

    @Test
    void headerReportsLayout() throws IOException {
        byte[] list = new byte[5000]; // larger than the header probe window
        byte[] f = create().fmt(1, 2, 48000, 16).chunk("LIST", list).data(shorts(1, 2, 3, 4, 5, 6)).bytes();
        Path p = write("layout.wav", f);
        WavReader.Header h = WavReader.readHeader(p);
        assertEquals(new WavReader.Header(1, 2, 48000, 16, 3, 12 + 24 + 8 + 5000 + 8, 12, p.toString()), h);
        assertEquals(4, h.frameBytes());
        assertEquals(3 / 48000.0, h.durationSeconds());
        assertArrayEquals(new double[] {1.5 / 32768, 3.5 / 32768, 5.5 / 32768}, WavReader.read(p).samples());
    }

    @Test
    void partialTrailingFrameIsIgnored() throws IOException {
        byte[] f = create().fmt(1, 2, 16000, 16).data(shorts(2, 4, 6)).bytes(); // 1.5 frames
        assertArrayEquals(new double[] {3 / 32768.0}, readBoth("partial.wav", f).samples());
    }

    @Test
    void missingFileNamesThePath() {
        Path p = tmp.resolve("nope.wav");
        IOException e = assertThrows(IOException.class, () -> WavReader.read(p));
        assertTrue(e.getMessage().contains("nope.wav"), e.getMessage());
    }

    @Test
    void roundTripWithWavWriter() throws IOException {
        double[] s = {0, 0.5, -0.5, -1, 0.25, 32767 / 32768.0};
        Path p = tmp.resolve("ww.wav");
        WavWriter.writePcm16(p, s, 22050);
        Audio a = WavReader.read(p);
        assertArrayEquals(s, a.samples());
        assertEquals(22050, a.sampleRate());
    }

    @Test
    void realRavdessFilesDecode() throws IOException {
        Path dir = SharedData.require("ravdess/wav48k/Actor_19");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
        }
        assertEquals(104, files.size());
        int stereo = 0;
        for (Path f : files) {
            Audio a = WavReader.read(f);
            WavReader.Header h = WavReader.readHeader(f);
            assertEquals(48000, a.sampleRate(), f.toString());
            assertEquals(16, a.bitsPerSample(), f.toString());
            assertEquals(h.frames(), a.frames(), f.toString());
            // 16-bit PCM mono data: every frame uses exactly 2 bytes per channel
            assertEquals(h.dataBytes(), a.frames() * 2L * a.channels(), f.toString());
            assertTrue(a.durationSeconds() > 2.5 && a.durationSeconds() < 6, f + " " + a.durationSeconds());
            double max = 0;
            for (double v : a.samples()) max = Math.max(max, Math.abs(v));
            assertTrue(max > 0.01 && max <= 1.0, f + " peak " + max);
            if (a.channels() == 2) stereo++;
        }
        System.out.println("Actor_19: " + stereo + " stereo files of " + files.size());
    }

    @FunctionalInterface
    private interface ThrowingRead {
        Object run(Path p) throws IOException;
    }
}
