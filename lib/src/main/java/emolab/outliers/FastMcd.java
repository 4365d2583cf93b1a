package emolab.outliers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Minimum Covariance Determinant by the FAST-MCD algorithm (Rousseeuw &amp; Van Driessen,
 * Technometrics 1999), organised like scikit-learn's {@code MinCovDet}: find the h rows
 * (h = ⌈(n + d + 1)/2⌉ by default) whose covariance has the smallest determinant, then
 *
 * <ol>
 * <li><b>consistency correction</b>: scale the raw covariance by median(d²)/χ²_d(0.5), so it
 *     estimates the covariance of normal data;</li>
 * <li><b>reweighting</b>: keep the rows with corrected d² &lt; χ²_d(0.975) and take their mean
 *     and (ddof 0) covariance as the final estimate.</li>
 * </ol>
 *
 * The search runs concentration steps (C-steps: fit on the h closest rows, recompute distances,
 * repeat; the determinant never increases) from random h-subsets. For n &gt; 500 it works as in
 * the paper and scikit-learn: ⌊n/300⌋ disjoint random subsets get 10 trials of 2 C-steps each,
 * their 10 best candidates are pooled and refined on a random merged set of min(n, 1500) rows,
 * and the best are iterated to convergence on all rows. For n ≤ 500: 30 trials of 2 C-steps,
 * the best 10 refined to convergence. Random subsets come from {@code seed}; the result depends
 * on it (as scikit-learn's depends on {@code random_state}).
 */
public final class FastMcd {

    /** A fitted robust location and covariance. Distances are squared Mahalanobis distances. */
    public record Result(double[] location, double[][] covariance, boolean[] support,
                         double[] rawLocation, double[][] rawCovariance, boolean[] rawSupport,
                         double[] distances, double rawLogDet) {}

    private final double supportFraction;
    private final long seed;

    /**
     * @param supportFraction fraction of rows in the h-subset, in (0, 1], or NaN for
     *                        scikit-learn's default ⌈(n + d + 1)/2⌉ rows
     */
    public FastMcd(double supportFraction, long seed) {
        if (!Double.isNaN(supportFraction) && !(supportFraction > 0 && supportFraction <= 1))
            throw new IllegalArgumentException("supportFraction must be in (0, 1] or NaN, got " + supportFraction);
        this.supportFraction = supportFraction;
        this.seed = seed;
    }

    public FastMcd(long seed) {
        this(Double.NaN, seed);
    }

    /** Fits on {@code x} (rows × columns). */
    public Result fit(double[][] x) {
        int n = x.length, d = x[0].length;
        int h = Double.isNaN(supportFraction) ? (int) Math.ceil(0.5 * (n + d + 1)) : (int) Math.ceil(supportFraction * n);
        if (h <= d)
            throw new emolab.study.NotApplicableException("FastMCD: the h-subset (" + h + " rows) must have more rows than columns (" + d + ")");
        SplittableRandom rnd = new SplittableRandom(seed);
        Estimate best;
        if (n > 500) {
            int nSubsets = n / 300;
            int subSize = n / nSubsets;
            int hSub = (int) Math.ceil(subSize * (h / (double) n));
            int nTrials = Math.max(10, 30 / nSubsets);
            int[] shuffle = permutation(n, rnd);
            List<Estimate> pooled = new ArrayList<>();
            for (int s = 0; s < nSubsets; s++) {
                int[] rows = Arrays.copyOfRange(shuffle, s * subSize, (s + 1) * subSize);
                double[][] sub = subset(x, rows);
                List<Estimate> cand = new ArrayList<>();
                for (int t = 0; t < nTrials; t++) cand.add(cStep(sub, hSub, randomSupport(sub.length, hSub, rnd), 2));
                pooled.addAll(best(cand, 10));
            }
            int nMerged = Math.min(1500, n);
            int hMerged = (int) Math.ceil(nMerged * (h / (double) n));
            int[] selection = Arrays.copyOf(permutation(n, rnd), nMerged);
            double[][] merged = subset(x, selection);
            List<Estimate> refined = new ArrayList<>();
            for (Estimate e : pooled) refined.add(cStep(merged, hMerged, closest(merged, e, hMerged), 30));
            List<Estimate> top = best(refined, n > 1500 ? 10 : 1);
            List<Estimate> full = new ArrayList<>();
            for (Estimate e : top) full.add(cStep(x, h, closest(x, e, h), 30));
            best = best(full, 1).get(0);
        } else {
            List<Estimate> cand = new ArrayList<>();
            for (int t = 0; t < 30; t++) cand.add(cStep(x, h, randomSupport(n, h, rnd), 2));
            List<Estimate> full = new ArrayList<>();
            for (Estimate e : best(cand, 10)) full.add(cStep(x, h, closest(x, e, h), 30));
            best = best(full, 1).get(0);
        }
        // consistency correction
        double[] raw = best.cov.squared(x);
        double chi50 = new smile.stat.distribution.ChiSquareDistribution(d).quantile(0.5);
        double correction = median(raw) / chi50;
        if (!(correction > 0))
            throw new emolab.study.NotApplicableException("FastMCD: the median robust distance is 0 — more than half of the rows "
                    + "coincide with the robust centre, so no covariance can be estimated");
        double[][] rawCov = new double[d][d];
        for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) rawCov[a][b] = best.cov.cov[a][b] * correction;
        double cutoff = new smile.stat.distribution.ChiSquareDistribution(d).quantile(0.975);
        int kept = 0;
        boolean[] support = new boolean[n];
        for (int i = 0; i < n; i++) {
            support[i] = raw[i] / correction < cutoff;
            if (support[i]) kept++;
        }
        int[] rows = new int[kept];
        for (int i = 0, c = 0; i < n; i++) if (support[i]) rows[c++] = i;
        if (kept < 2)
            throw new emolab.study.NotApplicableException("FastMCD: only " + kept + " row(s) left after reweighting");
        double[] loc = Covariance.mean(x, rows);
        Covariance fin = Covariance.pseudo(loc, Covariance.scatter(x, rows, loc, 0));
        boolean[] rawSupport = new boolean[n];
        for (int i : best.support) rawSupport[i] = true;
        return new Result(fin.mean, fin.cov, support, best.cov.mean.clone(), rawCov, rawSupport, fin.squared(x), best.logDet);
    }

    /** One candidate: the h-subset (row indices), its mean/covariance and log-determinant (−∞ if singular). */
    private record Estimate(int[] support, Covariance cov, double logDet) {}

    /** The k candidates with the smallest log-determinant (singular ones, −∞, first); stable on ties. */
    private static List<Estimate> best(List<Estimate> list, int k) {
        List<Estimate> s = new ArrayList<>(list);
        s.sort(Comparator.comparingDouble(Estimate::logDet));
        return s.subList(0, Math.min(k, s.size()));
    }

    private static Estimate estimate(double[][] x, int[] support) {
        double[] mu = Covariance.mean(x, support);
        Covariance cov = Covariance.pseudo(mu, Covariance.scatter(x, support, mu, 0));
        return new Estimate(support, cov, cov.logDet);
    }

    /**
     * C-steps from an initial support until the determinant stops decreasing or {@code iterations}
     * run out (scikit-learn's {@code _c_step}): a singular subset (log-determinant −∞, an exact
     * fit) ends the search at once; a step that does not lower the determinant ends it too,
     * keeping the new subset when the two determinants are numerically equal
     * ({@code numpy.allclose}), else the previous one.
     */
    private static Estimate cStep(double[][] x, int h, int[] initial, int iterations) {
        Estimate cur = estimate(x, initial);
        if (cur.logDet == Double.NEGATIVE_INFINITY) return cur;
        while (iterations-- > 0) {
            Estimate next = estimate(x, closest(x, cur, h));
            if (next.logDet == Double.NEGATIVE_INFINITY) return next;
            if (!(next.logDet < cur.logDet))
                return Math.abs(next.logDet - cur.logDet) <= 1e-8 + 1e-5 * Math.abs(cur.logDet) ? next : cur;
            cur = next;
        }
        return cur;
    }

    /** The h rows closest to an estimate (squared Mahalanobis, ties by row index), ascending indices. */
    private static int[] closest(double[][] x, Estimate e, int h) {
        double[] dist = e.cov.squared(x);
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> dist[i]).thenComparingInt(i -> i));
        int[] s = new int[h];
        for (int i = 0; i < h; i++) s[i] = idx[i];
        Arrays.sort(s);
        return s;
    }

    private static int[] randomSupport(int n, int h, SplittableRandom rnd) {
        int[] s = Arrays.copyOf(permutation(n, rnd), h);
        Arrays.sort(s);
        return s;
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double[][] subset(double[][] x, int[] rows) {
        double[][] s = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) s[i] = x[rows[i]];
        return s;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
