package emolab.classify.models;

import emolab.numeric.StandardScaler;

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
        StandardScaler scaler = StandardScaler.fit(x);
        double[] mean = scaler.mean(), scale = scaler.scale();
        String[] classes = new String[k];
        for (int c = 0; c < k; c++) classes[c] = Integer.toString(c);
        Classifier inner = base.fit(scaler.transform(x), y, classes);
        return new Engine(inner, mean, scale);
    }

    static double[][] transform(double[][] x, double[] mean, double[] scale) {
        return StandardScaler.of(mean, scale).transform(x);
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
