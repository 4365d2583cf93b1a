package emolab.explain;

import java.util.List;

/**
 * One explained prediction, for every class: {@code output[c] ≈ base[c] + Σ_j contributions[c][j]}.
 * For SHAP methods this holds exactly (TreeSHAP to rounding; KernelSHAP by its efficiency
 * constraint); for LIME the gap is the local surrogate's fit error.
 *
 * @param method        "TreeSHAP", "KernelSHAP", "ExactSHAP", "LIME"
 * @param space         what {@code output} is (probability, margin, score)
 * @param features      feature names (d)
 * @param classes       class names (k)
 * @param base          expected output per class (k): the value with no feature known
 * @param contributions per class and feature ({@code k × d})
 * @param values        the row's feature values (d)
 * @param output        the model's output per class (k)
 */
public record Explanation(String method, OutputSpace space, List<String> features, List<String> classes,
                          double[] base, double[][] contributions, double[] values, double[] output) {

    /** {@code |base + Σ contributions − output|} for class {@code c}. */
    public double additivityError(int c) {
        double s = base[c];
        for (double v : contributions[c]) s += v;
        return Math.abs(s - output[c]);
    }

    /** The largest {@link #additivityError(int)} over all classes. */
    public double maxAdditivityError() {
        double m = 0;
        for (int c = 0; c < classes.size(); c++) m = Math.max(m, additivityError(c));
        return m;
    }

    /** The class with the largest output. */
    public int predictedClass() {
        return PredictFunction.argmax(new double[][] {output})[0];
    }

    /** Index of {@code name} in {@link #classes()}. */
    public int classIndex(String name) {
        int c = classes.indexOf(name);
        if (c < 0) throw new IllegalArgumentException("no class '" + name + "'; classes: " + classes);
        return c;
    }
}
