package emolab.outliers;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutlierReportTest {

    private static OutlierModel fixed(String name, double threshold, double... s) {
        return OutlierModel.of(name, 1, s, x -> new double[x.length]).withThreshold(threshold);
    }

    @Test
    void votesConsensusAndRates() {
        OutlierModel a = fixed("A", 2.5, 1, 2, 3, 4), b = fixed("B", 0.5, 1, 0, 0, 0), c = fixed("C", 3.5, 0, 0, 0, 9);
        List<OutlierModel> ms = List.of(a, b, c);
        assertArrayEquals(new int[] {1, 0, 1, 2}, OutlierReport.votes(ms));
        assertArrayEquals(new boolean[] {false, false, false, true}, OutlierReport.consensus(ms, 2));
        assertThrows(IllegalArgumentException.class, () -> OutlierReport.consensus(ms, 4));
        // mean rank / n: A ranks 1..4, B (1,0,0,0) → (4, 2, 2, 2), C (0,0,0,9) → (2, 2, 2, 4)
        double[] s = OutlierReport.meanRank(ms);
        assertEquals((1 + 4 + 2) / 12.0, s[0], 1e-15);
        assertEquals((4 + 2 + 4) / 12.0, s[3], 1e-15);
        Table labels = Table.create("labels", StringColumn.create("emotion", "sad", "sad", "angry", "angry"),
                IntColumn.create("actor", 10, 2, 2, 10));
        boolean[] flags = {true, false, false, true};
        Table r = OutlierReport.rateBy(labels, flags, "actor");
        assertEquals(List.of("2", "10"), r.stringColumn("actor").asList(), "actors in numeric order");
        assertEquals(List.of(0, 2), r.intColumn("outliers").asList());
        assertEquals(1.0, r.doubleColumn("rate").getDouble(1));
        assertEquals(2.0, r.doubleColumn("rate / overall").getDouble(1));
        Table top = OutlierReport.top(labels, ms, 2, List.of("emotion"));
        assertEquals(List.of(3, 0), top.intColumn("row").asList());
        assertEquals(List.of("angry", "sad"), top.stringColumn("emotion").asList());
        assertThrows(IllegalArgumentException.class, () -> OutlierReport.rateBy(labels, new boolean[3], "actor"));
        assertThrows(IllegalArgumentException.class, () -> OutlierReport.top(labels, ms, 2, List.of("nope")));
        Table sum = OutlierReport.summary(ms);
        assertEquals(List.of("A", "B", "C"), sum.stringColumn("detector").asList());
        assertEquals(List.of(2, 1, 1), sum.intColumn("flagged").asList());
        assertEquals(2.5, sum.doubleColumn("median score").getDouble(0));
        assertEquals(9.0, sum.doubleColumn("max score").getDouble(2));
        assertEquals(b, OutlierReport.find(ms, "B"));
        assertThrows(IllegalArgumentException.class, () -> OutlierReport.find(ms, "Z"));
    }
}
