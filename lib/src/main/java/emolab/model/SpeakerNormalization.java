package emolab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-speaker normalisation: every feature z-scored over the recordings of one speaker (mean and
 * population standard deviation of that speaker's rows; a feature constant for the speaker is
 * only centred). It uses no labels, but it does use every recording of a speaker — for test
 * speakers, their own unlabelled test recordings. That is a <b>transductive, enrolment-style</b>
 * setting (the system has heard a batch of the new speaker before deciding), so a score with it is
 * always reported beside the plain score without it.
 */
public final class SpeakerNormalization {
    private SpeakerNormalization() {}

    /** Fewest recordings of a speaker for its own statistics; fewer (a lone file) uses the fallback. */
    public static final int MIN_RECORDINGS = 2;

    /** Mean and standard deviation (population, 1 where it is 0) of each column of some rows. */
    public record Stats(double[] mean, double[] sd, int rows) implements java.io.Serializable {}

    /** Column statistics over the rows {@code rows} of {@code x}. */
    public static Stats stats(double[][] x, List<Integer> rows) {
        int d = x[0].length;
        double[] mu = new double[d], sd = new double[d];
        for (int i : rows) for (int j = 0; j < d; j++) mu[j] += x[i][j];
        for (int j = 0; j < d; j++) mu[j] /= rows.size();
        for (int i : rows) for (int j = 0; j < d; j++) { double e = x[i][j] - mu[j]; sd[j] += e * e; }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / rows.size());
            if (!(sd[j] > 1e-12 * Math.max(1, Math.abs(mu[j])))) sd[j] = 1;
        }
        return new Stats(mu, sd, rows.size());
    }

    /** Column statistics over all rows. */
    public static Stats stats(double[][] x) {
        return stats(x, java.util.stream.IntStream.range(0, x.length).boxed().toList());
    }

    /** Row indices per speaker, in order of first appearance. */
    public static Map<String, List<Integer>> bySpeaker(String[] speakers) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < speakers.length; i++) m.computeIfAbsent(speakers[i], k -> new java.util.ArrayList<>()).add(i);
        return m;
    }

    /**
     * The rows of {@code x} z-scored per speaker. A speaker with fewer than {@link #MIN_RECORDINGS}
     * rows, or a row whose speaker is null, is z-scored with {@code fallback} (the training
     * statistics) and flagged in {@code usedFallback} (may be null).
     */
    public static double[][] apply(double[][] x, String[] speakers, Stats fallback, boolean[] usedFallback) {
        double[][] out = new double[x.length][];
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++)
            if (speakers[i] != null) groups.computeIfAbsent(speakers[i], k -> new java.util.ArrayList<>()).add(i);
        for (List<Integer> rows : groups.values()) {
            if (rows.size() < MIN_RECORDINGS) continue;
            Stats s = stats(x, rows);
            for (int i : rows) out[i] = z(x[i], s);
        }
        for (int i = 0; i < x.length; i++) {
            boolean fb = out[i] == null;
            if (fb) out[i] = z(x[i], fallback);
            if (usedFallback != null) usedFallback[i] = fb;
        }
        return out;
    }

    static double[] z(double[] v, Stats s) {
        double[] o = new double[v.length];
        for (int j = 0; j < v.length; j++) o[j] = (v[j] - s.mean[j]) / s.sd[j];
        return o;
    }
}
