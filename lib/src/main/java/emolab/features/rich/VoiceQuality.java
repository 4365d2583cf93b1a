package emolab.features.rich;

/**
 * Local jitter and shimmer from glottal-cycle marks placed inside voiced runs of a YIN track.
 *
 * <p>In every run of at least {@value #MIN_RUN_FRAMES} consecutive voiced frames, the waveform
 * (with the polarity of its larger peaks) is marked cycle by cycle: the first mark is the maximum
 * within one period of the run start, each next mark the maximum within 0.7–1.3 local periods
 * (the period of the nearest frame) after the previous one, refined by parabolic interpolation
 * in position and amplitude. From consecutive marks: periods {@code P_i} and peak amplitudes
 * {@code A_i}. Like Praat's "local" measures, pairs whose periods differ by a factor above 1.3 are
 * ignored:
 * <ul>
 *   <li>jitter = mean |P_i − P_{i+1}| / mean P</li>
 *   <li>shimmer = mean |A_i − A_{i+1}| / mean A</li>
 *   <li>shimmer (dB) = mean |20·log10(A_{i+1} / A_i)| (pairs with both amplitudes positive)</li>
 * </ul>
 * Both are 0 when there are no usable pairs (e.g. silence or unvoiced speech); {@link Result#pairs}
 * tells how many pairs contributed.
 */
public final class VoiceQuality {
    private VoiceQuality() {}

    public static final int MIN_RUN_FRAMES = 3;
    private static final double MAX_PERIOD_FACTOR = 1.3;

    /** Local jitter and shimmer (fractions, not percent), shimmer in dB and the number of period pairs used. */
    public record Result(double jitter, double shimmer, double shimmerDb, int pairs) {}

    /** Measures jitter and shimmer of {@code x} along {@code track} (same sample rate). */
    public static Result measure(double[] x, Yin.Track track) {
        double sumDp = 0, sumP = 0, sumDa = 0, sumA = 0, sumDb = 0;
        int dbPairs = 0;
        int pairs = 0, periods = 0;
        int n = track.frames();
        int i = 0;
        double[] marks = new double[16];
        double[] amps = new double[16];
        while (i < n) {
            if (!track.voiced()[i]) { i++; continue; }
            int j = i;
            while (j + 1 < n && track.voiced()[j + 1]) j++;
            if (j - i + 1 >= MIN_RUN_FRAMES) {
                int start = Math.max(0, track.centre(i) - track.hop() / 2);
                int end = Math.min(x.length - 1, track.centre(j) + track.hop() / 2);
                // polarity: follow the larger peaks
                double mx = 0, mn = 0;
                for (int s = start; s <= end; s++) { mx = Math.max(mx, x[s]); mn = Math.min(mn, x[s]); }
                double sign = mx >= -mn ? 1 : -1;
                int count = 0;
                double period = localPeriod(track, start, i, j);
                int m = argmax(x, sign, start, (int) Math.min(end, start + Math.ceil(period)));
                while (m >= 0) {
                    double[] pk = refine(x, sign, m);
                    if (count == marks.length) {
                        marks = java.util.Arrays.copyOf(marks, 2 * count);
                        amps = java.util.Arrays.copyOf(amps, 2 * count);
                    }
                    marks[count] = pk[0];
                    amps[count] = pk[1];
                    count++;
                    period = localPeriod(track, m, i, j);
                    int lo = (int) Math.ceil(m + 0.7 * period);
                    int hi = (int) Math.floor(m + 1.3 * period);
                    if (hi > end) break;
                    m = argmax(x, sign, lo, hi);
                }
                for (int k = 0; k + 1 < count; k++) {
                    sumP += marks[k + 1] - marks[k];
                    sumA += amps[k];
                    periods++;
                }
                for (int k = 0; k + 2 < count; k++) {
                    double p1 = marks[k + 1] - marks[k], p2 = marks[k + 2] - marks[k + 1];
                    if (p1 <= 0 || p2 <= 0 || Math.max(p1, p2) / Math.min(p1, p2) > MAX_PERIOD_FACTOR) continue;
                    sumDp += Math.abs(p1 - p2);
                    sumDa += Math.abs(amps[k] - amps[k + 1]);
                    if (amps[k] > 0 && amps[k + 1] > 0) {
                        sumDb += Math.abs(20 * Math.log10(amps[k + 1] / amps[k]));
                        dbPairs++;
                    }
                    pairs++;
                }
            }
            i = j + 1;
        }
        if (pairs == 0 || sumP <= 0 || sumA <= 0) return new Result(0, 0, 0, 0);
        double meanP = sumP / periods, meanA = sumA / periods;
        return new Result((sumDp / pairs) / meanP, (sumDa / pairs) / meanA, dbPairs == 0 ? 0 : sumDb / dbPairs, pairs);
    }

    /** Period (samples) of the frame of run [i, j] whose centre is nearest to sample s. */
    private static double localPeriod(Yin.Track t, int s, int i, int j) {
        int f = (int) Math.round((s - t.frame() / 2.0) / t.hop());
        f = Math.max(i, Math.min(j, f));
        return t.sampleRate() / t.f0()[f];
    }

    private static int argmax(double[] x, double sign, int lo, int hi) {
        lo = Math.max(0, lo);
        hi = Math.min(x.length - 1, hi);
        if (hi < lo) return -1;
        int best = lo;
        for (int s = lo + 1; s <= hi; s++) if (sign * x[s] > sign * x[best]) best = s;
        return best;
    }

    /** Parabolic refinement: {position, amplitude} of the peak at sample m of sign*x. */
    private static double[] refine(double[] x, double sign, int m) {
        if (m <= 0 || m >= x.length - 1) return new double[] {m, sign * x[m]};
        double a = sign * x[m - 1], b = sign * x[m], c = sign * x[m + 1];
        double den = a - 2 * b + c;
        if (den >= 0) return new double[] {m, b};
        double d = 0.5 * (a - c) / den;
        d = Math.max(-0.5, Math.min(0.5, d));
        return new double[] {m + d, b - 0.25 * (a - c) * d};
    }
}
