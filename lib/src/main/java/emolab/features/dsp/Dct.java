package emolab.features.dsp;

/**
 * Orthonormal DCT-II ({@code scipy.fft.dct(x, type=2, norm='ortho')}) of length {@code n},
 * keeping the first {@code nOut} coefficients. Direct matrix form (exact enough and fast for the
 * small sizes of MFCCs). Immutable and thread-safe.
 */
public final class Dct {
    private final int n;
    private final int nOut;
    private final double[] basis; // [k * n + i]

    public Dct(int n, int nOut) {
        if (n < 1 || nOut < 1 || nOut > n) throw new IllegalArgumentException("need 1 <= nOut <= n: n=" + n + " nOut=" + nOut);
        this.n = n;
        this.nOut = nOut;
        this.basis = new double[nOut * n];
        double s0 = Math.sqrt(1.0 / n);
        double sk = Math.sqrt(2.0 / n);
        for (int k = 0; k < nOut; k++) {
            double s = k == 0 ? s0 : sk;
            for (int i = 0; i < n; i++) {
                // cos(pi * k * (2i + 1) / (2n)) with the argument reduced exactly modulo 4n
                long m = ((long) k * (2L * i + 1)) % (4L * n);
                basis[k * n + i] = s * Math.cos(Math.PI * m / (2.0 * n));
            }
        }
    }

    public int size() { return n; }
    public int outputSize() { return nOut; }

    /** {@code out[outOff + k*outStride] = sum_i C[k][i] * in[inOff + i*inStride]} for k &lt; nOut. */
    public void transform(double[] in, int inOff, int inStride, double[] out, int outOff, int outStride) {
        // a constant input (e.g. a silent frame floored by top_db) has exactly zero AC terms, as
        // SciPy's FFT-based DCT gives; the matrix form would leave ~1e-14 residuals
        double v0 = in[inOff];
        boolean constant = true;
        for (int i = 1; i < n && constant; i++) constant = in[inOff + i * inStride] == v0;
        if (constant) {
            out[outOff] = basis[0] * v0 * n;
            for (int k = 1; k < nOut; k++) out[outOff + k * outStride] = 0.0;
            return;
        }
        for (int k = 0; k < nOut; k++) {
            int b = k * n;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            int i = 0;
            if (inStride == 1) {
                for (; i + 3 < n; i += 4) {
                    a0 += basis[b + i] * in[inOff + i];
                    a1 += basis[b + i + 1] * in[inOff + i + 1];
                    a2 += basis[b + i + 2] * in[inOff + i + 2];
                    a3 += basis[b + i + 3] * in[inOff + i + 3];
                }
            }
            for (; i < n; i++) a0 += basis[b + i] * in[inOff + i * inStride];
            out[outOff + k * outStride] = (a0 + a1) + (a2 + a3);
        }
    }

    public double[] transform(double[] in) {
        if (in.length != n) throw new IllegalArgumentException("length " + in.length + " != " + n);
        double[] out = new double[nOut];
        transform(in, 0, 1, out, 0, 1);
        return out;
    }
}
