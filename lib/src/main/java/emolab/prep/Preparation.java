package emolab.prep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.Table;

/**
 * The course's feature-preparation chain as a reusable, fitted-on-train transformer. Steps run
 * in the order they were added to the builder; each one is fitted on the training data as left
 * by the steps before it.
 *
 * <pre>{@code
 * PreparationModel m = Preparation.builder()
 *         .dropConstant().dropDuplicateRows().dropCorrelated(0.75).cubeRoot().standardScale()
 *         .build()
 *         .fit(train, featureColumns);
 * Table testPrepared = m.transform(test);   // never drops rows
 * Table trainPrepared = m.preparedTrain();  // train after duplicate-row removal
 * }</pre>
 *
 * @see PreparationModel
 */
public final class Preparation {

    /** Kinds of steps. */
    public enum Kind {
        /** Drop columns with a single distinct value on train (pandas {@code nunique() == 1}). */
        DROP_CONSTANT,
        /** Drop duplicate train rows on the current feature columns, keeping the first; no-op on transform. */
        DROP_DUPLICATE_ROWS,
        /** Drop columns with |Pearson r| above a threshold with any earlier column (pandas upper-triangle idiom). */
        DROP_CORRELATED,
        /** Sign-preserving cube root ({@link Math#cbrt}, like {@code numpy.cbrt}). */
        CUBE_ROOT,
        /** (x − mean) / std with population std, zero-variance scale 1 (sklearn {@code StandardScaler}). */
        STANDARD_SCALE
    }

    /** One configured step; {@code threshold} is used by {@link Kind#DROP_CORRELATED} only. */
    public record Step(Kind kind, double threshold) {
        @Override
        public String toString() {
            return switch (kind) {
                case DROP_CONSTANT -> "dropConstant";
                case DROP_DUPLICATE_ROWS -> "dropDuplicateRows";
                case DROP_CORRELATED -> "dropCorrelated(" + threshold + ")";
                case CUBE_ROOT -> "cubeRoot";
                case STANDARD_SCALE -> "standardScale";
            };
        }
    }

    private final List<Step> steps;

    private Preparation(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The course chain: drop constant, drop duplicate rows, drop |r| &gt; 0.75, cube root, standard scaling. */
    public static Preparation course() {
        return builder().dropConstant().dropDuplicateRows().dropCorrelated(0.75).cubeRoot().standardScale().build();
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * Fits every step on {@code train}. {@code featureColumns} must be distinct numeric columns
     * of {@code train} without NaN; all other columns pass through {@link PreparationModel#transform}
     * untouched.
     *
     * @throws IllegalArgumentException on a missing/non-numeric/duplicate feature column, a NaN
     *     (message names column and row), or fewer than 2 train rows (also after duplicate removal)
     */
    public PreparationModel fit(Table train, List<String> featureColumns) {
        return PreparationModel.fit(this, train, featureColumns);
    }

    @Override
    public String toString() {
        return "Preparation" + steps;
    }

    /** Builder; steps are applied in call order. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();

        private Builder() {}

        public Builder dropConstant() { return add(Kind.DROP_CONSTANT, Double.NaN); }

        public Builder dropDuplicateRows() { return add(Kind.DROP_DUPLICATE_ROWS, Double.NaN); }

        /**
         * Drops every column whose |r| with any earlier column exceeds {@code threshold} (strictly
         * greater, as pandas' {@code > 0.75}); {@code threshold} must lie in (0, 1].
         */
        public Builder dropCorrelated(double threshold) {
            if (!(threshold > 0 && threshold <= 1))
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "correlation threshold must be in (0, 1], got %s", threshold));
            return add(Kind.DROP_CORRELATED, threshold);
        }

        public Builder cubeRoot() { return add(Kind.CUBE_ROOT, Double.NaN); }

        public Builder standardScale() { return add(Kind.STANDARD_SCALE, Double.NaN); }

        public Preparation build() {
            return new Preparation(steps);
        }

        private Builder add(Kind k, double t) {
            steps.add(new Step(k, t));
            return this;
        }
    }
}
