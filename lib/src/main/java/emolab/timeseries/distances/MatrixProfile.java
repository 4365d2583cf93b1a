package emolab.timeseries.distances;

import emolab.timeseries.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix profile of a series (Yeh et al. 2016; STOMP, Zhu et al. 2016): for every
 * subsequence of {@code m} points, the z-normalised Euclidean distance to its nearest other
 * subsequence outside an exclusion zone of {@code ceil(m/4)} points around it (stumpy's default),
 * and where that neighbour is. Low values are <b>motifs</b> (a shape that recurs), high values
 * <b>discords</b> (a shape found nowhere else).
 *
 * <p>Distance: {@code d(i,j) = sqrt(2m·(1 − (QT(i,j) − m·μ_i·μ_j) / (m·σ_i·σ_j)))} with the
 * sliding dot product {@code QT} updated along each row in O(1) per cell (STOMP), so O(l²) time
 * for {@code l = n − m + 1} subsequences and O(l) memory. Constant subsequences (σ = 0):
 * distance 0 to another constant one, {@code sqrt(m)} to any other (stumpy's convention).
 *
 * @param profile   distance to the nearest non-trivial neighbour, per subsequence start
 * @param index     start of that neighbour
 * @param window    subsequence length m
 * @param exclusion half-width of the exclusion zone
 */
public record MatrixProfile(double[] profile, int[] index, int window, int exclusion) {

    /** The matrix profile of {@code x} for subsequences of {@code m} points (3 ≤ m ≤ n/2), exclusion zone {@code ceil(m/4)}. */
    public static MatrixProfile compute(double[] x, int m) {
        return compute(x, m, (int) Math.ceil(m / 4.0));
    }

    /**
     * The matrix profile with an exclusion zone of {@code exclusion} points: neighbours {@code j}
     * with {@code |i − j| ≤ exclusion} are ignored ({@code m} forbids any overlap, {@code m/2} is
     * Yeh et al.'s original choice). Must leave at least one neighbour: {@code 0 ≤ exclusion < n − m}.
     */
    public static MatrixProfile compute(double[] x, int m, int exclusion) {
        Series.requireFinite(x, "series");
        int n = x.length;
        if (m < 3) throw new IllegalArgumentException("matrix-profile window must be >= 3, got " + m);
        if (m > n / 2)
            throw new emolab.study.NotApplicableException("series of " + n + " points is too short for a matrix profile with window "
                    + m + " (needs at least 2m = " + 2 * m + " points)");
        int l = n - m + 1;
        if (exclusion < 0 || exclusion >= l - 1)
            throw new IllegalArgumentException("exclusion zone must be in 0.." + (l - 2) + " for " + l + " subsequences, got " + exclusion);
        int excl = exclusion;
        double[] mu = new double[l], sig = new double[l];
        for (int i = 0; i < l; i++) {
            double s = 0;
            for (int t = 0; t < m; t++) s += x[i + t];
            double mean = s / m, v = 0;
            for (int t = 0; t < m; t++) {
                double d = x[i + t] - mean;
                v += d * d;
            }
            mu[i] = mean;
            double sd = Math.sqrt(v / m);
            sig[i] = sd <= 1e-12 * Math.max(1, Math.abs(mean)) ? 0 : sd;
        }
        double[] profile = new double[l];
        int[] index = new int[l];
        java.util.Arrays.fill(profile, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(index, -1);
        // first row of QT directly, then QT(i, j) = QT(i-1, j-1) - x[i-1] x[j-1] + x[i+m-1] x[j+m-1]
        double[] qtFirst = new double[l];
        for (int j = 0; j < l; j++) {
            double s = 0;
            for (int t = 0; t < m; t++) s += x[t] * x[j + t];
            qtFirst[j] = s;
        }
        double[] qt = qtFirst.clone();
        for (int i = 0; i < l; i++) {
            if (i > 0) {
                for (int j = l - 1; j >= 1; j--) qt[j] = qt[j - 1] - x[i - 1] * x[j - 1] + x[i + m - 1] * x[j + m - 1];
                qt[0] = qtFirst[i];
            }
            for (int j = 0; j < l; j++) {
                if (Math.abs(i - j) <= excl) continue;
                double d = distance(qt[j], m, mu[i], sig[i], mu[j], sig[j]);
                if (d < profile[i]) {
                    profile[i] = d;
                    index[i] = j;
                }
            }
        }
        return new MatrixProfile(profile, index, m, excl);
    }

    static double distance(double qt, int m, double mui, double si, double muj, double sj) {
        if (si == 0 && sj == 0) return 0;
        if (si == 0 || sj == 0) return Math.sqrt(m);
        double corr = (qt - m * mui * muj) / (m * si * sj);
        double d2 = 2.0 * m * (1 - corr);
        return Math.sqrt(Math.max(0, d2));
    }

    /** A subsequence start and its profile value (and nearest neighbour). */
    public record Hit(int start, int neighbour, double distance) {}

    /**
     * The {@code count} best motifs: subsequences with the smallest profile values, each at least an
     * exclusion zone away from those already chosen and from their neighbours.
     */
    public List<Hit> motifs(int count) {
        return pick(count, true);
    }

    /** The {@code count} top discords: the largest profile values, non-overlapping in the same sense. */
    public List<Hit> discords(int count) {
        return pick(count, false);
    }

    private List<Hit> pick(int count, boolean smallest) {
        if (count < 1) throw new IllegalArgumentException("count must be >= 1, got " + count);
        int l = profile.length;
        boolean[] blocked = new boolean[l];
        List<Hit> hits = new ArrayList<>();
        while (hits.size() < count) {
            int best = -1;
            for (int i = 0; i < l; i++) {
                if (blocked[i] || Double.isInfinite(profile[i])) continue;
                if (best < 0 || (smallest ? profile[i] < profile[best] : profile[i] > profile[best])) best = i;
            }
            if (best < 0) break;
            hits.add(new Hit(best, index[best], profile[best]));
            block(blocked, best);
            if (smallest && index[best] >= 0) block(blocked, index[best]);
        }
        return hits;
    }

    private void block(boolean[] blocked, int at) {
        int zone = Math.max(exclusion, window / 2);
        for (int i = Math.max(0, at - zone); i <= Math.min(blocked.length - 1, at + zone); i++) blocked[i] = true;
    }
}
