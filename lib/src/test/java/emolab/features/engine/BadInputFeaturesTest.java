package emolab.features.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import emolab.features.FeatureSet;
import emolab.features.course.CourseFeatures;
import emolab.features.rich.RichFeatures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * The bad-input list, through the real extractor, for both feature sets: a silent file,
 * a file shorter than one FFT frame, 8-bit, 24-bit and float WAVs, 44.1 kHz, stereo with
 * different channels, and a truncated file in the middle of a folder. Each gives finite features
 * (equal to the 16-bit mono reference where the decoded signal is the same) or a per-file error.
 */
class BadInputFeaturesTest {

    static final int SR = 16000;

    /** A voiced test signal: 180 Hz harmonics with an envelope, 1.2 s, amplitude within 8-bit precision. */
    static double[] voice(int sr, double seconds) {
        int n = (int) (sr * seconds);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) sr, env = Math.sin(Math.PI * i / n);
            for (int h = 1; h <= 6; h++) x[i] += 0.12 / h * env * Math.sin(2 * Math.PI * 180 * h * t);
        }
        return x;
    }

    /** WAV bytes: format code 1 (PCM 8/16/24) or 3 (float 32); one array per channel. */
    static byte[] wav(int code, int rate, int bits, double[]... ch) {
        int n = ch[0].length, c = ch.length, bps = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + n * c * bps).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + n * c * bps).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) code).putShort((short) c).putInt(rate).putInt(rate * c * bps).putShort((short) (c * bps))
                .putShort((short) bits).put("data".getBytes()).putInt(n * c * bps);
        for (int i = 0; i < n; i++)
            for (double[] chan : ch) {
                double v = chan[i];
                switch (bits) {
                    case 8 -> b.put((byte) (Math.round(v * 128) + 128));
                    case 16 -> b.putShort((short) Math.round(v * 32768));
                    case 24 -> {
                        int s = (int) Math.round(v * 8388608);
                        b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                    }
                    case 32 -> b.putFloat((float) v);
                    default -> throw new IllegalArgumentException("bits " + bits);
                }
            }
        return b.array();
    }

    /** Quantised to 8 bits, so every format below decodes to exactly the same samples. */
    static double[] q8(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.round(x[i] * 128) / 128.0;
        return y;
    }

    @ParameterizedTest
    @ValueSource(strings = {"course", "rich"})
    void everyCaseGivesFiniteFeaturesOrAPerFileError(String setName, @TempDir Path dir) throws IOException {
        FeatureSet set = setName.equals("course") ? new CourseFeatures() : new RichFeatures();
        double[] x = q8(voice(SR, 1.2));
        double[] other = q8(voice(SR, 1.2));
        for (int i = 0; i < other.length; i++) other[i] = -other[i] * 0.5; // a different second channel
        double[] mean = new double[x.length];
        for (int i = 0; i < x.length; i++) mean[i] = (x[i] + other[i]) / 2;

        List<Path> files = new ArrayList<>();
        // actor number encodes the case, emotion 01, so every name is a valid RAVDESS name
        files.add(write(dir, 1, wav(1, SR, 16, x)));              // reference: 16-bit mono
        files.add(write(dir, 2, wav(1, SR, 8, x)));               // 8-bit
        files.add(write(dir, 3, wav(1, SR, 24, x)));              // 24-bit
        files.add(write(dir, 4, wav(3, SR, 32, x)));              // float32
        files.add(write(dir, 5, wav(1, SR, 16, x, other)));       // stereo, different channels
        files.add(write(dir, 6, wav(1, SR, 16, mean)));           // mono mean of that stereo pair
        byte[] truncated = wav(1, SR, 16, x);
        files.add(write(dir, 7, java.util.Arrays.copyOf(truncated, truncated.length / 2))); // truncated, mid-folder
        files.add(write(dir, 8, wav(1, SR, 16, new double[SR])));                // silent: all zeros
        files.add(write(dir, 9, wav(1, SR, 16, java.util.Arrays.copyOf(x, 300)))); // shorter than one FFT frame
        files.add(write(dir, 10, wav(1, 44100, 16, q8(voice(44100, 1.2)))));     // 44.1 kHz

        ExtractionResult r = FeatureExtractor.builder().set(set).threads(2).progress(ExtractionProgress.NONE).build().extract(files);
        assertEquals(1, r.errors().size(), "only the truncated file fails: " + r.errors());
        assertTrue(r.errors().get(0).toString().contains("truncated"), "error names the cause: " + r.errors().get(0));
        assertTrue(r.errors().get(0).toString().contains("03-01-01-01-01-01-07.wav"), "error names the file: " + r.errors().get(0));
        Table t = r.table();
        assertEquals(9, t.rowCount());
        List<String> cols = set.columns();
        double[][] rows = new double[t.rowCount()][];
        for (int i = 0; i < t.rowCount(); i++) {
            rows[i] = new double[cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                rows[i][j] = t.numberColumn(cols.get(j)).getDouble(i);
                assertTrue(Double.isFinite(rows[i][j]), setName + ": " + cols.get(j) + " not finite for " + t.stringColumn("filename").get(i));
            }
        }
        // 8-bit, 24-bit and float32 decode to exactly the 16-bit samples (all are multiples of 1/128),
        // so their features are identical; the stereo file equals the mono file of its channel mean.
        for (int k = 1; k <= 3; k++)
            for (int j = 0; j < cols.size(); j++)
                assertEquals(rows[0][j], rows[k][j], 0.0, setName + ": format case " + k + " differs in " + cols.get(j));
        for (int j = 0; j < cols.size(); j++)
            assertEquals(rows[5][j], rows[4][j], 1e-12 * Math.max(1, Math.abs(rows[5][j])), setName + ": stereo != mono mean in " + cols.get(j));
    }

    private static Path write(Path dir, int actor, byte[] bytes) throws IOException {
        Path p = dir.resolve(String.format("03-01-01-01-01-01-%02d.wav", actor));
        Files.write(p, bytes);
        return p;
    }
}
