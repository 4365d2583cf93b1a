package emolab.classify.tune;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

import emolab.classify.ClassifierSpec;
import emolab.prep.LabeledData;
import emolab.prep.GroupKFold;

/**
 * Random search (scikit-learn {@code RandomizedSearchCV}): {@code nIter} seeded draws from
 * {@link ParamDistributions}, each scored by actor-grouped cross-validation exactly as in
 * {@link GridSearch}.
 */
public final class RandomSearch {
    private final ClassifierSpec spec;
    private final ParamDistributions dists;
    private final int nIter;
    private final long seed;
    private List<GroupKFold.Fold> folds;
    private Scoring scoring = Scoring.ACCURACY;
    private int threads;
    private boolean refit = true;
    private BiConsumer<Integer, Integer> progress;

    private RandomSearch(ClassifierSpec spec, ParamDistributions dists, int nIter, long seed) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.dists = Objects.requireNonNull(dists, "distributions");
        if (nIter < 1) throw new IllegalArgumentException("nIter must be ≥ 1, got " + nIter);
        this.nIter = nIter;
        this.seed = seed;
        dists.validate(spec);
    }

    /** {@code nIter} draws from {@code dists}, seeded by {@code seed}. */
    public static RandomSearch of(ClassifierSpec spec, ParamDistributions dists, int nIter, long seed) {
        return new RandomSearch(spec, dists, nIter, seed);
    }

    public RandomSearch folds(List<GroupKFold.Fold> folds) { this.folds = folds; return this; }

    public RandomSearch scoring(Scoring s) { this.scoring = Objects.requireNonNull(s); return this; }

    public RandomSearch threads(int n) { this.threads = emolab.classify.Parallel.threads(n); return this; }

    public RandomSearch refit(boolean r) { this.refit = r; return this; }

    public RandomSearch progress(BiConsumer<Integer, Integer> p) { this.progress = p; return this; }

    public SearchResult run(LabeledData data) {
        return Search.run(tasks(), data, threads, progress);
    }

    /** This search as independent (draw, fold) tasks, e.g. to run them on a cluster. */
    public SearchTasks tasks() {
        return new SearchTasks(spec, dists.sample(nIter, seed), folds, scoring, refit);
    }
}
