package emolab.chart;

import emolab.data.Audio;
import emolab.features.dsp.MelFilterbank;
import emolab.features.dsp.Spectral;
import emolab.features.dsp.Spectrogram;
import emolab.features.dsp.Stft;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** Spectrogram and mel-spectrogram pictures of a recording (dB, 80 dB range), for notebooks. */
public final class Spectrograms {
    private Spectrograms() {}

    /** Linear-frequency power spectrogram in dB (n_fft 1024 at 16 kHz, scaled with the sample rate). */
    public static BufferedImage linear(Audio audio, String title) {
        int nFft = fftSize(audio.sampleRate());
        Stft stft = Stft.librosa(nFft, nFft / 4);
        Spectrogram p = stft.power(audio.samples());
        double[] db = p.data().clone();
        Spectral.powerToDb(db, 0, db.length, 1.0, 1e-10, 80.0);
        double hzPerBin = audio.sampleRate() / (double) nFft;
        return Images.timeFrequency(new Spectrogram(db, p.frames(), p.bins()).toArray(), (nFft / 4) / (double) audio.sampleRate(),
                b -> String.format(Locale.ROOT, "%.0f Hz", b * hzPerBin), title, "frequency", "dB");
    }

    /** Mel spectrogram in dB with {@code nMels} Slaney mel bands up to the Nyquist frequency. */
    public static BufferedImage mel(Audio audio, int nMels, String title) {
        int nFft = fftSize(audio.sampleRate());
        Stft stft = Stft.librosa(nFft, nFft / 4);
        Spectrogram p = stft.power(audio.samples());
        MelFilterbank fb = MelFilterbank.librosa(audio.sampleRate(), nFft, nMels);
        Spectrogram m = fb.apply(p);
        double[] db = m.data().clone();
        Spectral.powerToDb(db, 0, db.length, 1.0, 1e-10, 80.0);
        double[] centres = MelFilterbank.melFrequencies(nMels + 2, 0, audio.sampleRate() / 2.0, MelFilterbank.Scale.SLANEY);
        return Images.timeFrequency(new Spectrogram(db, m.frames(), m.bins()).toArray(), (nFft / 4) / (double) audio.sampleRate(),
                b -> String.format(Locale.ROOT, "%.0f Hz", centres[b + 1]), title, "mel band (centre)", "dB");
    }

    static int fftSize(int sampleRate) {
        int n = 256;
        while (n < sampleRate / 16) n <<= 1; // ~64 ms windows: 1024 at 16 kHz, 4096 at 48 kHz
        return n;
    }
}
