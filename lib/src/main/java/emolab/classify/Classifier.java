package emolab.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import emolab.prep.Tables;
import emolab.prep.Checks;
import tech.tablesaw.api.Table;

/**
 * A fitted classifier: the model a {@link ClassifierSpec} trained, with its classes and feature
 * names. Predictions are class codes (indices into {@link #classes()}); {@link #predictLabels}
 * gives the names. Serializable: {@link #save} / {@link #load} round-trip a model to a file.
 *
 * <p>Every input is checked: the number of features must match and NaN or infinite values are
 * rejected with the feature name and row.
 */
public final class Classifier implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What kind of built-in feature importance a model has (see {@link #featureImportance()}). */
    public enum ImportanceKind {
        /** Mean decrease in impurity summed over the trees' splits (trees, forests, boosting). */
        IMPURITY,
        /** Absolute coefficients (linear models on standardised features). */
        COEFFICIENTS
    }

    /**
     * The wrapped library model, on the internal class codes {@code 0 .. k-1} of the classes seen
     * in training. Implemented by each {@link ClassifierSpec}. Its capabilities
     * ({@link Probabilities}, {@link FeatureImportance}, {@link TreeEnsembleAccess},
     * {@link KernelModelAccess}, a {@link LossCurve}) are the interfaces it implements, answered by
     * {@link #capability}; an engine that implements one but cannot serve it on this fit (an SVM
     * fitted without {@code probability=true}) overrides {@link #capability} to refuse it.
     */
    public interface Engine extends Serializable {
        /** Predicted internal codes, one per row. */
        int[] predict(double[][] x);

        /** This engine as {@code type} when it has that capability, else empty. */
        default <T> Optional<T> capability(Class<T> type) {
            return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
        }
    }

    /** An engine with class probabilities (n × k, rows sum to 1); it predicts their argmax. */
    public interface ProbabilisticEngine extends Engine, Probabilities {
        @Override
        default int[] predict(double[][] x) {
            return Probabilities.argmax(predictProba(x));
        }
    }

    private final ClassifierSpec spec;
    private final String[] classes;
    private final int[] present;
    private final List<String> featureNames;
    private final Engine engine;
    private final double fitSeconds;

    Classifier(ClassifierSpec spec, String[] classes, int[] present, List<String> featureNames, Engine engine, double fitSeconds) {
        this.spec = spec;
        this.classes = classes.clone();
        this.present = present.clone();
        this.featureNames = List.copyOf(featureNames);
        this.engine = engine;
        this.fitSeconds = fitSeconds;
    }

    /** The spec (family and hyper-parameters) this model was fitted with. */
    public ClassifierSpec spec() {
        return spec;
    }

    /** All class names; codes returned by {@link #predict} index this array. */
    public String[] classes() {
        return classes.clone();
    }

    /** Codes of the classes that occurred in training (the only ones ever predicted). */
    public int[] trainedClasses() {
        return present.clone();
    }

    /** Feature names, in the column order {@link #predict} expects. */
    public List<String> featureNames() {
        return featureNames;
    }

    public int numFeatures() {
        return featureNames.size();
    }

    /** Wall-clock seconds the fit took (the wrapped library's training only). */
    public double fitSeconds() {
        return fitSeconds;
    }

    /** Predicted class codes, one per row of {@code x}. */
    public int[] predict(double[][] x) {
        check(x);
        int[] local = engine.predict(x);
        int[] out = new int[local.length];
        for (int i = 0; i < out.length; i++) out[i] = present[local[i]];
        return out;
    }

    /** Predicted class names. */
    public String[] predictLabels(double[][] x) {
        int[] p = predict(x);
        String[] out = new String[p.length];
        for (int i = 0; i < p.length; i++) out[i] = classes[p[i]];
        return out;
    }

    /**
     * The capability {@code type} of this model, or empty when it has none:
     * <ul>
     * <li>{@link Probabilities}: class probabilities in this classifier's codes (n ×
     *     {@code classes().length}, absent classes 0), input checked;</li>
     * <li>{@link FeatureImportance}: built-in importance normalised to sum to 1;</li>
     * <li>{@link TreeEnsembleAccess}, {@link KernelModelAccess}: the fitted trees or kernel
     *     machines (classes indexed like {@link #trainedClasses()});</li>
     * <li>{@link LossCurve}: a network's per-epoch training curve.</li>
     * </ul>
     * A saved and loaded classifier answers the same capabilities.
     */
    public <T> Optional<T> as(Class<T> type) {
        if (type == Probabilities.class)
            return engine.capability(Probabilities.class).map(p -> type.cast((Probabilities) this::mappedProba));
        if (type == FeatureImportance.class)
            return engine.capability(FeatureImportance.class).map(f -> type.cast(normalised(f)));
        return engine.capability(type);
    }

    /** Whether {@link #predictProba} is available (e.g. an SVM only with {@code probability=true}). */
    public boolean hasProbabilities() {
        return engine.capability(Probabilities.class).isPresent();
    }

    /**
     * Class probabilities, n × {@code classes().length} (classes absent from training get 0).
     *
     * @throws IllegalStateException when the model has no probabilities
     */
    public double[][] predictProba(double[][] x) {
        if (!hasProbabilities())
            throw new IllegalStateException(spec + " gives no class probabilities"
                    + (spec.accepts("probability") ? "; fit it with probability=true" : ""));
        return mappedProba(x);
    }

    private double[][] mappedProba(double[][] x) {
        check(x);
        double[][] local = engine.capability(Probabilities.class).orElseThrow().predictProba(x);
        double[][] out = new double[local.length][classes.length];
        for (int i = 0; i < local.length; i++)
            for (int j = 0; j < present.length; j++) out[i][present[j]] = local[i][j];
        return out;
    }

    /** {@link #predict(double[][])} on this model's feature columns of {@code table}. */
    public int[] predict(Table table) {
        return predict(Tables.toMatrix(table, featureNames));
    }

    /** {@link #predictProba(double[][])} on this model's feature columns of {@code table}. */
    public double[][] predictProba(Table table) {
        return predictProba(Tables.toMatrix(table, featureNames));
    }

    /** Whether the model has a built-in feature importance. */
    public boolean hasFeatureImportance() {
        return engine.capability(FeatureImportance.class).isPresent();
    }

    /** Kind of the built-in importance, if any. */
    public Optional<ImportanceKind> importanceKind() {
        return engine.capability(FeatureImportance.class).map(FeatureImportance::importanceKind);
    }

    /**
     * Built-in importance per feature (impurity decrease for trees, |coefficient| for linear
     * models), normalised to sum to 1.
     *
     * @throws IllegalStateException when the model has none (use permutation importance)
     */
    public double[] featureImportance() {
        return as(FeatureImportance.class).orElseThrow(() -> new IllegalStateException(spec.name()
                + " has no built-in feature importance; use permutation importance")).featureImportance();
    }

    private static FeatureImportance normalised(FeatureImportance f) {
        double[] imp = f.featureImportance();
        double s = 0;
        for (double v : imp) s += v;
        double[] out = imp.clone();
        if (s > 0) for (int j = 0; j < out.length; j++) out[j] /= s;
        ImportanceKind kind = f.importanceKind();
        return new FeatureImportance() {
            @Override public double[] featureImportance() { return out.clone(); }

            @Override public ImportanceKind importanceKind() { return kind; }
        };
    }

    /** The per-epoch training curve of neural networks. */
    public Optional<LossCurve> lossCurve() {
        return engine.capability(LossCurve.class);
    }

    /** Writes this model to {@code file} (Java serialization; temp file then rename). */
    public void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            try {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
                     ObjectOutputStream out = new ObjectOutputStream(os)) {
                    out.writeObject(this);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + file, e);
        }
    }

    /** Reads a model written by {@link #save}. */
    public static Classifier load(Path file) {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
             ObjectInputStream in = new ObjectInputStream(is)) {
            Object o = in.readObject();
            if (!(o instanceof Classifier c)) throw new IllegalArgumentException(file + " holds a " + o.getClass().getName() + ", not a Classifier");
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model from " + file, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(file + ": unknown class " + e.getMessage(), e);
        }
    }

    private void check(double[][] x) {
        if (x != null && x.length > 0 && x[0] != null && x[0].length != featureNames.size())
            throw new IllegalArgumentException(spec.name() + " was fitted on " + featureNames.size()
                    + " features but X has " + x[0].length + " columns");
        Checks.matrix(x, featureNames, "X");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Classifier[%s, %d classes, %d features, fit %.2f s]", spec, classes.length,
                featureNames.size(), fitSeconds);
    }
}
