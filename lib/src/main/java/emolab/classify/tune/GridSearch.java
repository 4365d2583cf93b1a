package emolab.classify.tune;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

import emolab.classify.ClassifierSpec;
import emolab.prep.LabeledData;
import emolab.prep.GroupKFold;

/**
 * Exhaustive search over a {@link ParamGrid} with actor-grouped cross-validation (scikit-learn
 * {@code GridSearchCV(cv=GroupKFold...)}): every (combination, fold) fit is a task on a bounded
 * thread pool, the results come back in a fixed order whatever the scheduling, and the best
 * combination (by {@link Scoring}, default accuracy) is refitted on all the data.
 *
 * <pre>{@code
 * SearchResult r = GridSearch.of(Classifiers.kernelSvm(), ParamGrid.of("C", 1, 10).and("gamma", "scale", 0.01))
 *         .folds(CrossValidation.leaveActorsOut(train, 6)).scoring(Scoring.MACRO_F1)
 *         .progress(Progress.bar("SVM grid")).run(train);
 * r.table();   // one row per combination: mean ± std of accuracy and macro-F1, fit time
 * }</pre>
 */
public final class GridSearch {
    private final ClassifierSpec spec;
    private final ParamGrid grid;
    private List<GroupKFold.Fold> folds;
    private Scoring scoring = Scoring.ACCURACY;
    private int threads;
    private boolean refit = true;
    private BiConsumer<Integer, Integer> progress;

    private GridSearch(ClassifierSpec spec, ParamGrid grid) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.grid = Objects.requireNonNull(grid, "grid");
        grid.validate(spec);
    }

    /**
     * A search of {@code spec} over {@code grid}.
     *
     * @throws IllegalArgumentException at once for an unknown parameter name (listing the valid ones) or a bad value
     */
    public static GridSearch of(ClassifierSpec spec, ParamGrid grid) {
        return new GridSearch(spec, grid);
    }

    /** The grouped folds (required), e.g. {@link CrossValidation#leaveActorsOut}. */
    public GridSearch folds(List<GroupKFold.Fold> folds) { this.folds = folds; return this; }

    /** The score that picks the best combination (default accuracy). */
    public GridSearch scoring(Scoring s) { this.scoring = Objects.requireNonNull(s); return this; }

    /** Worker threads (0 = all cores, the default). */
    public GridSearch threads(int n) { this.threads = emolab.classify.Parallel.threads(n); return this; }

    /** Whether to refit the best combination on all the data (default true). */
    public GridSearch refit(boolean r) { this.refit = r; return this; }

    /** A (done, total) callback, e.g. {@code Progress.bar("grid")}. */
    public GridSearch progress(BiConsumer<Integer, Integer> p) { this.progress = p; return this; }

    /** Runs the search on {@code data} (which must carry groups). */
    public SearchResult run(LabeledData data) {
        return Search.run(tasks(), data, threads, progress);
    }

    /** This search as independent (combination, fold) tasks, e.g. to run them on a cluster. */
    public SearchTasks tasks() {
        return new SearchTasks(spec, grid.combinations(), folds, scoring, refit);
    }
}
