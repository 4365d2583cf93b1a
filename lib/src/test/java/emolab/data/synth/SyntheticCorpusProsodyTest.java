package emolab.data.synth;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.Emotion;
import emolab.data.RavdessName;
import emolab.data.RavdessName.Intensity;
import emolab.data.RavdessName.VocalChannel;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Prosody directions measured from the generated audio with simple estimators (no access to the
 * generator's internal parameters): averages over actors 1–6, both statements, repetition 1.
 */
class SyntheticCorpusProsodyTest {
    private static final int SR = 16000;
    private static final long SEED = 42;

    private static double mean(VocalChannel vc, Emotion e, Intensity in, int[] actors, ToDoubleFunction<double[]> measure) {
        double s = 0;
        int n = 0;
        for (int a : actors)
            for (int st = 1; st <= 2; st++) {
                double v = measure.applyAsDouble(SyntheticCorpus.synthesize(new RavdessName(3, vc, e, in, st, 1, a), SEED, SR));
                assertFalse(Double.isNaN(v), "no estimate for " + e + " " + in + " actor " + a);
                s += v;
                n++;
            }
        return s / n;
    }

    private static final int[] ACTORS = {1, 2, 3, 4, 5, 6};
    private static final int[] MALE = {1, 3, 5}, FEMALE = {2, 4, 6};
    private static final ToDoubleFunction<double[]> LOUDNESS = x -> WavTestSupport.activeLoudnessDb(x, SR);
    private static final ToDoubleFunction<double[]> F0 = x -> WavTestSupport.median(WavTestSupport.f0Track(x, SR));
    private static final ToDoubleFunction<double[]> ACTIVE = x -> WavTestSupport.activeSeconds(x, SR);

    @Test
    void angryIsLouderThanSadAndStrongAmplifies() {
        double angryStrong = mean(VocalChannel.SPEECH, Emotion.ANGRY, Intensity.STRONG, ACTORS, LOUDNESS);
        double angry = mean(VocalChannel.SPEECH, Emotion.ANGRY, Intensity.NORMAL, ACTORS, LOUDNESS);
        double sad = mean(VocalChannel.SPEECH, Emotion.SAD, Intensity.NORMAL, ACTORS, LOUDNESS);
        double sadStrong = mean(VocalChannel.SPEECH, Emotion.SAD, Intensity.STRONG, ACTORS, LOUDNESS);
        double neutral = mean(VocalChannel.SPEECH, Emotion.NEUTRAL, Intensity.NORMAL, ACTORS, LOUDNESS);
        assertTrue(angryStrong > sad + 6, "angry strong " + angryStrong + " dB vs sad " + sad + " dB");
        assertTrue(angryStrong > angry, "strong anger louder than normal: " + angryStrong + " vs " + angry);
        assertTrue(angry > neutral && neutral > sad, "angry " + angry + " > neutral " + neutral + " > sad " + sad);
        assertTrue(sadStrong < sad, "strong sadness quieter: " + sadStrong + " vs " + sad);
    }

    @Test
    void femaleF0AboveMaleAndAngryAboveSad() {
        double male = mean(VocalChannel.SPEECH, Emotion.NEUTRAL, Intensity.NORMAL, MALE, F0);
        double female = mean(VocalChannel.SPEECH, Emotion.NEUTRAL, Intensity.NORMAL, FEMALE, F0);
        assertTrue(male > 80 && male < 170, "male neutral F0 " + male);
        assertTrue(female > 160 && female < 300, "female neutral F0 " + female);
        assertTrue(female > 1.4 * male, "female " + female + " vs male " + male);

        double angry = mean(VocalChannel.SPEECH, Emotion.ANGRY, Intensity.STRONG, ACTORS, F0);
        double sad = mean(VocalChannel.SPEECH, Emotion.SAD, Intensity.STRONG, ACTORS, F0);
        double happy = mean(VocalChannel.SPEECH, Emotion.HAPPY, Intensity.NORMAL, ACTORS, F0);
        double neutral = mean(VocalChannel.SPEECH, Emotion.NEUTRAL, Intensity.NORMAL, ACTORS, F0);
        assertTrue(angry > 1.2 * sad, "angry F0 " + angry + " vs sad " + sad);
        assertTrue(happy > neutral, "happy F0 " + happy + " vs neutral " + neutral);
        assertTrue(neutral > sad, "neutral F0 " + neutral + " vs sad strong " + sad);
    }

    @Test
    void sadIsSlowerThanAngry() {
        double sad = mean(VocalChannel.SPEECH, Emotion.SAD, Intensity.NORMAL, ACTORS, ACTIVE);
        double angry = mean(VocalChannel.SPEECH, Emotion.ANGRY, Intensity.NORMAL, ACTORS, ACTIVE);
        assertTrue(sad > 1.1 * angry, "sad active " + sad + " s vs angry " + angry + " s");
        assertTrue(sad > 1.0 && angry > 0.8 && sad < 4.0, "plausible speech spans: sad " + sad + ", angry " + angry);
    }

    @Test
    void surprisedRisesAtTheEndNeutralFalls() {
        ToDoubleFunction<double[]> finalMove = x -> {
            double[] f0 = WavTestSupport.f0Track(x, SR);
            int last = f0.length - 1;
            while (last > 0 && Double.isNaN(f0[last])) last--;
            double[] tail = java.util.Arrays.copyOfRange(f0, Math.max(0, last - 10), last + 1);
            double med = WavTestSupport.median(f0);
            return 12 * Math.log(WavTestSupport.median(tail) / med) / Math.log(2); // semitones re the median
        };
        double surprised = mean(VocalChannel.SPEECH, Emotion.SURPRISED, Intensity.STRONG, ACTORS, finalMove);
        double neutral = mean(VocalChannel.SPEECH, Emotion.NEUTRAL, Intensity.NORMAL, ACTORS, finalMove);
        assertTrue(surprised > 0 && neutral < 0, "final F0 movement: surprised " + surprised + " st, neutral " + neutral + " st");
    }

    @Test
    void songIsLongerAndMoreSustainedThanSpeech() {
        double song = mean(VocalChannel.SONG, Emotion.NEUTRAL, Intensity.NORMAL, ACTORS, ACTIVE);
        double speech = mean(VocalChannel.SPEECH, Emotion.NEUTRAL, Intensity.NORMAL, ACTORS, ACTIVE);
        assertTrue(song > 1.4 * speech, "song " + song + " s vs speech " + speech + " s");
    }
}
