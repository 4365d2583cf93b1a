package emolab.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EmotionData#columns}: the ablation's way to leave a feature group out. */
class EmotionDataColumnsTest {
    @Test
    void keepsTheChosenColumnsOfRowsAndAugmentedRows() {
        double[][] x = {{1, 2, 3}, {4, 5, 6}};
        double[][] aug = {{10, 20, 30}, {40, 50, 60}};
        EmotionData d = new EmotionData(x, new int[] {0, 1}, new int[] {1, 2}, new String[] {"actor 01", "actor 02"},
                List.of(Path.of("a.wav"), Path.of("b.wav")), List.of("mfcc", "eg_loudness_mean", "rms"), aug, List.of());
        EmotionData base = d.columns(c -> !c.startsWith(ModelAblation.EGEMAPS_PREFIX));
        assertEquals(List.of("mfcc", "rms"), base.featureNames());
        assertArrayEquals(new double[] {1, 3}, base.x()[0]);
        assertArrayEquals(new double[] {4, 6}, base.x()[1]);
        assertArrayEquals(new double[] {40, 60}, base.augmented()[1]);
        assertArrayEquals(d.y(), base.y());
        assertEquals(d.paths(), base.paths());
        assertArrayEquals(new double[] {1, 2, 3}, d.x()[0], "the original is left alone");
    }
}
