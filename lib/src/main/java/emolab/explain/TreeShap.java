package emolab.explain;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

import emolab.classify.Classifier;
import emolab.classify.TreeEnsembleAccess;

/**
 * Exact SHAP values of tree ensembles by TreeSHAP (Lundberg, Erion &amp; Lee 2018, "Consistent
 * individualized feature attribution for tree ensembles", Algorithm 2: the polynomial-time
 * path-dependent algorithm). The value function is the tree's expectation conditioned on the
 * known features, with unknown features following the training cover down both branches; so
 * for every class {@code base + Σ φ = model output} exactly (to rounding), where {@code base} is
 * {@link TreeEnsemble#expectedValue()}.
 *
 * <p>Multi-class: one set of values per class, in the ensemble's output space — probabilities
 * for a random forest, margins (pre-softmax scores) for gradient boosting (see
 * {@link TreeEnsembleAccess}). Models are reached through that capability, never by reflection.
 * Rows are explained in parallel.
 */
public final class TreeShap {
    private final TreeEnsemble ensemble;
    private final OutputSpace space;
    private final List<String> features;
    private final List<String> classes;

    private TreeShap(TreeEnsemble ensemble, OutputSpace space, List<String> features, List<String> classes) {
        this.ensemble = ensemble;
        this.space = space;
        this.features = Inputs.names(features, ensemble.numFeatures(), "feature");
        this.classes = Inputs.names(classes, ensemble.numClasses(), "class");
    }

    /**
     * TreeSHAP for a fitted {@link Classifier} that answers {@link TreeEnsembleAccess}: the
     * classification stage's {@code RandomForest}, {@code GradientBoosting} and
     * {@code DecisionTree} (EmoLab's own forest or Smile's trees, read through public API).
     *
     * @throws IllegalArgumentException for a model without tree access (use {@link KernelShap})
     * @throws emolab.study.NotApplicableException when the model saw only some of its classes in training
     */
    public static TreeShap of(Classifier model) {
        TreeEnsembleAccess trees = model.as(TreeEnsembleAccess.class).orElseThrow(() -> new IllegalArgumentException(
                "TreeSHAP does not support " + model.spec().name()
                        + ": it gives no tree access (supported: RandomForest, GradientBoosting, DecisionTree; use KernelShap for other models)"));
        if (model.trainedClasses().length != model.classes().length)
            throw new emolab.study.NotApplicableException(model.spec().name() + " was trained on " + model.trainedClasses().length
                    + " of its " + model.classes().length + " classes; TreeSHAP needs every class present in training");
        return of(trees, model.featureNames(), List.of(model.classes()));
    }

    /** TreeSHAP for any model's trees (names may be null: "x0".., "class0"..). */
    public static TreeShap of(TreeEnsembleAccess trees, List<String> features, List<String> classes) {
        OutputSpace space = trees.output() == TreeEnsembleAccess.Output.MARGIN ? OutputSpace.MARGIN : OutputSpace.PROBABILITY;
        return new TreeShap(ensemble(trees), space, features, classes);
    }

    /** The flattened ensemble of a model's trees: each leaf's values multiplied by its tree's weight. */
    public static TreeEnsemble ensemble(TreeEnsembleAccess f) {
        TreeEnsemble.Builder b = TreeEnsemble.builder(f.numFeatures(), f.numClasses());
        double[] offset = f.offset();
        boolean anyOffset = false;
        for (double v : offset) anyOffset |= v != 0;
        if (anyOffset) b.offset(offset);
        for (int t = 0; t < f.numTrees(); t++) {
            int[] feat = f.feature(t), l = f.leftChild(t), r = f.rightChild(t);
            double[] thr = f.threshold(t), cover = f.cover(t);
            double w = f.weight(t);
            int root = b.beginTree(f.treeClass(t));
            for (int i = 0; i < feat.length; i++) b.newNode(); // ids root + i, in the model's node order
            for (int i = 0; i < feat.length; i++) {
                if (feat[i] >= 0) {
                    b.split(root + i, feat[i], thr[i], root + l[i], root + r[i], cover[i]);
                } else {
                    double[] v = f.leafValue(t, i);
                    for (int c = 0; c < v.length; c++) v[c] *= w;
                    b.leaf(root + i, cover[i], v);
                }
            }
            b.depth(f.depth(t));
        }
        return b.build();
    }

    /** TreeSHAP for an already flattened ensemble. */
    public static TreeShap of(TreeEnsemble ensemble, OutputSpace space, List<String> features, List<String> classes) {
        return new TreeShap(ensemble, space, features, classes);
    }

    public TreeEnsemble ensemble() { return ensemble; }

    /**
     * The explained model as a fast batched predict function over its output space (probabilities
     * for forests, margins for boosting) — to run model-agnostic explainers on the same model.
     */
    public PredictFunction predictFunction() {
        int d = ensemble.numFeatures();
        return x -> {
            Inputs.requireRows(x, d, features, "tree model rows");
            return ensemble.predict(x);
        };
    }

    public OutputSpace space() { return space; }

    public List<String> features() { return features; }

    public List<String> classes() { return classes; }

    /** Explains every row of {@code x} ({@code n × d}, finite values). */
    public Explanations explain(double[][] x) {
        return explain(x, null);
    }

    /** {@link #explain(double[][])} reporting {@code (done, total)} rows to {@code progress}. */
    public Explanations explain(double[][] x, BiConsumer<Integer, Integer> progress) {
        Inputs.requireRows(x, ensemble.numFeatures(), features, "TreeSHAP rows");
        int n = x.length, k = ensemble.numClasses(), d = ensemble.numFeatures();
        double[] base = ensemble.expectedValue();
        double[][][] phi = new double[n][][];
        double[][] out = new double[n][];
        AtomicInteger done = new AtomicInteger();
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);
        IntStream.range(0, n).parallel().forEach(i -> {
            phi[i] = workers.get().shap(x[i]);
            out[i] = ensemble.predict(x[i]);
            int m = done.incrementAndGet();
            if (progress != null && (m % 16 == 0 || m == n)) progress.accept(m, n);
        });
        double[][] xs = new double[n][];
        for (int i = 0; i < n; i++) xs[i] = x[i].clone();
        assert k > 0 && d > 0;
        return new Explanations("TreeSHAP", space, features, classes, base, phi, xs, out);
    }

    /** SHAP values of one row, {@code [class][feature]}. */
    public double[][] shap(double[] x) {
        Inputs.requireRows(new double[][] {x}, ensemble.numFeatures(), features, "TreeSHAP row");
        return new Worker().shap(x);
    }

    /** Per-thread path buffers (the "unique path" of the algorithm, as parallel arrays). */
    private final class Worker {
        final int[] pf;
        final double[] pz, po, pw;
        double[] acc; // [feature * k + class]
        double[] x;

        final int stride;
        final double[] invU, ratioUp, ratioDown, invRatioDown; // 1/(u+1), (u+1)/(i+1), (u-i)/(u+1), (u+1)/(u-i)

        Worker() {
            int depth = ensemble.depth() + 2;
            int size = (depth + 2) * (depth + 3) / 2 + depth + 4;
            stride = depth + 2;
            invU = new double[stride];
            ratioUp = new double[stride * stride];
            ratioDown = new double[stride * stride];
            invRatioDown = new double[stride * stride];
            for (int u = 0; u < stride; u++) {
                invU[u] = 1.0 / (u + 1);
                for (int i = 0; i < u; i++) {
                    ratioUp[u * stride + i] = (u + 1) / (double) (i + 1);
                    ratioDown[u * stride + i] = (u - i) / (double) (u + 1);
                    invRatioDown[u * stride + i] = (u + 1) / (double) (u - i);
                }
            }
            pf = new int[size];
            pz = new double[size];
            po = new double[size];
            pw = new double[size];
        }

        double[][] shap(double[] row) {
            int k = ensemble.numClasses, d = ensemble.numFeatures;
            acc = new double[d * k];
            x = row;
            for (int t = 0; t < ensemble.root.length; t++) recurse(t, ensemble.root[t], 0, 0, 1, 1, -1);
            double[][] phi = new double[k][d];
            for (int j = 0; j < d; j++) for (int c = 0; c < k; c++) phi[c][j] = acc[j * k + c];
            return phi;
        }

        /** One node; the path of the parent starts at {@code parent}, this node's at {@code parent + ud + 1}. */
        private void recurse(int t, int node, int parent, int ud, double zf, double of, int feat) {
            int m = parent + ud + 1;
            System.arraycopy(pf, parent, pf, m, ud + 1);
            System.arraycopy(pz, parent, pz, m, ud + 1);
            System.arraycopy(po, parent, po, m, ud + 1);
            System.arraycopy(pw, parent, pw, m, ud + 1);
            extend(m, ud, zf, of, feat);
            TreeEnsemble e = ensemble;
            int split = e.feature[node];
            if (split < 0) {
                int k = e.numClasses, cls = e.treeClass[t], at = e.valueAt[node];
                for (int i = 1; i <= ud; i++) {
                    double w = unwoundSum(m, ud, i) * (po[m + i] - pz[m + i]);
                    int base = pf[m + i] * k;
                    if (cls >= 0) acc[base + cls] += w * e.values[at];
                    else for (int c = 0; c < k; c++) acc[base + c] += w * e.values[at + c];
                }
                return;
            }
            int hot, cold;
            if (x[split] <= e.threshold[node]) {
                hot = e.left[node];
                cold = e.right[node];
            } else {
                hot = e.right[node];
                cold = e.left[node];
            }
            double cover = e.cover[node];
            double inZ = 1, inO = 1;
            int p = 0;
            while (p <= ud && pf[m + p] != split) p++;
            if (p <= ud) {
                inZ = pz[m + p];
                inO = po[m + p];
                unwind(m, ud, p);
                ud--;
            }
            recurse(t, hot, m, ud + 1, e.cover[hot] / cover * inZ, inO, split);
            recurse(t, cold, m, ud + 1, e.cover[cold] / cover * inZ, 0, split);
        }

        private void extend(int m, int ud, double zf, double of, int feat) {
            pf[m + ud] = feat;
            pz[m + ud] = zf;
            po[m + ud] = of;
            pw[m + ud] = ud == 0 ? 1 : 0;
            double inv = invU[ud];
            for (int i = ud - 1; i >= 0; i--) {
                double w = pw[m + i];
                pw[m + i + 1] += of * w * (i + 1) * inv;
                pw[m + i] = zf * w * (ud - i) * inv;
            }
        }

        private void unwind(int m, int ud, int p) {
            double o = po[m + p], z = pz[m + p], next = pw[m + ud];
            int row = ud * stride;
            if (o != 0) {
                double invO = 1 / o;
                for (int i = ud - 1; i >= 0; i--) {
                    double tmp = pw[m + i];
                    double v = next * ratioUp[row + i] * invO;
                    pw[m + i] = v;
                    next = tmp - v * z * ratioDown[row + i];
                }
            } else {
                double invZ = 1 / z;
                for (int i = ud - 1; i >= 0; i--) pw[m + i] = pw[m + i] * invZ / ratioDown[row + i];
            }
            for (int i = p; i < ud; i++) {
                pf[m + i] = pf[m + i + 1];
                pz[m + i] = pz[m + i + 1];
                po[m + i] = po[m + i + 1];
            }
        }

        private double unwoundSum(int m, int ud, int p) {
            double o = po[m + p], z = pz[m + p], next = pw[m + ud], total = 0;
            int row = ud * stride;
            if (o != 0) {
                double invO = 1 / o;
                for (int i = ud - 1; i >= 0; i--) {
                    double tmp = next * ratioUp[row + i] * invO;
                    total += tmp;
                    next = pw[m + i] - tmp * z * ratioDown[row + i];
                }
            } else {
                double invZ = 1 / z;
                for (int i = ud - 1; i >= 0; i--) total += pw[m + i] * invZ * invRatioDown[row + i];
            }
            return total;
        }
    }
}
