package emolab.outliers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutlierModelTest {

    /** A model whose training scores are 0..9 and whose scorer returns the first column. */
    private static OutlierModel model() {
        double[] s = new double[10];
        for (int i = 0; i < 10; i++) s[i] = i;
        return OutlierModel.of("test", 2, s, x -> {
            double[] o = new double[x.length];
            for (int i = 0; i < x.length; i++) o[i] = x[i][0];
            return o;
        });
    }

    @Test
    void thresholdIsNumpysPercentileOfTrainingScores() {
        OutlierModel m = model();
        // default contamination 0.1: percentile 90 of 0..9 = 8.1 (linear interpolation)
        assertEquals(8.1, m.threshold(), 1e-12);
        assertEquals(0.1, m.contamination().getAsDouble());
        assertEquals(1, m.trainingOutlierCount());
        OutlierModel m2 = m.withContamination(0.5); // percentile 50 = 4.5
        assertEquals(4.5, m2.threshold(), 1e-12);
        assertEquals(5, m2.trainingOutlierCount());
        assertEquals(8.1, m.threshold(), 1e-12, "views do not change the original");
        OutlierModel m3 = m.withThreshold(2);
        assertTrue(m3.contamination().isEmpty());
        assertArrayEquals(new boolean[] {false, true, true}, m3.labels(new double[][] {{2, 0}, {2.5, 0}, {9, 1}}));
        boolean[] tl = m3.trainingLabels();
        for (int i = 0; i < 10; i++) assertEquals(i > 2, tl[i]);
    }

    @Test
    void percentileMatchesNumpyOnUnevenPositions() {
        double[] s = {3, 1, 4, 1, 5, 9, 2, 6};
        // numpy.percentile(s, 95) = 7.95; numpy.percentile(s, 75) = 5.25
        assertEquals(7.95, OutlierModel.percentileThreshold(s, 0.05), 1e-12);
        assertEquals(5.25, OutlierModel.percentileThreshold(s, 0.25), 1e-12);
    }

    @Test
    void rankingAndTopAreByDescendingScoreThenIndex() {
        OutlierModel m = OutlierModel.of("t", 1, new double[] {1, 3, 3, 0, 2}, x -> new double[x.length]);
        assertArrayEquals(new int[] {1, 2, 4, 0, 3}, m.ranking());
        assertArrayEquals(new int[] {1, 2}, m.top(2));
        assertThrows(IllegalArgumentException.class, () -> m.top(6));
    }

    @Test
    void contaminationOutsideTheRangeIsRejected() {
        OutlierModel m = model();
        for (double c : new double[] {0, -0.1, 0.51, 1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.withContamination(c));
            assertTrue(e.getMessage().contains("(0, 0.5]"), e.getMessage());
        }
        m.withContamination(0.5);
        assertThrows(IllegalArgumentException.class, () -> m.withThreshold(Double.NaN));
    }

    @Test
    void scoringChecksItsInput() {
        OutlierModel m = model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.score(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("3 columns") && e.getMessage().contains("fitted on 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.score(new double[][] {{1, 2}, {Double.NaN, 0}}));
        assertTrue(e.getMessage().contains("row 1, column 0 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.score(new double[][] {{1, 2}, {1}}));
        assertTrue(e.getMessage().contains("row 1 has 1 columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.score(new double[0][]));
        assertFalse(m.toString().isEmpty());
    }

    @Test
    void trainingScoresAreACopy() {
        OutlierModel m = model();
        m.trainingScores()[0] = 99;
        assertEquals(0, m.trainingScores()[0]);
    }
}
