package emolab.imbalance;

import emolab.classify.LabelledModel;

import emolab.numeric.StandardScaler;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import emolab.classify.ClassifierSpec;
import emolab.prep.GroupKFold;

/**
 * A leak-free imbalanced-learning pipeline: sampler → standard scaler → classifier (as
 * imbalanced-learn's {@code Pipeline}). {@link #fit} re-samples only the rows it is given (the
 * training part), fits the scaler on the re-sampled training rows and the classifier on the
 * scaled ones; prediction only scales, so test rows are never re-sampled, never seen by the
 * sampler or the scaler's fit. {@link #crossValidate} does this inside every fold. The classifier
 * is any {@link ClassifierSpec} (the model zoo's, or {@link ExactKnn}).
 */
public final class ImbalancedPipeline {
    private final Sampler sampler;
    private final boolean scale;
    private final ClassifierSpec learner;
    private final String name;

    private ImbalancedPipeline(Sampler sampler, boolean scale, ClassifierSpec learner, String name) {
        if (learner == null) throw new IllegalArgumentException("ImbalancedPipeline: learner is null");
        this.sampler = sampler;
        this.scale = scale;
        this.learner = learner;
        this.name = name;
    }

    /** sampler → standard scaler → learner; {@code sampler} null means no re-sampling. */
    public static ImbalancedPipeline of(Sampler sampler, ClassifierSpec learner) {
        return new ImbalancedPipeline(sampler, true, learner, null);
    }

    /** The same pipeline without the scaler. */
    public ImbalancedPipeline withoutScaler() {
        return new ImbalancedPipeline(sampler, false, learner, name);
    }

    /** The same pipeline with a display name. */
    public ImbalancedPipeline named(String name) {
        return new ImbalancedPipeline(sampler, scale, learner, name);
    }

    public Sampler sampler() { return sampler; }

    public ClassifierSpec learner() { return learner; }

    /** A fitted pipeline: the re-sampled training set it learnt from, the scaler (or null) and the model. */
    public record Fitted(Resampled trainingSet, StandardScaler scaler, LabelledModel model) {
        /** Class labels (columns of {@link #predictProba}). */
        public int[] classes() {
            return model.classes();
        }

        /** Probabilities for new rows: scaled with the training scaler, never re-sampled. */
        public double[][] predictProba(double[][] X) {
            return model.predictProba(scaler == null ? X : scaler.transform(X));
        }

        /** Predicted labels for new rows. */
        public int[] predict(double[][] X) {
            return model.predict(scaler == null ? X : scaler.transform(X));
        }
    }

    /** Re-samples (X, y), fits the scaler on the re-sampled rows, then the learner. */
    public Fitted fit(double[][] X, int[] y) {
        Resampled train;
        if (sampler != null) {
            train = sampler.fitResample(X, y);
        } else {
            int[] idx = new int[y.length];
            Arrays.setAll(idx, i -> i);
            train = new Resampled(X.clone(), y.clone(), idx);
        }
        long classes = Arrays.stream(train.y()).distinct().count();
        if (classes < 2)
            throw new NotApplicableException((sampler == null ? "the training rows hold" : "after re-sampling, the training rows hold")
                    + (classes == 0 ? " no rows" : " only 1 class (label " + train.y()[0] + ", " + train.size() + " rows)") + ": nothing to tell apart");
        StandardScaler sc = scale ? StandardScaler.fit(train.X()) : null;
        LabelledModel model = LabelledModel.fit(learner, sc == null ? train.X() : sc.transform(train.X()), train.y());
        return new Fitted(train, sc, model);
    }

    /**
     * Out-of-fold predictions: for each fold the pipeline is fitted on the fold's training rows
     * only and predicts its test rows. Folds must not share test rows; rows in no test fold get
     * label {@code Integer.MIN_VALUE} and NaN probabilities.
     *
     * @param classes the class labels of the probability columns (ascending), e.g. all labels of y
     */
    public CrossValidated crossValidate(double[][] X, int[] y, List<GroupKFold.Fold> folds, int[] classes) {
        if (X.length != y.length) throw new IllegalArgumentException("X has " + X.length + " rows but y has " + y.length);
        int[] pred = new int[y.length];
        Arrays.fill(pred, Integer.MIN_VALUE);
        double[][] proba = new double[y.length][classes.length];
        for (double[] p : proba) Arrays.fill(p, Double.NaN);
        boolean[] seen = new boolean[y.length];
        List<Fitted> fitted = new ArrayList<>();
        for (GroupKFold.Fold f : folds) {
            int[] tr = f.trainRows(), te = f.testRows();
            for (int i : te) {
                if (seen[i]) throw new IllegalArgumentException("row " + i + " is in the test part of two folds");
                seen[i] = true;
            }
            Fitted m = fit(Classes.rows(X, tr), Classes.pick(y, tr));
            double[][] Xte = m.scaler() == null ? Classes.rows(X, te) : m.scaler().transform(Classes.rows(X, te));
            double[][] p = m.model().predictProba(Xte);
            int[] mc = m.classes();
            int[] lab = m.model().predict(Xte);
            for (int t = 0; t < te.length; t++) {
                pred[te[t]] = lab[t];
                Arrays.fill(proba[te[t]], 0.0);
                for (int c = 0; c < mc.length; c++) {
                    int col = Arrays.binarySearch(classes, mc[c]);
                    if (col < 0) throw new IllegalArgumentException("model class " + mc[c] + " is not in classes " + Arrays.toString(classes));
                    proba[te[t]][col] = p[t][c];
                }
            }
            fitted.add(m);
        }
        return new CrossValidated(pred, proba, classes.clone(), fitted);
    }

    /** Out-of-fold labels and probabilities (columns = {@code classes}) and the per-fold fitted pipelines. */
    public record CrossValidated(int[] predictions, double[][] probabilities, int[] classes, List<Fitted> folds) {}

    @Override
    public String toString() {
        if (name != null) return name;
        return (sampler == null ? "no re-sampling" : sampler.toString()) + (scale ? " → StandardScaler" : "") + " → " + learner;
    }
}
