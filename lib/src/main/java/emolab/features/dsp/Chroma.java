package emolab.features.dsp;

import java.util.Arrays;

/**
 * Chromagram from a power spectrogram, as librosa's {@code chroma_stft}: tuning estimated with
 * {@link #estimateTuning} (parabolic-interpolated spectral peaks, {@code piptrack}), a Gaussian
 * chroma filterbank ({@link #filterbank}) and per-frame max normalisation.
 */
public final class Chroma {
    private Chroma() {}

    /**
     * librosa's {@code filters.chroma}: {@code [nChroma][nFft/2+1]} weights. Gaussian bumps
     * around each chroma bin (width from the bin spacing), each FFT column L2-normalised (when
     * {@code l2Norm}), weighted by a Gaussian over octaves centred at {@code ctroct} with width
     * {@code octwidth} (skipped when NaN), rolled to start at C when {@code baseC}; rounded to
     * float32 when {@code float32}.
     */
    public static double[][] filterbank(double sr, int nFft, int nChroma, double tuning, double ctroct,
                                        double octwidth, boolean l2Norm, boolean baseC, boolean float32) {
        double[] lin = Numpy.linspace(0, sr, nFft, false);
        double[] frqbins = new double[nFft];
        double a440 = 440.0 * Math.pow(2.0, tuning / nChroma);
        for (int i = 1; i < nFft; i++) frqbins[i] = nChroma * Numpy.log2(lin[i] / (a440 / 16));
        frqbins[0] = frqbins[1] - 1.5 * nChroma;
        double[] binwidth = new double[nFft];
        for (int i = 0; i < nFft - 1; i++) binwidth[i] = Math.max(frqbins[i + 1] - frqbins[i], 1.0);
        binwidth[nFft - 1] = 1;
        double nChroma2 = Math.rint(nChroma / 2.0);
        double[][] wts = new double[nChroma][nFft];
        for (int c = 0; c < nChroma; c++) {
            for (int i = 0; i < nFft; i++) {
                double d = frqbins[i] - c;
                d = pyMod(d + nChroma2 + 10 * nChroma, nChroma) - nChroma2;
                double z = 2 * d / binwidth[i];
                wts[c][i] = Math.exp(-0.5 * (z * z));
            }
        }
        if (l2Norm) {
            for (int i = 0; i < nFft; i++) {
                double ss = 0;
                for (int c = 0; c < nChroma; c++) ss += wts[c][i] * wts[c][i];
                double len = Math.sqrt(ss);
                if (len < Spectral.TINY) len = 1.0;
                for (int c = 0; c < nChroma; c++) wts[c][i] = wts[c][i] / len;
            }
        }
        if (!Double.isNaN(octwidth)) {
            for (int i = 0; i < nFft; i++) {
                double z = (frqbins[i] / nChroma - ctroct) / octwidth;
                double g = Math.exp(-0.5 * (z * z));
                for (int c = 0; c < nChroma; c++) wts[c][i] *= g;
            }
        }
        int bins = nFft / 2 + 1;
        double[][] out = new double[nChroma][bins];
        int shift = baseC ? 3 * (nChroma / 12) : 0; // np.roll(wts, -shift, axis=0)
        for (int c = 0; c < nChroma; c++) {
            double[] src = wts[(c + shift) % nChroma];
            for (int i = 0; i < bins; i++) out[c][i] = float32 ? Numpy.f32(src[i]) : src[i];
        }
        return out;
    }

    /** Python/NumPy float modulo (result has the divisor's sign). */
    static double pyMod(double a, double b) {
        double m = a % b;
        if (m != 0 && ((b < 0) != (m < 0))) m += b;
        return m;
    }

    /**
     * librosa's {@code estimate_tuning(S=spec)} on a frame-major spectrogram, treated as
     * magnitudes (librosa's {@code chroma_stft} passes the power spectrogram): {@code piptrack}
     * peaks within {@code [fmin, fmax)} above {@code threshold * frame max}, keep those whose
     * interpolated magnitude is &ge; the median, histogram their deviation from the equal-tempered
     * grid at {@code resolution} (fractions of a bin), return the left edge of the fullest bin.
     */
    public static double estimateTuning(double[] spec, int frames, int bins, double sr, double fmin, double fmax,
                                        double threshold, double resolution, int binsPerOctave) {
        int nFft = 2 * (bins - 1);
        double[] freqs = Numpy.fftFrequencies(sr, nFft);
        fmin = Math.max(fmin, 0);
        fmax = Math.min(fmax, sr / 2.0);
        int fLo = 0;
        while (fLo < bins && !(fmin <= freqs[fLo])) fLo++;
        int fHi = fLo;
        while (fHi < bins && freqs[fHi] < fmax) fHi++;
        // peaks are only possible in 1 .. bins-2 (localmax with edge padding excludes bin 0;
        // gradient edges never matter because they lie outside fmin..fmax in practice)
        int lo = Math.max(fLo, 1), hi = Math.min(fHi, bins - 1);
        double[] pitch = new double[Math.max(16, frames * 8)];
        double[] mag = new double[pitch.length];
        int count = 0;
        double scale = sr / nFft;
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            double ref = threshold * maxAbs(spec, o, bins);
            for (int f = lo; f < hi; f++) {
                double s = Math.abs(spec[o + f]);
                if (!(s > ref)) continue;
                double sp = Math.abs(spec[o + f - 1]);
                double sn = f + 1 < bins ? Math.abs(spec[o + f + 1]) : s; // edge padding
                double tp = sp > ref ? sp : 0.0, tn = sn > ref ? sn : 0.0;
                if (!(s > tp && s >= tn)) continue;
                // parabolic interpolation (librosa 0.10 _parabolic_interpolation / 0.9 piptrack)
                double a = sn + sp - 2 * s;
                double b = (sn - sp) / 2;
                double shift = Math.abs(b) >= Math.abs(a) ? 0.0 : -b / a;
                double avg = (sn - sp) / 2; // np.gradient interior
                double dskew = 0.5 * avg * shift;
                double p = (f + shift) * scale;
                if (count == pitch.length) {
                    pitch = Arrays.copyOf(pitch, count * 2);
                    mag = Arrays.copyOf(mag, count * 2);
                }
                pitch[count] = p;
                mag[count] = s + dskew;
                count++;
            }
        }
        // pitch_mask = pitch > 0; threshold = median(mag[pitch_mask])
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (pitch[i] > 0) {
                pitch[m] = pitch[i];
                mag[m] = mag[i];
                m++;
            }
        }
        if (m == 0) return pitchTuning(new double[0], 0, resolution, binsPerOctave);
        double median = median(mag, m);
        int k = 0;
        for (int i = 0; i < m; i++) if (mag[i] >= median) pitch[k++] = pitch[i];
        return pitchTuning(pitch, k, resolution, binsPerOctave);
    }

    /**
     * {@code max |s[o .. o+n)|} starting from −∞ as {@link Math#max} computes it (NaN wins, as in
     * {@code np.max}), from the bit patterns: for non-negative doubles (the sign bit cleared, which
     * is what {@code abs} does) the order of the bits as {@code long} is the order of the values, and
     * a NaN's bits lie above +∞'s — so the same value, with integer maxima the JIT can vectorise.
     */
    static double maxAbs(double[] s, int o, int n) {
        if (n <= 0) return Double.NEGATIVE_INFINITY;
        long m = 0;
        for (int f = 0; f < n; f++) m = Math.max(m, Double.doubleToRawLongBits(s[o + f]) & Long.MAX_VALUE);
        return Double.longBitsToDouble(m);
    }

    /**
     * {@code np.median(a[0 .. m))} for m &gt; 0: the middle value(s) of a copy put in place by
     * {@link Stats#select} (exactly the values a full sort puts there); sorted when the data hold
     * NaN or −0.0.
     */
    static double median(double[] a, int m) {
        double[] c = Arrays.copyOf(a, m);
        boolean special = false;
        for (int i = 0; i < m; i++) special |= c[i] != c[i] || Double.doubleToRawLongBits(c[i]) == Long.MIN_VALUE;
        int hi = m / 2, lo = (m % 2 == 1) ? hi : hi - 1;
        if (special) Arrays.sort(c);
        else Stats.select(c, 0, m, lo == hi ? new int[] {hi} : new int[] {lo, hi}, 0, lo == hi ? 1 : 2, 0);
        return (m % 2 == 1) ? c[hi] : (c[lo] + c[hi]) / 2.0;
    }

    /** librosa's {@code pitch_tuning} of {@code freqs[0 .. n)}. */
    public static double pitchTuning(double[] freqs, int n, double resolution, int binsPerOctave) {
        int nb = (int) Math.ceil(1.0 / resolution);
        double[] edges = Numpy.linspace(-0.5, 0.5, nb + 1, true);
        long[] counts = new long[nb];
        int used = 0;
        double first = edges[0], last = edges[nb];
        double norm = nb / (last - first);
        for (int i = 0; i < n; i++) {
            double f = freqs[i];
            if (!(f > 0)) continue;
            used++;
            double octs = Numpy.log2(f / (440.0 / 16));
            double r = pyMod(binsPerOctave * octs, 1.0);
            if (r >= 0.5) r -= 1.0;
            if (r < first || r > last) continue;
            // np.histogram with uniform bins
            int idx = (int) ((r - first) * norm);
            if (idx == nb) idx--;
            if (r < edges[idx]) idx--;
            else if (idx != nb - 1 && r >= edges[idx + 1]) idx++;
            counts[idx]++;
        }
        if (used == 0) return 0.0;
        int best = 0;
        for (int i = 1; i < nb; i++) if (counts[i] > counts[best]) best = i;
        return edges[best];
    }

    /**
     * Chroma of a frame-major power spectrogram with a precomputed filterbank, each frame divided
     * by its maximum (all-zero frames stay 0). {@code out[t * nChroma + c]}.
     */
    public static void chroma(double[] spec, int frames, int bins, double[][] fb, double[] out) {
        int nChroma = fb.length;
        int t = 0;
        // four frames at a time: each weight is loaded once for four independent sums
        for (; t + 3 < frames; t += 4) {
            int o0 = t * bins, o1 = o0 + bins, o2 = o1 + bins, o3 = o2 + bins;
            for (int c = 0; c < nChroma; c++) {
                double[] w = fb[c];
                double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                for (int f = 0; f < bins; f++) {
                    double wf = w[f];
                    a0 += wf * spec[o0 + f];
                    a1 += wf * spec[o1 + f];
                    a2 += wf * spec[o2 + f];
                    a3 += wf * spec[o3 + f];
                }
                out[t * nChroma + c] = a0;
                out[(t + 1) * nChroma + c] = a1;
                out[(t + 2) * nChroma + c] = a2;
                out[(t + 3) * nChroma + c] = a3;
            }
        }
        for (; t < frames; t++) {
            int o = t * bins;
            for (int c = 0; c < nChroma; c++) {
                double[] w = fb[c];
                double acc = 0;
                for (int f = 0; f < bins; f++) acc += w[f] * spec[o + f];
                out[t * nChroma + c] = acc;
            }
        }
        normaliseFrames(out, frames, nChroma);
    }

    private static void normaliseFrames(double[] out, int frames, int nChroma) {
        for (int t = 0; t < frames; t++) {
            int oo = t * nChroma;
            double mx = 0;
            for (int c = 0; c < nChroma; c++) mx = Math.max(mx, Math.abs(out[oo + c]));
            if (mx < Spectral.TINY) mx = 1.0;
            for (int c = 0; c < nChroma; c++) out[oo + c] = out[oo + c] / mx;
        }
    }

    /** librosa {@code chroma_stft} defaults on a power spectrogram: 12 bins, estimated tuning. */
    public static Spectrogram chromaStft(Spectrogram power, double sr) {
        int nFft = 2 * (power.bins() - 1);
        double tuning = estimateTuning(power.data(), power.frames(), power.bins(), sr, 150.0, 4000.0, 0.1, 0.01, 12);
        double[][] fb = filterbank(sr, nFft, 12, tuning, 5.0, 2.0, true, true, true);
        double[] out = new double[power.frames() * 12];
        chroma(power.data(), power.frames(), power.bins(), fb, out);
        return new Spectrogram(out, power.frames(), 12);
    }
}
