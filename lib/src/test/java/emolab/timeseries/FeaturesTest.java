package emolab.timeseries;

import emolab.timeseries.representations.MomentFeatures;
import emolab.timeseries.representations.SummaryStatistics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Moment features and the course's 13 summary statistics on hand-computed examples. */
class FeaturesTest {
    @Test
    void summaryStatisticsOfOneTwoThreeFour() {
        double[] s = SummaryStatistics.of(new double[]{4, 1, 3, 2});
        // mean 2.5, var = mean((x-2.5)^2) = 1.25; percentiles at virtual index 3q: 10p -> 0.3 -> 1.3 etc.
        // kurtosis: m4 = (1.5^4 * 2 + 0.5^4 * 2) / 4 = 2.5625, m4 / m2^2 - 3 = 1.64 - 3
        double[] expected = {2.5, Math.sqrt(1.25), 1.25, 2.5, 1.3, 1.75, 2.5, 3.25, 3.7, 1.5, 2.5 / Math.sqrt(1.25), 0, 1.64 - 3};
        assertArrayEquals(expected, s, 1e-12);
        assertEquals(13, SummaryStatistics.NAMES.size());
    }

    @Test
    void skewedSeries() {
        // x = [0, 0, 0, 4]: mean 1, m2 = (1+1+1+9)/4 = 3, m3 = (-1-1-1+27)/4 = 6, skew = 6 / 3^1.5
        double[] s = SummaryStatistics.of(new double[]{0, 0, 0, 4});
        assertEquals(6 / Math.pow(3, 1.5), s[11], 1e-12);
        // m4 = (1+1+1+81)/4 = 21, kurt = 21/9 - 3
        assertEquals(21.0 / 9 - 3, s[12], 1e-12);
        assertEquals(1 / Math.sqrt(3), s[10], 1e-12);
    }

    @Test
    void constantSeriesHasDefinedStatistics() {
        double[] s = SummaryStatistics.of(new double[]{2, 2, 2});
        assertArrayEquals(new double[]{2, 0, 0, 2, 2, 2, 2, 2, 2, 0, 0, 0, -3}, s, 0);
        double[] m = MomentFeatures.of(new double[]{2, 2, 2});
        assertArrayEquals(new double[]{2, 0, 0, -3, 2, 2, 2, 2, 2}, m, 0);
        assertThrows(IllegalArgumentException.class, () -> SummaryStatistics.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> MomentFeatures.of(new double[]{1, Double.NaN}));
    }

    @Test
    void momentFeaturesPerChannelWithDeltas() {
        double[][] x = {{4, 1, 3, 2}, {0, 0, 0, 4}};
        MomentFeatures f = new MomentFeatures(true);
        double[] v = f.transform(x);
        assertEquals(36, v.length);
        assertEquals(List.of("a_mean", "a_std"), f.names(List.of("a", "b")).subList(0, 2));
        assertEquals("d_b_q95", f.names(List.of("a", "b")).get(35));
        assertEquals(2.5, v[0], 0);
        assertEquals(Math.sqrt(1.25), v[1], 1e-15);
        assertEquals(1.0, v[9], 0); // mean of channel b
        // deltas of channel a: [-3, 2, -1], mean -2/3
        assertEquals(-2.0 / 3, v[18], 1e-15);
        // q05 of [1,2,3,4]: virtual index 0.15 -> 1.15
        assertEquals(1.15, v[4], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> f.transform(new double[][]{{1}}));
    }
}
