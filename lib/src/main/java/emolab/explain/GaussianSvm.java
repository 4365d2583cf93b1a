package emolab.explain;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import smile.math.matrix.Matrix;

import emolab.classify.Classifier;
import emolab.classify.KernelModelAccess;

/**
 * A one-vs-rest Gaussian-kernel SVM with Platt scaling ({@code OneVsRestSvm}, reached through
 * its {@link KernelModelAccess} capability), evaluated on whole batches: the kernel values of all
 * rows against the union of the binary machines' support vectors come from one BLAS matrix
 * product ({@code ‖h‖² + ‖s‖² − 2 h·sᵀ}), so the many rows KernelSHAP sends cost a fraction of
 * the row-by-row {@code predictProba}. Output = the model's posterior (Platt-scaled scores
 * normalised to sum 1), equal to {@link Classifier#predictProba} to rounding (tested).
 */
public final class GaussianSvm implements PredictFunction {
    private final Classifier classifier;
    private final double gamma;         // exp(−gamma‖x−s‖²)
    private final Matrix weightMatrix;
    private final double[][] vectors;   // union of support vectors (nsv × d)
    private final double[] norms;       // ‖s‖²
    private final Matrix vectorMatrix;
    private final double[] intercepts;  // k
    private final KernelModelAccess machines;
    private final int k;

    private GaussianSvm(Classifier classifier, KernelModelAccess machines) {
        this.classifier = classifier;
        this.machines = machines;
        this.k = machines.numClasses();
        Map<double[], Integer> index = new IdentityHashMap<>();
        List<double[]> sv = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        intercepts = new double[k];
        for (int c = 0; c < k; c++) {
            double[][] vs = machines.supportVectors(c);
            double[] ws = machines.weights(c);
            intercepts[c] = machines.intercept(c);
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
        this.gamma = machines.gamma();
        this.vectors = sv.toArray(new double[0][]);
        double[][] weights = w.toArray(new double[0][]);
        this.norms = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) for (double v : vectors[i]) norms[i] += v * v;
        this.vectorMatrix = Matrix.of(vectors);
        this.weightMatrix = Matrix.of(weights);
    }

    /**
     * The batched evaluator of {@code model}, which must answer {@link KernelModelAccess} (a
     * {@code Classifiers.oneVsRestSvm()} fit) and have seen every class in training.
     *
     * @throws IllegalArgumentException for another model, naming it
     * @throws emolab.study.NotApplicableException when a class was absent from training
     */
    public static GaussianSvm of(Classifier model) {
        KernelModelAccess access = model.as(KernelModelAccess.class).orElseThrow(() -> new IllegalArgumentException(
                "GaussianSvm needs a one-vs-rest Gaussian-kernel SVM (Classifiers.oneVsRestSvm()); " + model.spec().name()
                        + " gives no kernel-machine access"));
        if (model.trainedClasses().length != model.classes().length)
            throw new emolab.study.NotApplicableException(model.spec().name() + " was trained on " + model.trainedClasses().length
                    + " of its " + model.classes().length + " classes; the batched SVM needs every class present in training");
        return new GaussianSvm(model, access);
    }

    /** The classifier this evaluates. */
    public Classifier classifier() { return classifier; }

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
                for (int c = 0; c < k; c++) sum += (score[c] = machines.calibrate(c, intercepts[c] + scores.get(i, c)));
                for (int c = 0; c < k; c++) score[c] /= sum;
                out[from + i] = score;
            }
        });
        return out;
    }
}
