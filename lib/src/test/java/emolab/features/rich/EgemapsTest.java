package emolab.features.rich;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** eGeMAPS-style descriptors on synthetic signals with known answers. */
class EgemapsTest {
    private static final int SR = 16000;

    private static double median(double[] v, boolean[] mask) {
        double[] s = Egemaps.select(v, mask, true);
        Arrays.sort(s);
        assertTrue(s.length > 0, "no values");
        return RichFeatures.percentile(s, 0.5);
    }

    /**
     * A 440 Hz tone is 12·log2(440/27.5) = 48 semitones. Tolerance 0.05 semitone (0.3 % in frequency):
     * YIN's parabolic lag refinement on a pure tone errs by far less than a tenth of a sample at lag 36.4.
     */
    @Test
    void pureToneF0InSemitones() {
        assertEquals(48.0, Egemaps.semitones(440), 1e-12);
        Egemaps.Descriptors d = Egemaps.analyse(Signals.tone(440, 0.5, SR, SR));
        assertEquals(48.0, median(d.f0St(), null), 0.05);
        // the whole second is voiced (≈ 100 frames; the YIN frames at the edges may be padded out)
        assertTrue(Egemaps.select(d.f0St(), null, true).length > 80, "voiced frames");
    }

    /**
     * Vowel-like signal: a 100 Hz pulse train through a known all-pole filter (resonances 600/80,
     * 1400/100, 2400/120, 3300/150 Hz frequency/bandwidth). Tolerance 50 Hz for F1–F3 = half the harmonic spacing:
     * LPC sees the envelope only at the harmonics of F0, so a resonance peak can be pulled by up to F0/2.
     * Bandwidths are only bounded (0–300 Hz): the harmonic sampling and the 25 ms Hamming window widen
     * them by amounts that depend on where the harmonics fall.
     */
    @Test
    void formantsOfSyntheticVowel() {
        double[] f = {600, 1400, 2400, 3300}, b = {80, 100, 120, 150};
        double[] x = vowel(100, f, b, 1.0);
        Egemaps.Descriptors d = Egemaps.analyse(x);
        for (int k = 0; k < 3; k++) {
            double fk = median(d.formants()[k], null), bk = median(d.bandwidths()[k], null);
            assertEquals(f[k], fk, 50, "F" + (k + 1));
            assertTrue(bk > 0 && bk < 300, "B" + (k + 1) + " " + bk);
        }
    }

    /**
     * A four-resonance filter (600/80, 1400/100, 2400/120, 3300/150 Hz; four resonances below 4 kHz, as in speech,
     * so the order-10 fit has no spare pole pairs to spend between them) excited by white noise: no harmonic
     * sampling. Tolerance 5 % on the medians over 20 windows: the autocorrelation method on a 25 ms Hamming
     * window with pre-emphasis is biased by a few per cent for a low, narrow resonance (window smearing plus the
     * spectral tilt; measured here: F1 +3.4 %), and a 25 ms noise window's spectrum scatters; the bandwidth of
     * F1 within a factor 2.
     */
    @Test
    void lpcRootsOfNoiseExcitedFilter() {
        double[] x = Signals.noise(11, 0.1, SR);
        for (double[] fb : new double[][] {{600, 80}, {1400, 100}, {2400, 120}, {3300, 150}}) x = Signals.resonator(x, fb[0], fb[1], SR);
        double[] x8 = Resampler.resample(x, SR, Egemaps.LPC_SR);
        double[] f1 = new double[20], f2 = new double[20], f3 = new double[20], b1 = new double[20];
        double[] buf = new double[Egemaps.LPC_WINDOW], a = new double[Egemaps.LPC_ORDER + 1];
        for (int i = 0; i < 20; i++) {
            double[][] r = Egemaps.lpcFormants(x8, 400 + 300 * i, buf, a);
            assertNotNull(r);
            assertTrue(r[0].length >= 3, "resonances found: " + Arrays.toString(r[0]));
            f1[i] = r[0][0]; f2[i] = r[0][1]; f3[i] = r[0][2]; b1[i] = r[1][0];
        }
        Arrays.sort(f1); Arrays.sort(f2); Arrays.sort(f3); Arrays.sort(b1);
        assertEquals(600, f1[10], 30);
        assertEquals(1400, f2[10], 70);
        assertEquals(2400, f3[10], 120);
        assertTrue(b1[10] > 40 && b1[10] < 160, "B1 " + b1[10]);
    }

    /**
     * The formant analysis starts each frame's Durand–Kerner iteration from the previous frame's roots;
     * it must find the roots the circle start finds, up to rounding. Tolerance 1e-12 (distance in the z
     * plane; 2.6e-15 was the largest over 7690 LPC polynomials of the 48 kHz proxy corpus).
     */
    @Test
    void seededRootsEqualCircleStartRoots() {
        double[] x = Signals.noise(5, 0.1, SR);
        for (double[] fb : new double[][] {{500, 60}, {1500, 90}, {2500, 130}}) x = Signals.resonator(x, fb[0], fb[1], SR);
        double[] x8 = Resampler.resample(x, SR, Egemaps.LPC_SR);
        double[] buf = new double[Egemaps.LPC_WINDOW], a = new double[Egemaps.LPC_ORDER + 1];
        double[][][] last = new double[1][][];
        int seeded = 0;
        for (int c = 150; c + 150 < x8.length; c += 80) {
            double[][] chained = Egemaps.lpcFormants(x8, c, buf, a, last);
            double[][] circle = Egemaps.roots(a);
            double[][] fromSeed = last[0];
            assertNotNull(chained);
            seeded++;
            for (int i = 0; i < circle[0].length; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < fromSeed[0].length; j++)
                    best = Math.min(best, Math.hypot(circle[0][i] - fromSeed[0][j], circle[1][i] - fromSeed[1][j]));
                assertTrue(best < 1e-12, "window at " + c + ": root " + circle[0][i] + "+" + circle[1][i] + "i off by " + best);
            }
            assertArrayEquals(Egemaps.lpcFormants(x8, c, buf, a)[0], chained[0], 1e-9, "formant frequencies (Hz) at " + c);
        }
        assertTrue(seeded > 10);
    }

    @Test
    void polynomialRootsAreExact() {
        // (z - 0.5)(z + 0.25)(z^2 - 2·0.9·cos(0.7) z + 0.81)
        double c = 2 * 0.9 * Math.cos(0.7);
        double[] p1 = {1, -0.25, -0.125}; // (z-0.5)(z+0.25)
        double[] p2 = {1, -c, 0.81};
        double[] a = new double[5];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) a[i + j] += p1[i] * p2[j];
        double[][] r = Egemaps.roots(a);
        double[] mods = new double[4];
        boolean foundPair = false;
        for (int i = 0; i < 4; i++) {
            mods[i] = Math.hypot(r[0][i], r[1][i]);
            if (r[1][i] > 1e-9) {
                assertEquals(0.7, Math.atan2(r[1][i], r[0][i]), 1e-10);
                assertEquals(0.9, mods[i], 1e-10);
                foundPair = true;
            }
        }
        assertTrue(foundPair);
        Arrays.sort(mods);
        assertEquals(0.25, mods[0], 1e-10);
        assertEquals(0.5, mods[1], 1e-10);
    }

    /**
     * Jitter: exactly periodic → 0. Planted: cycle lengths 124, 124, 132, 132, … samples; the signal's peaks sit
     * mid-cycle, so peak-to-peak periods run 124, 128, 132, 128, … → mean |ΔT| / mean T = 4/128 = 0.03125.
     * Shimmer: equal cycle amplitudes → 0 dB; alternating 1.0 / 0.8 → 20·log10(1/0.8) = 1.938 dB. The signals
     * are made of whole cycles with their peak mid-cycle; the marks fall within a small fraction of a sample
     * of the true peaks, so the tolerance is 5 % of the planted value (0.0015 for jitter, 0.1 dB for shimmer).
     */
    @Test
    void jitterAndShimmerDbWithPlantedPerturbation() {
        Yin yin = Yin.richDefault();
        double[] periodic = Signals.harmonicCycles(Signals.constantPeriods(128, 1.0, SR), 8, 0.4, null);
        VoiceQuality.Result r0 = VoiceQuality.measure(periodic, yin.track(periodic));
        assertTrue(r0.pairs() > 50);
        assertEquals(0, r0.jitter(), 1e-3);
        assertEquals(0, r0.shimmerDb(), 0.02);

        double[] p = Signals.constantPeriods(128, 1.0, SR);
        for (int i = 0; i < p.length; i++) p[i] = i % 4 < 2 ? 124 : 132;
        double[] jittered = Signals.harmonicCycles(p, 8, 0.4, null);
        VoiceQuality.Result rj = VoiceQuality.measure(jittered, yin.track(jittered));
        assertTrue(rj.pairs() > 50, "pairs " + rj.pairs());
        assertEquals(4.0 / 128, rj.jitter(), 0.0015);

        double[] amp = new double[p.length];
        for (int i = 0; i < amp.length; i++) amp[i] = i % 2 == 0 ? 1.0 : 0.8;
        double[] shimmered = Signals.harmonicCycles(Signals.constantPeriods(128, 1.0, SR), 8, 0.4, amp);
        VoiceQuality.Result rs = VoiceQuality.measure(shimmered, yin.track(shimmered));
        assertTrue(rs.pairs() > 50);
        assertEquals(20 * Math.log10(1 / 0.8), rs.shimmerDb(), 0.1);
        assertEquals(0, rs.jitter(), 1e-3);
    }

    /**
     * HNR of a sinusoid plus white noise equals the SNR: the noise's autocorrelation at the period lag is ~0,
     * so r = S/(S+N). Tolerance 1 dB: r is estimated from 373-sample windows, the median over ~90 frames.
     */
    @Test
    void hnrOfToneInNoise() {
        double[] tone = Signals.tone(200, 0.5, SR, SR);
        double[] noise = Signals.noise(5, 0.5 / Math.sqrt(2) / Math.sqrt(10), SR); // SNR 10 dB
        double[] x = new double[SR];
        for (int i = 0; i < SR; i++) x[i] = tone[i] + noise[i];
        assertEquals(10, median(Egemaps.analyse(x).hnr(), null), 1.0);
        assertTrue(median(Egemaps.analyse(tone).hnr(), null) > 35, "a pure tone is almost all harmonic");
    }

    /**
     * Two tones, 500 Hz (amplitude 1) and 3000 Hz (amplitude 0.1): alpha ratio = energy 1–5 kHz / 50–1000 Hz
     * = −20 dB, Hammarberg index = strongest 0–2 kHz over strongest 2–5 kHz = +20 dB. Tolerance 0.5 dB:
     * the Hann window's leakage outside each band is below −30 dB of the tone.
     */
    @Test
    void alphaRatioAndHammarbergOfTwoTones() {
        double[] a = Signals.tone(500, 0.4, SR, SR), b = Signals.tone(3000, 0.04, SR, SR);
        double[] x = new double[SR];
        for (int i = 0; i < SR; i++) x[i] = a[i] + b[i];
        Egemaps.Descriptors d = Egemaps.analyse(x);
        boolean[] all = new boolean[d.voiced().length];
        Arrays.fill(all, true);
        assertEquals(-20, median(d.alpha(), all), 0.5);
        assertEquals(20, median(d.hammarberg(), all), 0.5);
    }

    /** Tone bursts of 0.5 s separated by 0.3 s of silence: two voiced segments of ≈ 0.5 s, one pause of ≈ 0.3 s. */
    @Test
    void voicedSegmentStatistics() {
        double[] burst = Signals.tone(220, 0.5, SR, SR / 2);
        double[] x = new double[SR / 4 + SR / 2 + (int) (0.3 * SR) + SR / 2 + SR / 4];
        System.arraycopy(burst, 0, x, SR / 4, burst.length);
        System.arraycopy(burst, 0, x, SR / 4 + SR / 2 + (int) (0.3 * SR), burst.length);
        Egemaps.Descriptors d = Egemaps.analyse(x);
        double[] out = new double[6];
        int[] pos = {0};
        Egemaps.segments(d.loudness(), d.voiced(), d.frameRate(), out, pos);
        double seconds = d.voiced().length / d.frameRate();
        assertEquals(2 / seconds, out[1], 1e-9, "voiced segments per second");
        // YIN frames are 40 ms long: a frame straddling a burst edge may go either way (± 4 frames per segment)
        assertEquals(0.5, out[2], 0.04, "voiced length");
        assertEquals(0.3, out[4], 0.04, "pause length");
    }

    @Test
    void silenceGivesZerosNotNaN() {
        double[] out = new double[98];
        int[] pos = {0};
        double[] x = new double[SR / 2];
        Egemaps.Descriptors d = Egemaps.analyse(x);
        Egemaps.append(d, VoiceQuality.measure(x, Yin.richDefault().track(x)), out, pos);
        assertEquals(98, pos[0]);
        assertEquals(Egemaps.features().size(), pos[0]);
        for (double v : out) assertTrue(Double.isFinite(v));
    }

    /** Pulse train (period 1/f0) through second-order resonators of the given frequencies and bandwidths. */
    private static double[] vowel(double f0, double[] f, double[] b, double seconds) {
        int n = (int) (seconds * SR);
        double[] x = new double[n];
        int period = (int) Math.round(SR / f0);
        for (int i = 0; i < n; i += period) x[i] = 1;
        for (int k = 0; k < f.length; k++) x = Signals.resonator(x, f[k], b[k], SR);
        double max = 0;
        for (double v : x) max = Math.max(max, Math.abs(v));
        for (int i = 0; i < n; i++) x[i] *= 0.5 / max;
        return x;
    }
}
