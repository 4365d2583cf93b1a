package emolab.features.rich;

import java.util.Random;

/** Synthetic test signals. */
final class Signals {
    private Signals() {}

    static double[] tone(double freq, double amp, int sr, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = amp * Math.sin(2 * Math.PI * freq * i / sr);
        return x;
    }

    /** RMS amplitude-estimate of a sinusoid's amplitude over the middle of x (skips 10% each side). */
    static double middleAmplitude(double[] x) {
        int a = x.length / 10, b = x.length - a;
        double s = 0;
        for (int i = a; i < b; i++) s += x[i] * x[i];
        return Math.sqrt(2 * s / (b - a));
    }

    /**
     * Voiced-like waveform: harmonics 1..H with 1/h amplitudes driven by a phase accumulator whose
     * cycle k lasts periods[k] samples (use equal periods for a perfectly periodic signal).
     */
    static double[] harmonicCycles(double[] periods, int harmonics, double amp, double[] cycleAmps) {
        int total = 0;
        double sum = 0;
        for (double p : periods) sum += p;
        total = (int) Math.floor(sum);
        double[] x = new double[total];
        int k = 0;
        double cycleStart = 0;
        for (int i = 0; i < total; i++) {
            while (k < periods.length - 1 && i >= cycleStart + periods[k]) { cycleStart += periods[k]; k++; }
            double phase = (i - cycleStart) / periods[k]; // cycles within cycle k
            double v = 0;
            for (int h = 1; h <= harmonics; h++) v += Math.cos(2 * Math.PI * h * (phase - 0.5)) / h; // peak mid-cycle
            x[i] = amp * (cycleAmps == null ? 1 : cycleAmps[k]) * v / 3;
        }
        return x;
    }

    static double[] constantPeriods(double period, double seconds, int sr) {
        int n = (int) Math.ceil(seconds * sr / period);
        double[] p = new double[n];
        java.util.Arrays.fill(p, period);
        return p;
    }

    /**
     * Glottal-like pulse train: one Rosenberg pulse per cycle (opening 40%, closing 16%), its derivative
     * (glottal flow derivative) passed through the first two formants of a neutral vowel (500, 1500 Hz).
     */
    static double[] glottalPulses(double f0, int sr, double seconds) {
        int n = (int) (seconds * sr);
        double period = sr / f0;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double ph = (i % period) / period;
            double tp = 0.4, tn = 0.16;
            double v;
            if (ph < tp) v = 0.5 * (1 - Math.cos(Math.PI * ph / tp));
            else if (ph < tp + tn) v = Math.cos(Math.PI / 2 * (ph - tp) / tn);
            else v = 0;
            g[i] = v;
        }
        double[] d = new double[n];
        for (int i = 1; i < n; i++) d[i] = g[i] - g[i - 1];
        d = resonator(d, 500, 80, sr);
        d = resonator(d, 1500, 100, sr);
        double max = 0;
        for (double v : d) max = Math.max(max, Math.abs(v));
        for (int i = 0; i < n; i++) d[i] *= 0.5 / max;
        return d;
    }

    static double[] resonator(double[] x, double freq, double bw, int sr) {
        double r = Math.exp(-Math.PI * bw / sr);
        double a1 = 2 * r * Math.cos(2 * Math.PI * freq / sr), a2 = -r * r;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++)
            y[i] = x[i] + (i > 0 ? a1 * y[i - 1] : 0) + (i > 1 ? a2 * y[i - 2] : 0);
        return y;
    }

    /** Band-limited voiced-like signal (same continuous waveform at any rate): harmonics of f0 below 4 kHz, 1/h. */
    static double[] harmonics(double f0, int sr, double seconds, double amp) {
        int n = (int) (seconds * sr);
        double[] x = new double[n];
        for (int h = 1; h * f0 < 4000; h++)
            for (int i = 0; i < n; i++) x[i] += amp / h * Math.sin(2 * Math.PI * h * f0 * i / sr + 0.3 * h);
        return x;
    }

    static double[] noise(long seed, double amp, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = amp * r.nextGaussian();
        return x;
    }
}
