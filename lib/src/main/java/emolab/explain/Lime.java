package emolab.explain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import emolab.prep.LabeledData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.explanations.lime.LIMEBase;
import org.tribuo.classification.explanations.lime.LIMEExplanation;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.VectorTuple;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.LARSLassoTrainer;
import org.tribuo.regression.slm.SparseLinearModel;

/**
 * LIME (Ribeiro, Singh &amp; Guestrin 2016) through Tribuo's {@link LIMEBase}: around each row it
 * samples points from a Gaussian with the training features' variances, weights them by an RBF
 * kernel of their distance, and fits a sparse linear surrogate (LARS-lasso, at most
 * {@code maxFeatures} features) to the model's class probabilities. The result is expressed as
 * {@link Explanations}: base = the surrogate's intercept per class, contribution = coefficient ×
 * feature value (the surrogate's terms at the row). LIME is not additive: base + Σ contributions
 * differs from the model output by the surrogate's misfit at the row.
 */
public final class Lime {
    /** Tribuo logs every LARS step at INFO through java.util.logging; kept quiet (strong reference so the level sticks). */
    private static final java.util.logging.Logger TRIBUO_LOG = quiet();

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.tribuo");
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    private final Model<Label> model;
    private final LIMEBase lime;
    private final List<String> features;
    private final List<String> classes;

    private Lime(PredictFunction f, LabeledData train, int samples, int maxFeatures, long seed) {
        this.features = train.featureNames();
        this.classes = List.of(train.classes());
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("emolab training rows", factory), factory);
        String[] names = features.toArray(new String[0]);
        for (int i = 0; i < train.size(); i++)
            data.add(new ArrayExample<>(new Label(classes.get(train.y()[i])), names, train.x()[i]));
        // the trivial model only lends its provenance, feature statistics and label set to the adapter
        Model<Label> dummy = DummyClassifierTrainer.createMostFrequentTrainer().train(data);
        this.model = new TribuoAdapter(f, features, classes, dummy.getProvenance(), dummy.getFeatureIDMap(), dummy.getOutputIDInfo());
        this.lime = new LIMEBase(new SplittableRandom(seed), model, new LARSLassoTrainer(maxFeatures), samples);
    }

    /**
     * A LIME explainer of {@code f}, with sampling statistics from the training rows {@code train}
     * (their columns and classes are the model's), {@code samples} perturbed points per row, a
     * surrogate with at most {@code maxFeatures} features, seeded.
     */
    public static Lime of(PredictFunction f, LabeledData train, int samples, int maxFeatures, long seed) {
        if (samples < 10) throw new IllegalArgumentException("LIME samples must be >= 10, got " + samples);
        if (maxFeatures < 1) throw new IllegalArgumentException("LIME maxFeatures must be >= 1, got " + maxFeatures);
        emolab.study.NotApplicableException.require(train.size() >= 2,
                "LIME: " + train.size() + " training row(s) give no spread to sample perturbations from");
        return new Lime(f, train, samples, maxFeatures, seed);
    }

    /** Explains each row of {@code x} (rows in order, each with its own samples). */
    public Explanations explain(double[][] x) {
        emolab.study.NotApplicableException.require(x != null && x.length > 0, "LIME: no rows to explain");
        Inputs.requireRows(x, features.size(), features, "LIME rows");
        int n = x.length, k = classes.size(), d = features.size();
        double[][][] phi = new double[n][k][d];
        double[][] out = new double[n][];
        double[] base = new double[k];
        String[] names = features.toArray(new String[0]);
        for (int i = 0; i < n; i++) {
            ArrayExample<Label> ex = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, x[i]);
            LIMEExplanation e;
            try {
                e = lime.explain(ex);
            } catch (NullPointerException npe) {
                // Tribuo's LARS surrogate (SLMTrainer) fails on a constant target: a class whose
                // predicted probability does not vary around this row (e.g. a class the model never predicts)
                boolean lars = Arrays.stream(npe.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("org.tribuo.regression.slm"));
                if (!lars) throw npe;
                throw new emolab.study.NotApplicableException("LIME: row " + i + ": the sparse surrogate cannot be fitted because a "
                        + "class's predicted probability is constant around the row (a class the model never predicts?)", npe);
            }
            out[i] = ((TribuoAdapter) model).predict(ex).getOutputScores().values().stream().mapToDouble(Label::getScore).toArray();
            SparseLinearModel surrogate = (SparseLinearModel) e.getModel();
            Map<String, SparseVector> weights = surrogate.getWeights();
            for (int c = 0; c < k; c++) {
                SparseVector w = weights.get(classes.get(c));
                if (w == null) continue;
                for (VectorTuple t : w) {
                    var info = surrogate.getFeatureIDMap().get(t.index);
                    if (info == null || Model.BIAS_FEATURE.equals(info.getName())) {
                        if (i == 0) base[c] = t.value; // intercepts differ per row; the first row's is reported
                        continue;
                    }
                    int j = features.indexOf(info.getName());
                    if (j >= 0) phi[i][c][j] = t.value * x[i][j];
                }
            }
        }
        double[][] xs = new double[n][];
        for (int i = 0; i < n; i++) xs[i] = x[i].clone();
        return new Explanations("LIME", OutputSpace.PROBABILITY, features, classes, base, phi, xs, out);
    }
}
