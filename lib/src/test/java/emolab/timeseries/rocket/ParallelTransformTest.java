package emolab.timeseries.rocket;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTransformTest {
    /** A toy transform: the mean and the last value of each channel. */
    static final class MeanLast implements SeriesTransform {
        @Override public int channels() { return 2; }
        @Override public int length() { return 10; }
        @Override public int numFeatures() { return 4; }
        @Override public void features(double[][] s, double[] out, int off) {
            SeriesChecks.expect(s, -1, 2, 10);
            for (int c = 0; c < 2; c++) {
                double m = 0;
                for (double v : s[c]) m += v;
                out[off + 2 * c] = m / 10;
                out[off + 2 * c + 1] = s[c][9];
            }
        }
    }

    static double[][] series(int i) {
        double[][] s = new double[2][10];
        for (int t = 0; t < 10; t++) {
            s[0][t] = i + t;
            s[1][t] = -i * 0.5;
        }
        return s;
    }

    @Test
    void rowsComeInOrderAndSourcesAreReadBlockByBlock() {
        int n = 23, block = 5;
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger gets = new AtomicInteger();
        SeriesSource lazy = new SeriesSource() {
            @Override public int size() { return n; }
            @Override public double[][] get(int i) {
                gets.incrementAndGet();
                // a series of block b is only built once every earlier block has been handed on
                assertTrue(delivered.get() >= (i / block) * block, "series " + i + " requested early");
                return series(i);
            }
        };
        List<Integer> order = new ArrayList<>();
        List<int[]> progress = new ArrayList<>();
        ParallelTransform pt = ParallelTransform.builder().threads(2).blockSize(block)
                .progress((d, t) -> progress.add(new int[] {d, t})).build();
        pt.apply(new MeanLast(), lazy, (i, row) -> {
            order.add(i);
            assertEquals(i + 4.5, row[0], 1e-12);
            assertEquals(i + 9.0, row[1], 0.0);
            assertEquals(-i * 0.5, row[2], 0.0);
            delivered.incrementAndGet();
        });
        for (int i = 0; i < n; i++) assertEquals(i, order.get(i));
        assertEquals(n, gets.get(), "each series read once");
        int[] last = progress.get(progress.size() - 1);
        assertArrayEquals(new int[] {n, n}, last);
        for (int k = 1; k < progress.size(); k++) assertTrue(progress.get(k)[0] >= progress.get(k - 1)[0], "monotone progress");
    }

    @Test
    void float32OutputIsTheRoundedDoubleOutput() {
        double[][][] x = new double[7][][];
        for (int i = 0; i < 7; i++) x[i] = series(i * 3 + 1);
        x[2][0][4] = 1.0 / 3;
        double[][] d = ParallelTransform.defaults().apply(new MeanLast(), SeriesSource.of(x));
        float[][] f = ParallelTransform.builder().blockSize(2).build().applyFloat32(new MeanLast(), SeriesSource.of(x));
        for (int i = 0; i < 7; i++) for (int j = 0; j < 4; j++) assertEquals((float) d[i][j], f[i][j], 0f);
    }

    @Test
    void errorsNameTheSeries() {
        double[][][] x = new double[9][][];
        for (int i = 0; i < 9; i++) x[i] = series(i);
        x[7][1][3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParallelTransform.builder().threads(2).blockSize(4).build().apply(new MeanLast(), SeriesSource.of(x)));
        assertTrue(e.getMessage().contains("series 7 channel 1 time 3 is NaN"), e.getMessage());
        x[7] = new double[][] {new double[10]};
        e = assertThrows(IllegalArgumentException.class, () -> new MeanLast().transform(x));
        assertTrue(e.getMessage().contains("series 7 has 1 channels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParallelTransform.builder().threads(0));
        assertThrows(IllegalArgumentException.class, () -> ParallelTransform.builder().blockSize(0));
        assertThrows(IllegalArgumentException.class, () -> SeriesSource.of(x).subset(new int[] {9}));
    }
}
