package emolab.timeseries.representations;

import emolab.timeseries.Series;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Discrete Fourier transform approximation: a series is summarised by its first {@code k}
 * coefficients of the unnormalised real DFT {@code X_k = Σ_t x_t·exp(−2πi·k·t/n)}
 * ({@code numpy.fft.rfft}) and approximated by the inverse transform with all higher coefficients
 * set to 0 ({@code numpy.fft.irfft(Y, n)}). FFTs by JTransforms. Thread-safe (no shared state).
 */
public final class DftApproximation {
    private final int k;

    /** @param coefficients number of leading coefficients kept, at least 1 */
    public DftApproximation(int coefficients) {
        if (coefficients < 1) throw new IllegalArgumentException("DFT coefficients must be >= 1, got " + coefficients);
        this.k = coefficients;
    }

    public int coefficients() { return k; }

    /** {@code {re[0..k), im[0..k)}} of the first {@code k} rfft coefficients. */
    public double[][] transform(double[] x) {
        Series.requireFinite(x, "series");
        int n = x.length;
        if (n / 2 + 1 < k)
            throw new IllegalArgumentException("a series of " + n + " points has " + (n / 2 + 1)
                    + " rfft coefficients, fewer than the " + k + " requested");
        double[] a = fullSpectrum(x);
        double[] re = new double[k], im = new double[k];
        for (int j = 0; j < k; j++) {
            re[j] = a[2 * j];
            im[j] = a[2 * j + 1];
        }
        im[0] = 0; // the DC term of a real series is real
        if (n % 2 == 0 && k == n / 2 + 1) im[k - 1] = 0;
        return new double[][]{re, im};
    }

    /**
     * The coefficients as one real vector {@code [re0, re1, im1, re2, im2, …]} cut to
     * {@code length} values (pyts' {@code DiscreteFourierTransform} layout: real and imaginary
     * parts interleaved, the always-zero {@code im0} dropped; the course's DFT table).
     */
    public static double[] interleaved(double[] x, int length) {
        if (length < 1) throw new IllegalArgumentException("length must be >= 1, got " + length);
        DftApproximation d = new DftApproximation(length / 2 + 1);
        double[][] c = d.transform(x);
        double[] out = new double[length];
        out[0] = c[0][0];
        for (int i = 1; i < length; i++) {
            int j = (i + 1) / 2;
            out[i] = (i % 2 == 1) ? c[0][j] : c[1][j];
        }
        return out;
    }

    /** The approximation of {@code x} from its first {@code k} coefficients ({@code irfft}, {@code n} points). */
    public double[] reconstruct(double[] x) {
        double[][] c = transform(x);
        return inverse(c[0], c[1], x.length);
    }

    /** {@code numpy.fft.irfft(Y, n)} with {@code Y = re + i·im} padded with zeros to {@code n/2 + 1} terms. */
    public static double[] inverse(double[] re, double[] im, int n) {
        if (re.length != im.length) throw new IllegalArgumentException("re and im differ in length");
        int bins = n / 2 + 1;
        if (re.length > bins) throw new IllegalArgumentException("more coefficients (" + re.length + ") than a "
                + n + "-point series has (" + bins + ")");
        // Hermitian full spectrum, then a complex inverse FFT; the imaginary part of DC/Nyquist is ignored as numpy does
        double[] a = new double[2 * n];
        for (int j = 0; j < re.length; j++) {
            double r = re[j], i = im[j];
            if (j == 0 || (n % 2 == 0 && j == n / 2)) i = 0;
            a[2 * j] = r;
            a[2 * j + 1] = i;
            if (j > 0 && j < n - j) {
                a[2 * (n - j)] = r;
                a[2 * (n - j) + 1] = -i;
            }
        }
        new DoubleFFT_1D(n).complexInverse(a, true);
        double[] out = new double[n];
        for (int t = 0; t < n; t++) out[t] = a[2 * t];
        return out;
    }

    private static double[] fullSpectrum(double[] x) {
        int n = x.length;
        double[] a = new double[2 * n];
        System.arraycopy(x, 0, a, 0, n);
        new DoubleFFT_1D(n).realForwardFull(a);
        return a;
    }
}
