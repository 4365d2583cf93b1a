package emolab.timeseries.representations;

import emolab.timeseries.Series;
import emolab.features.dsp.Stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Statistical-moment features of a series: {@code mean, std, skew, kurt, q05, q25, q50, q75, q95}
 * (population std; biased skewness and Fisher kurtosis as {@code scipy.stats}; NumPy's linear
 * quantiles; all via {@link Stats}). For a multivariate series {@code [channel][time]} the nine
 * values are computed per channel, and optionally also for each channel's first difference
 * ({@code d_} prefix), which describes how fast the channel moves. A constant series has std 0,
 * skew 0 and kurt −3 (SciPy's convention). Empty series and NaN are rejected. Stateless.
 */
public final class MomentFeatures {
    /** Statistic names in output order. */
    public static final List<String> NAMES = List.of("mean", "std", "skew", "kurt", "q05", "q25", "q50", "q75", "q95");

    /** Per-thread buffers of {@link Stats#describe} (a fresh one per call would allocate its 4 MB histogram each time). */
    private static final ThreadLocal<Stats.Workspace> WORK = ThreadLocal.withInitial(Stats.Workspace::new);

    private final boolean deltas;

    /** @param deltas also describe the first differences of each channel */
    public MomentFeatures(boolean deltas) {
        this.deltas = deltas;
    }

    /** The nine moments of one series. */
    public static double[] of(double[] x) {
        Series.requireFinite(x, "series");
        if (x.length == 0) throw new IllegalArgumentException("moment features need a non-empty series");
        double[] d = new double[Stats.COUNT];
        Stats.describe(x, 0, x.length, d, 0, WORK.get());
        // Stats order: sum, mean, std, min, max, q01, q05, q25, q50, q75, q95, q99, kur, skew
        return new double[]{d[1], d[2], d[13], d[12], d[6], d[7], d[8], d[9], d[10]};
    }

    /** Feature names for series with the given channel names. */
    public List<String> names(List<String> channels) {
        List<String> n = new ArrayList<>();
        for (String c : channels) for (String s : NAMES) n.add(c + "_" + s);
        if (deltas) for (String c : channels) for (String s : NAMES) n.add("d_" + c + "_" + s);
        return n;
    }

    /** Features of a multivariate series {@code [channel][time]}. */
    public double[] transform(double[][] x) {
        int ch = x.length;
        double[] out = new double[ch * NAMES.size() * (deltas ? 2 : 1)];
        int k = 0;
        for (int c = 0; c < ch; c++) {
            double[] m = of(x[c]);
            System.arraycopy(m, 0, out, k, m.length);
            k += m.length;
        }
        if (deltas) {
            for (int c = 0; c < ch; c++) {
                if (x[c].length < 2)
                    throw new IllegalArgumentException("channel " + c + " has " + x[c].length + " points; deltas need 2");
                double[] diff = new double[x[c].length - 1];
                for (int t = 0; t < diff.length; t++) diff[t] = x[c][t + 1] - x[c][t];
                double[] m = of(diff);
                System.arraycopy(m, 0, out, k, m.length);
                k += m.length;
            }
        }
        return out;
    }

    /** Features of many series (computed in parallel). */
    public double[][] transform(List<double[][]> xs) {
        double[][] out = new double[xs.size()][];
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> {
            try {
                out[i] = transform(xs.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("series " + i + ": " + e.getMessage(), e);
            }
        });
        return out;
    }
}
