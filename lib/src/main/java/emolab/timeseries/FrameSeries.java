package emolab.timeseries;

import emolab.data.Audio;
import emolab.features.dsp.Dct;
import emolab.features.dsp.MelFilterbank;
import emolab.features.dsp.Spectral;
import emolab.features.dsp.Spectrogram;
import emolab.features.dsp.Stft;
import emolab.features.dsp.Windows;
import emolab.features.rich.Resampler;
import emolab.features.rich.SilenceTrim;
import emolab.features.rich.Yin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Frame-level multivariate series of a recording, {@code [channel][frame]}, one frame per 10 ms:
 * 20 MFCCs, the log energy and F0. This is the representation speech research uses (and the one on
 * which MiniRocket reaches ~0.60 on RAVDESS), instead of the course's smoothed waveform.
 *
 * <p>Recipe: resample to 16 kHz if needed ({@link Resampler}); trim leading/trailing silence
 * ({@link SilenceTrim}, 40 dB below the loudest 128 ms frame); STFT with a 25 ms periodic Hann
 * window (400 samples, centred in a 512-point FFT as librosa pads a shorter window), hop 10 ms,
 * centred frames with zero padding; 40 Slaney mel filters (0–8 kHz); {@code power_to_db} (ref 1,
 * amin 1e-10, top_db 80); orthonormal DCT-II &rarr; {@code mfcc0..mfcc19}; {@code log_energy} =
 * {@code 10·log10(Σ|X|² / 512 + 1e-10)} dB of the same frame; {@code f0} = YIN
 * ({@link Yin#richDefault()}: 40 ms frames, 60–800 Hz) in semitones above 55 Hz,
 * {@code 12·log2(f0/55)}, 0 where unvoiced (YIN frame {@code i} is centred on STFT frame
 * {@code i + 2}, so the track is shifted by two frames and its ends repeated).
 *
 * <p>Lengths vary with the recording; {@link #compute} returns the natural length and
 * {@link Series#padOrCut(double[][], int, double)} fixes it (after a {@link ChannelScaler}, so the
 * padding value 0 is each channel's training mean). A recording shorter than one frame
 * (400 samples after trimming) is rejected. Thread-safe (per-thread STFT buffers).
 */
public final class FrameSeries {
    /** Sample rate the frames are computed at. */
    public static final int SAMPLE_RATE = 16_000;
    public static final int WINDOW = 400;
    public static final int N_FFT = 512;
    public static final int HOP = 160;
    public static final int N_MELS = 40;
    public static final int N_MFCC = 20;
    /** Frames in 3 s, the fixed length the notebook uses. */
    public static final int DEFAULT_FRAMES = 300;

    private static final List<String> CHANNELS;
    static {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < N_MFCC; i++) c.add("mfcc" + i);
        c.add("log_energy");
        c.add("f0");
        CHANNELS = Collections.unmodifiableList(c);
    }

    private final boolean trim;
    private final MelFilterbank mel = MelFilterbank.librosa(SAMPLE_RATE, N_FFT, N_MELS);
    private final Dct dct = new Dct(N_MELS, N_MFCC);
    private final Yin yin = Yin.richDefault();
    private final ThreadLocal<Stft> stft = ThreadLocal.withInitial(() -> new Stft(N_FFT, HOP, paddedWindow(), true, Stft.Pad.CONSTANT));

    /** @param trimSilence whether leading/trailing silence is cut first */
    public FrameSeries(boolean trimSilence) {
        this.trim = trimSilence;
    }

    /** The recipe above, with silence trimming. */
    public static FrameSeries defaults() {
        return new FrameSeries(true);
    }

    /** Channel names in order: mfcc0..mfcc19, log_energy, f0. */
    public List<String> channels() {
        return CHANNELS;
    }

    private static double[] paddedWindow() {
        double[] w = new double[N_FFT];
        double[] h = Windows.hann(WINDOW, true);
        System.arraycopy(h, 0, w, (N_FFT - WINDOW) / 2, WINDOW);
        return w;
    }

    /** The series of a recording, {@code [22][frames]}. */
    public double[][] compute(Audio audio) {
        double[] x = audio.samples();
        try {
            Series.requireFinite(x, "waveform");
            if (audio.sampleRate() != SAMPLE_RATE) x = Resampler.resample(x, audio.sampleRate(), SAMPLE_RATE);
            return compute(x);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(audio.source() + ": " + e.getMessage(), e);
        }
    }

    /** The series of a 16 kHz waveform. */
    public double[][] compute(double[] x16k) {
        Series.requireFinite(x16k, "waveform");
        double[] x = trim ? SilenceTrim.trim(x16k) : x16k;
        if (x.length < WINDOW)
            throw new IllegalArgumentException("waveform has " + x.length + " samples" + (trim ? " after silence trimming" : "")
                    + "; frame-level series need at least one 25 ms frame (" + WINDOW + " samples)");
        Spectrogram power = stft.get().power(x);
        int frames = power.frames();
        int bins = power.bins();
        double[][] out = new double[CHANNELS.size()][frames];
        double[] melDb = mel.apply(power).data();
        Spectral.powerToDb(melDb, 0, melDb.length, 1.0, 1e-10, 80.0);
        double[] coef = new double[N_MFCC];
        double[] p = power.data();
        for (int t = 0; t < frames; t++) {
            dct.transform(melDb, t * N_MELS, 1, coef, 0, 1);
            for (int k = 0; k < N_MFCC; k++) out[k][t] = coef[k];
            double e = 0;
            for (int f = 0; f < bins; f++) e += p[t * bins + f];
            out[N_MFCC][t] = 10 * Math.log10(e / N_FFT + 1e-10);
        }
        Yin.Track track = yin.track(x);
        double[] f0 = out[N_MFCC + 1];
        int shift = (yin.frame() / 2) / HOP; // YIN frame i is centred on STFT frame i + shift
        for (int t = 0; t < frames; t++) {
            int i = Math.max(0, Math.min(track.frames() - 1, t - shift));
            double hz = track.f0()[i];
            f0[t] = track.voiced()[i] && hz > 0 ? 12 * Math.log(hz / 55.0) / Math.log(2) : 0;
        }
        return out;
    }

    /** Index of the F0 channel. */
    public static final int F0_CHANNEL = N_MFCC + 1;

    /** Index of the log-energy channel. */
    public static final int ENERGY_CHANNEL = N_MFCC;

    /**
     * The pitch contour of a frame series: its F0 channel, where voiced frames more than
     * {@value #PITCH_GATE} semitones from the utterance's median F0 count as unvoiced (octave
     * errors of the tracker), unvoiced frames (0) filled by linear interpolation between the voiced
     * neighbours and the ends held at the first/last voiced value, then a 5-frame running median
     * (ends replicated) against isolated jumps; all zeros if no frame is voiced.
     */
    public static double[] pitchContour(double[][] frames) {
        double[] f0 = gated(frames[F0_CHANNEL]);
        int n = f0.length;
        double[] out = new double[n];
        int prev = -1;
        for (int t = 0; t < n; t++) {
            if (f0[t] == 0) continue;
            if (prev < 0) for (int u = 0; u < t; u++) out[u] = f0[t];
            else for (int u = prev + 1; u < t; u++) out[u] = f0[prev] + (f0[t] - f0[prev]) * (u - prev) / (double) (t - prev);
            out[t] = f0[t];
            prev = t;
        }
        if (prev < 0) return out;
        for (int u = prev + 1; u < n; u++) out[u] = f0[prev];
        return runningMedian(out, 2);
    }

    /** Semitones from the utterance median beyond which a voiced frame is treated as a tracking error. */
    public static final double PITCH_GATE = 10;

    /** Voiced frames too far from the median voiced F0 set to 0 (unvoiced). */
    private static double[] gated(double[] f0) {
        double[] v = java.util.Arrays.stream(f0).filter(x -> x != 0).sorted().toArray();
        if (v.length == 0) return f0.clone();
        double med = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        double[] out = f0.clone();
        for (int t = 0; t < out.length; t++) if (out[t] != 0 && Math.abs(out[t] - med) > PITCH_GATE) out[t] = 0;
        return out;
    }

    private static double[] runningMedian(double[] x, int half) {
        int n = x.length;
        double[] out = new double[n], w = new double[2 * half + 1];
        for (int t = 0; t < n; t++) {
            for (int k = -half; k <= half; k++) w[k + half] = x[Math.max(0, Math.min(n - 1, t + k))];
            java.util.Arrays.sort(w);
            out[t] = w[half];
        }
        return out;
    }

    /**
     * Pitch contours of equal length for clustering: for each series the {@link #pitchContour} from
     * its first to its last voiced frame, stretched (linear interpolation) to {@code length} points,
     * so every contour spans its own utterance; all zeros for a series with no voiced frame.
     */
    public static double[][] pitchContours(List<double[][]> frames, int length) {
        if (length < 2) throw new IllegalArgumentException("contour length must be >= 2, got " + length);
        double[][] out = new double[frames.size()][];
        for (int i = 0; i < out.length; i++) {
            double[][] s = frames.get(i);
            double[] f0 = gated(s[F0_CHANNEL]);
            int first = -1, last = -1;
            for (int t = 0; t < f0.length; t++) if (f0[t] != 0) { if (first < 0) first = t; last = t; }
            out[i] = new double[length];
            if (first < 0) continue;
            double[] c = pitchContour(s);
            for (int k = 0; k < length; k++) {
                double pos = first + (last - first) * k / (double) (length - 1);
                int a = (int) Math.floor(pos);
                int b = Math.min(last, a + 1);
                out[i][k] = c[a] + (c[b] - c[a]) * (pos - a);
            }
        }
        return out;
    }
}
