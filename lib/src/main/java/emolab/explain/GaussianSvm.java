package emolab.explain;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import smile.base.svm.KernelMachine;
import smile.classification.Classifier;
import smile.classification.OneVersusRest;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.kernel.Gaussian;
import smile.math.kernel.GaussianKernel;
import smile.math.matrix.Matrix;

/**
 * A Smile one-vs-rest Gaussian-kernel SVM with Platt scaling, evaluated on whole batches: the
 * kernel values of all rows against the union of the binary machines' support vectors come from
 * one BLAS matrix product ({@code ‖h‖² + ‖s‖² − 2 h·sᵀ}), so the many rows KernelSHAP sends cost a
 * fraction of Smile's row-by-row {@code predict}. Output = Smile's posterior (Platt-scaled scores
 * normalised to sum 1), equal to Smile's to rounding (tested).
 */
public final class GaussianSvm implements PredictFunction {
    private final OneVersusRest<double[]> model;
    private final double gamma;         // exp(−gamma‖x−s‖²) = Smile's Gaussian k(‖x−s‖) = exp(−½(‖x−s‖/σ)²)
    private final Matrix weightMatrix;
    private final double[][] vectors;   // union of support vectors (nsv × d)
    private final double[] norms;       // ‖s‖²
    private final Matrix vectorMatrix;
    private final double[][] weights;   // nsv × k
    private final double[] intercepts;  // k
    private final PlattScaling[] platt;
    private final int k;

    private GaussianSvm(OneVersusRest<double[]> model) {
        this.model = model;
        Classifier<?>[] machines = (Classifier<?>[]) read(model, "classifiers");
        this.platt = (PlattScaling[]) read(model, "platt");
        if (platt == null) throw new IllegalArgumentException("the one-vs-rest SVM has no Platt scaling (no probabilities)");
        this.k = machines.length;
        Gaussian g = null;
        Map<double[], Integer> index = new IdentityHashMap<>();
        List<double[]> sv = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        intercepts = new double[k];
        for (int c = 0; c < k; c++) {
            if (!(machines[c] instanceof KernelMachine<?> km) || !(km.kernel() instanceof Gaussian gk))
                throw new IllegalArgumentException("class " + c + " is not a Gaussian-kernel machine: " + machines[c].getClass().getName());
            if (g != null && g.scale() != gk.scale()) throw new IllegalArgumentException("binary machines use different kernel widths");
            g = gk;
            @SuppressWarnings("unchecked")
            KernelMachine<double[]> m = (KernelMachine<double[]>) km;
            double[][] vs = m.vectors();
            double[] ws = m.weights();
            intercepts[c] = m.intercept();
            for (int i = 0; i < vs.length; i++) {
                Integer at = index.get(vs[i]);
                if (at == null) {
                    at = sv.size();
                    index.put(vs[i], at);
                    sv.add(vs[i]);
                    w.add(new double[k]);
                }
                w.get(at)[c] += ws[i];
            }
        }
        this.gamma = 0.5 / (g.scale() * g.scale());
        this.vectors = sv.toArray(new double[0][]);
        this.weights = w.toArray(new double[0][]);
        this.norms = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) for (double v : vectors[i]) norms[i] += v * v;
        this.vectorMatrix = Matrix.of(vectors);
        this.weightMatrix = Matrix.of(weights);
    }

    /** Fits Smile's one-vs-rest SVMs with kernel {@code exp(−‖x−y‖²/(2σ²))} and penalty {@code C}, with Platt scaling; seeded. */
    public static GaussianSvm fit(double[][] x, int[] y, double sigma, double c, long seed) {
        Inputs.requireRows(x, x.length == 0 ? 0 : x[0].length, null, "SVM training rows");
        if (!(sigma > 0) || !(c > 0)) throw new IllegalArgumentException("SVM needs sigma > 0 and C > 0, got sigma=" + sigma + ", C=" + c);
        OneVersusRest<double[]> ovr = OneVersusRest.fit(x, y, (xs, ys) -> {
            // Smile's solver draws from the calling thread's generator: seed it per binary problem
            long h = seed;
            for (int v : ys) h = h * 31 + v;
            smile.math.MathEx.setSeed(h);
            return SVM.fit(xs, ys, new GaussianKernel(sigma), c, 1e-3);
        });
        return new GaussianSvm(ovr);
    }

    /** Wraps a fitted Smile one-vs-rest SVM whose binary machines use a Gaussian kernel. */
    public static GaussianSvm of(OneVersusRest<double[]> model) {
        return new GaussianSvm(model);
    }

    /** The Smile model. */
    public OneVersusRest<double[]> model() { return model; }

    /** Number of distinct support vectors over all binary machines. */
    public int numSupportVectors() { return vectors.length; }

    public int numClasses() { return k; }

    @Override
    public double[][] predict(double[][] x) {
        int n = x.length, chunk = 2048;
        double[][] out = new double[n][];
        int chunks = (n + chunk - 1) / chunk;
        IntStream.range(0, chunks).parallel().forEach(b -> {
            int from = b * chunk, to = Math.min(n, from + chunk);
            double[][] part = java.util.Arrays.copyOfRange(x, from, to);
            Matrix kern = Matrix.of(part).mt(vectorMatrix); // part × vectorsᵀ, then kernel values in place
            int nsv = vectors.length;
            for (int i = 0; i < part.length; i++) {
                double hn = 0;
                for (double v : part[i]) hn += v * v;
                for (int s = 0; s < nsv; s++) {
                    double sq = Math.max(0, hn + norms[s] - 2 * kern.get(i, s));
                    kern.set(i, s, Math.exp(-gamma * sq));
                }
            }
            Matrix scores = kern.mm(weightMatrix);
            for (int i = 0; i < part.length; i++) {
                double[] score = new double[k];
                double sum = 0;
                for (int c = 0; c < k; c++) sum += (score[c] = platt[c].scale(intercepts[c] + scores.get(i, c)));
                for (int c = 0; c < k; c++) score[c] /= sum;
                out[from + i] = score;
            }
        });
        return out;
    }

    private static Object read(Object owner, String name) {
        try {
            Field f = owner.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read Smile OneVersusRest." + name + " (written for Smile 3.1.1)", e);
        }
    }
}
