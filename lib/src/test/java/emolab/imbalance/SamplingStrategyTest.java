package emolab.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import emolab.imbalance.SamplingStrategy.Type;

/** {@link SamplingStrategy#resolve} against imbalanced-learn 0.10's {@code check_sampling_strategy} rules. */
class SamplingStrategyTest {
    // class 2: 10 rows, class 5: 4 rows, class 9: 10 rows (tie for majority: the smaller label wins)
    static final int[] Y = labels(Map.of(2, 10, 5, 4, 9, 10));

    static int[] labels(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().flatMapToInt(e -> java.util.stream.IntStream.generate(e::getKey).limit(e.getValue())).toArray();
    }

    @Test
    void namedStrategies() {
        assertEquals(Map.of(5, 6, 9, 0), SamplingStrategy.auto().resolve(Y, Type.OVER_SAMPLING));
        assertEquals(Map.of(2, 4, 9, 4), SamplingStrategy.auto().resolve(Y, Type.UNDER_SAMPLING));
        assertEquals(Map.of(2, 4, 9, 4), SamplingStrategy.auto().resolve(Y, Type.CLEAN_SAMPLING));
        assertEquals(Map.of(5, 6), SamplingStrategy.minority().resolve(Y, Type.OVER_SAMPLING));
        assertEquals(Map.of(2, 4), SamplingStrategy.majority().resolve(Y, Type.UNDER_SAMPLING));
        assertEquals(Map.of(2, 0, 9, 0), SamplingStrategy.notMinority().resolve(Y, Type.OVER_SAMPLING));
        assertEquals(Map.of(2, 0, 5, 6, 9, 0), SamplingStrategy.all().resolve(Y, Type.OVER_SAMPLING));
        assertEquals(Map.of(5, 4, 9, 4), SamplingStrategy.notMajority().resolve(Y, Type.UNDER_SAMPLING));
        assertEquals("[2, 5, 9]", SamplingStrategy.all().resolve(Y, Type.OVER_SAMPLING).keySet().toString());
    }

    @Test
    void countsAndRatio() {
        assertEquals(Map.of(5, 16), SamplingStrategy.counts(Map.of(5, 20)).resolve(Y, Type.OVER_SAMPLING));
        assertEquals(Map.of(2, 7), SamplingStrategy.counts(Map.of(2, 7)).resolve(Y, Type.UNDER_SAMPLING));
        int[] bin = labels(Map.of(0, 100, 1, 7));
        assertEquals(Map.of(1, 43), SamplingStrategy.ratio(0.5).resolve(bin, Type.OVER_SAMPLING));
        assertEquals(Map.of(0, 14), SamplingStrategy.ratio(0.5).resolve(bin, Type.UNDER_SAMPLING));
        assertEquals(Map.of(1, 7), SamplingStrategy.classes(1).resolve(bin, Type.CLEAN_SAMPLING));
    }

    private static void assertMessage(String part, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void badStrategies() {
        assertMessage("cannot reduce class 2", () -> SamplingStrategy.counts(Map.of(2, 3)).resolve(Y, Type.OVER_SAMPLING));
        assertMessage("cannot grow class 5", () -> SamplingStrategy.counts(Map.of(5, 9)).resolve(Y, Type.UNDER_SAMPLING));
        assertMessage("class 7, which is not in y", () -> SamplingStrategy.counts(Map.of(7, 9)).resolve(Y, Type.OVER_SAMPLING));
        assertMessage("binary", () -> SamplingStrategy.ratio(0.5).resolve(Y, Type.OVER_SAMPLING));
        assertMessage("increase the ratio", () -> SamplingStrategy.ratio(0.01).resolve(labels(Map.of(0, 100, 1, 7)), Type.OVER_SAMPLING));
        assertMessage("cannot be used with under-sampling", () -> SamplingStrategy.minority().resolve(Y, Type.UNDER_SAMPLING));
        assertMessage("cannot be used with over-sampling", () -> SamplingStrategy.majority().resolve(Y, Type.OVER_SAMPLING));
        assertMessage("cleaning samplers only", () -> SamplingStrategy.classes(2).resolve(Y, Type.OVER_SAMPLING));
        assertMessage("more than 1 class", () -> SamplingStrategy.auto().resolve(new int[] {3, 3, 3}, Type.OVER_SAMPLING));
        assertMessage("(0, 1]", () -> SamplingStrategy.ratio(1.5));
        assertMessage("non-negative", () -> SamplingStrategy.counts(Map.of(1, -2)));
    }
}
