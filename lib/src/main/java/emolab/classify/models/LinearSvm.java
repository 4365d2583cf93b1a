package emolab.classify.models;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.FeatureImportance;
import emolab.classify.Probabilities;
import emolab.classify.Param;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearModel;
import smile.classification.PlattScaling;

/**
 * Linear support vector machine, one-vs-rest: LIBLINEAR 2.44's dual coordinate descent (the
 * solver scikit-learn's {@code LinearSVC} wraps) on dense rows, the classes in parallel
 * ({@link DenseLinearSvc}; checked against LIBLINEAR itself, whose Java port through Tribuo this
 * spec called before, in {@code LinearSvmConformanceTest}).
 *
 * <p>Mapping from scikit-learn {@code LinearSVC(C, loss="squared_hinge", penalty="l2",
 * dual=True, tol=1e-4, max_iter=1000, intercept_scaling=1)}: {@code C} → cost; {@code loss}
 * squared_hinge → {@code L2R_L2LOSS_SVC_DUAL}, hinge → {@code L2R_L1LOSS_SVC_DUAL};
 * {@code tol} → epsilon; {@code max_iter} → iterations; the intercept is a bias feature of value
 * 1, regularised as in sklearn; multi-class one-vs-rest as LIBLINEAR does;
 * {@code random_state} seeds the coordinate order.
 *
 * <p>{@code probability=true} adds Platt calibration (sklearn has it as
 * {@code CalibratedClassifierCV(method="sigmoid")}): out-of-fold decision values from a seeded
 * 5-fold split of the training rows fit one sigmoid per class (Smile {@code PlattScaling}); the
 * per-class sigmoids are normalised to sum 1. Importance: mean |weight| over the one-vs-rest
 * classifiers.
 */
public final class LinearSvm extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    static {
        de.bwaldvogel.liblinear.Linear.disableDebugOutput(); // as Tribuo's trainer does
    }

    public LinearSvm() {
        super("LinearSvm", List.of(
                Param.real("C", 1.0, 1e-12, 1e12, "inverse regularisation strength"),
                Param.choice("loss", "squared_hinge", List.of("squared_hinge", "hinge"), "hinge loss variant"),
                Param.real("tol", 1e-4, 1e-15, 1.0, "stopping tolerance"),
                Param.integer("max_iter", 1000, 1, 10_000_000, "maximal iterations"),
                Param.bool("probability", false, "Platt-calibrated probabilities (5 extra fits)"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        Linear full = fitLinear(x, y, k);
        PlattScaling[] platt = null;
        if (boolParam("probability")) platt = calibrate(x, y, k);
        return new Engine(full, platt);
    }

    Linear fitLinear(double[][] x, int[] y, int k) {
        return DenseLinearSvc.fit(x, y, k, realParam("C"), realParam("tol"), intParam("max_iter"), stringParam("loss").equals("hinge"),
                intParam("random_state"));
    }

    /** The same problem through LIBLINEAR itself (the reference for {@link DenseLinearSvc}; tests only). */
    Linear fitLiblinear(double[][] x, int[] y, int k) {
        SolverType type = stringParam("loss").equals("hinge") ? SolverType.L2R_L1LOSS_SVC_DUAL : SolverType.L2R_L2LOSS_SVC_DUAL;
        Parameter p = new Parameter(type, realParam("C"), realParam("tol"), intParam("max_iter"), 0.1);
        // Tribuo's LibLinearTrainer seeds LIBLINEAR so; kept, so that fits equal the Tribuo path's
        p.setRandom(new Random(new SplittableRandom(intParam("random_state")).split().nextLong()));
        return Linear.of(de.bwaldvogel.liblinear.Linear.train(problem(x, y), p), x[0].length, k);
    }

    /**
     * LIBLINEAR's problem as Tribuo builds it: features 1..d in column order, then the bias feature
     * d+1 of value 1 ({@code bias = 1}, sklearn's {@code intercept_scaling = 1}); labels = class codes.
     */
    static Problem problem(double[][] x, int[] y) {
        int n = x.length, d = x[0].length;
        Problem prob = new Problem();
        prob.l = n;
        prob.n = d + 1;
        prob.bias = 1.0;
        prob.y = new double[n];
        prob.x = new Feature[n][];
        for (int i = 0; i < n; i++) {
            Feature[] row = new Feature[d + 1];
            for (int j = 0; j < d; j++) row[j] = new FeatureNode(j + 1, x[i][j]);
            row[d] = new FeatureNode(d + 1, 1.0);
            prob.x[i] = row;
            prob.y[i] = y[i];
        }
        return prob;
    }

    /** The same fit through Tribuo's trainer (the reference for {@link #fitLiblinear}; tests only). */
    Linear fitTribuo(double[][] x, int[] y, int k) {
        var type = new LinearClassificationType(stringParam("loss").equals("hinge")
                ? LinearClassificationType.LinearType.L2R_L1LOSS_SVC_DUAL
                : LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL);
        var trainer = new LibLinearClassificationTrainer(type, realParam("C"), intParam("max_iter"), realParam("tol"),
                intParam("random_state"));
        @SuppressWarnings("unchecked")
        LibLinearModel<Label> model = (LibLinearModel<Label>) trainer.train(TribuoData.dataset(x, y));
        return Linear.of(model, x[0].length, k);
    }

    /** Out-of-fold decision values (5 seeded folds) → one Platt sigmoid per class. */
    private PlattScaling[] calibrate(double[][] x, int[] y, int k) {
        int n = x.length, folds = Math.min(5, n);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        Random rnd = new Random(intParam("random_state"));
        for (int i = n - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
        double[][] dec = new double[n][];
        for (int f = 0; f < folds; f++) {
            int fold = f;
            int[] test = java.util.stream.IntStream.range(0, n).filter(i -> i % folds == fold).map(i -> perm[i]).toArray();
            int[] train = java.util.stream.IntStream.range(0, n).filter(i -> i % folds != fold).map(i -> perm[i]).toArray();
            double[][] xt = new double[train.length][];
            int[] yt = new int[train.length];
            for (int i = 0; i < train.length; i++) { xt[i] = x[train[i]]; yt[i] = y[train[i]]; }
            Linear m = fitLinear(xt, yt, k);
            for (int i : test) dec[i] = m.decision(x[i]);
        }
        PlattScaling[] platt = new PlattScaling[k];
        for (int c = 0; c < k; c++) {
            double[] s = new double[n];
            int[] t = new int[n];
            for (int i = 0; i < n; i++) { s[i] = dec[i][c]; t[i] = y[i] == c ? 1 : 0; }
            platt[c] = PlattScaling.fit(s, t);
        }
        return platt;
    }

    /** A fitted one-vs-rest linear model: weights per internal class (k × d) and intercepts. */
    record Linear(double[][] w, double[] b) implements java.io.Serializable {
        /** From LIBLINEAR's model, whose labels are the class codes. */
        static Linear of(Model lin, int d, int k) {
            int[] labels = lin.getLabels();
            double[][] w = new double[k][d];
            double[] b = new double[k];
            boolean[] seen = new boolean[k];
            for (int li = 0; li < labels.length; li++) {
                int c = labels[li];
                seen[c] = true;
                for (int j = 0; j < d; j++) w[c][j] = lin.getDecfunCoef(j + 1, li);
                b[c] = lin.getDecfunBias(li);
            }
            for (int c = 0; c < k; c++)
                if (!seen[c]) throw new IllegalStateException("LIBLINEAR returned no weights for class " + c);
            return new Linear(w, b);
        }

        /** From Tribuo's model (labels named by the class codes, features f00000..). */
        static Linear of(LibLinearModel<Label> model, int d, int k) {
            Model lin = model.getInnerModels().get(0);
            ImmutableFeatureMap fmap = model.getFeatureIDMap();
            ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
            String[] names = TribuoData.names(d);
            int[] labels = lin.getLabels();
            double[][] w = new double[k][d];
            double[] b = new double[k];
            for (int li = 0; li < labels.length; li++) {
                int c = Integer.parseInt(info.getOutput(labels[li]).getLabel());
                for (int j = 0; j < d; j++) {
                    int id = fmap.getID(names[j]);
                    if (id >= 0) w[c][j] = lin.getDecfunCoef(id + 1, li);
                }
                b[c] = lin.getDecfunBias(li);
            }
            return new Linear(w, b);
        }

        /** LIBLINEAR's prediction: the class of the largest decision value (first in LIBLINEAR's label order on a tie). */
        int[] predict(double[][] x) {
            int[] out = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] s = decision(x[i]);
                int best = 0;
                for (int c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
                out[i] = best;
            }
            return out;
        }

        double[] decision(double[] x) {
            double[] s = new double[w.length];
            for (int c = 0; c < w.length; c++) {
                double v = b[c];
                double[] wc = w[c];
                for (int j = 0; j < wc.length; j++) v += wc[j] * x[j];
                s[c] = v;
            }
            return s;
        }
    }

    record Engine(Linear model, PlattScaling[] platt) implements Classifier.Engine, Probabilities, FeatureImportance {
        @Override
        public int[] predict(double[][] x) {
            return model.predict(x);
        }

        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            return type == Probabilities.class && platt == null ? java.util.Optional.empty() : Classifier.Engine.super.capability(type);
        }

        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                double[] d = model.decision(x[i]);
                double s = 0;
                for (int c = 0; c < d.length; c++) { d[c] = platt[c].scale(d[c]); s += d[c]; }
                for (int c = 0; c < d.length; c++) d[c] /= s;
                out[i] = d;
            }
            return out;
        }

        @Override
        public double[] featureImportance() {
            int d = model.w()[0].length, k = model.w().length;
            double[] imp = new double[d];
            for (double[] wc : model.w()) for (int j = 0; j < d; j++) imp[j] += Math.abs(wc[j]) / k;
            return imp;
        }

        @Override
        public Classifier.ImportanceKind importanceKind() {
            return Classifier.ImportanceKind.COEFFICIENTS;
        }
    }
}
