package emolab.timeseries;

import emolab.numeric.StandardScaler;

import java.util.List;

/**
 * Standardises each channel of multivariate series {@code [channel][time]} with the mean and
 * population standard deviation of that channel over <b>all time points of the training series</b>
 * (one scaler for the data set, fitted on training data only). A channel that is constant in
 * training keeps scale 1. Immutable once fitted.
 */
public final class ChannelScaler {
    private final double[] mean;
    private final double[] scale;

    private ChannelScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits on training series (lengths may differ; channel counts may not). */
    public static ChannelScaler fit(List<double[][]> train) {
        if (train == null || train.isEmpty()) throw new IllegalArgumentException("no training series to fit the scaler on");
        int ch = train.get(0).length;
        long[] count = new long[ch];
        for (int i = 0; i < train.size(); i++) {
            double[][] s = train.get(i);
            if (s.length != ch)
                throw new IllegalArgumentException("series " + i + " has " + s.length + " channels, series 0 has " + ch);
            for (int c = 0; c < ch; c++) {
                Series.requireFinite(s[c], "series " + i + " channel " + c);
                count[c] += s[c].length;
            }
        }
        double[] mean = new double[ch], scale = new double[ch];
        for (int c = 0; c < ch; c++) {
            if (count[c] == 0) throw new IllegalArgumentException("channel " + c + " has no points in training");
            if (count[c] > Integer.MAX_VALUE) throw new IllegalArgumentException("channel " + c + " has more than 2^31 training points");
            // the channel's training points, series after series, as one column
            double[] all = new double[(int) count[c]];
            int at = 0;
            for (double[][] s : train) {
                System.arraycopy(s[c], 0, all, at, s[c].length);
                at += s[c].length;
            }
            StandardScaler sc = StandardScaler.fit(all.length, 1, (i, j) -> all[i]);
            mean[c] = sc.mean()[0];
            scale[c] = sc.scale()[0];
        }
        return new ChannelScaler(mean, scale);
    }

    public int channels() { return mean.length; }

    public double[] means() { return mean.clone(); }

    public double[] scales() { return scale.clone(); }

    /** The standardised copy of one series. */
    public double[][] transform(double[][] x) {
        if (x.length != mean.length)
            throw new IllegalArgumentException("series has " + x.length + " channels, the scaler was fitted on " + mean.length);
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            out[c] = new double[x[c].length];
            for (int t = 0; t < x[c].length; t++) out[c][t] = (x[c][t] - mean[c]) / scale[c];
        }
        return out;
    }

    /**
     * Standardises every series and cuts or pads it to {@code length} time points; padding is 0,
     * i.e. each channel's training mean. Returns {@code [series][channel][time]}.
     */
    public double[][][] transform(List<double[][]> xs, int length) {
        double[][][] out = new double[xs.size()][][];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Series.padOrCut(transform(xs.get(i)), length, 0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("series " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
