package emolab.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Model-agnostic SHAP values by KernelSHAP (Lundberg &amp; Lee 2017, "A unified approach to
 * interpreting model predictions"): a weighted linear regression of the model output over
 * feature coalitions, with the Shapley kernel {@code π(z) = (M−1) / (C(M,|z|) · |z| · (M−|z|))}
 * as weights, where a coalition's value is the mean model output with the features outside it
 * taken from the {@link Background} rows (interventional expectation).
 *
 * <p>Sampling follows the shap library's {@code KernelExplainer}: coalition sizes are taken in
 * pairs (s, M−s) from the most weighted (smallest/largest) inwards and enumerated completely
 * while the budget allows; the rest of the budget is drawn at random, always together with the
 * complement of each drawn coalition (paired sampling), repeats adding to the drawn coalition's
 * weight. The efficiency constraint {@code base + Σφ = f(x)} is enforced exactly by eliminating
 * one coefficient. Features whose value equals every background row's get φ = 0. The default
 * budget is {@code 2M + 2048} coalitions; with {@code M ≤ 11} that covers all of them and the
 * result is the exact Shapley value. No L1 feature selection is done (shap's optional
 * {@code l1_reg}). Seeded: row {@code i} uses its own stream derived from the seed, so results do
 * not depend on threads.
 */
public final class KernelShap {
    private final Background background;
    private final int budget;
    private final long seed;
    private final int batchRows;
    private final List<String> features;
    private final List<String> classes;
    private final OutputSpace space;

    private KernelShap(Builder b) {
        this.background = b.background;
        int d = background.numFeatures();
        this.budget = b.budget > 0 ? b.budget : 2 * d + 2048;
        this.seed = b.seed;
        this.batchRows = b.batchRows;
        this.features = Inputs.names(b.features, d, "feature");
        this.classes = b.classes;
        this.space = b.space;
    }

    public static Builder builder(Background background) {
        return new Builder(background);
    }

    /** The number of coalitions evaluated per explained row. */
    public int budget() { return budget; }

    public Background background() { return background; }

    /** Explains each row of {@code x} for model {@code f}. */
    public Explanations explain(PredictFunction f, double[][] x) {
        return explain(f, x, null);
    }

    /** {@link #explain(PredictFunction, double[][])} reporting {@code (done, total)} rows. */
    public Explanations explain(PredictFunction f, double[][] x, BiConsumer<Integer, Integer> progress) {
        int d = background.numFeatures();
        if (x != null && x.length > 0 && x[0] != null && x[0].length != d)
            throw new IllegalArgumentException("KernelSHAP: rows have " + x[0].length + " columns but the background has " + d
                    + " (explain rows with the same columns, in the same order, as the background)");
        emolab.study.NotApplicableException.require(x != null && x.length > 0, "KernelSHAP: no rows to explain");
        Inputs.requireRows(x, d, features, "KernelSHAP rows");
        double[][] fx = f.predict(copy(x));
        int k = fx.length > 0 ? fx[0].length : 0;
        PredictFunction.checkOutput(fx, x.length, k, "KernelSHAP");
        List<String> cls = Inputs.names(classes, k, "class");
        double[] base = background.expectedOutput(f, k);
        double[][][] phi = new double[x.length][][];
        AtomicInteger done = new AtomicInteger();
        // Rows one after another: the model call on each row's big coalition batch is where parallelism pays.
        for (int i = 0; i < x.length; i++) {
            phi[i] = explainRow(f, x[i], fx[i], base, new SplittableRandom(mix(seed, i)));
            if (progress != null) progress.accept(done.incrementAndGet(), x.length);
        }
        return new Explanations("KernelSHAP", space, features, cls, base, phi, copy(x), fx);
    }

    private double[][] explainRow(PredictFunction f, double[] x, double[] fx, double[] base, SplittableRandom rng) {
        int d = x.length, k = fx.length;
        double[][] bg = background.rows();
        // features that can change the output: x differs from some background row
        int[] varying = java.util.stream.IntStream.range(0, d).filter(j -> {
            for (double[] b : bg) if (b[j] != x[j]) return true;
            return false;
        }).toArray();
        int m = varying.length;
        double[][] phi = new double[k][d];
        if (m == 0) return phi;
        if (m == 1) {
            for (int c = 0; c < k; c++) phi[c][varying[0]] = fx[c] - base[c];
            return phi;
        }
        Coalitions z = sample(m, rng);
        double[][] ey = evaluate(f, x, varying, z.masks, k);
        // weighted least squares with the efficiency constraint: eliminate the last varying feature
        int p = m - 1, s = z.masks.size();
        double[][] xtx = new double[p][p];
        double[][] xty = new double[k][p];
        double[] row = new double[p];
        for (int r = 0; r < s; r++) {
            boolean[] mask = z.masks.get(r);
            double w = z.weights.get(r);
            double last = mask[p] ? 1 : 0;
            for (int a = 0; a < p; a++) row[a] = (mask[a] ? 1 : 0) - last;
            for (int a = 0; a < p; a++) {
                if (row[a] == 0) continue;
                double wa = w * row[a];
                for (int b2 = 0; b2 <= a; b2++) xtx[a][b2] += wa * row[b2];
                for (int c = 0; c < k; c++) {
                    double yAdj = ey[r][c] - base[c] - last * (fx[c] - base[c]);
                    xty[c][a] += wa * yAdj;
                }
            }
        }
        for (int a = 0; a < p; a++) for (int b2 = a + 1; b2 < p; b2++) xtx[a][b2] = xtx[b2][a];
        double[][] chol = cholesky(xtx);
        for (int c = 0; c < k; c++) {
            double[] w = solve(chol, xty[c]);
            double sum = 0;
            for (int a = 0; a < p; a++) {
                phi[c][varying[a]] = w[a];
                sum += w[a];
            }
            phi[c][varying[p]] = (fx[c] - base[c]) - sum;
        }
        return phi;
    }

    /** Mean model output over the background for each coalition ({@code masks.size() × k}). */
    private double[][] evaluate(PredictFunction f, double[] x, int[] varying, List<boolean[]> masks, int k) {
        double[][] bg = background.rows();
        double[] bw = background.weights();
        int nb = bg.length, s = masks.size();
        double[][] ey = new double[s][k];
        int perBatch = Math.max(1, batchRows / nb);
        for (int start = 0; start < s; start += perBatch) {
            int end = Math.min(s, start + perBatch);
            double[][] batch = new double[(end - start) * nb][];
            int r = 0;
            for (int q = start; q < end; q++) {
                boolean[] mask = masks.get(q);
                for (double[] b : bg) {
                    double[] h = b.clone();
                    for (int a = 0; a < varying.length; a++) if (mask[a]) h[varying[a]] = x[varying[a]];
                    batch[r++] = h;
                }
            }
            double[][] out = f.predict(batch);
            PredictFunction.checkOutput(out, batch.length, k, "KernelSHAP");
            r = 0;
            for (int q = start; q < end; q++)
                for (int b = 0; b < nb; b++, r++)
                    for (int c = 0; c < k; c++) ey[q][c] += bw[b] * out[r][c];
        }
        return ey;
    }

    /** Coalitions over {@code m} features (true = feature taken from x) with their kernel weights. */
    record Coalitions(List<boolean[]> masks, List<Double> weights) {}

    Coalitions sample(int m, SplittableRandom rng) {
        List<boolean[]> masks = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int sizes = (m - 1 + 1) / 2;          // ceil((m-1)/2)
        int paired = (m - 1) / 2;             // floor((m-1)/2)
        double[] kernel = new double[sizes];  // total Shapley-kernel weight of subset size s (and m-s when paired)
        double total = 0;
        for (int s = 1; s <= sizes; s++) {
            kernel[s - 1] = (m - 1.0) / (s * (double) (m - s));
            if (s <= paired) kernel[s - 1] *= 2;
            total += kernel[s - 1];
        }
        for (int s = 0; s < sizes; s++) kernel[s] /= total;
        double[] remaining = kernel.clone();
        long left = m <= 30 ? Math.min(budget, (1L << m) - 2) : budget;
        int full = 0;
        for (int s = 1; s <= sizes; s++) {
            double nSub = binomial(m, s);
            if (s <= paired) nSub *= 2;
            if (left * remaining[s - 1] / nSub < 1.0 - 1e-8) break;
            full++;
            left -= (long) nSub;
            if (remaining[s - 1] < 1.0) {
                double r = remaining[s - 1];
                for (int t = 0; t < sizes; t++) remaining[t] /= (1 - r);
            }
            double w = kernel[s - 1] / binomial(m, s);
            if (s <= paired) w /= 2;
            int[] comb = new int[s];
            for (int i = 0; i < s; i++) comb[i] = i;
            do {
                boolean[] mask = new boolean[m];
                for (int i : comb) mask[i] = true;
                masks.add(mask);
                weights.add(w);
                if (s <= paired) {
                    boolean[] comp = new boolean[m];
                    for (int i = 0; i < m; i++) comp[i] = !mask[i];
                    masks.add(comp);
                    weights.add(w);
                }
            } while (nextCombination(comb, m));
        }
        int fixed = masks.size();
        if (full < sizes && left > 0) {
            double[] rest = Arrays.copyOfRange(kernel, full, sizes);
            for (int t = 0; t < rest.length; t++) if (t + full + 1 <= paired) rest[t] /= 2;
            double sum = Arrays.stream(rest).sum();
            double[] cdf = new double[rest.length];
            double acc = 0;
            for (int t = 0; t < rest.length; t++) cdf[t] = (acc += rest[t] / sum);
            Map<String, Integer> seen = new HashMap<>();
            List<Double> raw = new ArrayList<>();
            long draws = 0, maxDraws = 4 * left + 64;
            while (left > 0 && draws++ < maxDraws) {
                double u = rng.nextDouble();
                int t = 0;
                while (t < cdf.length - 1 && u >= cdf[t]) t++;
                int s = t + full + 1;
                boolean[] mask = randomSubset(m, s, rng);
                left -= addSample(mask, masks, raw, seen);
                if (left > 0 && s <= paired) {
                    boolean[] comp = new boolean[m];
                    for (int i = 0; i < m; i++) comp[i] = !mask[i];
                    left -= addSample(comp, masks, raw, seen);
                }
            }
            double weightLeft = 0;
            for (int t = full; t < sizes; t++) weightLeft += kernel[t];
            double rawSum = raw.stream().mapToDouble(Double::doubleValue).sum();
            for (double r : raw) weights.add(r * weightLeft / rawSum);
        }
        assert masks.size() == weights.size() && fixed <= masks.size();
        return new Coalitions(masks, weights);
    }

    /** Adds a drawn coalition (weight 1) or, if drawn before, adds 1 to its weight; returns the budget used. */
    private static int addSample(boolean[] mask, List<boolean[]> masks, List<Double> raw, Map<String, Integer> seen) {
        String key = key(mask);
        Integer at = seen.get(key);
        if (at != null) {
            raw.set(at, raw.get(at) + 1);
            return 0;
        }
        seen.put(key, raw.size());
        raw.add(1.0);
        masks.add(mask);
        return 1;
    }

    private static String key(boolean[] mask) {
        char[] c = new char[mask.length];
        for (int i = 0; i < mask.length; i++) c[i] = mask[i] ? '1' : '0';
        return new String(c);
    }

    private static boolean[] randomSubset(int m, int s, SplittableRandom rng) {
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) idx[i] = i;
        boolean[] mask = new boolean[m];
        for (int i = 0; i < s; i++) {
            int j = i + rng.nextInt(m - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            mask[idx[i]] = true;
        }
        return mask;
    }

    private static boolean nextCombination(int[] comb, int m) {
        int s = comb.length;
        int i = s - 1;
        while (i >= 0 && comb[i] == m - s + i) i--;
        if (i < 0) return false;
        comb[i]++;
        for (int j = i + 1; j < s; j++) comb[j] = comb[j - 1] + 1;
        return true;
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return Math.rint(r) < 1e15 ? Math.rint(r) : r;
    }

    /** Cholesky factor of a symmetric positive semi-definite matrix, with a tiny ridge if it is singular. */
    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double trace = 0;
        for (int i = 0; i < n; i++) trace += a[i][i];
        double ridge = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            double[][] l = new double[n][n];
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i][j] + (i == j ? ridge : 0);
                    for (int q = 0; q < j; q++) s -= l[i][q] * l[j][q];
                    if (i == j) {
                        if (!(s > 0)) { ok = false; break; }
                        l[i][i] = Math.sqrt(s);
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            if (ok) return l;
            ridge = ridge == 0 ? 1e-12 * Math.max(trace / n, 1e-300) : ridge * 100;
        }
        throw new emolab.study.NotApplicableException("KernelSHAP: the coalition design is singular; increase the sampling budget");
    }

    private static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int q = 0; q < i; q++) s -= l[i][q] * y[q];
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int q = i + 1; q < n; q++) s -= l[q][i] * x[q];
            x[i] = s / l[i][i];
        }
        return x;
    }

    private static long mix(long seed, int i) {
        long z = seed + 0x9E3779B97F4A7C15L * (i + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }

    /** Settings of a {@link KernelShap} explainer. */
    public static final class Builder {
        private final Background background;
        private int budget = -1;
        private long seed = 0;
        private int batchRows = 16_384;
        private List<String> features;
        private List<String> classes;
        private OutputSpace space = OutputSpace.PROBABILITY;

        private Builder(Background background) {
            if (background == null) throw new IllegalArgumentException("KernelSHAP needs a background");
            this.background = background;
        }

        /** Coalitions per explained row; default {@code 2·d + 2048} (shap's "auto"). */
        public Builder budget(int coalitions) {
            if (coalitions < 2) throw new IllegalArgumentException("budget must be >= 2 coalitions, got " + coalitions);
            this.budget = coalitions;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Largest number of rows passed to the model in one call (memory vs call overhead). */
        public Builder batchRows(int rows) {
            if (rows < 1) throw new IllegalArgumentException("batchRows must be >= 1, got " + rows);
            this.batchRows = rows;
            return this;
        }

        public Builder features(List<String> names) {
            this.features = names;
            return this;
        }

        public Builder classes(List<String> names) {
            this.classes = names;
            return this;
        }

        /** What the predict function returns (default probabilities). */
        public Builder space(OutputSpace space) {
            this.space = space;
            return this;
        }

        public KernelShap build() {
            return new KernelShap(this);
        }
    }
}
