package emolab.outliers;

import emolab.numeric.Neighbours;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Gaussian mixture model: the score is the negative log-density −ln Σ_c w_c N(x; μ_c, Σ_c), so
 * rows in low-density regions score high. Fitted by EM with scikit-learn's defaults for
 * {@code GaussianMixture(covariance_type='full')}: k-means initialisation (k-means++ seeding,
 * one run), {@code reg_covar} = 1e-6 added to each covariance diagonal, stop when the mean
 * log-likelihood changes by less than {@code tol} = 1e-3, at most 100 iterations; all densities
 * in log space (log-sum-exp).
 *
 * <p>Written here rather than wrapping Smile 3.1.1's {@code MultivariateGaussianMixture}:
 * Smile evaluates densities in linear space, so on the 106-column prepared table its
 * {@code logp} underflows to −∞ for some rows, its EM has no seed of its own, and on the
 * 10-column conformance table it stops at a much worse optimum (mean log-likelihood −12.4
 * against scikit-learn's −5.25).
 */
public final class GaussianMixture implements OutlierDetector {

    private final int components;
    private final long seed;
    private final double regCovar;
    private final double tol;
    private final int maxIter;

    public GaussianMixture(int components, long seed) {
        this(components, seed, 1e-6, 1e-3, 100);
    }

    public GaussianMixture(int components, long seed, double regCovar, double tol, int maxIter) {
        this.components = DetectorInput.positive("components", components);
        if (!(regCovar >= 0)) throw new IllegalArgumentException("regCovar must be >= 0, got " + regCovar);
        if (!(tol > 0)) throw new IllegalArgumentException("tol must be > 0, got " + tol);
        this.seed = seed;
        this.regCovar = regCovar;
        this.tol = tol;
        this.maxIter = DetectorInput.positive("maxIter", maxIter);
    }

    @Override
    public String name() {
        return "GMM (" + components + ")";
    }

    /** The fitted mixture. */
    public record Mixture(double[] weights, double[][] means, double[][][] covariances, int iterations,
                          boolean converged, double meanLogLikelihood) {}

    /** The model plus the fitted mixture. */
    public record Fit(OutlierModel model, Mixture mixture) {}

    @Override
    public OutlierModel fit(double[][] train) {
        return fitDetailed(train).model();
    }

    public Fit fitDetailed(double[][] train) {
        DetectorInput.train(name(), train, components + 1, "more rows than components");
        int n = train.length, d = train[0].length, k = components;
        int[] labels = KMeans.labels(train, k, new SplittableRandom(seed));
        double[][] resp = new double[n][k];
        for (int i = 0; i < n; i++) resp[i][labels[i]] = 1;
        Params p = mStep(train, resp);
        double lower = Double.NEGATIVE_INFINITY;
        boolean converged = false;
        int iter = 0;
        for (iter = 1; iter <= maxIter; iter++) {
            double prev = lower;
            lower = eStep(train, p, resp);
            p = mStep(train, resp);
            if (Math.abs(lower - prev) < tol) {
                converged = true;
                break;
            }
        }
        if (iter > maxIter) iter = maxIter;
        Params fin = p;
        double[] ll = fin.logDensity(train);
        double mean = 0;
        for (double v : ll) mean += v;
        mean /= n;
        double[][][] covs = new double[k][][];
        double[][] means = new double[k][];
        for (int c = 0; c < k; c++) {
            covs[c] = fin.gauss[c].cov;
            means[c] = fin.gauss[c].mean;
        }
        Mixture m = new Mixture(fin.weights.clone(), means, covs, iter, converged, mean);
        OutlierModel model = OutlierModel.of(name(), d, negate(ll), x -> negate(fin.logDensity(x)));
        return new Fit(model, m);
    }

    private static double[] negate(double[] v) {
        for (int i = 0; i < v.length; i++) v[i] = -v[i];
        return v;
    }

    private final class Params {
        final double[] weights;
        final double[] logWeights;
        final Covariance[] gauss;

        Params(double[] weights, Covariance[] gauss) {
            this.weights = weights;
            this.gauss = gauss;
            this.logWeights = new double[weights.length];
            for (int c = 0; c < weights.length; c++) logWeights[c] = Math.log(weights[c]);
        }

        /** ln w_c + ln N(x; μ_c, Σ_c) for each component, into {@code out}. */
        void weightedLog(double[] x, double[] out) {
            int d = x.length;
            double cst = d * Math.log(2 * Math.PI);
            for (int c = 0; c < gauss.length; c++)
                out[c] = logWeights[c] - 0.5 * (cst + gauss[c].logDet + gauss[c].squared(x));
        }

        double[] logDensity(double[][] x) {
            double[] out = new double[x.length];
            java.util.stream.IntStream.range(0, x.length).parallel().forEach(i -> {
                double[] w = new double[gauss.length];
                weightedLog(x[i], w);
                out[i] = logSumExp(w);
            });
            return out;
        }
    }

    /** E-step: log responsibilities → {@code resp}; returns the mean log-likelihood. */
    private double eStep(double[][] x, Params p, double[][] resp) {
        int n = x.length;
        double[] norm = new double[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            double[] w = new double[p.gauss.length];
            p.weightedLog(x[i], w);
            double l = logSumExp(w);
            norm[i] = l;
            for (int c = 0; c < w.length; c++) resp[i][c] = Math.exp(w[c] - l);
        });
        double s = 0;
        for (double v : norm) s += v;
        return s / n;
    }

    /** M-step (scikit-learn's {@code _estimate_gaussian_parameters}, 'full'). */
    private Params mStep(double[][] x, double[][] resp) {
        int n = x.length, d = x[0].length, k = components;
        double eps = 10 * Math.ulp(1.0);
        double[] nk = new double[k];
        for (double[] r : resp) for (int c = 0; c < k; c++) nk[c] += r[c];
        for (int c = 0; c < k; c++) nk[c] += eps;
        Covariance[] g = new Covariance[k];
        double[] w = new double[k];
        java.util.stream.IntStream.range(0, k).parallel().forEach(c -> {
            double[] mu = new double[d];
            for (int i = 0; i < n; i++) {
                double r = resp[i][c];
                if (r == 0) continue;
                for (int j = 0; j < d; j++) mu[j] += r * x[i][j];
            }
            for (int j = 0; j < d; j++) mu[j] /= nk[c];
            double[][] cov = new double[d][d];
            double[] z = new double[d];
            for (int i = 0; i < n; i++) {
                double r = resp[i][c];
                if (r == 0) continue;
                for (int j = 0; j < d; j++) z[j] = x[i][j] - mu[j];
                for (int a = 0; a < d; a++) {
                    double ra = r * z[a];
                    for (int b = 0; b <= a; b++) cov[a][b] += ra * z[b];
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] /= nk[c];
                    cov[b][a] = cov[a][b];
                }
                cov[a][a] += regCovar;
            }
            g[c] = Covariance.of(String.format(Locale.ROOT, "%s component %d", name(), c), mu, cov);
        });
        for (int c = 0; c < k; c++) w[c] = nk[c] / n;
        return new Params(w, g);
    }

    static double logSumExp(double[] v) {
        double mx = Double.NEGATIVE_INFINITY;
        for (double a : v) mx = Math.max(mx, a);
        if (mx == Double.NEGATIVE_INFINITY) return mx;
        double s = 0;
        for (double a : v) s += Math.exp(a - mx);
        return mx + Math.log(s);
    }

    /** Seeded k-means (k-means++ seeding with 2 + ⌊ln k⌋ local trials, then Lloyd) for the initial labels. */
    static final class KMeans {
        private KMeans() {}

        static int[] labels(double[][] x, int k, SplittableRandom rnd) {
            int n = x.length;
            double[][] centers = new double[k][];
            int first = rnd.nextInt(n);
            centers[0] = x[first].clone();
            double[] closest = new double[n];
            for (int i = 0; i < n; i++) closest[i] = Neighbours.squaredDistance(x[i], centers[0]);
            int trials = 2 + (int) Math.log(k);
            for (int c = 1; c < k; c++) {
                double total = 0;
                for (double v : closest) total += v;
                int bestCand = -1;
                double bestPot = Double.POSITIVE_INFINITY;
                double[] bestClosest = null;
                for (int t = 0; t < trials; t++) {
                    int cand = sample(closest, total, rnd);
                    double[] nc = new double[n];
                    double pot = 0;
                    for (int i = 0; i < n; i++) {
                        nc[i] = Math.min(closest[i], Neighbours.squaredDistance(x[i], x[cand]));
                        pot += nc[i];
                    }
                    if (pot < bestPot) {
                        bestPot = pot;
                        bestCand = cand;
                        bestClosest = nc;
                    }
                }
                centers[c] = x[bestCand].clone();
                closest = bestClosest;
            }
            int[] label = new int[n];
            Arrays.fill(label, -1);
            int d = x[0].length;
            for (int it = 0; it < 300; it++) {
                boolean changed = false;
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    double bd = Double.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        double s = Neighbours.squaredDistance(x[i], centers[c]);
                        if (s < bd) {
                            bd = s;
                            best = c;
                        }
                    }
                    if (label[i] != best) {
                        label[i] = best;
                        changed = true;
                    }
                }
                if (!changed) break;
                double[][] sum = new double[k][d];
                int[] cnt = new int[k];
                for (int i = 0; i < n; i++) {
                    cnt[label[i]]++;
                    for (int j = 0; j < d; j++) sum[label[i]][j] += x[i][j];
                }
                for (int c = 0; c < k; c++) {
                    if (cnt[c] == 0) continue; // keep an empty cluster's centre
                    for (int j = 0; j < d; j++) centers[c][j] = sum[c][j] / cnt[c];
                }
            }
            return label;
        }

        private static int sample(double[] weights, double total, SplittableRandom rnd) {
            if (!(total > 0)) return rnd.nextInt(weights.length);
            double u = rnd.nextDouble() * total;
            double acc = 0;
            for (int i = 0; i < weights.length; i++) {
                acc += weights[i];
                if (u < acc) return i;
            }
            return weights.length - 1;
        }
    }
}
