package emolab.explain;

import java.util.List;

/**
 * Exact Shapley values by enumerating all {@code 2^d} coalitions, with the same value function as
 * {@link KernelShap}: a coalition's value is the background-weighted mean model output with the
 * features outside it taken from the background rows. Exponential in {@code d}, so limited to
 * {@value #MAX_FEATURES} features; it is the test oracle for KernelSHAP.
 */
public final class ExactShap {
    /** The largest number of features enumerated. */
    public static final int MAX_FEATURES = 16;

    private ExactShap() {}

    /** Exact Shapley values of each row of {@code x}. */
    public static Explanations explain(PredictFunction f, Background background, double[][] x, List<String> features, List<String> classes) {
        int d = background.numFeatures();
        if (d > MAX_FEATURES)
            throw new IllegalArgumentException("exact Shapley values enumerate 2^d coalitions; d = " + d + " > " + MAX_FEATURES + " (use KernelShap)");
        if (x != null && x.length > 0 && x[0] != null && x[0].length != d)
            throw new IllegalArgumentException("exact SHAP: rows have " + x[0].length + " columns but the background has " + d);
        List<String> feats = Inputs.names(features, d, "feature");
        Inputs.requireRows(x, d, feats, "exact SHAP rows");
        double[][] fx = f.predict(x);
        int k = fx[0].length;
        PredictFunction.checkOutput(fx, x.length, k, "exact SHAP");
        List<String> cls = Inputs.names(classes, k, "class");
        double[] base = background.expectedOutput(f, k);
        double[][] bg = background.rows();
        double[] bw = background.weights();
        int subsets = 1 << d, nb = bg.length;
        // weight of a coalition of size s in the Shapley sum: s!(d-s-1)!/d!
        double[] w = new double[d];
        for (int s = 0; s < d; s++) w[s] = 1.0 / (d * KernelShap.binomial(d - 1, s));
        double[][][] phi = new double[x.length][k][d];
        for (int i = 0; i < x.length; i++) {
            double[][] v = new double[subsets][k];
            int chunk = Math.max(1, 65_536 / nb);
            for (int start = 0; start < subsets; start += chunk) {
                int end = Math.min(subsets, start + chunk);
                double[][] batch = new double[(end - start) * nb][];
                int r = 0;
                for (int mask = start; mask < end; mask++)
                    for (double[] b : bg) {
                        double[] h = b.clone();
                        for (int j = 0; j < d; j++) if ((mask >>> j & 1) != 0) h[j] = x[i][j];
                        batch[r++] = h;
                    }
                double[][] out = f.predict(batch);
                PredictFunction.checkOutput(out, batch.length, k, "exact SHAP");
                r = 0;
                for (int mask = start; mask < end; mask++)
                    for (int b = 0; b < nb; b++, r++)
                        for (int c = 0; c < k; c++) v[mask][c] += bw[b] * out[r][c];
            }
            for (int mask = 0; mask < subsets; mask++) {
                int s = Integer.bitCount(mask);
                for (int j = 0; j < d; j++) {
                    if ((mask >>> j & 1) != 0) continue;
                    int with = mask | (1 << j);
                    for (int c = 0; c < k; c++) phi[i][c][j] += w[s] * (v[with][c] - v[mask][c]);
                }
            }
        }
        double[][] xs = new double[x.length][];
        for (int i = 0; i < x.length; i++) xs[i] = x[i].clone();
        return new Explanations("ExactSHAP", OutputSpace.SCORE, feats, cls, base, phi, xs, fx);
    }
}
