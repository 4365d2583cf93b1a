package emolab.timeseries.rocket;

import emolab.numeric.StandardScaler;

import java.util.Arrays;
import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;
import emolab.classify.Probabilities;
import smile.classification.LogisticRegression;

/**
 * L2-regularised multinomial logistic regression on transform features — the alternative to
 * {@link RidgeClassifierCV} (the ROCKET authors recommend it for large training sets). Wraps
 * Smile's {@link LogisticRegression} (L-BFGS) after standardising every feature to zero mean and
 * unit population standard deviation on the training rows (constant features keep scale 1).
 * {@code lambda} is Smile's penalty weight on the squared coefficients.
 */
public final class LogisticClassifier implements Classifier.Engine, Probabilities {
    private static final long serialVersionUID = 1L;

    /**
     * The model contract's front-end: a {@link ClassifierSpec} fitting this classifier
     * ({@code spec().fitLabels(features, labels)}); hyper-parameters {@code lambda} (L2 penalty,
     * 1.0), {@code tol} (1e-5), {@code max_iter} (500). Answers probabilities.
     */
    public static final class Spec extends ClassifierSpec {
        private static final long serialVersionUID = 1L;

        Spec() {
            super("LogisticClassifier", List.of(
                    Param.real("lambda", 1.0, 0, 1e12, "L2 penalty on the squared coefficients (Smile's lambda)"),
                    Param.real("tol", 1e-5, 1e-300, 1, "L-BFGS tolerance"),
                    Param.integer("max_iter", 500, 1, 1_000_000, "maximal L-BFGS iterations")));
        }

        @Override
        protected Classifier.Engine train(double[][] x, int[] y, int k) {
            return LogisticClassifier.fit(x, y, new Options(realParam("lambda"), realParam("tol"), intParam("max_iter")));
        }
    }

    /** The logistic head as a {@link ClassifierSpec} at its defaults. */
    public static Spec spec() {
        return new Spec();
    }

    /** Options: {@code lambda} (L2 penalty, default 1.0), {@code tolerance} (1e-5), {@code maxIterations} (500). */
    public record Options(double lambda, double tolerance, int maxIterations) {
        public Options {
            if (!(lambda >= 0) || !Double.isFinite(lambda)) throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
            if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
            if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }

        public static Options defaults() {
            return new Options(1.0, 1e-5, 500);
        }

        public Options withLambda(double l) { return new Options(l, tolerance, maxIterations); }
    }

    private final int[] classes;
    private final double[] mean;
    private final double[] scale;
    private final LogisticRegression model;

    private LogisticClassifier(int[] classes, double[] mean, double[] scale, LogisticRegression model) {
        this.classes = classes;
        this.mean = mean;
        this.scale = scale;
        this.model = model;
    }

    public static LogisticClassifier fit(float[][] x, int[] y, Options options) {
        return fit(RidgeClassifierCV.Rows.of(x), y, options);
    }

    public static LogisticClassifier fit(double[][] x, int[] y, Options options) {
        return fit(RidgeClassifierCV.Rows.of(x), y, options);
    }

    private static LogisticClassifier fit(RidgeClassifierCV.Rows x, int[] y, Options o) {
        if (o == null) throw new IllegalArgumentException("options is null");
        int n = x.rows(), p = x.columns();
        if (y == null || y.length != n) throw new IllegalArgumentException("y must have " + n + " labels (one per row of x), got " + (y == null ? "null" : y.length));
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        if (classes.length < 2) throw new IllegalArgumentException("y needs at least 2 classes, got " + classes.length);
        StandardScaler scaler = StandardScaler.fit(n, p, x::get);
        double[] mean = scaler.mean(), scale = scaler.scale();
        double[][] z = standardise(x, mean, scale);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = Arrays.binarySearch(classes, y[i]);
        LogisticRegression model = classes.length == 2
                ? LogisticRegression.binomial(z, idx, o.lambda(), o.tolerance(), o.maxIterations())
                : LogisticRegression.multinomial(z, idx, o.lambda(), o.tolerance(), o.maxIterations());
        return new LogisticClassifier(classes, mean, scale, model);
    }

    private static double[][] standardise(RidgeClassifierCV.Rows x, double[] mean, double[] scale) {
        double[][] z = new double[x.rows()][x.columns()];
        for (int i = 0; i < x.rows(); i++) for (int j = 0; j < x.columns(); j++) z[i][j] = (x.get(i, j) - mean[j]) / scale[j];
        return z;
    }

    /** The class labels, ascending. */
    public int[] classes() { return classes.clone(); }

    public int[] predict(float[][] x) { return predict(RidgeClassifierCV.Rows.of(x)); }
    public int[] predict(double[][] x) { return predict(RidgeClassifierCV.Rows.of(x)); }

    /** Posterior probabilities {@code [row][class]} in {@link #classes()} order. */
    @Override
    public double[][] predictProba(double[][] x) {
        return probabilities(x);
    }

    /** Posterior probabilities {@code [row][class]} in {@link #classes()} order. */
    public double[][] probabilities(double[][] x) {
        double[][] z = checkedStandardise(RidgeClassifierCV.Rows.of(x));
        double[][] post = new double[z.length][classes.length];
        for (int i = 0; i < z.length; i++) model.predict(z[i], post[i]);
        return post;
    }

    private int[] predict(RidgeClassifierCV.Rows x) {
        double[][] z = checkedStandardise(x);
        int[] out = new int[z.length];
        for (int i = 0; i < z.length; i++) out[i] = classes[model.predict(z[i])];
        return out;
    }

    private double[][] checkedStandardise(RidgeClassifierCV.Rows x) {
        if (x.columns() != mean.length)
            throw new IllegalArgumentException("x has " + x.columns() + " features, the classifier was fitted on " + mean.length);
        return standardise(x, mean, scale);
    }
}
