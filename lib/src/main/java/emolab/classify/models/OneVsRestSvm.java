package emolab.classify.models;

import java.util.List;
import java.util.stream.IntStream;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.KernelModelAccess;
import emolab.classify.Param;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * One-vs-rest Gaussian-kernel SVM with Platt scaling, wrapping Smile's {@code SVM} (one binary
 * machine per class, class against the rest, labels ±1; the same fit as Smile's
 * {@code OneVersusRest.fit}, which it replaces so that the machines stay reachable through
 * {@link KernelModelAccess}). Probabilities: each machine's Platt-scaled score, normalised to sum
 * to 1 (Smile's {@code OneVersusRest.predict}); predictions are their argmax.
 *
 * <p>Mapping from scikit-learn {@code SVC(kernel="rbf")}: {@code C} → Smile's C; {@code gamma}
 * "auto" = 1/d (the kernel width σ = √(d/2), as {@code sqrt(d / 2.0)}) or a number γ (σ =
 * √(1/(2γ))); tolerance 1e-3; {@code random_state} seeds Smile's solver, once per binary
 * problem. Unlike scikit-learn's SVC (one-vs-one, pairwise coupling) this is one-vs-rest; the
 * zoo's {@link KernelSvm} is the scikit-learn-equivalent model.
 */
public final class OneVsRestSvm extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public OneVsRestSvm() {
        super("OneVsRestSvm", List.of(
                Param.real("C", 1.0, 1e-12, 1e12, "penalty of the soft margin"),
                Param.choiceOrReal("gamma", "auto", List.of("auto"), 1e-300, 1e300, "RBF gamma: auto = 1/d, or a positive number"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed of the solver")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int d = x[0].length;
        Object g = rawParam("gamma");
        double sigma = g instanceof String ? Math.sqrt(d / 2.0) : Math.sqrt(0.5 / (Double) g);
        double c = realParam("C");
        long seed = intParam("random_state");
        double[][] rows = new double[x.length][]; // the machines keep their support vectors: keep them from the caller's rows
        for (int i = 0; i < x.length; i++) rows[i] = x[i].clone();
        @SuppressWarnings("unchecked")
        SVM<double[]>[] machines = new SVM[k];
        PlattScaling[] platt = new PlattScaling[k];
        IntStream.range(0, k).parallel().forEach(cls -> {
            int[] ys = new int[y.length];
            for (int i = 0; i < y.length; i++) ys[i] = y[i] == cls ? 1 : -1;
            // Smile's solver draws from the calling thread's generator: seed it per binary problem
            long h = seed;
            for (int v : ys) h = h * 31 + v;
            MathEx.setSeed(h);
            machines[cls] = SVM.fit(rows, ys, new GaussianKernel(sigma), c, 1e-3);
            platt[cls] = PlattScaling.fit(machines[cls], rows, ys);
        });
        return new Engine(machines, platt, 0.5 / (sigma * sigma));
    }

    /** The fitted machines; {@code gamma} = 1/(2σ²) of Smile's {@code exp(−½(‖x−s‖/σ)²)}. */
    private record Engine(SVM<double[]>[] machines, PlattScaling[] platt, double gamma)
            implements Classifier.ProbabilisticEngine, KernelModelAccess {
        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = new double[x.length][];
            IntStream.range(0, x.length).parallel().forEach(i -> {
                double[] p = new double[machines.length];
                for (int c = 0; c < p.length; c++) p[c] = platt[c].scale(machines[c].score(x[i]));
                MathEx.unitize1(p);
                out[i] = p;
            });
            return out;
        }

        @Override public int numClasses() { return machines.length; }

        @Override public double[][] supportVectors(int c) { return machines[c].vectors(); }

        @Override public double[] weights(int c) { return machines[c].weights(); }

        @Override public double intercept(int c) { return machines[c].intercept(); }

        @Override public double calibrate(int c, double score) { return platt[c].scale(score); }
    }
}
