package emolab.data.synth;

import emolab.data.Emotion;
import java.util.EnumMap;
import java.util.Map;

/**
 * Prosody and voice-quality settings of one emotion at normal intensity, as deviations from
 * neutral in the directions reported by Banse &amp; Scherer (1996), Scherer (2003) and Juslin &amp;
 * Laukka (2003). Strong intensity (and more expressive actors) scale the deviation from neutral
 * with {@link #scaled(double)}.
 *
 * @param f0Shift   mean F0 shift from the actor's base, semitones
 * @param f0Range   multiplier of the actor's intonation range
 * @param rate      speaking-rate multiplier (&gt; 1 = faster, shorter)
 * @param levelDb   loudness change, dB
 * @param tension   vocal tension 0 (lax/breathy) .. 1 (pressed); sets open quotient and spectral tilt
 * @param breath    extra aspiration noise (0 = none)
 * @param jitter    period-to-period F0 perturbation, percent
 * @param shimmer   period-to-period amplitude perturbation, percent
 * @param creak     probability/depth of creaky (irregular, low) phonation per syllable
 * @param finalMove F0 movement over the last syllable, semitones (&lt; 0 fall, &gt; 0 rise)
 * @param tremor    7 Hz vocal-tremor depth, semitones
 * @param precision articulation: &lt; 0 vowel reduction towards schwa, &gt; 0 hyper-articulation
 * @param formants  formant-frequency multiplier (smiling/spread lips raise it)
 */
record EmotionProfile(double f0Shift, double f0Range, double rate, double levelDb, double tension,
                      double breath, double jitter, double shimmer, double creak, double finalMove,
                      double tremor, double precision, double formants) {

    static final EmotionProfile NEUTRAL_PROFILE =
            new EmotionProfile(0.0, 1.00, 1.00, 0.0, 0.50, 0.00, 0.6, 3.0, 0.00, -2.0, 0.0, 0.0, 1.000);

    private static final Map<Emotion, EmotionProfile> TABLE = new EnumMap<>(Emotion.class);

    static {
        //                                        f0   range rate  level tens  breath jit  shim creak final trem prec  formants
        TABLE.put(Emotion.NEUTRAL, NEUTRAL_PROFILE);
        TABLE.put(Emotion.CALM, new EmotionProfile(-0.8, 0.80, 0.93, -2.5, 0.40, 0.06, 0.6, 3.0, 0.00, -2.5, 0.0, -0.2, 0.990));
        TABLE.put(Emotion.HAPPY, new EmotionProfile(3.0, 1.45, 1.07, 4.5, 0.60, 0.00, 0.8, 3.5, 0.00, -1.0, 0.0, 0.3, 1.030));
        TABLE.put(Emotion.SAD, new EmotionProfile(-1.5, 0.60, 0.82, -4.0, 0.25, 0.18, 1.2, 5.0, 0.08, -3.0, 0.0, -0.5, 0.980));
        TABLE.put(Emotion.ANGRY, new EmotionProfile(3.0, 1.55, 1.10, 9.0, 0.90, 0.00, 1.0, 4.0, 0.00, -3.5, 0.0, 0.6, 1.020));
        TABLE.put(Emotion.FEARFUL, new EmotionProfile(4.5, 1.15, 1.13, 4.0, 0.60, 0.08, 2.2, 6.0, 0.00, 0.0, 0.5, 0.0, 1.010));
        TABLE.put(Emotion.DISGUST, new EmotionProfile(-2.0, 0.95, 0.86, -0.5, 0.55, 0.04, 1.5, 6.0, 0.30, -3.0, 0.0, 0.1, 0.990));
        TABLE.put(Emotion.SURPRISED, new EmotionProfile(3.5, 1.60, 1.00, 4.5, 0.60, 0.02, 0.8, 3.5, 0.00, 6.0, 0.0, 0.3, 1.020));
    }

    /** The normal-intensity profile of {@code emotion}. */
    static EmotionProfile of(Emotion emotion) {
        return TABLE.get(emotion);
    }

    /** Neutral + k * (this - neutral), clamped to physically sensible ranges. */
    EmotionProfile scaled(double k) {
        EmotionProfile n = NEUTRAL_PROFILE;
        return new EmotionProfile(
                n.f0Shift + k * (f0Shift - n.f0Shift),
                Math.max(0.3, n.f0Range + k * (f0Range - n.f0Range)),
                Seeds.clamp(n.rate + k * (rate - n.rate), 0.55, 1.45),
                n.levelDb + k * (levelDb - n.levelDb),
                Seeds.clamp(n.tension + k * (tension - n.tension), 0.0, 1.0),
                Seeds.clamp(n.breath + k * (breath - n.breath), 0.0, 0.6),
                Math.max(0.1, n.jitter + k * (jitter - n.jitter)),
                Math.max(0.5, n.shimmer + k * (shimmer - n.shimmer)),
                Seeds.clamp(n.creak + k * (creak - n.creak), 0.0, 1.0),
                Seeds.clamp(n.finalMove + k * (finalMove - n.finalMove), -8.0, 10.0),
                Math.max(0.0, n.tremor + k * (tremor - n.tremor)),
                Seeds.clamp(n.precision + k * (precision - n.precision), -1.0, 1.0),
                n.formants + k * (formants - n.formants));
    }
}
