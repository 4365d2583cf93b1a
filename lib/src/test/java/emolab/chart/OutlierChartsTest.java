package emolab.chart;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** {@link OutlierCharts#scoreHistogram}: bin edges never fall back, so XChart can paint the area series. */
class OutlierChartsTest {
    @Test
    void lastBinEdgeIsTheMaximumEvenWhenTheSumRoundsAboveIt() {
        // found by search: with 60 bins, lo + 60·((hi − lo)/60) rounds one ulp above hi
        double lo = 0.34525830151341586, hi = 122.47250509950416;
        int bins = 60;
        assertTrue(lo + bins * ((hi - lo) / bins) > hi, "precondition: this range shows the rounding");
        XYChart chart = OutlierCharts.scoreHistogram(new double[] {lo, hi, 50}, Double.NaN, bins, "rounding");
        double[] xs = chart.getSeriesMap().get("scores").getXData();
        for (int i = 1; i < xs.length; i++) assertTrue(xs[i] >= xs[i - 1], "x falls back at " + i + ": " + xs[i - 1] + " → " + xs[i]);
        assertEquals(hi, xs[xs.length - 1], 0.0);
        assertEquals(hi, xs[xs.length - 2], 0.0);
        assertDoesNotThrow(() -> BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
