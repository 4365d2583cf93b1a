package emolab.features.dsp;

/** Analysis windows (as {@code scipy.signal.get_window}). */
public final class Windows {
    private Windows() {}

    /**
     * Hann window of length {@code n}. {@code periodic = true} is the "fftbins" (DFT-even) window
     * librosa uses for STFTs; {@code false} is the symmetric one. Computed like SciPy's
     * {@code general_cosine}: {@code 0.5 + 0.5 * cos(fac)} with {@code fac = linspace(-pi, pi, M)}.
     */
    public static double[] hann(int n, boolean periodic) {
        if (n <= 0) return new double[0];
        if (n == 1) return new double[] {1.0};
        int m = periodic ? n + 1 : n;
        double[] fac = Numpy.linspace(-Math.PI, Math.PI, m, true);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.5 + 0.5 * Math.cos(fac[i]);
        return w;
    }
}
