package emolab.classify.models;

import java.util.List;
import java.util.Random;

import de.bwaldvogel.liblinear.Model;
import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearModel;
import smile.classification.PlattScaling;

/**
 * Linear support vector machine, one-vs-rest, wrapping Tribuo's
 * {@code LibLinearClassificationTrainer} (LIBLINEAR 2.44, the library scikit-learn's
 * {@code LinearSVC} also wraps).
 *
 * <p>Mapping from scikit-learn {@code LinearSVC(C, loss="squared_hinge", penalty="l2",
 * dual=True, tol=1e-4, max_iter=1000, intercept_scaling=1)}: {@code C} → cost; {@code loss}
 * squared_hinge → {@code L2R_L2LOSS_SVC_DUAL}, hinge → {@code L2R_L1LOSS_SVC_DUAL};
 * {@code tol} → epsilon; {@code max_iter} → iterations; the intercept is a bias feature of value
 * 1, regularised as in sklearn; multi-class one-vs-rest as LIBLINEAR does;
 * {@code random_state} seeds LIBLINEAR's coordinate order.
 *
 * <p>{@code probability=true} adds Platt calibration (sklearn has it as
 * {@code CalibratedClassifierCV(method="sigmoid")}): out-of-fold decision values from a seeded
 * 5-fold split of the training rows fit one sigmoid per class (Smile {@code PlattScaling}); the
 * per-class sigmoids are normalised to sum 1. Importance: mean |weight| over the one-vs-rest
 * classifiers.
 */
public final class LinearSvm extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

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

    private Linear fitLinear(double[][] x, int[] y, int k) {
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
    record Linear(LibLinearModel<Label> tribuo, double[][] w, double[] b) implements java.io.Serializable {
        static Linear of(LibLinearModel<Label> model, int d, int k) {
            Model lin = model.getInnerModels().get(0);
            ImmutableFeatureMap fmap = model.getFeatureIDMap();
            ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
            String[] names = TribuoData.names(d);
            int[] labels = lin.getLabels();
            double[][] w = new double[k][d];
            double[] b = new double[k];
            boolean[] seen = new boolean[k];
            for (int li = 0; li < labels.length; li++) {
                int c = Integer.parseInt(info.getOutput(labels[li]).getLabel());
                seen[c] = true;
                for (int j = 0; j < d; j++) {
                    int id = fmap.getID(names[j]);
                    if (id >= 0) w[c][j] = lin.getDecfunCoef(id + 1, li);
                }
                b[c] = lin.getDecfunBias(li);
            }
            for (int c = 0; c < k; c++)
                if (!seen[c]) throw new IllegalStateException("LIBLINEAR returned no weights for class " + c);
            return new Linear(model, w, b);
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

    private record Engine(Linear model, PlattScaling[] platt) implements Classifier.Engine {
        @Override
        public int[] predict(double[][] x) {
            return TribuoData.predict(model.tribuo(), x);
        }

        @Override
        public boolean hasProbabilities() {
            return platt != null;
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
