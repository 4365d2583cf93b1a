package emolab.outliers;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

import java.util.Locale;

/**
 * One-class SVM (Schölkopf et al., Neural Computation 2001) with an RBF kernel, trained by
 * LIBSVM 3.25 — the solver scikit-learn's {@code OneClassSVM} wraps — through the
 * {@code libsvm} jar that Tribuo's LibSVM module brings. It finds the smallest region in kernel
 * space that holds all but a fraction ≤ ν of the training rows; f(x) = Σ αᵢ K(xᵢ, x) − ρ is
 * positive inside. The score is −f(x): higher = further outside. Defaults follow scikit-learn:
 * ν = 0.5, γ = 1/(d · Var(X)) ({@code gamma='scale'}, Var over all training values), tolerance
 * 1e-3, shrinking on. Deterministic (LIBSVM's one-class solver uses no random numbers).
 */
public final class OneClassSvm implements OutlierDetector {

    private final double nu;
    private final double gamma; // NaN → 'scale'

    /**
     * @param nu    ν ∈ (0, 1]: upper bound on the fraction of training rows outside the region
     * @param gamma RBF width γ &gt; 0 in exp(−γ‖x − y‖²), or NaN for scikit-learn's {@code 'scale'}
     */
    public OneClassSvm(double nu, double gamma) {
        if (!(nu > 0 && nu <= 1)) throw new IllegalArgumentException("nu must be in (0, 1], got " + nu);
        if (!Double.isNaN(gamma) && !(gamma > 0)) throw new IllegalArgumentException("gamma must be > 0 or NaN ('scale'), got " + gamma);
        this.nu = nu;
        this.gamma = gamma;
    }

    /** ν = 0.5, γ = 'scale' (scikit-learn's defaults). */
    public OneClassSvm() {
        this(0.5, Double.NaN);
    }

    @Override
    public String name() {
        return "One-class SVM";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OneClassSvm[nu=%s, gamma=%s]", nu, Double.isNaN(gamma) ? "scale" : gamma);
    }

    @Override
    public OutlierModel fit(double[][] train) {
        DetectorInput.train(name(), train, 2, "a support region");
        int n = train.length, d = train[0].length;
        double g = Double.isNaN(gamma) ? scaleGamma(train) : gamma;
        svm_problem prob = new svm_problem();
        prob.l = n;
        prob.y = new double[n];
        prob.x = new svm_node[n][];
        for (int i = 0; i < n; i++) prob.x[i] = nodes(train[i]);
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.ONE_CLASS;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = g;
        p.nu = nu;
        p.eps = 1e-3;
        p.cache_size = 200;
        p.shrinking = 1;
        p.C = 1;
        p.degree = 3;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        String err = svm.svm_check_parameter(prob, p);
        if (err != null) throw new IllegalArgumentException(name() + ": " + err);
        svm_model model;
        synchronized (OneClassSvm.class) { // LIBSVM's print hook is a global
            svm.svm_set_print_string_function(s -> { });
            model = svm.svm_train(prob, p);
        }
        OutlierModel.Scorer scorer = x -> {
            double[] out = new double[x.length];
            java.util.stream.IntStream.range(0, x.length).parallel().forEach(i -> {
                double[] dec = new double[1];
                svm.svm_predict_values(model, nodes(x[i]), dec);
                out[i] = -dec[0];
            });
            return out;
        };
        return OutlierModel.of(name(), d, scorer.score(train), scorer);
    }

    /** scikit-learn's {@code gamma='scale'}: 1 / (d · variance of all training values); 1 when that variance is 0. */
    static double scaleGamma(double[][] x) {
        int n = x.length, d = x[0].length;
        double mean = 0;
        for (double[] r : x) for (double v : r) mean += v;
        mean /= (double) n * d;
        double var = 0;
        for (double[] r : x) for (double v : r) var += (v - mean) * (v - mean);
        var /= (double) n * d;
        return var > 0 ? 1.0 / (d * var) : 1.0;
    }

    private static svm_node[] nodes(double[] r) {
        svm_node[] out = new svm_node[r.length];
        for (int j = 0; j < r.length; j++) {
            svm_node nd = new svm_node();
            nd.index = j + 1;
            nd.value = r[j];
            out[j] = nd;
        }
        return out;
    }
}
