package emolab.timeseries;

/**
 * A digital IIR filter as cascaded second-order sections {@code [b0, b1, b2, a0, a1, a2]} (SciPy's
 * {@code sos} layout), with SciPy 1.10's {@code sosfilt}, {@code sosfilt_zi} and
 * {@code sosfiltfilt} (odd padding).
 *
 * <p>Every operation has a float64 version and a float32 one. The float32 ones reproduce what
 * SciPy does to a float32 signal such as {@code librosa.load}'s: {@code decimate} casts the
 * coefficients to float32, {@code sosfilt_zi} builds its float32 system (NumPy solves it in float64 and rounds the
 * result to float32) and the recursion runs in float32
 * ({@code float} arithmetic here, which Java evaluates exactly as IEEE-754 single precision).
 * Immutable and thread-safe.
 */
public final class SosFilter {
    private final double[][] sos;

    /** @param sections {@code n × 6} coefficients; every {@code a0} must be non-zero */
    public SosFilter(double[][] sections) {
        if (sections == null || sections.length == 0)
            throw new IllegalArgumentException("sos needs at least one section");
        sos = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            if (sections[s] == null || sections[s].length != 6)
                throw new IllegalArgumentException("sos section " + s + " must have 6 coefficients");
            for (double v : sections[s])
                if (!Double.isFinite(v)) throw new IllegalArgumentException("sos section " + s + " has a non-finite coefficient");
            if (sections[s][3] == 0) throw new IllegalArgumentException("sos section " + s + ": a0 is 0");
            sos[s] = sections[s].clone();
        }
    }

    /** Number of sections. */
    public int sections() { return sos.length; }

    /** A copy of the coefficients, {@code [section][b0 b1 b2 a0 a1 a2]}. */
    public double[][] coefficients() {
        double[][] c = new double[sos.length][];
        for (int s = 0; s < sos.length; s++) c[s] = sos[s].clone();
        return c;
    }

    /** Default pad length of {@link #filtfilt}: {@code 3 * (2 n + 1 - min(#b2 == 0, #a2 == 0))}. */
    public int defaultPadLength() {
        int b2zero = 0, a2zero = 0;
        for (double[] s : sos) {
            if (s[2] == 0) b2zero++;
            if (s[5] == 0) a2zero++;
        }
        return 3 * (2 * sos.length + 1 - Math.min(b2zero, a2zero));
    }

    // ------------------------------------------------------------------ float64

    /** {@code sosfilt_zi}: the initial state for a step response, {@code [section][2]}. */
    public double[][] zi() {
        double[][] zi = new double[sos.length][];
        double scale = 1.0;
        for (int s = 0; s < sos.length; s++) {
            double[] c = sos[s];
            double b0 = c[0], b1 = c[1], b2 = c[2], a0 = c[3], a1 = c[4], a2 = c[5];
            if (a0 != 1.0) {
                b0 /= a0; b1 /= a0; b2 /= a0; a1 /= a0; a2 /= a0; a0 = 1.0;
            }
            // lfilter_zi: (I - companion(a).T) zi = b[1:] - a[1:] * b[0], solved by LU with partial pivoting
            double[] z = solve2(1 + a1, -1, a2, 1, b1 - a1 * b0, b2 - a2 * b0);
            zi[s] = new double[]{scale * z[0], scale * z[1]};
            scale *= ((c[0] + c[1]) + c[2]) / ((c[3] + c[4]) + c[5]);
        }
        return zi;
    }

    /** {@code dgesv} on a 2×2 system {@code [[m00, m01], [m10, m11]] x = [r0, r1]}. */
    private static double[] solve2(double m00, double m01, double m10, double m11, double r0, double r1) {
        if (Math.abs(m10) > Math.abs(m00)) {
            double t = m00; m00 = m10; m10 = t;
            t = m01; m01 = m11; m11 = t;
            t = r0; r0 = r1; r1 = t;
        }
        if (m00 == 0) throw new IllegalArgumentException("singular section: cannot compute the initial state");
        double l = m10 * (1.0 / m00);
        double u11 = m11 - l * m01;
        double y1 = r1 - l * r0;
        double x1 = y1 / u11;
        double x0 = (r0 - m01 * x1) / m00;
        return new double[]{x0, x1};
    }

    /**
     * {@code sosfilt(sos, x, zi=zi)}: filters {@code x} in place order and returns the output; {@code zi}
     * (may be null = zeros) is updated to the final state.
     */
    public double[] filter(double[] x, double[][] zi) {
        double[][] state = zi != null ? zi : new double[sos.length][2];
        double[] y = new double[x.length];
        int ns = sos.length;
        for (int n = 0; n < x.length; n++) {
            double xCur = x[n];
            for (int s = 0; s < ns; s++) {
                double[] c = sos[s];
                double[] st = state[s];
                double xNew = c[0] * xCur + st[0];
                st[0] = c[1] * xCur - c[4] * xNew + st[1];
                st[1] = c[2] * xCur - c[5] * xNew;
                xCur = xNew;
            }
            y[n] = xCur;
        }
        return y;
    }

    /** {@code sosfiltfilt(sos, x)} with SciPy's defaults (odd padding, {@link #defaultPadLength()}). */
    public double[] filtfilt(double[] x) {
        int edge = defaultPadLength();
        Series.requireFinite(x, "x");
        if (x.length <= edge)
            throw new IllegalArgumentException("filtfilt needs a series longer than the pad length " + edge
                    + " (3 x filter taps); got " + x.length + " samples");
        int n = x.length;
        double[] ext = new double[n + 2 * edge];
        for (int i = 0; i < edge; i++) ext[i] = 2 * x[0] - x[edge - i];
        System.arraycopy(x, 0, ext, edge, n);
        for (int i = 0; i < edge; i++) ext[edge + n + i] = 2 * x[n - 1] - x[n - 2 - i];
        double[][] zi = zi();
        double[][] st = scaled(zi, ext[0]);
        double[] y = filter(ext, st);
        double y0 = y[y.length - 1];
        reverse(y);
        y = filter(y, scaled(zi, y0));
        reverse(y);
        double[] out = new double[n];
        System.arraycopy(y, edge, out, 0, n);
        return out;
    }

    private static double[][] scaled(double[][] zi, double v) {
        double[][] s = new double[zi.length][2];
        for (int i = 0; i < zi.length; i++) {
            s[i][0] = zi[i][0] * v;
            s[i][1] = zi[i][1] * v;
        }
        return s;
    }

    private static void reverse(double[] y) {
        for (int i = 0, j = y.length - 1; i < j; i++, j--) {
            double t = y[i]; y[i] = y[j]; y[j] = t;
        }
    }

    // ------------------------------------------------------------------ float32

    /** The coefficients rounded to float32 (as {@code numpy.asarray(sos, dtype=float32)}). */
    float[][] coefficients32() {
        float[][] c = new float[sos.length][6];
        for (int s = 0; s < sos.length; s++) for (int j = 0; j < 6; j++) c[s][j] = (float) sos[s][j];
        return c;
    }

    /** {@code sosfilt_zi} of the float32 coefficients, computed in float32 as SciPy/NumPy do. */
    float[][] zi32() {
        float[][] c32 = coefficients32();
        float[][] zi = new float[sos.length][];
        double scale = 1.0;
        for (int s = 0; s < sos.length; s++) {
            float[] c = c32[s];
            float b0 = c[0], b1 = c[1], b2 = c[2], a0 = c[3], a1 = c[4], a2 = c[5];
            if (a0 != 1.0f) {
                b0 /= a0; b1 /= a0; b2 /= a0; a1 /= a0; a2 /= a0;
            }
            float[] z = solve2f(1f + a1, -1f, a2, 1f, b1 - a1 * b0, b2 - a2 * b0);
            float sc = (float) scale;
            zi[s] = new float[]{sc * z[0], sc * z[1]};
            float ratio = ((c[0] + c[1]) + c[2]) / ((c[3] + c[4]) + c[5]);
            scale *= ratio;
        }
        return zi;
    }

    /** {@code numpy.linalg.solve} on float32 input: solved in float64, the result rounded to float32. */
    private static float[] solve2f(float m00, float m01, float m10, float m11, float r0, float r1) {
        double[] x = solve2(m00, m01, m10, m11, r0, r1);
        return new float[]{(float) x[0], (float) x[1]};
    }

    private static float[] filter32(float[][] c, float[] x, float[][] state) {
        float[] y = new float[x.length];
        int ns = c.length;
        for (int n = 0; n < x.length; n++) {
            float xCur = x[n];
            for (int s = 0; s < ns; s++) {
                float[] k = c[s];
                float[] st = state[s];
                float xNew = k[0] * xCur + st[0];
                st[0] = k[1] * xCur - k[4] * xNew + st[1];
                st[1] = k[2] * xCur - k[5] * xNew;
                xCur = xNew;
            }
            y[n] = xCur;
        }
        return y;
    }

    /** {@link #filtfilt} of a float32 signal with float32 coefficients, all in float32. */
    public float[] filtfilt(float[] x) {
        int edge = defaultPadLength();
        for (int i = 0; i < x.length; i++)
            if (!Float.isFinite(x[i])) throw new IllegalArgumentException("x has a non-finite value at index " + i);
        if (x.length <= edge)
            throw new IllegalArgumentException("filtfilt needs a series longer than the pad length " + edge
                    + " (3 x filter taps); got " + x.length + " samples");
        int n = x.length;
        float[] ext = new float[n + 2 * edge];
        for (int i = 0; i < edge; i++) ext[i] = 2f * x[0] - x[edge - i];
        System.arraycopy(x, 0, ext, edge, n);
        for (int i = 0; i < edge; i++) ext[edge + n + i] = 2f * x[n - 1] - x[n - 2 - i];
        float[][] c = coefficients32();
        float[][] zi = zi32();
        float[] y = filter32(c, ext, scaled32(zi, ext[0]));
        float y0 = y[y.length - 1];
        for (int i = 0, j = y.length - 1; i < j; i++, j--) { float t = y[i]; y[i] = y[j]; y[j] = t; }
        y = filter32(c, y, scaled32(zi, y0));
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = y[y.length - 1 - edge - i];
        return out;
    }

    private static float[][] scaled32(float[][] zi, float v) {
        float[][] s = new float[zi.length][2];
        for (int i = 0; i < zi.length; i++) {
            s[i][0] = zi[i][0] * v;
            s[i][1] = zi[i][1] * v;
        }
        return s;
    }
}
