package emolab.data.synth;

import emolab.data.Emotion;
import emolab.data.RavdessName;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Source-filter synthesis of one recording (a simplified Klatt synthesiser).
 *
 * <p>Pipeline: (1) per-recording prosody = emotion profile scaled by intensity and actor
 * expressiveness, plus actor-specific portrayal offsets and per-recording noise; (2) a phone
 * timeline of the statement (speech: stress- and rate-dependent durations; song: one sustained
 * note per syllable); (3) control tracks at a 2.5 ms frame rate (F0, formants, bandwidths, voicing,
 * aspiration and frication amplitudes), smoothed forward-backward for coarticulation and
 * portamento; (4) per-sample rendering: KLGLOTT88 glottal flow pulses with jitter/shimmer/creak,
 * radiation (first difference), a spectral-tilt low-pass, aspiration noise, a cascade of formant
 * resonators F1..F5, and a parallel fricative/burst resonator fed with noise; (5) loudness
 * normalisation, a low noise floor and a soft limiter. Plain arrays, no per-sample allocation.
 */
final class VoiceSynthesizer {
    private VoiceSynthesizer() {}

    static final double FRAME_SECONDS = 0.0025;
    static final double MAX_SECONDS = 5.85;
    static final double MIN_SECONDS = 2.9;
    private static final double VOICE_GAIN = 1.0;
    private static final double ASP_GAIN = 0.02;
    /** RMS of the voiced parts of a neutral recording, dBFS (real RAVDESS files are quiet: about -44). */
    static final double NEUTRAL_RMS_DB = -40.0;
    /** Background noise floor, dBFS (real RAVDESS 16 kHz files: about -80 to -95). */
    static final double FLOOR_DB = -80.0;
    /** Frication level relative to the RMS of the voiced parts (at noise amplitude 1). */
    private static final double FRIC_REL = 0.6;

    static double[] render(RavdessName name, long seed, int sr) {
        ActorVoice v = new ActorVoice(seed, name.actor());
        SplittableRandom r = Seeds.rng(seed, name.fileName());
        boolean song = name.vocalChannel() == RavdessName.VocalChannel.SONG;
        Emotion emo = name.emotion();
        int ei = emo.code() - 1;

        // ---- (1) per-recording prosody ------------------------------------------------------
        double k = (name.intensity() == RavdessName.Intensity.STRONG ? 1.75 : 1.0) * v.expressiveness
                * Seeds.clamp(Seeds.gauss(r, 1.0, 0.18), 0.5, 1.5);
        EmotionProfile p = EmotionProfile.of(emo).scaled(k);
        double f0St = p.f0Shift() * (song ? 0.6 : 1.0) + v.emoF0[ei] + Seeds.gauss(r, 0, 1.0);
        double range = Math.max(1.0, v.rangeSt * (p.f0Range() + v.emoRange[ei]) * Seeds.clamp(Seeds.gauss(r, 1, 0.12), 0.6, 1.4));
        double rate = v.rate * (p.rate() + v.emoRate[ei]) * Seeds.clamp(Seeds.gauss(r, 1, 0.07), 0.8, 1.2);
        if (song) rate = 1.0 + 0.5 * (rate - 1.0);
        rate = Seeds.clamp(rate, 0.5, 1.6);
        double level = p.levelDb() + v.levelDb + v.emoLevel[ei] + Seeds.gauss(r, 0, 2.5);
        double tension = Seeds.clamp(p.tension() + v.tension + v.emoTension[ei] + Seeds.gauss(r, 0, 0.07), 0, 1);
        double breath = Seeds.clamp(p.breath() + v.breath + Seeds.gauss(r, 0, 0.03), 0, 0.7);
        double jitter = Math.max(0.1, p.jitter() + v.jitter + Seeds.gauss(r, 0, 0.25)) / 100.0;
        double shimmer = Math.max(0.5, p.shimmer() + Seeds.gauss(r, 0, 1.0)) / 100.0;
        double creak = Seeds.clamp(p.creak() * Seeds.uniform(r, 0.3, 1.3) + Seeds.gauss(r, 0, 0.05), 0, 1);
        double finalMove = p.finalMove() + v.emoFinal[ei] + Seeds.gauss(r, 0, 2.0);
        double tremor = p.tremor() * Seeds.uniform(r, 0.6, 1.4);
        double precision = p.precision();
        double fscale = v.formantScale * p.formants() * Seeds.clamp(Seeds.gauss(r, 1, 0.01), 0.97, 1.03);

        // ---- (2) timeline ---------------------------------------------------------------------
        List<Phone.Syllable> syl = Phone.statement(name.statement());
        int nSyl = syl.size();
        int nPh = 0;
        for (Phone.Syllable s : syl) nPh += s.phones().size();
        Phone[] ph = new Phone[nPh];
        int[] phSyl = new int[nPh];
        double[] dur = new double[nPh];
        int q = 0;
        for (int i = 0; i < nSyl; i++) {
            Phone.Syllable s = syl.get(i);
            boolean last = i == nSyl - 1;
            int first = q;
            double consonants = 0, vowelMs = 0;
            for (Phone x : s.phones()) {
                ph[q] = x;
                phSyl[q] = i;
                double d = x.ms / 1000.0;
                if (song) {
                    if (!x.isVowel()) d *= 0.85;
                } else {
                    if (x.isVowel()) d *= s.stress() >= 2 ? 1.3 : s.stress() == 1 ? 1.05 : 0.8;
                    if (last && (x.isVowel() || x.kind == Phone.Kind.LIQUID)) d *= 1.45;
                    d = d / rate * Seeds.clamp(Seeds.gauss(r, 1, 0.08), 0.75, 1.3);
                }
                if (x.isVowel()) vowelMs += x.ms; else consonants += d;
                dur[q++] = d;
            }
            if (song) { // sustain the vowels to fill the note
                double note = v.noteSeconds / Math.sqrt(rate) * Seeds.clamp(Seeds.gauss(r, 1, 0.04), 0.9, 1.1)
                        * (last ? 1.9 : s.stress() >= 2 ? 1.1 : 1.0);
                if (last) consonants *= 0.5; // final /r/ is sung short relative to the note
                double vowels = Math.max(0.08, note - consonants);
                for (int j = first; j < q; j++) if (ph[j].isVowel()) dur[j] = vowels * ph[j].ms / vowelMs;
            }
        }
        double speech = 0;
        for (double d : dur) speech += d;
        double lead = Seeds.uniform(r, 0.45, 0.95), trail = Seeds.uniform(r, 0.55, 1.1);
        double total = lead + speech + trail;
        if (total > MAX_SECONDS) {
            double excess = total - MAX_SECONDS, room = (lead - 0.3) + (trail - 0.3);
            double cut = Math.min(excess, room);
            lead -= cut * (lead - 0.3) / room;
            trail -= cut * (trail - 0.3) / room;
            if (excess > room) { // compress the speech itself
                double f = (speech - (excess - room)) / speech;
                for (int j = 0; j < nPh; j++) dur[j] *= f;
                speech *= f;
            }
            total = lead + speech + trail;
        }
        if (total < MIN_SECONDS) {
            trail += MIN_SECONDS - total;
            total = MIN_SECONDS;
        }

        int hop = Math.max(1, (int) Math.round(sr * FRAME_SECONDS));
        double hopSec = hop / (double) sr;
        int nSamples = (int) Math.round(total * sr);
        int nF = nSamples / hop + 2;
        int[] phStart = new int[nPh + 1];
        double t = lead;
        for (int j = 0; j < nPh; j++) {
            phStart[j] = (int) Math.round(t / hopSec);
            t += dur[j];
        }
        phStart[nPh] = (int) Math.round(t / hopSec);

        // ---- (3) control tracks ---------------------------------------------------------------
        double[] f1 = new double[nF], f2 = new double[nF], f3 = new double[nF], f4 = new double[nF];
        double[] b1 = new double[nF], b2 = new double[nF], b3 = new double[nF], b4 = new double[nF];
        double[] av = new double[nF], ah = new double[nF], af = new double[nF], fz = new double[nF];
        double[] st = new double[nF], ck = new double[nF];
        double nyqLimit = 0.42 * sr;
        fill(f1, 0, nF, 500 * fscale);
        fill(f2, 0, nF, 1500 * fscale);
        fill(f3, 0, nF, 2500 * fscale);
        fill(f4, 0, nF, 3500 * fscale);
        fill(b1, 0, nF, 80);
        fill(b2, 0, nF, 100);
        fill(b3, 0, nF, 140);
        fill(b4, 0, nF, 220);
        fill(fz, 0, nF, Math.min(4000, nyqLimit));

        double[] sylGain = new double[nSyl];
        double[] sylTarget = new double[nSyl];
        int[] melody = Phone.melody(name.statement());
        boolean minor = emo == Emotion.SAD || emo == Emotion.FEARFUL;
        for (int i = 0; i < nSyl; i++) {
            int stress = syl.get(i).stress();
            double db = (stress == 0 ? -3 : stress == 1 ? -1 : stress == 2 ? 1.5 : 0.5)
                    - 3.0 * i / (nSyl - 1) + Seeds.gauss(r, 0, 0.7);
            if (song) db = 0.6 * db + 1.5;
            sylGain[i] = StrictMath.pow(10, db / 20);
            if (song) {
                int deg = melody[i];
                if (minor && deg == 4) deg = 3;
                sylTarget[i] = f0St + v.songKeySt + deg;
            } else {
                double decl = 0.35 - 0.85 * i / (nSyl - 1);
                double accent = stress == 2 ? 0.55 : stress == 3 ? 0.35 : stress == 1 ? 0.15 : 0.0;
                sylTarget[i] = f0St + 0.7 * range * (decl + accent) + Seeds.gauss(r, 0, 0.2 * range);
            }
        }

        for (int j = 0; j < nPh; j++) {
            Phone x = ph[j];
            int s = phStart[j], e = Math.max(phStart[j + 1], s + 1);
            double g = sylGain[phSyl[j]];
            double tf1 = x.f1, tf2 = x.f2, tf3 = x.f3;
            if (x.isVowel()) {
                double pr = 1 + 0.25 * precision;
                tf1 = 500 + pr * (tf1 - 500);
                tf2 = 1500 + pr * (tf2 - 1500);
                tf3 = 2500 + pr * (tf3 - 2500);
            }
            double bw1 = 60 + 120 * breath + (x.kind == Phone.Kind.NASAL ? 60 : 0);
            fill(f1, s, e, tf1 * fscale);
            fill(f2, s, e, tf2 * fscale);
            fill(f3, s, e, tf3 * fscale);
            fill(f4, s, e, 3400 * fscale);
            fill(b1, s, e, bw1);
            fill(b2, s, e, x.kind == Phone.Kind.NASAL ? 200 : 90);
            fill(b3, s, e, 130);
            fill(b4, s, e, 220);
            fill(fz, s, e, Math.min(x.noiseHz * fscale, nyqLimit));
            int c = s + (int) Math.round(0.6 * (e - s));
            int burst = Math.min(e, c + Math.max(1, (int) Math.round(0.010 / hopSec)));
            switch (x.kind) {
                case VOWEL -> fill(av, s, e, g);
                case LIQUID -> fill(av, s, e, 0.75 * g);
                case NASAL -> fill(av, s, e, 0.45 * g);
                case FRICATIVE -> fill(af, s, e, x.noiseAmp * g);
                case FRICATIVE_V -> {
                    fill(av, s, e, 0.35 * g);
                    fill(af, s, e, x.noiseAmp * g);
                }
                case STOP -> {
                    fill(af, c, burst, x.noiseAmp * g);
                    fill(ah, burst, e, 0.5 * g);
                    if (j + 1 < nPh) { // aspiration is shaped by the following vowel
                        Phone n = ph[j + 1];
                        fill(f1, burst, e, n.f1 * fscale);
                        fill(f2, burst, e, n.f2 * fscale);
                        fill(f3, burst, e, n.f3 * fscale);
                    }
                }
                case STOP_V -> {
                    fill(av, s, c, 0.12 * g);
                    fill(f1, s, c, 200 * fscale);
                    fill(af, c, burst, x.noiseAmp * g);
                    fill(av, burst, e, 0.5 * g);
                }
            }
        }

        // F0 contour in semitones re the actor's base
        int[] nucStart = new int[nSyl], nucEnd = new int[nSyl];
        for (int i = 0; i < nSyl; i++) { nucStart[i] = -1; }
        for (int j = 0; j < nPh; j++) {
            int i = phSyl[j];
            if (ph[j].isVowel()) {
                if (nucStart[i] < 0) nucStart[i] = phStart[j];
                nucEnd[i] = phStart[j + 1];
            }
        }
        if (song) {
            for (int i = 0; i < nSyl; i++) {
                int s = i == 0 ? 0 : phStart[firstPhone(phSyl, i)];
                int e = i == nSyl - 1 ? nF : phStart[firstPhone(phSyl, i + 1)];
                fill(st, s, e, sylTarget[i]);
            }
        } else {
            int lastSyl = nSyl - 1;
            double prevT = sylTarget[0];
            int prevF = (nucStart[0] + nucEnd[0]) / 2;
            fill(st, 0, Math.min(prevF, nF), prevT);
            for (int i = 1; i < lastSyl; i++) {
                int m = (nucStart[i] + nucEnd[i]) / 2;
                ramp(st, prevF, m, prevT, sylTarget[i]);
                prevF = m;
                prevT = sylTarget[i];
            }
            int ls = nucStart[lastSyl], le = phStart[nPh];
            ramp(st, prevF, ls, prevT, sylTarget[lastSyl]);
            ramp(st, ls, le, sylTarget[lastSyl], sylTarget[lastSyl] + finalMove);
            fill(st, le, nF, sylTarget[lastSyl] + finalMove);
        }
        // creaky syllables (disgust; a little in sadness)
        for (int i = 0; i < nSyl; i++) {
            boolean isCreaky = r.nextDouble() < creak * (i == nSyl - 1 ? 1.5 : 0.8);
            if (isCreaky) {
                double depth = Seeds.uniform(r, 0.5, 1.0) * Math.min(1.0, 0.4 + creak);
                int s = phStart[firstPhone(phSyl, i)];
                int e = i == nSyl - 1 ? phStart[nPh] : phStart[firstPhone(phSyl, i + 1)];
                fill(ck, s, e, depth);
            }
        }

        smooth(f1, hopSec, 0.018);
        smooth(f2, hopSec, 0.018);
        smooth(f3, hopSec, 0.018);
        smooth(f4, hopSec, 0.018);
        smooth(b1, hopSec, 0.018);
        smooth(b2, hopSec, 0.018);
        smooth(fz, hopSec, 0.010);
        smooth(av, hopSec, 0.004);
        smooth(ah, hopSec, 0.004);
        smooth(af, hopSec, 0.003);
        smooth(st, hopSec, song ? 0.035 : 0.025);
        smooth(ck, hopSec, 0.015);

        // F0 in Hz with drift, tremor and (song) vibrato
        double[] f0 = new double[nF];
        double ph1 = 2 * Math.PI * r.nextDouble(), ph2 = 2 * Math.PI * r.nextDouble(), ph3 = 2 * Math.PI * r.nextDouble();
        double drift1 = Seeds.uniform(r, 0.1, 0.4), drift2 = Seeds.uniform(r, 0.05, 0.25);
        double vibHz = v.vibratoHz + (emo == Emotion.FEARFUL || emo == Emotion.ANGRY ? 0.8 : emo == Emotion.SAD ? -0.5 : 0)
                + Seeds.gauss(r, 0, 0.2);
        double vibSt = v.vibratoSt * Seeds.uniform(r, 0.8, 1.2) * (emo == Emotion.FEARFUL ? 1.4 : 1.0);
        for (int f = 0; f < nF; f++) {
            double time = f * hopSec;
            double s = st[f] + drift1 * StrictMath.sin(2 * Math.PI * 0.7 * time + ph1)
                    + drift2 * StrictMath.sin(2 * Math.PI * 1.9 * time + ph2)
                    + tremor * StrictMath.sin(2 * Math.PI * 7.0 * time + ph3);
            if (song) s += vibSt * StrictMath.sin(2 * Math.PI * vibHz * time + ph3);
            f0[f] = Seeds.clamp(v.f0Hz * StrictMath.pow(2.0, s / 12.0) * (1 - 0.45 * ck[f]), 40, 900);
        }

        // ---- (4) per-sample rendering ---------------------------------------------------------
        double[] out = new double[nSamples];
        double T = 1.0 / sr;
        double f5 = 4500 * fscale;
        boolean useF5 = f5 < 0.45 * sr;
        double[] ra = new double[5], rb = new double[5], rc = new double[5], y1 = new double[5], y2 = new double[5];
        double[] fric = new double[nSamples];
        double fa = 0, fb = 0, fc = 0, fy1 = 0, fy2 = 0, fnPrev = 0, fnPrev2 = 0;
        double tiltA = Seeds.clamp(0.5 - 0.5 * tension + 0.4 * breath, 0.0, 0.85);
        double oqBase = Seeds.clamp(0.72 - 0.32 * tension + 0.25 * breath, 0.35, 0.9);
        double srScale = sr / 16000.0;
        double phase = 0, prevFlow = 0, tilt = 0;
        double jf = 1, sa = 1, oq = oqBase;
        boolean odd = false;
        setResonator(ra, rb, rc, 4, f5, 300, T, sr, useF5);
        for (int f = 0; f < nF - 1; f++) {
            int n0 = f * hop;
            if (n0 >= nSamples) break;
            setResonator(ra, rb, rc, 0, f1[f], b1[f], T, sr, true);
            setResonator(ra, rb, rc, 1, f2[f], b2[f], T, sr, true);
            setResonator(ra, rb, rc, 2, f3[f], b3[f], T, sr, true);
            setResonator(ra, rb, rc, 3, f4[f], b4[f], T, sr, true);
            { // fricative resonator with unity peak gain
                double bw = 0.2 * fz[f] + 300;
                double rr = StrictMath.exp(-Math.PI * bw * T), th = 2 * Math.PI * fz[f] * T;
                fb = 2 * rr * StrictMath.cos(th);
                fc = -rr * rr;
                fa = (1 - rr) * StrictMath.sqrt(1 - 2 * rr * StrictMath.cos(2 * th) + rr * rr);
            }
            double f0a = f0[f], f0b = f0[f + 1], ava = av[f], avb = av[f + 1], aha = ah[f], ahb = ah[f + 1];
            double afa = af[f], afb = af[f + 1], cka = ck[f];
            double jit = jitter + 0.06 * cka, shim = shimmer + 0.25 * cka;
            int n1 = Math.min(nSamples, n0 + hop);
            for (int n = n0; n < n1; n++) {
                double w = (n - n0) / (double) hop;
                double fr = f0a + w * (f0b - f0a);
                double a = ava + w * (avb - ava);
                phase += fr * jf * T;
                if (phase >= 1.0) { // new glottal period: draw its perturbations
                    phase -= 1.0;
                    if (phase >= 1.0) phase = 0;
                    jf = Seeds.clamp(1 + jit * Seeds.gauss(r), 0.7, 1.3);
                    sa = Math.max(0.2, 1 + shim * Seeds.gauss(r));
                    odd = !odd;
                    if (cka > 0.3 && odd) sa *= 1 - 0.5 * cka;
                    oq = Seeds.clamp(oqBase - 0.2 * cka, 0.3, 0.92);
                }
                double tau = phase / oq;
                double flow = tau < 1.0 ? 6.75 * tau * tau * (1.0 - tau) : 0.0;
                double dflow = (flow - prevFlow) * srScale * (150.0 / fr);
                prevFlow = flow;
                tilt = (1 - tiltA) * dflow * a * sa + tiltA * tilt;
                double noise = 2 * r.nextDouble() - 1;
                double asp = noise * ((aha + w * (ahb - aha)) + breath * a * (tau < 1.0 ? 1.0 : 0.35));
                double x = VOICE_GAIN * tilt + ASP_GAIN * asp;
                for (int kk = 0; kk < 5; kk++) {
                    double y = ra[kk] * x + rb[kk] * y1[kk] + rc[kk] * y2[kk];
                    y2[kk] = y1[kk];
                    y1[kk] = y;
                    x = y;
                }
                double fn = 2 * r.nextDouble() - 1;
                double fin = 0.25 * (fn - 2 * fnPrev + fnPrev2); // +12 dB/octave: frication is high-frequency
                fnPrev2 = fnPrev;
                fnPrev = fn;
                double fy = fa * fin + fb * fy1 + fc * fy2;
                fy2 = fy1;
                fy1 = fy;
                out[n] = x;
                fric[n] = (afa + w * (afb - afa)) * fy;
            }
        }

        // ---- (5) level, noise floor, limiter --------------------------------------------------
        double sum = 0;
        long cnt = 0;
        for (int f = 0; f < nF - 1; f++) {
            if (av[f] < 0.3) continue;
            int n0 = f * hop, n1 = Math.min(nSamples, n0 + hop);
            for (int n = n0; n < n1; n++) sum += out[n] * out[n];
            cnt += n1 - n0;
        }
        double rms = cnt > 0 ? Math.sqrt(sum / cnt) : 1e-9;
        double fricGain = FRIC_REL * rms;
        double targetDb = Math.min(-14.0, NEUTRAL_RMS_DB + level);
        double gain = StrictMath.pow(10, targetDb / 20) / Math.max(rms, 1e-12);
        double floor = StrictMath.pow(10, (FLOOR_DB + Seeds.gauss(r, 0, 2)) / 20) * 2.2;
        double dcX = 0, dcY = 0, nf = 0;
        for (int n = 0; n < nSamples; n++) {
            nf = 0.6 * nf + 0.4 * (2 * r.nextDouble() - 1);
            double x = (out[n] + fricGain * fric[n]) * gain + floor * nf;
            double y = x - dcX + 0.995 * dcY; // DC blocker
            dcX = x;
            dcY = y;
            double m = Math.abs(y);
            if (m > 0.6) y = Math.copySign(0.6 + 0.39 * StrictMath.tanh((m - 0.6) / 0.39), y);
            out[n] = Seeds.clamp(y, -1.0, 32767.0 / 32768.0);
        }
        return out;
    }

    private static int firstPhone(int[] phSyl, int syllable) {
        for (int j = 0; j < phSyl.length; j++) if (phSyl[j] == syllable) return j;
        return phSyl.length;
    }

    private static void setResonator(double[] a, double[] b, double[] c, int k, double f, double bw, double T,
                                     int sr, boolean on) {
        if (!on || f >= 0.45 * sr) {
            a[k] = 1;
            b[k] = 0;
            c[k] = 0;
            return;
        }
        double cc = -StrictMath.exp(-2 * Math.PI * bw * T);
        double bb = 2 * StrictMath.exp(-Math.PI * bw * T) * StrictMath.cos(2 * Math.PI * f * T);
        a[k] = 1 - bb - cc;
        b[k] = bb;
        c[k] = cc;
    }

    private static void fill(double[] x, int from, int to, double v) {
        int a = Math.max(0, from), b = Math.min(x.length, to);
        for (int i = a; i < b; i++) x[i] = v;
    }

    private static void ramp(double[] x, int from, int to, double v0, double v1) {
        if (to <= from) return;
        for (int i = Math.max(0, from); i < Math.min(x.length, to); i++)
            x[i] = v0 + (v1 - v0) * (i - from) / (double) (to - from);
    }

    /** Zero-phase (forward-backward) one-pole smoothing with time constant {@code tau}. */
    private static void smooth(double[] x, double hopSec, double tau) {
        double a = StrictMath.exp(-hopSec / tau);
        for (int i = 1; i < x.length; i++) x[i] = a * x[i - 1] + (1 - a) * x[i];
        for (int i = x.length - 2; i >= 0; i--) x[i] = a * x[i + 1] + (1 - a) * x[i];
    }
}
