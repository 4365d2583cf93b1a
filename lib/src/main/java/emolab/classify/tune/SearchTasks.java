package emolab.classify.tune;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.prep.LabeledData;
import emolab.prep.GroupKFold;

/**
 * A grid or random search as independent tasks: task {@code i} fits combination
 * {@code i / numFolds()} on the training part of fold {@code i % numFolds()} and scores it on the
 * held-out actors. {@link GridSearch#run} and {@link RandomSearch#run} run these tasks on local
 * threads; a distributed engine can run each one elsewhere ({@link #run} needs only this object
 * and the data, both serializable) and hand the scores back in task order to {@link #assemble},
 * which gives the same {@link SearchResult} as the local search.
 *
 * <pre>{@code
 * SearchTasks t = GridSearch.of(spec, grid).folds(folds).tasks();
 * t.check(data);
 * List<CrossValidation.FoldScore> s = ...;   // t.run(i, data) for i in 0 .. t.size()-1, in order
 * SearchResult r = t.assemble(s, data);
 * }</pre>
 */
public final class SearchTasks implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ClassifierSpec base;
    private final List<Map<String, Object>> combinations;
    private final List<ClassifierSpec> specs;
    private final List<GroupKFold.Fold> folds;
    private final Scoring scoring;
    private final boolean refit;

    SearchTasks(ClassifierSpec base, List<Map<String, Object>> combinations, List<GroupKFold.Fold> folds,
                Scoring scoring, boolean refit) {
        if (folds == null) throw new IllegalArgumentException("no folds given: pass grouped folds, e.g. CrossValidation.leaveActorsOut(data, 6)");
        if (folds.isEmpty()) throw new IllegalArgumentException("no folds given");
        this.base = Objects.requireNonNull(base, "spec");
        this.combinations = List.copyOf(combinations);
        this.folds = List.copyOf(folds);
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.refit = refit;
        List<ClassifierSpec> s = new ArrayList<>();
        for (Map<String, Object> c : this.combinations) s.add(base.with(c));
        this.specs = List.copyOf(s);
    }

    /** Number of tasks: combinations × folds. */
    public int size() { return specs.size() * folds.size(); }

    /** Number of folds. */
    public int numFolds() { return folds.size(); }

    /** The combinations, in order. */
    public List<Map<String, Object>> combinations() { return combinations; }

    /** Whether {@link #assemble} refits the best combination on all the data. */
    public boolean refit() { return refit; }

    /** Checks the folds against {@code data} (grouping, classes in every training part); see {@link CrossValidation#checkFolds}. */
    public void check(LabeledData data) {
        CrossValidation.checkFolds(data, folds);
    }

    /** Runs task {@code task}: fits its combination on its fold's training rows, scores the held-out rows. */
    public CrossValidation.FoldScore run(int task, LabeledData data) {
        if (task < 0 || task >= size()) throw new IndexOutOfBoundsException("task " + task + " of " + size());
        int nf = folds.size();
        return CrossValidation.fold(specs.get(task / nf), data, folds.get(task % nf));
    }

    /**
     * The search result from the scores of all tasks in task order; refits the best combination on
     * {@code data} when {@link #refit()}.
     */
    public SearchResult assemble(List<CrossValidation.FoldScore> scores, LabeledData data) {
        if (scores.size() != size())
            throw new IllegalArgumentException("expected " + size() + " task scores, got " + scores.size());
        int nf = folds.size();
        List<CrossValidation.Result> results = new ArrayList<>();
        for (int c = 0; c < specs.size(); c++)
            results.add(new CrossValidation.Result(specs.get(c), scores.subList(c * nf, (c + 1) * nf)));
        Classifier best = refit ? specs.get(SearchResult.bestIndex(results, scoring)).fit(data) : null;
        return new SearchResult(base, combinations, results, scoring, best);
    }
}
