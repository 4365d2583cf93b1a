package emolab.timeseries;

/**
 * Rolling mean over a fixed window with the leading incomplete windows dropped (pandas'
 * {@code Series.rolling(w).mean().dropna()}): output {@code i} is the mean of
 * {@code x[i .. i+w)}, so {@code n − w + 1} values. Computed like pandas 1.5: a running sum with
 * Kahan-compensated additions and removals.
 */
public final class RollingMean {
    private RollingMean() {}

    /** The valid rolling means of {@code x} over {@code window} points. */
    public static double[] valid(double[] x, int window) {
        Series.requireFinite(x, "series");
        if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
        if (x.length < window)
            throw new IllegalArgumentException("series has " + x.length + " points, shorter than the rolling window "
                    + window);
        int n = x.length;
        double[] out = new double[n - window + 1];
        double sum = 0, compAdd = 0, compRemove = 0;
        int negatives = 0;
        for (int i = 0; i < n; i++) {
            if (i >= window) {
                double v = x[i - window];
                double y = -v - compRemove;
                double t = sum + y;
                compRemove = t - sum - y;
                sum = t;
                if (signbit(v)) negatives--;
            }
            double v = x[i];
            double y = v - compAdd;
            double t = sum + y;
            compAdd = t - sum - y;
            sum = t;
            if (signbit(v)) negatives++;
            if (i >= window - 1) {
                double r = sum / window;
                if (negatives == 0 && r < 0) r = 0;
                else if (negatives == window && r > 0) r = 0;
                out[i - window + 1] = r;
            }
        }
        return out;
    }

    private static boolean signbit(double v) {
        return (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    }
}
