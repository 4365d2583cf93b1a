package emolab.model;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Recipe} with fixed (already tuned) hyper-parameters as a {@link ClassifierSpec}, so that
 * studies which retrain a model many times (samplers, outlier removal, explainers) can refit the
 * emotion model's choice on their own rows: standard scaling fitted on the rows given, then the
 * recipe's classifier(s). Speakers are unknown to a {@code ClassifierSpec}, so the recipe must be
 * a plain one. Obtain it from {@link EmotionModel#refitSpec(boolean)}.
 */
public final class RecipeSpec extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    private final Recipe recipe;
    private final boolean probabilities;

    RecipeSpec(String name, Recipe recipe, boolean probabilities) {
        super(name, List.of());
        if (recipe.speakerNormalised())
            throw new IllegalArgumentException("a ClassifierSpec knows no speakers: use the plain recipe, not " + recipe.describe());
        this.recipe = recipe;
        this.probabilities = probabilities;
    }

    public Recipe recipe() { return recipe; }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        List<String> names = Arrays.asList(new String[x[0].length]);
        for (int j = 0; j < names.size(); j++) names.set(j, "x" + j);
        return new Engine(Pipeline.fit(x, y, new String[x.length], k, names, recipe, probabilities));
    }

    private record Engine(Pipeline p) implements Classifier.Engine, emolab.classify.Probabilities {
        @Override
        public int[] predict(double[][] x) {
            return p.predict(x, new String[x.length], null);
        }

        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            return type == emolab.classify.Probabilities.class && !p.hasProbabilities() ? java.util.Optional.empty()
                    : Classifier.Engine.super.capability(type);
        }

        @Override
        public double[][] predictProba(double[][] x) {
            return p.predictProba(x, new String[x.length], null);
        }
    }

    @Override
    public String toString() {
        return name() + "[" + recipe.describe() + "]";
    }
}
