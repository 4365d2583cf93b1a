package emolab.timeseries.classification;

import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.FeatureImportance;
import emolab.classify.Param;
import emolab.classify.Probabilities;
import emolab.classify.TreeEnsembleAccess;
import emolab.classify.models.SmileTreeAccess;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * A random forest on a feature matrix (Smile's {@link RandomForest}, Gini, √p features per
 * split, depth 20, at most n/5 leaves, leaves of 5+ rows, bootstrap), tree t seeded with
 * {@code random_state · 1 000 003 + t} so a rerun grows the same trees. The moment-feature
 * baseline of the time-series stage, as a {@link ClassifierSpec}: fit it with
 * {@code fitLabels(x, labels)} (emotion codes) or {@code fit(x, codes, classes)}. Answers
 * probabilities, impurity importance and tree access (TreeSHAP). Predictions are Smile's vote.
 */
public final class FeatureForest extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public FeatureForest() {
        super("FeatureForest", List.of(
                Param.integer("n_estimators", 100, 1, 100_000, "number of trees"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed")));
    }

    /** {@code trees} trees seeded from {@code seed}. */
    public static FeatureForest of(int trees, int seed) {
        return (FeatureForest) new FeatureForest().with("n_estimators", trees).with("random_state", seed);
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int trees = intParam("n_estimators");
        long seed = intParam("random_state");
        int p = x[0].length;
        DataFrame df = frame(x).merge(IntVector.of("y", y));
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        RandomForest rf = RandomForest.fit(Formula.lhs("y"), df, trees, mtry, SplitRule.GINI, 20, Math.max(2, x.length / 5), 5, 1.0,
                null, LongStream.range(0, trees).map(i -> seed * 1_000_003L + i));
        return new Engine(rf, k);
    }

    static DataFrame frame(double[][] x) {
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) names[j] = "f" + j;
        return DataFrame.of(x, names);
    }

    /** The fitted forest: Smile's vote as prediction, its soft vote as probabilities. */
    private record Engine(RandomForest forest, int k) implements Classifier.Engine, Probabilities, FeatureImportance {
        @Override
        public int[] predict(double[][] x) {
            return forest.predict(frame(x));
        }

        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = new double[x.length][k];
            for (int i = 0; i < x.length; i++) forest.predict(Tuple.of(x[i], forest.schema()), out[i]);
            return out;
        }

        @Override
        public double[] featureImportance() {
            return forest.importance();
        }

        @Override
        public Classifier.ImportanceKind importanceKind() {
            return Classifier.ImportanceKind.IMPURITY;
        }

        @Override
        public <T> Optional<T> capability(Class<T> type) {
            if (type == TreeEnsembleAccess.class) return Optional.of(type.cast(SmileTreeAccess.of(forest)));
            return Classifier.Engine.super.capability(type);
        }
    }
}
