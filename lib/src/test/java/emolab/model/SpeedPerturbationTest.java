package emolab.model;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.Audio;
import emolab.features.FeatureSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedPerturbationTest {
    /** A feature set that reports the number of samples it was given. */
    private static final FeatureSet LENGTH = new FeatureSet() {
        @Override public String name() { return "length"; }
        @Override public String version() { return "1"; }
        @Override public List<String> columns() { return List.of("n"); }
        @Override public double[] extract(Audio a) { return new double[] {a.samples().length}; }
    };

    private static Audio tone(double hz, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = 0.3 * Math.sin(2 * Math.PI * hz * i / 16000.0) + 0.01 * Math.sin(i * 0.37 + hz);
        return new Audio(s, 16000, 1, 16, "tone " + hz);
    }

    @Test
    void speedsUpOrSlowsDownEachRecordingTheSameWayEveryTime() {
        SpeedPerturbation sp = new SpeedPerturbation(LENGTH);
        assertEquals(List.of("n"), sp.columns());
        assertTrue(sp.version().startsWith("1/"), sp.version());
        boolean sawFaster = false, sawSlower = false;
        for (double hz = 100; hz < 400; hz += 7) {
            Audio a = tone(hz, 16000);
            double n = sp.extract(a)[0];
            assertEquals(n, sp.extract(a)[0]); // deterministic per recording
            boolean faster = SpeedPerturbation.faster(a.samples());
            // speed 1.1: 10/11 of the samples; speed 0.9: 10/9 of them (rounding of the resampler aside)
            assertEquals(faster ? 16000 * 10.0 / 11 : 16000 * 10.0 / 9, n, 2.0, "tone " + hz);
            sawFaster |= faster;
            sawSlower |= !faster;
        }
        assertTrue(sawFaster && sawSlower, "both speeds occur");
    }
}
