package emolab.classify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import emolab.prep.Tables;
import emolab.prep.Checks;
import emolab.prep.LabeledData;
import tech.tablesaw.api.Table;

/**
 * A classifier family with its hyper-parameters, ready to be fitted (a "trainer" in Tribuo's
 * words, an unfitted estimator in scikit-learn's). Specs are immutable: {@link #with} returns a
 * copy, so one spec can be shared by parallel fits (grid search) safely.
 *
 * <p>Hyper-parameters are named as in scikit-learn ({@code n_estimators}, {@code C},
 * {@code max_depth}, {@code random_state}, ...) so that course settings map one to one; each
 * spec's Javadoc states how they map to the wrapped library. An unknown name is an error that
 * lists the valid ones.
 *
 * <pre>{@code
 * ClassifierSpec rf = Classifiers.randomForest().with("n_estimators", 500).with("criterion", "entropy");
 * Classifier model = rf.fit(xTrain, yTrain, classes);
 * int[] predicted = model.predict(xTest);
 * }</pre>
 *
 * <p>Subclasses declare their parameters in the constructor and implement {@link #train}, which
 * receives validated data whose labels are {@code 0 .. k-1} (k ≥ 2, every code present).
 */
public abstract class ClassifierSpec implements Serializable, Cloneable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final LinkedHashMap<String, Param> schema = new LinkedHashMap<>();
    private LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    /** A spec called {@code name} with the given parameters at their defaults. */
    protected ClassifierSpec(String name, List<Param> params) {
        this.name = Objects.requireNonNull(name);
        for (Param p : params) {
            if (schema.put(p.name(), p) != null) throw new IllegalArgumentException("duplicate parameter " + p.name());
            values.put(p.name(), p.defaultValue());
        }
    }

    /** The family name, e.g. {@code RandomForest}. */
    public String name() {
        return name;
    }

    /** The declared hyper-parameters (with kinds, defaults and docs), in declaration order. */
    public List<Param> hyperParameters() {
        return List.copyOf(schema.values());
    }

    /** Names of the hyper-parameters {@link #with} accepts. */
    public List<String> parameterNames() {
        return List.copyOf(schema.keySet());
    }

    /** Current values by name, in declaration order (arrays copied). */
    public Map<String, Object> params() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, Param.copy(v)));
        return Collections.unmodifiableMap(m);
    }

    /** The value of hyper-parameter {@code param}; an unknown name is an error listing the valid ones. */
    public Object get(String param) {
        return Param.copy(values.get(check(param).name()));
    }

    /**
     * A copy with hyper-parameter {@code param} set to {@code value}.
     *
     * @throws IllegalArgumentException for an unknown name (listing the valid ones) or a value
     *     of the wrong kind or out of range
     */
    public ClassifierSpec with(String param, Object value) {
        Param p = check(param);
        ClassifierSpec copy = copy();
        copy.values.put(p.name(), p.normalise(value));
        return copy;
    }

    /** A copy with several hyper-parameters set (applied in iteration order). */
    public ClassifierSpec with(Map<String, ?> settings) {
        ClassifierSpec s = this;
        for (Map.Entry<String, ?> e : settings.entrySet()) s = s.with(e.getKey(), e.getValue());
        return s;
    }

    /** Whether {@link #with} accepts {@code param}. */
    public boolean accepts(String param) {
        return schema.containsKey(param);
    }

    /** {@link #fit(double[][], int[], String[], List)} with features named {@code x0, x1, ...}. */
    public final Classifier fit(double[][] x, int[] y, String[] classes) {
        return fit(x, y, classes, null);
    }

    /**
     * Fits on rows {@code x} (n × d) with class codes {@code y} (indices into {@code classes}).
     * Classes without any row are allowed (the model never predicts them and gives them
     * probability 0), but at least two classes must occur.
     *
     * @param featureNames d names, or null for {@code x0 .. x(d-1)}
     * @throws IllegalArgumentException on mismatched row counts, ragged rows, NaN/infinite
     *     features (naming feature and row), codes outside the classes, duplicate class names or
     *     a single class
     */
    public final Classifier fit(double[][] x, int[] y, String[] classes, List<String> featureNames) {
        List<String> names = Checks.training(x, y, classes, featureNames);
        boolean[] seen = new boolean[classes.length];
        for (int c : y) seen[c] = true;
        int k = 0;
        for (boolean b : seen) if (b) k++;
        if (k < 2) {
            throw new IllegalArgumentException(name + ": the labels hold a single class ('" + classes[y[0]]
                    + "', " + y.length + " rows); a classifier needs at least 2 classes");
        }
        int[] present = new int[k];
        int[] local = new int[classes.length];
        Arrays.fill(local, -1);
        for (int c = 0, j = 0; c < classes.length; c++) if (seen[c]) { present[j] = c; local[c] = j++; }
        int[] yLocal = new int[y.length];
        for (int i = 0; i < y.length; i++) yLocal[i] = local[y[i]];
        long t0 = System.nanoTime();
        Classifier.Engine engine = train(x, yLocal, k);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Classifier(this, classes, present, names, engine, seconds);
    }

    /** Fits on {@code data} (its matrix, labels, classes and feature names). */
    public final Classifier fit(LabeledData data) {
        return fit(data.x(), data.y(), data.classes(), data.featureNames());
    }

    /**
     * Fits on rows {@code x} with integer labels of any values (e.g. emotion codes 1–8); the
     * result predicts labels and gives probabilities with one column per training label, ascending.
     */
    public final LabelledModel fitLabels(double[][] x, int[] labels) {
        return LabelledModel.fit(this, x, labels);
    }

    /**
     * Fits on the numeric {@code featureColumns} of {@code table} and the label column
     * {@code labelColumn} (classes sorted like scikit-learn's {@code classes_}).
     *
     * @throws IllegalArgumentException naming a missing or non-numeric column, or a NaN cell
     */
    public final Classifier fit(Table table, List<String> featureColumns, String labelColumn) {
        if (featureColumns.isEmpty()) throw new IllegalArgumentException(name + ": no feature columns given");
        double[][] x = Tables.toMatrix(table, featureColumns);
        Tables.Labels labels = Tables.labels(table, labelColumn);
        return fit(x, labels.codes(), labels.classes().toArray(String[]::new), featureColumns);
    }

    /**
     * Trains the wrapped model. {@code x} is validated (rectangular, finite), {@code y} holds
     * codes {@code 0 .. k-1}, each at least once, k ≥ 2. Must not modify {@code x}.
     */
    protected abstract Classifier.Engine train(double[][] x, int[] y, int k);

    /** Integer value of {@code param}. */
    protected final int intParam(String param) {
        return (Integer) values.get(check(param).name());
    }

    /** Real value of {@code param}. */
    protected final double realParam(String param) {
        return (Double) values.get(check(param).name());
    }

    protected final boolean boolParam(String param) {
        return (Boolean) values.get(check(param).name());
    }

    protected final String stringParam(String param) {
        return (String) values.get(check(param).name());
    }

    protected final int[] intsParam(String param) {
        return ((int[]) values.get(check(param).name())).clone();
    }

    protected final ClassifierSpec specParam(String param) {
        return (ClassifierSpec) values.get(check(param).name());
    }

    /** Raw value (a String or a Double for {@link Param.Kind#CHOICE_OR_REAL}). */
    protected final Object rawParam(String param) {
        return values.get(check(param).name());
    }

    private Param check(String param) {
        Param p = param == null ? null : schema.get(param);
        if (p == null) {
            throw new IllegalArgumentException(name + " has no hyper-parameter '" + param + "'; valid names: "
                    + String.join(", ", schema.keySet()));
        }
        return p;
    }

    /** A shallow copy with its own value map (values are immutable or copied arrays). */
    protected ClassifierSpec copy() {
        try {
            ClassifierSpec c = (ClassifierSpec) super.clone();
            c.values = new LinkedHashMap<>(values);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code Name(p1=v1, p2=v2, ...)}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        params().forEach((k, v) -> parts.add(k + "=" + Param.render(v)));
        return name + "(" + String.join(", ", parts) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassifierSpec s && s.getClass() == getClass() && s.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
