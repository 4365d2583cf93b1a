package emolab.classify.tune;

import java.io.Serializable;

import emolab.classify.Classifier;
import emolab.prep.LabeledData;

/**
 * Where recursive feature elimination gets feature importances from: the model's impurity
 * importance (trees, forests, boosting), its absolute coefficients (linear models on standardised
 * features), or permutation importance (any model).
 */
public interface ImportanceSource extends Serializable {
    /** Importance per feature of {@code model}, fitted on {@code train}. */
    double[] importance(Classifier model, LabeledData train);

    /** Name for tables. */
    String name();

    /** The model's built-in importance, whichever kind it has. */
    static ImportanceSource model() {
        return new ImportanceSource() {
            public double[] importance(Classifier model, LabeledData train) {
                if (!model.hasFeatureImportance())
                    throw new IllegalArgumentException(model.spec().name() + " has no built-in importance; use ImportanceSource.permutation(...)");
                return model.featureImportance();
            }

            public String name() { return "model"; }
        };
    }

    /** Impurity importance; an error for models without it. */
    static ImportanceSource impurity() {
        return kind(Classifier.ImportanceKind.IMPURITY, "impurity");
    }

    /** Absolute coefficients; an error for models without them. */
    static ImportanceSource coefficients() {
        return kind(Classifier.ImportanceKind.COEFFICIENTS, "coefficients");
    }

    private static ImportanceSource kind(Classifier.ImportanceKind kind, String name) {
        return new ImportanceSource() {
            public double[] importance(Classifier model, LabeledData train) {
                if (model.importanceKind().orElse(null) != kind)
                    throw new IllegalArgumentException(model.spec().name() + " has no " + name + " importance ("
                            + model.importanceKind().map(k -> "it has " + k.name().toLowerCase()).orElse("it has none")
                            + "); use ImportanceSource.model() or permutation(...)");
                return model.featureImportance();
            }

            public String name() { return name; }
        };
    }

    /** Mean permutation importance on the data the model was fitted on ({@code nRepeats} shuffles, seeded). */
    static ImportanceSource permutation(int nRepeats, long seed, Scoring scoring) {
        return new ImportanceSource() {
            public double[] importance(Classifier model, LabeledData train) {
                return PermutationImportance.compute(model, train, nRepeats, seed, scoring, 1).mean();
            }

            public String name() { return "permutation"; }
        };
    }
}
