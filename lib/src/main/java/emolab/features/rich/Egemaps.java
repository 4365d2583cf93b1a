package emolab.features.rich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * eGeMAPS-style low-level descriptors (after Eyben et al. 2016, the extended Geneva Minimalistic
 * Acoustic Parameter Set) and their functionals: the {@code egemaps} group of {@link RichFeatures}.
 * This is an independent re-implementation in the spirit of eGeMAPS, not openSMILE's numbers.
 *
 * <p>Low-level descriptors, per 10 ms frame of the 16 kHz trimmed signal:
 * <ul>
 *   <li><b>loudness</b>: Σ over FFT bins 50–8000 Hz of power^0.3 (Stevens' power law on the
 *       STFT power of {@link RichFeatures}; no equal-loudness weighting; the power by {@link PowerLaw},
 *       within a few ulps of {@link Math#pow}), all frames;</li>
 *   <li><b>F0 in semitones</b> re 27.5 Hz from the rich set's YIN track ({@link Yin}), voiced frames;</li>
 *   <li><b>HNR</b> (dB): {@code 10·log10(r/(1−r))} with r the normalised autocorrelation of the YIN
 *       frame at the F0 lag, r clipped to [10⁻⁴, 1−10⁻⁴] (so −40…40 dB), voiced frames;</li>
 *   <li><b>formants F1–F3 and bandwidths B1–B3</b> (Hz): the signal is resampled to
 *       {@value #LPC_SR} Hz, each voiced frame's 25 ms window (centred on the YIN frame, pre-emphasis
 *       {@code 1 − 0.98 z⁻¹}, Hamming) gets an order-{@value #LPC_ORDER} autocorrelation LPC
 *       (Levinson–Durbin); the polynomial's roots (Durand–Kerner, started from the previous LPC
 *       frame's roots) with positive angle give
 *       {@code F = angle·sr/2π}, {@code B = −ln|z|·sr/π}; candidates with 90 Hz &lt; F &lt; sr/2 − 90 Hz and
 *       B &lt; 400 Hz sorted by frequency, the first three are F1–F3 (a frame with fewer candidates
 *       leaves the missing ones out of the statistics);</li>
 *   <li><b>alpha ratio</b> (dB): energy 1–5 kHz over energy 50–1000 Hz;</li>
 *   <li><b>Hammarberg index</b> (dB): strongest bin 0–2 kHz over strongest bin 2–5 kHz;</li>
 *   <li><b>spectral slopes</b> 0–500 Hz and 500–1500 Hz: least-squares slope of the power spectrum in dB
 *       against frequency, in dB/kHz.</li>
 * </ul>
 * Functionals: mean, standard deviation, 20th/50th/80th percentile and the 20–80 range of each
 * descriptor (spectral-balance descriptors over voiced frames, plus their mean over unvoiced
 * frames); mean and standard deviation of the rising and falling slopes (per-frame change in units
 * per second, positive changes / negative changes) of loudness (all frames) and F0 (consecutive
 * voiced frames); local jitter and shimmer in dB ({@link VoiceQuality}); loudness peaks per second,
 * voiced segments per second, mean and standard deviation of voiced and unvoiced segment lengths.
 * Missing values (e.g. no voiced frame) are 0.
 */
public final class Egemaps {
    private Egemaps() {}

    /** Reference of the semitone scale (Hz), as in eGeMAPS. */
    public static final double ST_REF_HZ = 27.5;
    /** Sample rate of the formant analysis. */
    public static final int LPC_SR = 8000;
    /** LPC order of the formant analysis (2 + sr/1000: four to five resonances below 4 kHz). */
    public static final int LPC_ORDER = 10;
    /** Formant analysis window (samples at {@link #LPC_SR}; 25 ms). */
    public static final int LPC_WINDOW = 200;
    private static final double MAX_BANDWIDTH = 400;
    private static final double AMIN = 1e-10;
    /** Stevens' power law of the loudness descriptor, {@code power^0.3} (within a few ulps of {@link Math#pow}). */
    private static final PowerLaw LOUDNESS = new PowerLaw(0.3);

    /** The per-frame descriptors of one signal (frame-aligned to the STFT frames; NaN = undefined). */
    public record Descriptors(double[] loudness, double[] f0St, double[] hnr, double[][] formants, double[][] bandwidths,
            double[] alpha, double[] hammarberg, double[] slopeLow, double[] slopeHigh, boolean[] voiced, double frameRate) {}

    /** A descriptor's six functionals: mean, std, p20, p50, p80, p80 − p20 (0 for no values). */
    static final String[] FUNCTIONALS = {"mean", "std", "p20", "p50", "p80", "range2080"};

    /** Semitones re {@value #ST_REF_HZ} Hz. */
    public static double semitones(double hz) {
        return 12 * Math.log(hz / ST_REF_HZ) / Math.log(2);
    }

    /**
     * Computes the descriptors. {@code power} is the centred STFT power ({@code frames × bins},
     * n_fft {@code 2(bins−1)}, hop = the track's hop) of {@code x} at {@code sr}; {@code x8k} the signal
     * at {@link #LPC_SR} Hz.
     */
    public static Descriptors compute(double[] x, double[] x8k, int sr, double[] power, int frames, int bins, Yin.Track track) {
        int nfft = 2 * (bins - 1);
        double binHz = sr / (double) nfft;
        int hop = track.hop();
        // STFT frame t is centred at t*hop; YIN frame i at i*hop + frame/2
        int offset = (int) Math.round(track.frame() / 2.0 / hop);
        boolean[] voiced = new boolean[frames];
        double[] f0 = new double[frames];
        for (int t = 0; t < frames; t++) {
            int i = t - offset;
            if (i >= 0 && i < track.frames() && track.voiced()[i]) { voiced[t] = true; f0[t] = track.f0()[i]; }
        }
        double[] loud = new double[frames], st = nan(frames), hnr = nan(frames), alpha = new double[frames],
                hamm = new double[frames], s1 = new double[frames], s2 = new double[frames];
        double[][] fm = {nan(frames), nan(frames), nan(frames)}, bw = {nan(frames), nan(frames), nan(frames)};
        int lo50 = (int) Math.ceil(50 / binHz), b1k = (int) Math.floor(1000 / binHz), b2k = (int) Math.floor(2000 / binHz),
                b5k = Math.min(bins - 1, (int) Math.floor(5000 / binHz)), b500 = (int) Math.floor(500 / binHz),
                b1500 = (int) Math.floor(1500 / binHz), top = Math.min(bins - 1, (int) Math.floor(8000 / binHz));
        double[] dbs = new double[bins];
        double[] lpcBuf = new double[LPC_WINDOW];
        double[][][] lastRoots = new double[1][][]; // the previous LPC frame's roots, the next one's start
        double[] a = new double[LPC_ORDER + 1];
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            double l = 0;
            for (int f = lo50; f <= top; f++) l += LOUDNESS.pow(power[o + f]);
            loud[t] = l;
            double low = 0, high = 0, maxLow = 0, maxHigh = 0;
            for (int f = lo50; f <= b1k; f++) low += power[o + f];
            for (int f = b1k + 1; f <= b5k; f++) high += power[o + f];
            for (int f = 1; f <= b2k; f++) maxLow = Math.max(maxLow, power[o + f]);
            for (int f = b2k + 1; f <= b5k; f++) maxHigh = Math.max(maxHigh, power[o + f]);
            alpha[t] = db(high) - db(low);
            hamm[t] = db(maxLow) - db(maxHigh);
            s1[t] = slope(power, o, 0, b500, binHz, dbs);
            s2[t] = slope(power, o, b500, b1500, binHz, dbs);
            if (!voiced[t]) continue;
            st[t] = semitones(f0[t]);
            hnr[t] = hnr(x, (t - offset) * hop, track.frame(), sr / f0[t]);
            int centre8k = (int) Math.round((t * (double) hop) * LPC_SR / sr);
            formants(x8k, centre8k, lpcBuf, a, fm, bw, t, lastRoots);
        }
        return new Descriptors(loud, st, hnr, fm, bw, alpha, hamm, s1, s2, voiced, sr / (double) hop);
    }

    /**
     * The descriptors of a 16 kHz signal computed as {@link RichFeatures} does (centred STFT 512/160 with a
     * periodic Hann window, YIN {@link Yin#richDefault()}), without trimming; for tests and inspection.
     */
    public static Descriptors analyse(double[] x16k) {
        emolab.features.dsp.Stft st = emolab.features.dsp.Stft.librosa(RichFeatures.N_FFT, RichFeatures.HOP);
        int frames = st.frameCount(x16k.length), bins = st.bins();
        double[] power = new double[frames * bins], mag = new double[frames * bins];
        st.compute(x16k, 0, x16k.length, power, mag);
        return compute(x16k, Resampler.resample(x16k, RichFeatures.SR, LPC_SR), RichFeatures.SR, power, frames, bins,
                Yin.richDefault().track(x16k));
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    private static double db(double p) { return 10 * Math.log10(Math.max(AMIN, p)); }

    /**
     * Least-squares slope (dB per kHz) of the power spectrum in dB over bins [a, b]; {@code dbs}
     * holds at least {@code b − a + 1} values of scratch (each bin's dB is computed once).
     */
    private static double slope(double[] power, int o, int a, int b, double binHz, double[] dbs) {
        int n = b - a + 1;
        if (n < 2) return 0;
        double mx = 0, my = 0;
        for (int f = a; f <= b; f++) {
            double d = db(power[o + f]);
            dbs[f - a] = d;
            mx += f * binHz;
            my += d;
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int f = a; f <= b; f++) {
            double dx = f * binHz - mx;
            sxy += dx * (dbs[f - a] - my);
            sxx += dx * dx;
        }
        return sxx == 0 ? 0 : 1000 * sxy / sxx;
    }

    /**
     * HNR (dB) of the frame {@code [start, start+len)} at period {@code period} samples: normalised
     * autocorrelation r at the period (linear interpolation between lags), {@code 10·log10(r/(1−r))}.
     */
    static double hnr(double[] x, int start, int len, double period) {
        int lag = (int) Math.floor(period);
        double frac = period - lag;
        double r0 = corr(x, start, len, lag), r1 = corr(x, start, len, lag + 1);
        double r = (1 - frac) * r0 + frac * r1;
        r = Math.max(1e-4, Math.min(1 - 1e-4, r));
        return 10 * Math.log10(r / (1 - r));
    }

    private static double corr(double[] x, int start, int len, int lag) {
        int w = len - lag;
        if (w <= 0) return 0;
        double sxy = 0, sxx = 0, syy = 0;
        for (int j = 0; j < w; j++) {
            double u = at(x, start + j), v = at(x, start + j + lag);
            sxy += u * v;
            sxx += u * u;
            syy += v * v;
        }
        return sxx <= 0 || syy <= 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double at(double[] x, int i) { return i >= 0 && i < x.length ? x[i] : 0; }

    /**
     * LPC formants of the window centred at {@code centre} of {@code x} (at {@link #LPC_SR}); writes up to three
     * into column {@code t} of {@code fm}/{@code bw}. Returns the number found, −1 for a silent window.
     */
    static int formants(double[] x, int centre, double[] buf, double[] a, double[][] fm, double[][] bw, int t,
                        double[][][] lastRoots) {
        double[][] fb = lpcFormants(x, centre, buf, a, lastRoots);
        if (fb == null) return -1;
        int k = Math.min(3, fb[0].length);
        for (int i = 0; i < k; i++) { fm[i][t] = fb[0][i]; bw[i][t] = fb[1][i]; }
        return k;
    }

    /** {frequencies, bandwidths} (Hz, ascending frequency) of the LPC resonances of one window, or null when silent. */
    static double[][] lpcFormants(double[] x, int centre, double[] buf, double[] a) {
        return lpcFormants(x, centre, buf, a, new double[1][][]);
    }

    /**
     * {@link #lpcFormants(double[], int, double[], double[])} with the root finding started from
     * {@code lastRoots[0]} (null: the circle), which is then set to this window's roots.
     */
    static double[][] lpcFormants(double[] x, int centre, double[] buf, double[] a, double[][][] lastRoots) {
        int n = buf.length, start = centre - n / 2;
        double pre = 0.98;
        double energy = 0;
        for (int i = 0; i < n; i++) {
            double v = at(x, start + i) - pre * at(x, start + i - 1);
            double w = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
            buf[i] = v * w;
            energy += buf[i] * buf[i];
        }
        if (energy < 1e-12) return null;
        int p = a.length - 1;
        double[] r = new double[p + 1];
        for (int k = 0; k <= p; k++) {
            double s = 0;
            for (int i = k; i < n; i++) s += buf[i] * buf[i - k];
            r[k] = s;
        }
        r[0] *= 1 + 1e-9; // tiny white-noise floor for numerical safety
        if (!levinson(r, a)) return null;
        double[][] roots = roots(a, lastRoots[0]);
        lastRoots[0] = roots;
        List<double[]> cand = new ArrayList<>();
        double sr = LPC_SR;
        for (int i = 0; i < roots[0].length; i++) {
            double re = roots[0][i], im = roots[1][i];
            if (im <= 0) continue;
            double f = Math.atan2(im, re) * sr / (2 * Math.PI);
            double mod = Math.hypot(re, im);
            double b = -Math.log(mod) * sr / Math.PI;
            if (f > 90 && f < sr / 2 - 90 && b > 0 && b < MAX_BANDWIDTH) cand.add(new double[] {f, b});
        }
        cand.sort((u, v) -> Double.compare(u[0], v[0]));
        double[][] out = new double[2][cand.size()];
        for (int i = 0; i < cand.size(); i++) { out[0][i] = cand.get(i)[0]; out[1][i] = cand.get(i)[1]; }
        return out;
    }

    /** Levinson–Durbin: {@code a[0] = 1, a[1..p]} of the predictor error filter; false when unstable. */
    static boolean levinson(double[] r, double[] a) {
        int p = a.length - 1;
        Arrays.fill(a, 0);
        a[0] = 1;
        double err = r[0];
        if (err <= 0) return false;
        double[] tmp = new double[p + 1];
        for (int i = 1; i <= p; i++) {
            double acc = r[i];
            for (int j = 1; j < i; j++) acc += a[j] * r[i - j];
            double k = -acc / err;
            System.arraycopy(a, 0, tmp, 0, i);
            for (int j = 1; j < i; j++) a[j] = tmp[j] + k * tmp[i - j];
            a[i] = k;
            err *= 1 - k * k;
            if (!(err > 0)) return false;
        }
        return true;
    }

    /**
     * Roots of {@code z^p + a[1] z^{p−1} + … + a[p]} (a[0] = 1) by Durand–Kerner (Weierstrass)
     * iteration from points on a circle: {re[], im[]}.
     */
    static double[][] roots(double[] a) {
        return roots(a, null);
    }

    /** Durand–Kerner sweeps at most; a seeded start that has not converged by then starts again on the circle. */
    static final int SEEDED_MAX_ITERATIONS = 60;

    /**
     * {@link #roots(double[])}, started from {@code seed} (the roots of a similar polynomial, e.g. the
     * previous frame's LPC polynomial; {re[], im[]} of length p, or null for the circle) rotated by
     * 10⁻³ rad (real or conjugate-symmetric starting points could never leave the real axis or their
     * symmetry): from a near start Durand–Kerner converges in a few sweeps instead of tens. Both
     * starts iterate until no root moves by 10⁻¹², so they find the same roots up to rounding
     * ({@code EgemapsTest} compares them); when the seeded start has not converged after
     * {@value #SEEDED_MAX_ITERATIONS} sweeps the circle start is used.
     */
    static double[][] roots(double[] a, double[][] seed) {
        int p = a.length - 1;
        double[] re = new double[p], im = new double[p];
        if (seed != null && seed[0].length == p) {
            double cr = Math.cos(1e-3), ci = Math.sin(1e-3);
            for (int i = 0; i < p; i++) {
                re[i] = seed[0][i] * cr - seed[1][i] * ci;
                im[i] = seed[0][i] * ci + seed[1][i] * cr;
            }
            if (durandKerner(a, re, im, SEEDED_MAX_ITERATIONS)) return new double[][] {re, im};
        }
        // initial points on a circle of radius 0.9 with an irrational angle offset
        for (int i = 0; i < p; i++) {
            double ang = 2 * Math.PI * i / p + 0.4;
            re[i] = 0.9 * Math.cos(ang);
            im[i] = 0.9 * Math.sin(ang);
        }
        durandKerner(a, re, im, 500);
        return new double[][] {re, im};
    }

    /** Durand–Kerner sweeps on {@code re/im} in place until no root moves by 10⁻¹²; true when converged. */
    private static boolean durandKerner(double[] a, double[] re, double[] im, int maxIterations) {
        int p = re.length;
        for (int iter = 0; iter < maxIterations; iter++) {
            double change = 0;
            for (int i = 0; i < p; i++) {
                // numerator: polynomial at z_i (Horner)
                double pr = 1, pi = 0;
                for (int k = 1; k <= p; k++) {
                    double nr = pr * re[i] - pi * im[i] + a[k];
                    double ni = pr * im[i] + pi * re[i];
                    pr = nr;
                    pi = ni;
                }
                // denominator: Π (z_i − z_j)
                double dr = 1, di = 0;
                for (int j = 0; j < p; j++) {
                    if (j == i) continue;
                    double ur = re[i] - re[j], ui = im[i] - im[j];
                    double nr = dr * ur - di * ui, ni = dr * ui + di * ur;
                    dr = nr;
                    di = ni;
                }
                double den = dr * dr + di * di;
                if (den == 0) { dr = 1e-12; den = 1e-24; }
                double qr = (pr * dr + pi * di) / den, qi = (pi * dr - pr * di) / den;
                re[i] -= qr;
                im[i] -= qi;
                change = Math.max(change, Math.abs(qr) + Math.abs(qi));
            }
            if (change < 1e-12) return true;
        }
        return false;
    }

    /** Appends the six functionals of the finite values of {@code v} (restricted to {@code mask} when given). */
    static void functionals(double[] v, boolean[] mask, boolean want, double[] out, int[] pos) {
        double[] s = select(v, mask, want);
        Arrays.sort(s);
        double p20 = RichFeatures.percentile(s, 0.2), p80 = RichFeatures.percentile(s, 0.8);
        out[pos[0]++] = RichFeatures.mean(s);
        out[pos[0]++] = RichFeatures.std(s);
        out[pos[0]++] = p20;
        out[pos[0]++] = RichFeatures.percentile(s, 0.5);
        out[pos[0]++] = p80;
        out[pos[0]++] = p80 - p20;
    }

    static double[] select(double[] v, boolean[] mask, boolean want) {
        double[] s = new double[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) if (Double.isFinite(v[i]) && (mask == null || mask[i] == want)) s[n++] = v[i];
        return Arrays.copyOf(s, n);
    }

    /**
     * Mean and std of the rising and of the falling per-frame changes (units per second) of
     * {@code v}, only between consecutive frames both finite (and both in {@code mask} when given).
     */
    static void slopes(double[] v, boolean[] mask, double frameRate, double[] out, int[] pos) {
        double[] up = new double[v.length], down = new double[v.length];
        int nu = 0, nd = 0;
        for (int t = 1; t < v.length; t++) {
            if (!Double.isFinite(v[t]) || !Double.isFinite(v[t - 1])) continue;
            if (mask != null && !(mask[t] && mask[t - 1])) continue;
            double d = (v[t] - v[t - 1]) * frameRate;
            if (d > 0) up[nu++] = d;
            else if (d < 0) down[nd++] = d;
        }
        double[] u = Arrays.copyOf(up, nu), w = Arrays.copyOf(down, nd);
        out[pos[0]++] = RichFeatures.mean(u);
        out[pos[0]++] = RichFeatures.std(u);
        out[pos[0]++] = RichFeatures.mean(w);
        out[pos[0]++] = RichFeatures.std(w);
    }

    /**
     * Loudness peaks per second (frames above both neighbours and above the mean loudness), voiced segments per second,
     * mean and std of voiced segment lengths and of unvoiced segment lengths between voiced segments (seconds).
     */
    static void segments(double[] loudness, boolean[] voiced, double frameRate, double[] out, int[] pos) {
        int n = voiced.length;
        double seconds = Math.max(1, n) / frameRate;
        double m = RichFeatures.mean(loudness);
        int peaks = 0;
        for (int t = 1; t + 1 < n; t++) if (loudness[t] > loudness[t - 1] && loudness[t] >= loudness[t + 1] && loudness[t] > m) peaks++;
        List<Double> vs = new ArrayList<>(), us = new ArrayList<>();
        int t = 0;
        boolean seenVoiced = false;
        while (t < n) {
            int u = t;
            while (u + 1 < n && voiced[u + 1] == voiced[t]) u++;
            double len = (u - t + 1) / frameRate;
            if (voiced[t]) { vs.add(len); seenVoiced = true; }
            else if (seenVoiced && u + 1 < n) us.add(len); // unvoiced pause between voiced segments
            t = u + 1;
        }
        double[] v = vs.stream().mapToDouble(Double::doubleValue).toArray(), w = us.stream().mapToDouble(Double::doubleValue).toArray();
        out[pos[0]++] = peaks / seconds;
        out[pos[0]++] = v.length / seconds;
        out[pos[0]++] = RichFeatures.mean(v);
        out[pos[0]++] = RichFeatures.std(v);
        out[pos[0]++] = RichFeatures.mean(w);
        out[pos[0]++] = RichFeatures.std(w);
    }

    /** Appends every eGeMAPS column (in the order of {@link #features()}). */
    public static void append(Descriptors d, VoiceQuality.Result vq, double[] out, int[] pos) {
        functionals(d.loudness(), null, true, out, pos);
        slopes(d.loudness(), null, d.frameRate(), out, pos);
        functionals(d.f0St(), null, true, out, pos);
        slopes(d.f0St(), d.voiced(), d.frameRate(), out, pos);
        functionals(d.hnr(), null, true, out, pos);
        for (int k = 0; k < 3; k++) functionals(d.formants()[k], null, true, out, pos);
        for (int k = 0; k < 3; k++) functionals(d.bandwidths()[k], null, true, out, pos);
        for (double[] v : new double[][] {d.alpha(), d.hammarberg(), d.slopeLow(), d.slopeHigh()}) {
            functionals(v, d.voiced(), true, out, pos);
            out[pos[0]++] = RichFeatures.mean(select(v, d.voiced(), false));
        }
        out[pos[0]++] = vq.jitter();
        out[pos[0]++] = vq.shimmerDb();
        segments(d.loudness(), d.voiced(), d.frameRate(), out, pos);
    }

    /** The group's columns: name and description. */
    public static List<RichFeatures.Feature> features() {
        List<RichFeatures.Feature> f = new ArrayList<>();
        String g = "egemaps";
        six(f, "eg_loudness", "loudness (Σ power^0.3, 50–8000 Hz), all frames", g);
        rise(f, "eg_loudness", "loudness", g);
        six(f, "eg_f0_st", "F0 in semitones re 27.5 Hz, voiced frames", g);
        rise(f, "eg_f0_st", "F0 (semitones) over consecutive voiced frames", g);
        six(f, "eg_hnr", "harmonics-to-noise ratio (dB, autocorrelation at the F0 lag), voiced frames", g);
        for (int k = 1; k <= 3; k++) six(f, "eg_f" + k, "formant F" + k + " (Hz, LPC order 10 at 8 kHz), voiced frames", g);
        for (int k = 1; k <= 3; k++) six(f, "eg_b" + k, "bandwidth of formant F" + k + " (Hz), voiced frames", g);
        String[][] bal = {{"eg_alpha", "alpha ratio (dB, energy 1–5 kHz over 50–1000 Hz)"},
                {"eg_hammarberg", "Hammarberg index (dB, strongest bin 0–2 kHz over 2–5 kHz)"},
                {"eg_slope0500", "spectral slope 0–500 Hz (dB/kHz)"}, {"eg_slope5001500", "spectral slope 500–1500 Hz (dB/kHz)"}};
        for (String[] b : bal) {
            six(f, b[0], b[1] + ", voiced frames", g);
            f.add(new RichFeatures.Feature(b[0] + "_uv_mean", b[1] + ": mean over unvoiced frames", g));
        }
        f.add(new RichFeatures.Feature("eg_jitter_local", "local jitter (mean |ΔT| of consecutive periods / mean period)", g));
        f.add(new RichFeatures.Feature("eg_shimmer_db", "local shimmer in dB (mean |20·log10(A_{i+1}/A_i)| of consecutive cycle peaks)", g));
        f.add(new RichFeatures.Feature("eg_loudness_peaks_per_s", "loudness peaks (local maxima above the mean) per second", g));
        f.add(new RichFeatures.Feature("eg_voiced_segments_per_s", "voiced segments per second", g));
        f.add(new RichFeatures.Feature("eg_voiced_len_mean", "voiced segment length (s): mean", g));
        f.add(new RichFeatures.Feature("eg_voiced_len_std", "voiced segment length (s): standard deviation", g));
        f.add(new RichFeatures.Feature("eg_unvoiced_len_mean", "unvoiced segment length between voiced segments (s): mean", g));
        f.add(new RichFeatures.Feature("eg_unvoiced_len_std", "unvoiced segment length (s): standard deviation", g));
        return f;
    }

    private static void six(List<RichFeatures.Feature> f, String id, String what, String g) {
        String[] desc = {"mean", "standard deviation", "20th percentile", "median", "80th percentile", "80th − 20th percentile"};
        for (int i = 0; i < FUNCTIONALS.length; i++) f.add(new RichFeatures.Feature(id + "_" + FUNCTIONALS[i], what + ": " + desc[i], g));
    }

    private static void rise(List<RichFeatures.Feature> f, String id, String what, String g) {
        f.add(new RichFeatures.Feature(id + "_rise_mean", what + ": mean rising slope (per second)", g));
        f.add(new RichFeatures.Feature(id + "_rise_std", what + ": standard deviation of rising slopes", g));
        f.add(new RichFeatures.Feature(id + "_fall_mean", what + ": mean falling slope (per second, negative)", g));
        f.add(new RichFeatures.Feature(id + "_fall_std", what + ": standard deviation of falling slopes", g));
    }
}
