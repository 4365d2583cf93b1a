package emolab.timeseries.rocket;

/**
 * Straightforward implementations from the papers' definitions, for known-answer tests: direct
 * dilated convolutions, no accumulation tricks, no shared buffers.
 */
final class SlowReference {
    private SlowReference() {}

    /**
     * MiniRocket output of kernel {@code kernel} at dilation {@code d} summed over {@code channels}:
     * {@code C[t] = Σ_ch Σ_g w_g · x[ch][t + (g − 4)·d]} with zeros outside the series, weights
     * −1 except +2 at the kernel's three positions. Length L (the zero-padded output).
     */
    static double[] miniRocketOutput(double[][] x, int kernel, int d, int[] channels) {
        int[] idx = MiniRocket.kernelIndices(kernel);
        int len = x[0].length;
        double[] c = new double[len];
        for (int t = 0; t < len; t++) {
            double sum = 0;
            for (int ch : channels) {
                for (int g = 0; g < 9; g++) {
                    double w = (g == idx[0] || g == idx[1] || g == idx[2]) ? 2.0 : -1.0;
                    int s = t + (g - 4) * d;
                    if (s >= 0 && s < len) sum += w * x[ch][s];
                }
            }
            c[t] = sum;
        }
        return c;
    }

    /** MiniRocket features of one series from the fitted dilations, biases and channel combinations. */
    static double[] miniRocketFeatures(MiniRocket m, double[][] x) {
        int[] dil = m.dilations(), per = m.featuresPerDilation();
        double[] b = m.biases();
        double[] out = new double[m.numFeatures()];
        int f = 0;
        int len = x[0].length;
        for (int di = 0; di < dil.length; di++) {
            int pad = 4 * dil[di];
            for (int k = 0; k < 84; k++) {
                double[] c = miniRocketOutput(x, k, dil[di], m.channelCombination(di, k));
                int from = MiniRocket.padded(di, k) ? 0 : pad, to = MiniRocket.padded(di, k) ? len : len - pad;
                for (int j = 0; j < per[di]; j++, f++) {
                    int pos = 0;
                    for (int t = from; t < to; t++) if (c[t] > b[f]) pos++;
                    out[f] = pos / (double) (to - from);
                }
            }
        }
        return out;
    }

    /** ROCKET (PPV, max) of every kernel: the authors' loop over output positions, in double. */
    static double[] rocketFeatures(Rocket r, double[][] x) {
        int len = x[0].length;
        double[] out = new double[2 * r.numKernels()];
        for (int k = 0; k < r.numKernels(); k++) {
            int m = r.kernelLength(k), d = r.dilation(k), p = r.padding(k);
            int[] chans = r.kernelChannels(k);
            double[][] w = new double[chans.length][];
            for (int s = 0; s < chans.length; s++) w[s] = r.weights(k, s);
            int outLen = len + 2 * p - (m - 1) * d;
            int end = len + p - (m - 1) * d;
            int pos = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = -p; i < end; i++) {
                double sum = r.bias(k);
                for (int j = 0; j < m; j++) {
                    int index = i + j * d;
                    if (index >= 0 && index < len)
                        for (int s = 0; s < chans.length; s++) sum += w[s][j] * x[chans[s]][index];
                }
                if (sum > max) max = sum;
                if (sum > 0) pos++;
            }
            out[2 * k] = pos / (double) outLen;
            out[2 * k + 1] = max;
        }
        return out;
    }
}
