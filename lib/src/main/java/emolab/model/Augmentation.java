package emolab.model;

import emolab.data.Audio;
import emolab.features.FeatureSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training-only augmentation: a feature set that adds white Gaussian noise at a fixed
 * signal-to-noise ratio to each recording before extracting {@code base}'s features. The noise is
 * seeded from the recording's samples, so the same file always gets the same noise. Rows extracted
 * with it only ever join the training rows of a fit, never the rows a model is scored on.
 */
public final class Augmentation implements FeatureSet {
    private final FeatureSet base;
    private final double snrDb;

    public Augmentation(FeatureSet base, double snrDb) {
        this.base = base;
        this.snrDb = snrDb;
    }

    /** The default: noise at 20 dB SNR. */
    public static Augmentation noise(FeatureSet base) {
        return new Augmentation(base, 20);
    }

    @Override public String name() { return base.name() + "+noise" + (int) snrDb + "dB"; }

    @Override public String version() { return base.version() + "/noise-v1"; }

    @Override public List<String> columns() { return base.columns(); }

    @Override
    public double[] extract(Audio audio) {
        double[] s = audio.samples();
        double power = 0;
        long seed = 0x9E3779B97F4A7C15L ^ s.length;
        for (int i = 0; i < s.length; i++) {
            power += s[i] * s[i];
            if (i % 97 == 0) seed = seed * 31 + Double.doubleToLongBits(s[i]);
        }
        power /= Math.max(1, s.length);
        double sd = Math.sqrt(power / Math.pow(10, snrDb / 10));
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] noisy = new double[s.length];
        for (int i = 0; i < s.length; i++) noisy[i] = s[i] + sd * gaussian(rnd);
        return base.extract(new Audio(noisy, audio.sampleRate(), audio.channels(), audio.bitsPerSample(), audio.source()));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
