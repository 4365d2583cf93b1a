package emolab.timeseries;

import emolab.timeseries.classification.OneNearestNeighbor;
import emolab.timeseries.distances.Dtw;
import emolab.timeseries.distances.LbKeogh;
import emolab.timeseries.representations.DftApproximation;
import emolab.timeseries.representations.Paa;
import emolab.timeseries.representations.Sax;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: NaN, constant series, unequal lengths, too-short series. Errors must say what and where. */
class BadInputTest {
    static void expectMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
    }

    @Test
    void constantSeriesZNormalisesToZeros() {
        double[] c = new double[50];
        Arrays.fill(c, 3.5);
        assertArrayEquals(new double[50], ZNormalization.apply(c), 0);
        float[] cf = new float[50];
        Arrays.fill(cf, 3.5f);
        assertArrayEquals(new float[50], ZNormalization.apply(cf), 0);
        assertEquals(0, ZNormalization.apply(new double[0]).length);
        // SAX of a constant series: every PAA value is 0, the middle symbol
        int[] w = new Sax(4).transform(c, Paa.of(5));
        assertArrayEquals(new int[]{2, 2, 2, 2, 2}, w);
    }

    @Test
    void nanIsRejectedWithItsIndex() {
        double[] x = new double[40];
        x[17] = Double.NaN;
        expectMessage(() -> ZNormalization.apply(x), "NaN", "index 17");
        expectMessage(() -> Paa.of(4).transform(x), "index 17");
        expectMessage(() -> new DftApproximation(3).transform(x), "index 17");
        expectMessage(() -> RollingMean.valid(x, 3), "index 17");
        expectMessage(() -> LbKeogh.envelope(x, 2), "index 17");
        expectMessage(() -> new Sax(4).symbols(new double[]{0, Double.NaN}), "index 1");
        double[][] train = {new double[40], x};
        expectMessage(() -> OneNearestNeighbor.dtw(2).fit(train, new int[]{0, 1}), "training series[1]", "index 17");
        x[17] = Double.POSITIVE_INFINITY;
        expectMessage(() -> ZNormalization.apply(x), "non-finite", "index 17");
    }

    @Test
    void unequalLengthsGiveAClearError() {
        double[][] train = {new double[10], new double[12]};
        expectMessage(() -> OneNearestNeighbor.euclidean().fit(train, new int[]{0, 1}), "different lengths", "[1] has 12");
        OneNearestNeighbor nn = OneNearestNeighbor.dtw(1).fit(new double[][]{new double[10], new double[10]}, new int[]{0, 1});
        expectMessage(() -> nn.predict(new double[9]), "query has 9 points", "10");
        expectMessage(() -> Series.euclidean(new double[3], new double[4]), "equal lengths");
        expectMessage(() -> LbKeogh.envelope(new double[5], 1).bound(new double[6]), "equal lengths");
        // DTW itself accepts different lengths (that is what it is for)
        assertEquals(0.0, Dtw.distance(new double[]{1, 1, 2}, new double[]{1, 2, 2, 2}), 0);
        // padding is explicit and documented
        assertArrayEquals(new double[]{1, 2, 0, 0}, Series.padOrCut(new double[]{1, 2}, 4, 0), 0);
        assertArrayEquals(new double[]{1}, Series.padOrCut(new double[]{1, 2}, 1, 0), 0);
    }

    @Test
    void tooShortSeries() {
        expectMessage(() -> Paa.of(20).transform(new double[19]), "20 segments", "got 19");
        expectMessage(() -> RollingMean.valid(new double[5], 6), "shorter than the rolling window 6");
        expectMessage(() -> new DftApproximation(10).transform(new double[10]), "fewer than the 10");
        expectMessage(() -> new Decimator(10).decimate(new double[20]), "pad length 27");
        expectMessage(() -> Dtw.distance(new double[0], new double[3]), "non-empty");
        expectMessage(() -> new Sax(1), "alphabet");
        expectMessage(() -> new Paa(0, Paa.Convention.TSLEARN), "segments");
        expectMessage(() -> OneNearestNeighbor.dtw(-1), "radius");
    }

    @Test
    void courseSeriesPadsShortRecordingsAndChecksTheRate() {
        CourseSeries r = CourseSeries.forSampleRate(16_000);
        assertEquals(46_980, r.cut());
        assertEquals(47, r.window());
        assertEquals(4_652, r.length());
        assertEquals(13_955, CourseSeries.course().length());
        double[] shortWave = new double[20_000];
        for (int i = 0; i < shortWave.length; i++) shortWave[i] = Math.sin(i * 0.01);
        assertTrue(r.isPadded(shortWave.length));
        assertEquals(r.length(), r.build(shortWave).length);
        expectMessage(() -> r.build(new emolab.data.Audio(new double[50_000], 48_000, 1, 16, "x.wav")),
                "x.wav", "48000 Hz", "16000 Hz");
        double[] nan = new double[50_000];
        nan[3] = Double.NaN;
        expectMessage(() -> r.build(nan), "waveform", "index 3");
    }
}
