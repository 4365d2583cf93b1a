package emolab.timeseries.rocket;

import emolab.data.Audio;
import emolab.features.dsp.Dct;
import emolab.features.dsp.MelFilterbank;
import emolab.features.dsp.Spectral;
import emolab.features.dsp.Stft;
import emolab.features.rich.Resampler;
import emolab.features.rich.SilenceTrim;

/**
 * A minimal frame-level MFCC series builder for MiniRocket: {@code [nMfcc][frames]} per recording,
 * {@code librosa.feature.mfcc} numerics (16 kHz; periodic Hann window of {@code nFft} samples,
 * centred frames with zero padding, hop {@code hop}; Slaney mel filterbank of {@code nMels} bands;
 * {@code power_to_db} with ref 1, amin 1e-10, top_db 80; orthonormal DCT-II), cut or padded to a
 * fixed number of frames.
 *
 * <p>Defaults ({@link Options#reference()}): 20 MFCCs, 25 ms window / 10 ms hop (400 / 160
 * samples), 128 mel bands (librosa's default), the first 300 frames, shorter recordings padded
 * with zeros at the end — the recipe of the reference MiniRocket figures. {@link Options#trimmed()}
 * first removes leading/trailing silence ({@link SilenceTrim}, 40 dB) and pads by repeating the
 * last frame. Recordings at another rate are resampled to 16 kHz first. Thread-safe (one STFT per
 * thread).
 */
public final class MfccSeries {
    /** Sample rate of the series. */
    public static final int SAMPLE_RATE = 16_000;

    /** How a recording is brought to {@code frames} frames. */
    public enum Fit {
        /** The first frames; zeros after the end. */
        START_ZERO_PAD,
        /** Silence trimmed, then the first frames; the last frame repeated after the end. */
        TRIM_EDGE_PAD
    }

    /** Builder settings. */
    public record Options(int nMfcc, int nFft, int hop, int nMels, int frames, Fit fit) {
        public Options {
            if (nMfcc < 1 || nMels < nMfcc) throw new IllegalArgumentException("need 1 <= nMfcc <= nMels, got nMfcc=" + nMfcc + " nMels=" + nMels);
            if (nFft < 2 || nFft % 2 != 0) throw new IllegalArgumentException("nFft must be even and >= 2, got " + nFft);
            if (hop < 1) throw new IllegalArgumentException("hop must be >= 1, got " + hop);
            if (frames < 1) throw new IllegalArgumentException("frames must be >= 1, got " + frames);
            if (fit == null) throw new IllegalArgumentException("fit is null");
        }

        /** 20 MFCCs × 300 frames, 400/160 samples, 128 mels, first 300 frames, zero padding. */
        public static Options reference() {
            return new Options(20, 400, 160, 128, 300, Fit.START_ZERO_PAD);
        }

        /** As {@link #reference()} on the silence-trimmed signal, padding by the last frame. */
        public static Options trimmed() {
            return new Options(20, 400, 160, 128, 300, Fit.TRIM_EDGE_PAD);
        }
    }

    private final Options options;
    private final MelFilterbank mel;
    private final Dct dct;
    private final ThreadLocal<Stft> stft;

    public MfccSeries(Options options) {
        if (options == null) throw new IllegalArgumentException("options is null");
        this.options = options;
        this.mel = MelFilterbank.librosa(SAMPLE_RATE, options.nFft(), options.nMels());
        this.dct = new Dct(options.nMels(), options.nMfcc());
        this.stft = ThreadLocal.withInitial(() -> Stft.librosa(options.nFft(), options.hop()));
    }

    public Options options() { return options; }

    /** The series {@code [mfcc][frame]} of a recording (resampled to 16 kHz if needed). */
    public double[][] of(Audio audio) {
        if (audio == null) throw new IllegalArgumentException("audio is null");
        double[] x = audio.samples();
        if (x.length == 0) throw new IllegalArgumentException(audio.source() + ": audio has no samples");
        if (audio.sampleRate() != SAMPLE_RATE) x = Resampler.resample(x, audio.sampleRate(), SAMPLE_RATE);
        return of(x);
    }

    /** The series {@code [mfcc][frame]} of a 16 kHz signal. */
    public double[][] of(double[] signal) {
        if (signal == null || signal.length == 0) throw new IllegalArgumentException("signal is empty");
        for (int i = 0; i < signal.length; i++)
            if (!Double.isFinite(signal[i])) throw new IllegalArgumentException("signal sample " + i + " is " + signal[i]);
        double[] x = signal;
        if (options.fit() == Fit.TRIM_EDGE_PAD) {
            double[] t = SilenceTrim.trim(signal);
            if (t.length > 0) x = t;
        }
        Stft st = stft.get();
        int frames = st.frameCount(x.length);
        int bins = st.bins();
        int use = Math.min(frames, options.frames());
        double[] power = new double[frames * bins];
        st.compute(x, 0, x.length, power, null);
        int nMels = options.nMels(), nMfcc = options.nMfcc();
        double[] melSpec = new double[frames * nMels];
        mel.apply(power, frames, melSpec);
        // as librosa: decibels (and the 80 dB floor) over the whole recording, then the cut
        Spectral.powerToDb(melSpec, 0, melSpec.length, 1.0, 1e-10, 80.0);
        double[][] out = new double[nMfcc][options.frames()];
        double[] tmp = new double[nMfcc];
        for (int t = 0; t < use; t++) {
            dct.transform(melSpec, t * nMels, 1, tmp, 0, 1);
            for (int k = 0; k < nMfcc; k++) out[k][t] = tmp[k];
        }
        if (options.fit() == Fit.TRIM_EDGE_PAD)
            for (int k = 0; k < nMfcc; k++) for (int t = use; t < options.frames(); t++) out[k][t] = out[k][use - 1];
        return out;
    }
}
