package emolab.timeseries.representations;

import emolab.timeseries.Series;
import emolab.features.dsp.Stats;

import java.util.Arrays;
import java.util.List;

/**
 * The course's 13 summary statistics of a series (the {@code calculate_features} of its
 * time-series lab): {@code avg, std, var, med, 10p, 25p, 50p, 75p, 90p, iqr, cov, skw, kur} with
 * NumPy's {@code mean}, {@code std}, {@code var} (population), {@code median},
 * {@code percentile} (linear), {@code iqr = 75p − 25p}, {@code cov = mean / std} (the coefficient
 * of variation as the course wrote it, mean over std), {@code scipy.stats.skew} and
 * {@code kurtosis} (biased, Fisher). Defined behaviour for a constant series: std = var = iqr = 0,
 * skw = 0, kur = −3 and cov = 0 (NumPy would give ±inf or NaN). Empty series and NaN are rejected.
 */
public final class SummaryStatistics {
    /** Names in output order. */
    public static final List<String> NAMES = List.of("avg", "std", "var", "med", "10p", "25p", "50p", "75p", "90p",
            "iqr", "cov", "skw", "kur");

    private static final ThreadLocal<Stats.Workspace> WORK = ThreadLocal.withInitial(Stats.Workspace::new);

    private SummaryStatistics() {}

    /** The 13 statistics of {@code x}. */
    public static double[] of(double[] x) {
        Series.requireFinite(x, "series");
        int n = x.length;
        if (n == 0) throw new IllegalArgumentException("summary statistics need a non-empty series");
        double[] d = new double[Stats.COUNT];
        Stats.describe(x, 0, n, d, 0, WORK.get());
        double mean = d[1], std = d[2];
        double[] s = x.clone();
        Arrays.sort(s);
        double p10 = Stats.quantileSorted(s, 0, n, 0.10), p25 = d[7], p50 = d[8], p75 = d[9];
        double p90 = Stats.quantileSorted(s, 0, n, 0.90);
        return new double[]{mean, std, std * std, p50, p10, p25, p50, p75, p90, p75 - p25,
                std > 0 ? mean / std : 0, d[13], d[12]};
    }

    /** The statistics of each series (computed in parallel). */
    public static double[][] of(double[][] xs) {
        double[][] out = new double[xs.length][];
        java.util.stream.IntStream.range(0, xs.length).parallel().forEach(i -> {
            try {
                out[i] = of(xs[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("series " + i + ": " + e.getMessage(), e);
            }
        });
        return out;
    }
}
