package emolab.data.synth;

import java.util.SplittableRandom;

/**
 * The voice of one synthetic actor, drawn once from (corpus seed, actor): odd actors male,
 * even female. Also holds the actor's idiosyncratic way of portraying each emotion (offsets
 * added to the emotion profile), so that emotions overlap across speakers as in real data.
 */
final class ActorVoice {
    final int actor;
    final boolean female;
    final double f0Hz;          // base speaking F0
    final double rangeSt;       // base intonation range, semitones
    final double formantScale;  // vocal-tract length factor (female ~ 1.15)
    final double rate;          // personal speaking rate factor
    final double breath;        // personal breathiness
    final double tension;       // personal tension offset
    final double jitter;        // personal jitter offset, percent
    final double expressiveness;// multiplies the emotional deviation
    final double levelDb;       // personal loudness offset
    final double vibratoHz, vibratoSt, songKeySt, noteSeconds;
    // per-emotion portrayal offsets, indexed by emotion code - 1
    final double[] emoF0 = new double[8], emoRate = new double[8], emoLevel = new double[8],
            emoTension = new double[8], emoRange = new double[8], emoFinal = new double[8];

    ActorVoice(long seed, int actor) {
        if (actor < 1 || actor > 24) throw new IllegalArgumentException("actor must be 1..24, got " + actor);
        SplittableRandom r = Seeds.rng(seed, "actor-" + actor);
        this.actor = actor;
        this.female = actor % 2 == 0;
        this.f0Hz = female ? Seeds.uniform(r, 180, 240) : Seeds.uniform(r, 100, 140);
        this.rangeSt = Seeds.uniform(r, 3.5, 6.0);
        this.formantScale = Seeds.clamp(Seeds.gauss(r, female ? 1.16 : 1.0, 0.035), 0.9, 1.3);
        this.rate = Seeds.uniform(r, 0.88, 1.12);
        this.breath = female ? Seeds.uniform(r, 0.04, 0.12) : Seeds.uniform(r, 0.01, 0.07);
        this.tension = Seeds.gauss(r, 0, 0.06);
        this.jitter = Seeds.uniform(r, 0.0, 0.5);
        this.expressiveness = Seeds.uniform(r, 0.5, 1.3);
        this.levelDb = Seeds.gauss(r, 0, 1.5);
        this.vibratoHz = Seeds.uniform(r, 4.8, 6.2);
        this.vibratoSt = Seeds.uniform(r, 0.2, 0.55);
        this.songKeySt = Seeds.uniform(r, 0, 3);
        this.noteSeconds = Seeds.uniform(r, 0.34, 0.44);
        for (int e = 1; e < 8; e++) { // neutral (index 0) is the reference: no offsets
            emoF0[e] = Seeds.gauss(r, 0, 1.5);
            emoRate[e] = Seeds.gauss(r, 0, 0.07);
            emoLevel[e] = Seeds.gauss(r, 0, 3.0);
            emoTension[e] = Seeds.gauss(r, 0, 0.08);
            emoRange[e] = Seeds.gauss(r, 0, 0.15);
            emoFinal[e] = Seeds.gauss(r, 0, 1.5);
        }
    }
}
