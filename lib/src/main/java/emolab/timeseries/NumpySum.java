package emolab.timeseries;

import emolab.features.dsp.Stats;

/**
 * {@code numpy.sum} of a 1-D array exactly as NumPy 1.24 computes it: the reduction runs over
 * blocks of the ufunc buffer size (8192 elements), each block summed pairwise, the block sums
 * accumulated left to right from 0.
 */
final class NumpySum {
    static final int BUFFER = 8192;

    private NumpySum() {}

    static double sum(double[] a, int off, int n) {
        double acc = 0;
        for (int s = 0; s < n; s += BUFFER) acc += emolab.numeric.NumpySum.pairwise(a, off + s, Math.min(BUFFER, n - s));
        return acc;
    }

    static double mean(double[] a, int off, int n) {
        return sum(a, off, n) / n;
    }

    static float sum(float[] a, int off, int n) {
        float acc = 0f;
        for (int s = 0; s < n; s += BUFFER) acc += ZNormalization.pairwiseSum(a, off + s, Math.min(BUFFER, n - s));
        return acc;
    }
}
