package emolab.timeseries.rocket;

import emolab.numeric.StandardScaler;

import java.util.Arrays;
import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;

/**
 * Ridge classifier with the regularisation chosen by efficient leave-one-out cross-validation,
 * as scikit-learn's {@code RidgeClassifierCV(alphas, cv=None)} — the classifier the ROCKET and
 * MiniRocket authors pair with their transforms.
 *
 * <p>Targets are one-vs-all ±1 columns (scikit-learn's {@code LabelBinarizer(neg_label=-1)}: one
 * column, +1 for the larger class label, with two classes). For each α of the grid (default
 * {@code logspace(-3, 3, 10)}) the mean squared LOO error of those targets is computed by
 * {@link RidgeGcv} from one decomposition; the first α with the smallest error wins. Prediction:
 * the class of the largest decision value (the sign with two classes).
 *
 * <p>With {@code standardize} the features are first scaled to zero mean and unit population
 * standard deviation (constant features keep scale 1), fitted on the training rows only — a
 * {@code Pipeline(StandardScaler(), RidgeClassifierCV(...))}. Coefficients are reported in the
 * scale of the input features. Input features are float32 rows (as the transforms produce) or
 * double rows; NaN/infinite values are rejected.
 */
public final class RidgeClassifierCV implements Classifier.Engine {
    private static final long serialVersionUID = 1L;

    /**
     * The model contract's front-end: a {@link ClassifierSpec} that fits this classifier, so the
     * ridge head is used like every other model ({@code spec().with("standardize", true)
     * .fitLabels(features, labels).predict(test)}). Hyper-parameters: {@code alphas} =
     * {@code logspace(alpha_min_exp, alpha_max_exp, n_alphas)} (default −3, 3, 10, scikit-learn's
     * grid of the ROCKET papers), {@code fit_intercept}, {@code standardize}; the fitted engine is
     * this class ({@code classifier.as(RidgeClassifierCV.class)} gives α and the LOO errors).
     */
    public static final class Spec extends ClassifierSpec {
        private static final long serialVersionUID = 1L;

        Spec() {
            super("RidgeClassifierCV", List.of(
                    Param.real("alpha_min_exp", -3, -300, 300, "log10 of the smallest alpha"),
                    Param.real("alpha_max_exp", 3, -300, 300, "log10 of the largest alpha"),
                    Param.integer("n_alphas", 10, 1, 10_000, "number of alphas, log-spaced"),
                    Param.bool("fit_intercept", true, "fit an intercept (centre the features)"),
                    Param.bool("standardize", false, "scale the features to unit variance on the training rows first")));
        }

        /** The options these hyper-parameters stand for. */
        public Options options() {
            return new Options(logspace(realParam("alpha_min_exp"), realParam("alpha_max_exp"), intParam("n_alphas")),
                    boolParam("fit_intercept"), boolParam("standardize"), RidgeGcv.Mode.AUTO);
        }

        @Override
        protected Classifier.Engine train(double[][] x, int[] y, int k) {
            return RidgeClassifierCV.fit(x, y, options());
        }
    }

    /** The ridge head as a {@link ClassifierSpec} at its defaults. */
    public static Spec spec() {
        return new Spec();
    }

    /** Options: the α grid (default {@code logspace(-3, 3, 10)}), an intercept (default yes), standardisation (default no). */
    public record Options(double[] alphas, boolean fitIntercept, boolean standardize, RidgeGcv.Mode mode) {
        public Options {
            if (alphas == null || alphas.length == 0) throw new IllegalArgumentException("alphas must not be empty");
            for (double a : alphas)
                if (!(a > 0) || !Double.isFinite(a)) throw new IllegalArgumentException("every alpha must be finite and > 0, got " + a);
            alphas = alphas.clone();
            if (mode == null) mode = RidgeGcv.Mode.AUTO;
            if (standardize && !fitIntercept) throw new IllegalArgumentException("standardize centres the features, so it needs fitIntercept");
        }

        /** {@code logspace(-3, 3, 10)}, intercept, no standardisation, automatic decomposition. */
        public static Options defaults() {
            return new Options(logspace(-3, 3, 10), true, false, RidgeGcv.Mode.AUTO);
        }

        public Options withStandardize(boolean s) { return new Options(alphas, fitIntercept, s, mode); }
        public Options withAlphas(double... a) { return new Options(a, fitIntercept, standardize, mode); }
        public Options withMode(RidgeGcv.Mode m) { return new Options(alphas, fitIntercept, standardize, m); }
        @Override public double[] alphas() { return alphas.clone(); }
    }

    private final int[] classes;
    private final double alpha;
    private final double[] looMse;
    private final double[][] coef;     // [feature][target], input scale
    private final double[] intercept;  // [target]
    private final RidgeGcv.Mode mode;

    private RidgeClassifierCV(int[] classes, double alpha, double[] looMse, double[][] coef, double[] intercept, RidgeGcv.Mode mode) {
        this.classes = classes;
        this.alpha = alpha;
        this.looMse = looMse;
        this.coef = coef;
        this.intercept = intercept;
        this.mode = mode;
    }

    /** {@code n} values {@code 10^(start + i·(stop−start)/(n−1))}, as {@code numpy.logspace}. */
    public static double[] logspace(double start, double stop, int n) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        double[] a = new double[n];
        double step = n > 1 ? (stop - start) / (n - 1) : 0.0;
        for (int i = 0; i < n; i++) a[i] = Math.pow(10.0, i == n - 1 && n > 1 ? stop : start + i * step);
        return a;
    }

    /** Fits on float32 feature rows {@code x[row][feature]} and labels {@code y}. */
    public static RidgeClassifierCV fit(float[][] x, int[] y, Options options) {
        return fit(Rows.of(x), y, options);
    }

    /** Fits on double feature rows {@code x[row][feature]} and labels {@code y}. */
    public static RidgeClassifierCV fit(double[][] x, int[] y, Options options) {
        return fit(Rows.of(x), y, options);
    }

    private static RidgeClassifierCV fit(Rows x, int[] y, Options o) {
        if (o == null) throw new IllegalArgumentException("options is null");
        int n = x.rows(), p = x.columns();
        if (y == null || y.length != n) throw new IllegalArgumentException("y must have " + n + " labels (one per row of x), got " + (y == null ? "null" : y.length));
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        emolab.study.NotApplicableException.require(classes.length >= 2, "ridge classifier: the training labels hold " + classes.length + " class(es); it needs at least 2");
        // column means and scales (double accumulation); scales only when standardising
        StandardScaler scaler = StandardScaler.fit(n, p, x::get);
        double[] mean = scaler.mean(), scale = new double[p];
        if (o.standardize()) scale = scaler.scale();
        else Arrays.fill(scale, 1.0);
        double[] center = o.fitIntercept() ? mean : new double[p];
        double[] z = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) z[j * n + i] = (x.get(i, j) - center[j]) / scale[j];
        RidgeGcv gcv = RidgeGcv.ofPrepared(z, n, p, o.fitIntercept(), o.mode());

        int k = classes.length == 2 ? 1 : classes.length;
        double[][] t = new double[n][k];
        for (int i = 0; i < n; i++) {
            int c = Arrays.binarySearch(classes, y[i]);
            if (k == 1) t[i][0] = c == 1 ? 1.0 : -1.0;
            else for (int m = 0; m < k; m++) t[i][m] = m == c ? 1.0 : -1.0;
        }
        double[] alphas = o.alphas();
        double[] mse = new double[alphas.length];
        RidgeGcv.Solution best = null;
        for (int a = 0; a < alphas.length; a++) {
            RidgeGcv.Solution s = gcv.solve(alphas[a], t);
            mse[a] = s.looMse();
            if (best == null || s.looMse() < best.looMse()) best = s;
        }
        double[][] beta = gcv.coefficients(best);
        double[] b = new double[k];
        for (int m = 0; m < k; m++) {
            double ym = 0;
            for (double[] ti : t) ym += ti[m];
            ym = o.fitIntercept() ? ym / n : 0.0;
            double dot = 0;
            for (int j = 0; j < p; j++) {
                beta[j][m] /= scale[j];
                dot += center[j] * beta[j][m];
            }
            b[m] = ym - dot;
        }
        return new RidgeClassifierCV(classes, best.alpha(), mse, beta, b, gcv.mode());
    }

    /** The class labels, ascending. */
    public int[] classes() { return classes.clone(); }
    /** The chosen α. */
    public double alpha() { return alpha; }
    /** Mean squared LOO error of the ±1 targets for each α of the grid, in grid order. */
    public double[] looMse() { return looMse.clone(); }
    /** The decomposition that was used. */
    public RidgeGcv.Mode mode() { return mode; }
    /** Coefficients {@code [feature][target]} in the input feature scale (one target with two classes). */
    public double[][] coefficients() {
        double[][] c = new double[coef.length][];
        for (int j = 0; j < coef.length; j++) c[j] = coef[j].clone();
        return c;
    }
    public double[] intercepts() { return intercept.clone(); }

    /** Decision values {@code [row][target]}. */
    public double[][] decisionFunction(float[][] x) {
        return decision(Rows.of(x));
    }

    public double[][] decisionFunction(double[][] x) {
        return decision(Rows.of(x));
    }

    /** Predicted class labels. */
    public int[] predict(float[][] x) {
        return labels(decision(Rows.of(x)));
    }

    public int[] predict(double[][] x) {
        return labels(decision(Rows.of(x)));
    }

    private double[][] decision(Rows x) {
        if (x.columns() != coef.length)
            throw new IllegalArgumentException("x has " + x.columns() + " features, the classifier was fitted on " + coef.length);
        int k = intercept.length;
        double[][] d = new double[x.rows()][k];
        for (int i = 0; i < x.rows(); i++) {
            double[] di = d[i];
            System.arraycopy(intercept, 0, di, 0, k);
            for (int j = 0; j < coef.length; j++) {
                double v = x.get(i, j);
                double[] cj = coef[j];
                for (int m = 0; m < k; m++) di[m] += v * cj[m];
            }
        }
        return d;
    }

    private int[] labels(double[][] d) {
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i].length == 1) out[i] = d[i][0] > 0 ? classes[1] : classes[0];
            else {
                int best = 0;
                for (int m = 1; m < d[i].length; m++) if (d[i][m] > d[i][best]) best = m;
                out[i] = classes[best];
            }
        }
        return out;
    }

    /** Read access to float or double rows, validated (rectangular, finite, non-empty). */
    static final class Rows {
        private final float[][] f;
        private final double[][] d;
        private final int p;

        private Rows(float[][] f, double[][] d) {
            this.f = f;
            this.d = d;
            int n = f != null ? f.length : d.length;
            if (n == 0) throw new IllegalArgumentException("feature matrix x has no rows");
            this.p = f != null ? f[0].length : d[0].length;
            if (p == 0) throw new IllegalArgumentException("feature matrix x has no columns");
            for (int i = 0; i < n; i++) {
                int len = f != null ? (f[i] == null ? -1 : f[i].length) : (d[i] == null ? -1 : d[i].length);
                if (len != p) throw new IllegalArgumentException("row " + i + " of x has " + len + " features, row 0 has " + p);
                for (int j = 0; j < p; j++) {
                    double v = f != null ? f[i][j] : d[i][j];
                    if (!Double.isFinite(v)) throw new IllegalArgumentException("x[" + i + "][" + j + "] is " + v + " (features must be finite)");
                }
            }
        }

        static Rows of(float[][] x) {
            if (x == null) throw new IllegalArgumentException("feature matrix x is null");
            return new Rows(x, null);
        }

        static Rows of(double[][] x) {
            if (x == null) throw new IllegalArgumentException("feature matrix x is null");
            return new Rows(null, x);
        }

        int rows() { return f != null ? f.length : d.length; }
        int columns() { return p; }
        double get(int i, int j) { return f != null ? f[i][j] : d[i][j]; }
    }
}
