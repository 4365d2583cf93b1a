package emolab.classify.models;

import java.util.List;
import java.util.Map;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.FeatureImportance;
import emolab.classify.LossCurve;
import emolab.classify.Probabilities;
import emolab.classify.Param;

/**
 * A pipeline of standard scaling and a classifier (scikit-learn
 * {@code make_pipeline(StandardScaler(), estimator)}): the scaler's mean and population standard
 * deviation are fitted on the training rows only (a constant feature gets scale 1) and applied
 * to every input before the wrapped model sees it. In cross-validation the scaler is therefore
 * refitted on each fold's training part. The hyper-parameters are the wrapped model's
 * ({@link #with} and {@link #get} forward to it), so grids are written as for the bare model.
 */
public final class StandardScaled extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    private final ClassifierSpec base;

    public StandardScaled(ClassifierSpec base) {
        super(base.name(), List.of());
        this.base = base;
    }

    /** The wrapped spec. */
    public ClassifierSpec base() {
        return base;
    }

    @Override public List<Param> hyperParameters() { return base.hyperParameters(); }

    @Override public List<String> parameterNames() { return base.parameterNames(); }

    @Override public Map<String, Object> params() { return base.params(); }

    @Override public Object get(String param) { return base.get(param); }

    @Override public boolean accepts(String param) { return base.accepts(param); }

    @Override
    public ClassifierSpec with(String param, Object value) {
        return new StandardScaled(base.with(param, value));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int n = x.length, d = x[0].length;
        double[] mean = new double[d], scale = new double[d];
        for (double[] r : x) for (int j = 0; j < d; j++) mean[j] += r[j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        for (double[] r : x) for (int j = 0; j < d; j++) scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(scale[j] / n);
            scale[j] = s == 0 ? 1.0 : s;
        }
        String[] classes = new String[k];
        for (int c = 0; c < k; c++) classes[c] = Integer.toString(c);
        Classifier inner = base.fit(transform(x, mean, scale), y, classes);
        return new Engine(inner, mean, scale);
    }

    static double[][] transform(double[][] x, double[] mean, double[] scale) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] r = new double[mean.length];
            for (int j = 0; j < r.length; j++) r[j] = (x[i][j] - mean[j]) / scale[j];
            out[i] = r;
        }
        return out;
    }

    @Override
    public String toString() {
        return "StandardScaled(" + base + ")";
    }

    /** The fitted scaler plus the wrapped model. */
    /**
     * The fitted scaler plus the wrapped model. It passes on the inner model's probabilities,
     * feature importance and loss curve; tree and kernel access are refused, since the inner
     * model's thresholds and support vectors live in the scaled coordinates.
     */
    public record Engine(Classifier inner, double[] mean, double[] scale) implements Classifier.Engine {
        @Override public int[] predict(double[][] x) { return inner.predict(transform(x, mean, scale)); }

        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            if (type == Probabilities.class && inner.hasProbabilities())
                return java.util.Optional.of(type.cast((Probabilities) x -> inner.predictProba(transform(x, mean, scale))));
            if (type == FeatureImportance.class || type == LossCurve.class) return inner.as(type);
            if (type == Probabilities.class) return java.util.Optional.empty();
            return Classifier.Engine.super.capability(type); // only this engine itself: the inner trees/kernels live in scaled units
        }
    }
}
