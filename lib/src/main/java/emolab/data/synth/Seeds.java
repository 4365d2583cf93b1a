package emolab.data.synth;

import java.util.SplittableRandom;

/**
 * Seed derivation and random helpers. Everything is built on {@link SplittableRandom#nextDouble()}
 * (whose algorithm is specified) and {@link StrictMath}, so the output is bit-identical on every
 * JVM and platform, and each file's stream depends only on (corpus seed, key), never on the order
 * in which files are generated.
 */
final class Seeds {
    private Seeds() {}

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed for {@code key} under the corpus {@code seed} (FNV-1a of the key, then mixed). */
    static long of(long seed, String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(mix(seed) ^ mix(h + 0x9e3779b97f4a7c15L));
    }

    static SplittableRandom rng(long seed, String key) {
        return new SplittableRandom(of(seed, key));
    }

    /** Standard normal variate (Box-Muller with StrictMath, platform-independent). */
    static double gauss(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble(); // (0, 1]
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    static double gauss(SplittableRandom r, double mean, double sd) {
        return mean + sd * gauss(r);
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
