package emolab.timeseries;

import emolab.timeseries.classification.ClassificationScores;
import emolab.data.Audio;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frame-level representation on synthetic signals, the channel scaler and the scores. */
class FrameSeriesTest {
    /** A 1 s harmonic tone at {@code f0} Hz between 0.5 s of silence on each side. */
    static double[] tone(double f0, int rate) {
        double[] x = new double[2 * rate];
        for (int i = rate / 2; i < rate * 3 / 2; i++) {
            double t = i / (double) rate;
            for (int h = 1; h <= 5; h++) x[i] += 0.2 / h * Math.sin(2 * Math.PI * f0 * h * t);
        }
        return x;
    }

    @Test
    void toneGivesItsPitchAndTrimmedLength() {
        FrameSeries fs = FrameSeries.defaults();
        double[][] s = fs.compute(new Audio(tone(220, 16_000), 16_000, 1, 16, "tone.wav"));
        assertEquals(22, s.length);
        assertEquals(List.of("mfcc0", "mfcc1"), fs.channels().subList(0, 2));
        int frames = s[0].length;
        // about 1 s of sound kept (the trimmer works on 512-sample hops): 100 frames, give or take the hop
        assertTrue(frames > 95 && frames < 125, "frames after trimming: " + frames);
        double semis = 12 * Math.log(220 / 55.0) / Math.log(2); // 24 semitones
        int near = 0;
        for (int t = 10; t < frames - 10; t++) if (Math.abs(s[21][t] - semis) < 0.2) near++;
        assertTrue(near > 0.9 * (frames - 20), "F0 channel near 24 semitones in the middle: " + near + "/" + (frames - 20));
        // untrimmed: 2 s -> 1 + 32000/160 frames
        assertEquals(201, new FrameSeries(false).compute(tone(220, 16_000))[0].length);
    }

    @Test
    void otherRatesAreResampled() {
        double[][] s48 = FrameSeries.defaults().compute(new Audio(tone(220, 48_000), 48_000, 1, 16, "t48.wav"));
        double[][] s16 = FrameSeries.defaults().compute(new Audio(tone(220, 16_000), 16_000, 1, 16, "t16.wav"));
        assertTrue(Math.abs(s48[0].length - s16[0].length) <= 4, s48[0].length + " vs " + s16[0].length);
        int mid = Math.min(s48[0].length, s16[0].length) / 2;
        assertEquals(s16[21][mid], s48[21][mid], 0.2);
    }

    @Test
    void badInput() {
        FrameSeries fs = FrameSeries.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fs.compute(new Audio(new double[300], 16_000, 1, 16, "short.wav")));
        assertTrue(e.getMessage().contains("short.wav") && e.getMessage().contains("400"), e.getMessage());
        double[] nan = tone(220, 16_000);
        nan[100] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> fs.compute(new Audio(nan, 16_000, 1, 16, "nan.wav")));
        assertTrue(e.getMessage().contains("nan.wav") && e.getMessage().contains("index 100"), e.getMessage());
    }

    @Test
    void channelScalerUsesTrainingPointsOnly() {
        double[][] a = {{1, 2, 3}, {5, 5, 5}}, b = {{4, 5}, {5, 5}};
        ChannelScaler sc = ChannelScaler.fit(List.of(a, b));
        assertArrayEquals(new double[]{3, 5}, sc.means(), 1e-15);
        assertArrayEquals(new double[]{Math.sqrt(2), 1}, sc.scales(), 1e-15); // constant channel keeps scale 1
        assertArrayEquals(new double[]{-2 / Math.sqrt(2), 0}, new double[]{sc.transform(a)[0][0], sc.transform(a)[1][0]}, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> sc.transform(new double[][]{{1}}));
        assertThrows(IllegalArgumentException.class, () -> ChannelScaler.fit(List.of(a, new double[][]{{1}})));
    }

    @Test
    void classificationScoresByHand() {
        // truth 0,0,1,1,2 ; pred 0,1,1,1,0: class0 P=1/2 R=1/2 F=1/2; class1 P=2/3 R=1 F=0.8; class2 P=0 R=0 F=0
        ClassificationScores s = ClassificationScores.of(new int[]{0, 0, 1, 1, 2}, new int[]{0, 1, 1, 1, 0});
        assertEquals(0.6, s.accuracy(), 1e-15);
        assertEquals((0.5 + 0.8 + 0) / 3, s.macroF1(), 1e-15);
        // a label absent from both is not averaged
        assertEquals(1.0, ClassificationScores.of(new int[]{0, 3}, new int[]{0, 3}).macroF1(), 0);
        assertThrows(IllegalArgumentException.class, () -> ClassificationScores.of(new int[]{0}, new int[]{0, 1}));
    }
}
