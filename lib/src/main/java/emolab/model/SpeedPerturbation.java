package emolab.model;

import emolab.data.Audio;
import emolab.features.FeatureSet;
import emolab.features.rich.Resampler;
import java.util.List;

/**
 * Training-only augmentation by speed perturbation (as Kaldi's: the recording is resampled and
 * played at its original rate, so tempo and pitch change together): each recording is sped up by
 * 1.1 or slowed down to 0.9 — which one is fixed by the recording's samples, so the same file
 * always gets the same copy — before {@code base}'s features are extracted. Rows extracted with it
 * only ever join the training rows of a fit ({@link ModelAblation}), never the rows a model is
 * scored on.
 */
public final class SpeedPerturbation implements FeatureSet {
    private final FeatureSet base;

    public SpeedPerturbation(FeatureSet base) {
        this.base = base;
    }

    @Override public String name() { return base.name() + "+speed0.9-1.1"; }

    @Override public String version() { return base.version() + "/speed-v1"; }

    @Override public List<String> columns() { return base.columns(); }

    /** Whether this recording is sped up (1.1) rather than slowed down (0.9). */
    static boolean faster(double[] s) {
        long h = 0x9E3779B97F4A7C15L ^ s.length;
        for (int i = 0; i < s.length; i += 101) h = h * 31 + Double.doubleToLongBits(s[i]);
        return (Long.bitCount(h) & 1) == 0;
    }

    @Override
    public double[] extract(Audio audio) {
        double[] s = audio.samples();
        // speed f: the signal resampled from f·rate to rate (length / f), played at rate
        double[] p = faster(s) ? Resampler.resample(s, 11, 10) : Resampler.resample(s, 9, 10);
        return base.extract(new Audio(p, audio.sampleRate(), audio.channels(), audio.bitsPerSample(), audio.source()));
    }
}
