package emolab.imbalance;

import emolab.numeric.Neighbours;

import emolab.numeric.NumpyRandomState;

import emolab.study.NotApplicableException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.stream.IntStream;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * SVM-SMOTE (Nguyen, Cooper &amp; Kamei 2009; imbalanced-learn {@code SVMSMOTE}). An RBF support
 * vector machine (libsvm C-SVC, C = 1, γ = 1 / (d · Var(X)) — scikit-learn's {@code SVC(gamma=
 * 'scale')}) is fitted on all rows; the support vectors of the targeted class that are not
 * noise (all {@code mNeighbors} nearest rows of other classes) are the bases. With f ~ Beta(10,
 * 10), int(f·(n+1)) rows interpolate from danger support vectors towards their
 * {@code kNeighbors} nearest same-class rows, and the rest extrapolate from safe support vectors
 * away from them (step in (−outStep, 0]).
 *
 * <p>Differences from imbalanced-learn 0.10: libsvm 3.25 instead of scikit-learn's patched
 * libsvm (support vectors may differ slightly); and when all bases are danger (or all safe) the
 * whole count n is generated from them, where imbalanced-learn generates only one of the two
 * parts and so fewer rows than its strategy asks.
 */
public final class SVMSMOTE extends AbstractSampler<SVMSMOTE> {
    private int kNeighbors = 5;
    private int mNeighbors = 10;
    private double outStep = 0.5;
    private double C = 1.0;

    public SVMSMOTE kNeighbors(int k) {
        this.kNeighbors = requirePositive(name(), "k_neighbors", k);
        return this;
    }

    public SVMSMOTE mNeighbors(int m) {
        this.mNeighbors = requirePositive(name(), "m_neighbors", m);
        return this;
    }

    /** Extrapolation step for safe support vectors, in [0, 1]; default 0.5. */
    public SVMSMOTE outStep(double s) {
        if (!(s >= 0 && s <= 1)) throw new IllegalArgumentException(name() + ": out_step must be in [0, 1], got " + s);
        this.outStep = s;
        return this;
    }

    /** SVM regularisation C &gt; 0; default 1. */
    public SVMSMOTE svmC(double c) {
        if (!(c > 0) || !Double.isFinite(c)) throw new IllegalArgumentException(name() + ": SVM C must be > 0, got " + c);
        this.C = c;
        return this;
    }

    public SVMSMOTE seed(long seed) {
        return setSeed(seed);
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.OVER_SAMPLING;
    }

    /** Row indices (ascending) of the support vectors of an RBF C-SVC fitted on all rows. */
    int[] supportVectors(double[][] X, int[] y) {
        int n = X.length, d = X[0].length;
        double mean = 0;
        for (double[] r : X) for (double v : r) mean += v;
        mean /= (double) n * d;
        double var = 0;
        for (double[] r : X) for (double v : r) var += (v - mean) * (v - mean);
        var /= (double) n * d;
        svm_problem prob = new svm_problem();
        prob.l = n;
        prob.y = new double[n];
        prob.x = new svm_node[n][];
        for (int i = 0; i < n; i++) {
            prob.y[i] = y[i];
            prob.x[i] = new svm_node[d];
            for (int j = 0; j < d; j++) {
                svm_node node = new svm_node();
                node.index = j + 1;
                node.value = X[i][j];
                prob.x[i][j] = node;
            }
        }
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = var > 0 ? 1.0 / (d * var) : 1.0;
        p.C = C;
        p.eps = 1e-3;
        p.cache_size = 200;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        String err = svm.svm_check_parameter(prob, p);
        if (err != null) throw new IllegalArgumentException(name() + ": libsvm rejects the parameters: " + err);
        svm_model model;
        synchronized (svm.class) {
            svm.svm_set_print_string_function(s -> { });
            model = svm.svm_train(prob, p);
        }
        int[] sv = new int[svm.svm_get_nr_sv(model)];
        svm.svm_get_sv_indices(model, sv);
        for (int i = 0; i < sv.length; i++) sv[i]--; // libsvm indices are 1-based
        Arrays.sort(sv);
        return sv;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        NumpyRandomState rs = newRandom();
        Classes.Builder out = new Classes.Builder().addOriginal(X, y);
        int[] sv = null;
        for (var e : target.entrySet()) {
            int c = e.getKey(), n = e.getValue();
            if (n == 0) continue;
            int[] rows = Classes.where(y, c);
            double[][] Xc = Classes.rows(X, rows);
            if (kNeighbors + 1 > Xc.length)
                throw new NotApplicableException(name() + ": k_neighbors = " + kNeighbors + " needs at least "
                        + (kNeighbors + 1) + " rows of class " + c + ", which has " + Xc.length);
            if (sv == null) sv = supportVectors(X, y);
            int[] svClass = Arrays.stream(sv).filter(i -> y[i] == c).toArray();
            BorderlineSMOTE.MinorityStatus st = BorderlineSMOTE.status(X, y, svClass, c, mNeighbors);
            int[] bases = IntStream.range(0, svClass.length).filter(i -> !st.noise()[i]).toArray();
            if (bases.length == 0)
                throw new NotApplicableException(name() + ": all support vectors of class " + c
                        + " are noise; SVM-SMOTE is not adapted to this data (try another SMOTE variant)");
            int[] danger = Arrays.stream(bases).filter(i -> st.danger()[i]).map(i -> svClass[i]).toArray();
            int[] safe = Arrays.stream(bases).filter(i -> !st.danger()[i]).map(i -> svClass[i]).toArray();
            double f = rs.beta(10, 10);
            int nDanger = (int) (f * (n + 1));
            if (danger.length == 0) nDanger = 0;
            else if (safe.length == 0) nDanger = n;
            int[] posInClass = new int[X.length];
            for (int i = 0; i < rows.length; i++) posInClass[rows[i]] = i;
            if (danger.length > 0) {
                double[][] base = Classes.rows(X, danger);
                int[][] nns = Neighbours.query(Xc, base, Classes.pick(posInClass, danger), kNeighbors).indices();
                out.addSynthetic(SmoteSupport.makeSamples(base, Xc, nns, nDanger, 1.0, newRandom()), c);
            }
            if (safe.length > 0) {
                double[][] base = Classes.rows(X, safe);
                int[][] nns = Neighbours.query(Xc, base, Classes.pick(posInClass, safe), kNeighbors).indices();
                out.addSynthetic(SmoteSupport.makeSamples(base, Xc, nns, n - nDanger, -outStep, newRandom()), c);
            }
        }
        return out.build();
    }
}
