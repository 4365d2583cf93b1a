package emolab.features.rich;

import emolab.data.Audio;
import emolab.features.FeatureSet;
import emolab.features.dsp.Chroma;
import emolab.features.dsp.Dct;
import emolab.features.dsp.MelFilterbank;
import emolab.features.dsp.Numpy;
import emolab.features.dsp.Spectral;
import emolab.features.dsp.Spectrogram;
import emolab.features.dsp.Stft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A documented feature set for speech-emotion recognition: one row of file-level statistics
 * per recording (490 columns: 392 spectral/prosodic ones and the {@link Egemaps} group). {@link #describe()} lists every column with a one-line
 * description; {@code lib/FEATURES.md} is generated from it.
 *
 * <p>Pipeline: channels averaged (by the reader) → resampled to {@value #SR} Hz ({@link Resampler},
 * Kaiser windowed sinc) → leading/trailing silence trimmed ({@link SilenceTrim}: −40 dB re the
 * loudest 2048-sample frame, hop 512) → frame-level descriptors → mean/std (and a few other
 * statistics) over frames. Frames: STFT n_fft {@value #N_FFT} (32 ms), hop {@value #HOP} (10 ms),
 * periodic Hann window, centred with zero padding (librosa defaults otherwise); RMS and ZCR use
 * the same centred 512/160 frames; F0 uses YIN with 640-sample (40 ms) frames, hop 160 ({@link Yin}).
 *
 * <p>Edge cases (defined values, never NaN): an all-zero (silent) file gives −100 dB log-mel
 * energies, zero MFCC deltas, contrast and chroma, spectral flatness 1, RMS 0 (−100 dB), all F0
 * statistics, jitter and shimmer 0 with voiced fraction 0; a file shorter than one FFT frame is
 * zero-padded (the centred STFT and YIN pad), so it still gives one frame; a file with no
 * samples at all is rejected with an {@link IllegalArgumentException} naming it.
 *
 * <p>Thread-safe: per-thread STFT buffers, shared immutable filterbanks and resamplers.
 */
public final class RichFeatures implements FeatureSet {
    public static final String NAME = "rich";
    public static final String VERSION = "4";

    /** Analysis sample rate (Hz). */
    public static final int SR = 16000;
    public static final int N_FFT = 512;
    public static final int HOP = 160;
    public static final int N_MELS = 64;
    public static final int N_MFCC = 40;
    public static final int CONTRAST_BANDS = 6;
    public static final double CONTRAST_FMIN = 200;
    public static final double CONTRAST_QUANTILE = 0.02;
    public static final double ROLLOFF = 0.85;
    public static final double F0_REF_HZ = 55;
    /** Regression half-width of the delta features (librosa width 9). */
    public static final int DELTA_N = 4;
    private static final double AMIN = 1e-10;

    private static final String[] PITCH_CLASSES = {"C", "Cs", "D", "Ds", "E", "F", "Fs", "G", "Gs", "A", "As", "B"};

    /** One column: name, one-line description and group. */
    public record Feature(String name, String description, String group) {}

    private static final List<Feature> FEATURES = buildFeatures();
    private static final List<String> COLUMNS = FEATURES.stream().map(Feature::name).toList();

    private final MelFilterbank mel = MelFilterbank.create(SR, N_FFT, N_MELS, 0, SR / 2.0, MelFilterbank.Scale.SLANEY,
            MelFilterbank.Norm.SLANEY, false);
    private final Dct dct = new Dct(N_MELS, N_MFCC);
    private final SpectralContrast contrast = new SpectralContrast(SR, N_FFT, CONTRAST_FMIN, CONTRAST_BANDS, CONTRAST_QUANTILE);
    private final double[] freqs = Numpy.fftFrequencies(SR, N_FFT);
    private final Yin yin = Yin.richDefault();
    private final Resampler to8k = new Resampler(SR, Egemaps.LPC_SR);
    private final Map<Integer, Resampler> resamplers = new ConcurrentHashMap<>();
    private final ThreadLocal<Stft> stft = ThreadLocal.withInitial(() -> Stft.librosa(N_FFT, HOP));

    @Override
    public String name() { return NAME; }

    @Override
    public String version() { return VERSION; }

    @Override
    public List<String> columns() { return COLUMNS; }

    /** Every column with its description and group, in column order. */
    public static List<Feature> features() { return FEATURES; }

    /** The feature list as a table with columns {@code name}, {@code description}, {@code group}. */
    public static Table describe() {
        StringColumn n = StringColumn.create("name"), d = StringColumn.create("description"), g = StringColumn.create("group");
        for (Feature f : FEATURES) {
            n.append(f.name());
            d.append(f.description());
            g.append(f.group());
        }
        return Table.create("rich features", n, d, g);
    }

    /** The 16 kHz, trimmed signal the features are computed on (for inspection). */
    public double[] preprocess(Audio audio) {
        double[] x = audio.samples();
        if (x.length == 0) throw new IllegalArgumentException(audio.source() + ": audio has no samples");
        if (audio.sampleRate() != SR) x = resamplers.computeIfAbsent(audio.sampleRate(), r -> new Resampler(r, SR)).process(x);
        double[] t = SilenceTrim.trim(x);
        return t.length == 0 ? x : t;
    }

    @Override
    public double[] extract(Audio audio) {
        double[] x = preprocess(audio);
        double[] out = new double[COLUMNS.size()];
        int[] pos = {0};
        int n = x.length;

        // ---- STFT
        Stft st = stft.get();
        int frames = st.frameCount(n);
        int bins = st.bins();
        double[] power = new double[frames * bins];
        double[] mag = new double[frames * bins];
        st.compute(x, 0, n, power, mag);

        // ---- log-mel and MFCC
        double[] melSpec = new double[frames * N_MELS];
        mel.apply(power, frames, melSpec);
        Spectral.powerToDb(melSpec, 0, melSpec.length, 1.0, AMIN, 80.0);
        double[][] mfcc = new double[N_MFCC][frames];
        double[] tmp = new double[N_MFCC];
        for (int t = 0; t < frames; t++) {
            dct.transform(melSpec, t * N_MELS, 1, tmp, 0, 1);
            for (int k = 0; k < N_MFCC; k++) mfcc[k][t] = tmp[k];
        }
        for (int k = 0; k < N_MFCC; k++) { put(out, pos, mean(mfcc[k])); put(out, pos, std(mfcc[k])); }
        double[][] d1 = new double[N_MFCC][];
        for (int k = 0; k < N_MFCC; k++) {
            d1[k] = delta(mfcc[k]);
            put(out, pos, mean(d1[k]));
            put(out, pos, std(d1[k]));
        }
        for (int k = 0; k < N_MFCC; k++) put(out, pos, std(delta(d1[k])));
        double[] band = new double[frames];
        for (int m = 0; m < N_MELS; m++) {
            for (int t = 0; t < frames; t++) band[t] = melSpec[t * N_MELS + m];
            put(out, pos, mean(band));
            put(out, pos, std(band));
        }

        // ---- spectral contrast
        double[][] con = contrast.compute(mag, frames);
        double[] row = new double[frames];
        for (int k = 0; k < contrast.rows(); k++) {
            for (int t = 0; t < frames; t++) row[t] = con[t][k];
            put(out, pos, mean(row));
            put(out, pos, std(row));
        }

        // ---- chroma (librosa chroma_stft on the power spectrogram, estimated tuning)
        Spectrogram chroma = Chroma.chromaStft(new Spectrogram(power, frames, bins), SR);
        for (int c = 0; c < 12; c++) {
            for (int t = 0; t < frames; t++) row[t] = chroma.get(t, c);
            put(out, pos, mean(row));
            put(out, pos, std(row));
        }

        // ---- energy and zero crossings (centred frames of N_FFT, hop HOP, zero padded)
        double[] rms = new double[frames], rmsDb = new double[frames], zcr = new double[frames];
        frameRmsZcr(x, frames, rms, zcr);
        for (int t = 0; t < frames; t++) rmsDb[t] = 10 * Math.log10(Math.max(AMIN, rms[t] * rms[t]));
        put(out, pos, mean(rms));
        put(out, pos, std(rms));
        put(out, pos, mean(rmsDb));
        put(out, pos, std(rmsDb));
        put(out, pos, mean(zcr));
        put(out, pos, std(zcr));

        // ---- spectral shape
        double[] centroid = new double[frames], bandwidth = new double[frames], rolloff = new double[frames],
                flatness = new double[frames];
        spectralShape(mag, power, frames, bins, centroid, bandwidth, rolloff, flatness);
        for (double[] v : new double[][] {centroid, bandwidth, rolloff, flatness}) {
            put(out, pos, mean(v));
            put(out, pos, std(v));
        }

        // ---- pitch and voice quality
        Yin.Track track = yin.track(x);
        pitchStats(track, out, pos);
        VoiceQuality.Result vq = VoiceQuality.measure(x, track);
        put(out, pos, vq.jitter());
        put(out, pos, vq.shimmer());

        // ---- duration
        put(out, pos, n / (double) SR);

        // ---- eGeMAPS-style descriptors and functionals
        Egemaps.append(Egemaps.compute(x, to8k.process(x), SR, power, frames, bins, track), vq, out, pos);

        if (pos[0] != out.length) throw new IllegalStateException("internal: filled " + pos[0] + " of " + out.length);
        for (int i = 0; i < out.length; i++)
            if (!Double.isFinite(out[i]))
                throw new IllegalStateException(audio.source() + ": feature " + COLUMNS.get(i) + " is " + out[i]);
        return out;
    }

    private void pitchStats(Yin.Track track, double[] out, int[] pos) {
        int nv = 0;
        for (boolean v : track.voiced()) if (v) nv++;
        double[] st = new double[nv], hz = new double[nv];
        int j = 0;
        double absDelta = 0;
        int deltas = 0;
        for (int i = 0; i < track.frames(); i++) {
            if (!track.voiced()[i]) continue;
            hz[j] = track.f0()[i];
            st[j] = semitones(hz[j]);
            if (i > 0 && track.voiced()[i - 1]) {
                absDelta += Math.abs(st[j] - semitones(track.f0()[i - 1]));
                deltas++;
            }
            j++;
        }
        double[] sorted = st.clone();
        Arrays.sort(sorted);
        double[] sortedHz = hz.clone();
        Arrays.sort(sortedHz);
        put(out, pos, nv == 0 ? 0 : mean(st));
        put(out, pos, nv == 0 ? 0 : std(st));
        put(out, pos, nv == 0 ? 0 : percentile(sorted, 0.95) - percentile(sorted, 0.05));
        put(out, pos, nv == 0 ? 0 : mean(hz));
        put(out, pos, nv == 0 ? 0 : std(hz));
        put(out, pos, nv == 0 ? 0 : percentile(sortedHz, 0.05));
        put(out, pos, nv == 0 ? 0 : percentile(sortedHz, 0.95));
        put(out, pos, track.voicedFraction());
        put(out, pos, deltas == 0 ? 0 : absDelta / deltas);
    }

    static double semitones(double hz) {
        return 12 * Math.log(hz / F0_REF_HZ) / Math.log(2);
    }

    private void spectralShape(double[] mag, double[] power, int frames, int bins, double[] centroid,
                               double[] bandwidth, double[] rolloff, double[] flatness) {
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            double sum = 0;
            for (int f = 0; f < bins; f++) sum += mag[o + f];
            double c = 0;
            if (sum > Spectral.TINY) for (int f = 0; f < bins; f++) c += freqs[f] * mag[o + f] / sum;
            centroid[t] = c;
            double bw = 0;
            if (sum > Spectral.TINY) for (int f = 0; f < bins; f++) bw += mag[o + f] / sum * (freqs[f] - c) * (freqs[f] - c);
            bandwidth[t] = Math.sqrt(bw);
            double total = 0;
            for (int f = 0; f < bins; f++) total += mag[o + f];
            double ro = 0;
            if (total > 0) {
                double cum = 0, thr = ROLLOFF * total;
                for (int f = 0; f < bins; f++) {
                    cum += mag[o + f];
                    if (cum >= thr) { ro = freqs[f]; break; }
                }
            }
            rolloff[t] = ro;
            double logSum = 0, lin = 0;
            for (int f = 0; f < bins; f++) {
                double p = Math.max(AMIN, power[o + f]);
                logSum += Math.log(p);
                lin += p;
            }
            flatness[t] = Math.exp(logSum / bins) / (lin / bins);
        }
    }

    /**
     * Dead band of the zero-crossing rate, relative to the file's peak amplitude: a sample counts as
     * negative only below {@code −ZCR_DEAD_BAND · max|x|} (librosa's {@code zero_crossings(threshold=…)},
     * values in the band count as zero, i.e. positive). 1e-9 (−180 dB re the peak) is far below any real
     * signal step (16-bit audio's smallest step is 3.1e-5 of full scale, 24-bit's 1.2e-7) and far above
     * the resampler's floating-point rounding noise (~1e-16 of the signal scale), which in digital
     * silence is all there is and whose signs would otherwise decide the count (v4).
     */
    public static final double ZCR_DEAD_BAND = 1e-9;

    static void frameRmsZcr(double[] x, int frames, double[] rms, double[] zcr) {
        int n = x.length, half = N_FFT / 2;
        double peak = 0;
        for (double v : x) peak = Math.max(peak, Math.abs(v));
        double negBelow = -ZCR_DEAD_BAND * peak;
        for (int t = 0; t < frames; t++) {
            int a = t * HOP - half;
            double s = 0;
            int crossings = 0;
            boolean prevNeg = false;
            for (int i = 0; i < N_FFT; i++) {
                int j = a + i;
                double v = j >= 0 && j < n ? x[j] : 0;
                s += v * v;
                boolean neg = v < negBelow;
                if (i > 0 && neg != prevNeg) crossings++;
                prevNeg = neg;
            }
            rms[t] = Math.sqrt(s / N_FFT);
            zcr[t] = crossings / (double) N_FFT;
        }
    }

    /** Regression delta over ±{@value #DELTA_N} frames, edges repeated (librosa width 9 slope). */
    static double[] delta(double[] c) {
        int n = c.length;
        double[] d = new double[n];
        double norm = 0;
        for (int k = 1; k <= DELTA_N; k++) norm += 2.0 * k * k;
        for (int t = 0; t < n; t++) {
            double acc = 0;
            for (int k = 1; k <= DELTA_N; k++) {
                double ahead = c[Math.min(n - 1, t + k)], behind = c[Math.max(0, t - k)];
                acc += k * (ahead - behind);
            }
            d[t] = acc / norm;
        }
        return d;
    }

    static double mean(double[] v) {
        if (v.length == 0) return 0;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Population standard deviation (numpy ddof=0); 0 for fewer than two values. */
    static double std(double[] v) {
        if (v.length < 2) return 0;
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }

    /** Linear-interpolated quantile of sorted values (numpy default). */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return 0;
        double p = q * (sorted.length - 1);
        int lo = (int) Math.floor(p);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (p - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void put(double[] out, int[] pos, double v) {
        out[pos[0]++] = v;
    }

    private static List<Feature> buildFeatures() {
        List<Feature> f = new ArrayList<>();
        for (int k = 0; k < N_MFCC; k++) {
            String id = String.format(Locale.ROOT, "mfcc%02d", k);
            f.add(new Feature(id + "_mean", "MFCC " + k + " (DCT-II ortho of 64 log-mel bands): mean over frames", "mfcc"));
            f.add(new Feature(id + "_std", "MFCC " + k + ": standard deviation over frames", "mfcc"));
        }
        for (int k = 0; k < N_MFCC; k++) {
            String id = String.format(Locale.ROOT, "mfcc%02d_d", k);
            f.add(new Feature(id + "_mean", "delta (slope over ±4 frames) of MFCC " + k + ": mean", "mfcc_delta"));
            f.add(new Feature(id + "_std", "delta of MFCC " + k + ": standard deviation", "mfcc_delta"));
        }
        for (int k = 0; k < N_MFCC; k++)
            f.add(new Feature(String.format(Locale.ROOT, "mfcc%02d_dd_std", k),
                    "delta-delta of MFCC " + k + ": standard deviation", "mfcc_delta2"));
        double[] centres = MelFilterbank.melFrequencies(N_MELS + 2, 0, SR / 2.0, MelFilterbank.Scale.SLANEY);
        for (int m = 0; m < N_MELS; m++) {
            String id = String.format(Locale.ROOT, "logmel%02d", m);
            String band = String.format(Locale.ROOT, "log-mel band %d (centre %.0f Hz, dB)", m, centres[m + 1]);
            f.add(new Feature(id + "_mean", band + ": mean over frames", "logmel"));
            f.add(new Feature(id + "_std", band + ": standard deviation over frames", "logmel"));
        }
        for (int k = 0; k <= CONTRAST_BANDS; k++) {
            String range = k == 0 ? "0–200 Hz" : k == CONTRAST_BANDS
                    ? String.format(Locale.ROOT, "%.0f Hz–Nyquist", CONTRAST_FMIN * Math.pow(2, k - 1))
                    : String.format(Locale.ROOT, "%.0f–%.0f Hz", CONTRAST_FMIN * Math.pow(2, k - 1), CONTRAST_FMIN * Math.pow(2, k));
            f.add(new Feature("contrast" + k + "_mean", "spectral contrast (peak − valley dB, quantile 0.02), band " + range + ": mean", "contrast"));
            f.add(new Feature("contrast" + k + "_std", "spectral contrast, band " + range + ": standard deviation", "contrast"));
        }
        for (String pc : PITCH_CLASSES) {
            String label = pc.replace("s", "#");
            f.add(new Feature("chroma_" + pc + "_mean", "chroma energy of pitch class " + label + " (frame max = 1): mean", "chroma"));
            f.add(new Feature("chroma_" + pc + "_std", "chroma energy of pitch class " + label + ": standard deviation", "chroma"));
        }
        f.add(new Feature("rms_mean", "frame RMS amplitude (full scale = 1): mean", "energy"));
        f.add(new Feature("rms_std", "frame RMS amplitude: standard deviation", "energy"));
        f.add(new Feature("rms_db_mean", "frame RMS in dBFS (floor −100 dB): mean", "energy"));
        f.add(new Feature("rms_db_std", "frame RMS in dBFS: standard deviation (loudness dynamics)", "energy"));
        f.add(new Feature("zcr_mean", "zero-crossing rate (sign changes per sample in a frame; |x| <= 1e-9 of the file's peak counts as zero, i.e. positive): mean", "energy"));
        f.add(new Feature("zcr_std", "zero-crossing rate: standard deviation", "energy"));
        f.add(new Feature("centroid_mean", "spectral centroid (Hz, magnitude-weighted mean frequency): mean", "spectral"));
        f.add(new Feature("centroid_std", "spectral centroid (Hz): standard deviation", "spectral"));
        f.add(new Feature("bandwidth_mean", "spectral bandwidth (Hz, magnitude-weighted spread around the centroid): mean", "spectral"));
        f.add(new Feature("bandwidth_std", "spectral bandwidth (Hz): standard deviation", "spectral"));
        f.add(new Feature("rolloff_mean", "spectral roll-off (Hz below which 85% of the magnitude lies): mean", "spectral"));
        f.add(new Feature("rolloff_std", "spectral roll-off (Hz): standard deviation", "spectral"));
        f.add(new Feature("flatness_mean", "spectral flatness (geometric / arithmetic mean of power, 0..1): mean", "spectral"));
        f.add(new Feature("flatness_std", "spectral flatness: standard deviation", "spectral"));
        f.add(new Feature("f0_st_mean", "F0 (YIN) in semitones re 55 Hz over voiced frames: mean (0 if none voiced)", "pitch"));
        f.add(new Feature("f0_st_std", "F0 in semitones over voiced frames: standard deviation", "pitch"));
        f.add(new Feature("f0_st_range", "F0 range in semitones: 95th − 5th percentile over voiced frames", "pitch"));
        f.add(new Feature("f0_hz_mean", "F0 in Hz over voiced frames: mean", "pitch"));
        f.add(new Feature("f0_hz_std", "F0 in Hz over voiced frames: standard deviation", "pitch"));
        f.add(new Feature("f0_hz_p05", "F0 in Hz: 5th percentile over voiced frames", "pitch"));
        f.add(new Feature("f0_hz_p95", "F0 in Hz: 95th percentile over voiced frames", "pitch"));
        f.add(new Feature("voiced_fraction", "fraction of 10 ms frames judged voiced by YIN", "pitch"));
        f.add(new Feature("f0_abs_delta", "mean absolute F0 change between consecutive voiced frames (semitones per 10 ms)", "pitch"));
        f.add(new Feature("jitter_local", "local jitter: mean |ΔT| of consecutive glottal periods / mean period", "voice_quality"));
        f.add(new Feature("shimmer_local", "local shimmer: mean |ΔA| of consecutive cycle peak amplitudes / mean amplitude", "voice_quality"));
        f.add(new Feature("duration_s", "duration after trimming leading/trailing silence (seconds)", "duration"));
        f.addAll(Egemaps.features());
        return Collections.unmodifiableList(f);
    }

    /** The feature list as a markdown document (the content of {@code lib/FEATURES.md}). */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rich feature set (`").append(NAME).append("` v").append(VERSION).append(")\n\n");
        sb.append("Generated from `emolab.features.rich.RichFeatures.describe()` by `emolab.features.engine.FeaturesDoc`; ")
                .append("do not edit by hand.\n\n");
        sb.append("Per file: channels averaged, resampled to 16 kHz (Kaiser windowed-sinc), leading/trailing silence ")
                .append("trimmed (−40 dB re the loudest 2048-sample frame, hop 512, like `librosa.effects.trim(top_db=40)`). ")
                .append("Frame features use an STFT with n_fft 512 (32 ms), hop 160 (10 ms), periodic Hann window, centred ")
                .append("with zero padding; 64 Slaney mel bands 0–8 kHz (power, dB with top_db 80); F0 by YIN ")
                .append("(60–800 Hz, frames 640 (40 ms), hop 160, threshold 0.15). Statistics are over all frames of the trimmed ")
                .append("signal unless stated. The `egemaps` group (eGeMAPS-style descriptors: loudness, F0 in semitones, HNR, ")
                .append("formants F1–F3 with bandwidths by LPC at 8 kHz, alpha ratio, Hammarberg index, spectral slopes, jitter, ")
                .append("shimmer in dB, voiced/unvoiced segments) is described in `emolab.features.rich.Egemaps`. Silent files give defined values (F0 statistics 0 with voiced fraction 0, ")
                .append("−100 dB energies); files shorter than one frame are zero-padded.\n\n");
        sb.append("Changes in v4 (from v3): the zero-crossing rate has a dead band — a sample counts as negative only ")
                .append("below −1e-9 × the file's peak amplitude (librosa's `zero_crossings(threshold=…)` convention), so the ")
                .append("resampler's floating-point rounding noise in digital silence (~1e-16 of the signal scale) no longer ")
                .append("decides crossings; real 16-bit audio (smallest step 3.1e-5 of full scale) is counted as before. ")
                .append("The 48 kHz → 16 kHz and 16 kHz → 8 kHz decimations are computed polyphase (same filter, equal to ")
                .append("the direct sum up to rounding) and YIN's lag products block-wise in the time domain instead of by ")
                .append("FFT (equal up to rounding); a v3 cache or model is not reused.\n\n");
        sb.append(FEATURES.size()).append(" features.\n\n");
        sb.append("| # | name | group | description |\n|---:|---|---|---|\n");
        int i = 1;
        for (Feature f : FEATURES)
            sb.append("| ").append(i++).append(" | `").append(f.name()).append("` | ").append(f.group()).append(" | ")
                    .append(f.description().replace("|", "\\|")).append(" |\n");
        return sb.toString();
    }
}
