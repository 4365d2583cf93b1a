package emolab.classify.models;

import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Probabilities;
import emolab.classify.Param;
import libsvm.svm_parameter;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * Kernel support vector machine (C-SVC, one-vs-one as LIBSVM does), wrapping Tribuo's
 * {@code LibSVMClassificationTrainer} (LIBSVM 3.25, the library scikit-learn's {@code SVC} also
 * wraps).
 *
 * <p>Mapping from scikit-learn {@code SVC}: {@code kernel} rbf/poly/linear/sigmoid; {@code C};
 * {@code gamma} "scale" = 1 / (d · Var(X)) over all training values, "auto" = 1/d, or a
 * number; {@code degree}, {@code coef0}; {@code tol} → eps (1e-3); {@code cache_size} MB (200);
 * shrinking on. {@code probability=true} is LIBSVM's {@code -b 1}: Platt scaling of each
 * pairwise classifier from an internal 5-fold CV plus pairwise coupling — the same procedure as
 * sklearn's {@code SVC(probability=True)}. With probabilities on, Tribuo predicts the class of
 * highest probability, whereas sklearn's {@code predict} keeps the one-vs-one vote, so a few
 * predictions can differ from the {@code probability=false} model. {@code random_state} seeds LIBSVM's
 * internal CV (LIBSVM's random generator is global, so probability fits are serialised).
 *
 * <p>Without probabilities (and up to {@value DenseSvc#MAX_ROWS} training rows) the fit takes a
 * faster path with the same solver: LIBSVM's own SMO {@code Solver} on a kernel matrix computed
 * once by BLAS, the one-vs-one problems in parallel ({@link DenseSvc}); {@code cache_size} then
 * plays no role. It agrees with the Tribuo/LIBSVM fit to the solver's tolerance
 * ({@code KernelSvmConformanceTest}).
 */
public final class KernelSvm extends ClassifierSpec {
    private static final long serialVersionUID = 1L;
    private static final Object LIBSVM_RANDOM = new Object();

    static {
        libsvm.svm.svm_set_print_string_function(s -> { });
    }

    public KernelSvm() {
        super("KernelSvm", List.of(
                Param.choice("kernel", "rbf", List.of("rbf", "poly", "linear", "sigmoid"), "kernel function"),
                Param.real("C", 1.0, 1e-12, 1e12, "inverse regularisation strength"),
                Param.choiceOrReal("gamma", "scale", List.of("scale", "auto"), 1e-300, 1e300, "kernel coefficient"),
                Param.integer("degree", 3, 1, 100, "degree of the poly kernel"),
                Param.real("coef0", 0.0, -1e12, 1e12, "independent term of poly/sigmoid kernels"),
                Param.real("tol", 1e-3, 1e-15, 1.0, "stopping tolerance (LIBSVM eps)"),
                Param.real("cache_size", 200.0, 1.0, 1e6, "kernel cache in MB"),
                Param.bool("probability", false, "LIBSVM -b 1 probability estimates (internal 5-fold CV)"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed of the probability CV")));
    }

    /** The numeric gamma for {@code x}: "scale" = 1/(d·Var(X)), "auto" = 1/d. */
    static double gamma(Object gamma, double[][] x) {
        int d = x[0].length;
        if (gamma instanceof Double g) return g;
        if (gamma.equals("auto")) return 1.0 / d;
        double sum = 0;
        long n = (long) x.length * d;
        for (double[] r : x) for (double v : r) sum += v;
        double mean = sum / n, ss = 0;
        for (double[] r : x) for (double v : r) ss += (v - mean) * (v - mean);
        double var = ss / n;
        return var == 0 ? 1.0 : 1.0 / (d * var);
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        if (!boolParam("probability") && x.length <= DenseSvc.MAX_ROWS) {
            DenseSvc.Kernel kernel = switch (stringParam("kernel")) {
                case "poly" -> DenseSvc.Kernel.POLY;
                case "linear" -> DenseSvc.Kernel.LINEAR;
                case "sigmoid" -> DenseSvc.Kernel.SIGMOID;
                default -> DenseSvc.Kernel.RBF;
            };
            var fn = new DenseSvc.KernelFn(kernel, gamma(rawParam("gamma"), x), intParam("degree"), realParam("coef0"));
            return DenseSvc.fit(x, y, k, fn, realParam("C"), realParam("tol"), true);
        }
        return trainLibsvm(x, y, k);
    }

    /** The fit through Tribuo's LIBSVM trainer (LIBSVM's kernel cache; the reference for the dense path). */
    Classifier.Engine trainLibsvm(double[][] x, int[] y, int k) {
        KernelType kt = switch (stringParam("kernel")) {
            case "poly" -> KernelType.POLY;
            case "linear" -> KernelType.LINEAR;
            case "sigmoid" -> KernelType.SIGMOID;
            default -> KernelType.RBF;
        };
        SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), kt);
        p.setCost(realParam("C"));
        p.setGamma(gamma(rawParam("gamma"), x));
        p.setDegree(intParam("degree"));
        p.setCoeff(realParam("coef0"));
        p.setCacheSize(realParam("cache_size"));
        boolean prob = boolParam("probability");
        if (prob) p.setProbability();
        svm_parameter raw = p.getParameters();
        raw.eps = realParam("tol");
        raw.shrinking = 1;
        var trainer = new LibSVMClassificationTrainer(p, intParam("random_state"));
        var data = TribuoData.dataset(x, y);
        Model<Label> model;
        if (prob) {
            synchronized (LIBSVM_RANDOM) {
                model = trainer.train(data);
            }
        } else {
            model = trainer.train(data);
        }
        return new Engine(model, k, prob);
    }

    private record Engine(Model<Label> model, int k, boolean prob) implements Classifier.Engine, Probabilities {
        @Override
        public int[] predict(double[][] x) {
            return TribuoData.predict(model, x);
        }

        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            return type == Probabilities.class && !prob ? java.util.Optional.empty() : Classifier.Engine.super.capability(type);
        }

        @Override
        public double[][] predictProba(double[][] x) {
            return TribuoData.scores(model, x, k);
        }
    }
}
