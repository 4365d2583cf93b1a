package emolab.classify.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of a {@link GridSearch} or {@link RandomSearch}: the grouped-CV scores of every
 * combination, the best one by the chosen {@link Scoring}, and the best spec refitted on all the
 * training data.
 */
public final class SearchResult {
    private final ClassifierSpec base;
    private final List<Map<String, Object>> combinations;
    private final List<CrossValidation.Result> results;
    private final Scoring scoring;
    private final int best;
    private final Classifier bestModel;

    SearchResult(ClassifierSpec base, List<Map<String, Object>> combinations, List<CrossValidation.Result> results,
                 Scoring scoring, Classifier bestModel) {
        this.base = base;
        this.combinations = List.copyOf(combinations);
        this.results = List.copyOf(results);
        this.scoring = scoring;
        this.best = bestIndex(results, scoring);
        this.bestModel = bestModel;
    }

    static int bestIndex(List<CrossValidation.Result> results, Scoring scoring) {
        int b = 0;
        for (int i = 1; i < results.size(); i++) if (results.get(i).mean(scoring) > results.get(b).mean(scoring)) b = i;
        return b;
    }

    /** The scoring used to pick the best combination. */
    public Scoring scoring() { return scoring; }

    /** The combinations tried, in order. */
    public List<Map<String, Object>> combinations() { return combinations; }

    /** CV results per combination, same order. */
    public List<CrossValidation.Result> results() { return results; }

    /** Parameters of the best combination (first one on ties). */
    public Map<String, Object> bestParams() { return combinations.get(best); }

    /** Mean CV score of the best combination. */
    public double bestScore() { return results.get(best).mean(scoring); }

    /** The CV result of the best combination. */
    public CrossValidation.Result bestResult() { return results.get(best); }

    /** The base spec with the best parameters. */
    public ClassifierSpec bestSpec() { return base.with(bestParams()); }

    /** The best spec refitted on all the training data. */
    public Classifier bestModel() { return bestModel; }

    /**
     * One row per combination, in the order tried: {@code rank} (by the scoring, 1 = best; ties
     * share the lower rank), one column per parameter (numbers as doubles when all values are
     * numeric), {@code mean_accuracy}, {@code std_accuracy}, {@code mean_f1_macro},
     * {@code std_f1_macro}, {@code mean_fit_s}, {@code std_fit_s}.
     */
    public Table table() {
        Table t = Table.create("search " + base.name() + " (ranked by " + scoring.column() + ")");
        int n = combinations.size();
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            int r = 1;
            for (int j = 0; j < n; j++) if (results.get(j).mean(scoring) > results.get(i).mean(scoring)) r++;
            rank[i] = r;
        }
        t.addColumns(IntColumn.create("rank", rank));
        List<String> names = new ArrayList<>();
        for (Map<String, Object> c : combinations) for (String k : c.keySet()) if (!names.contains(k)) names.add(k);
        for (String name : names) {
            boolean numeric = combinations.stream().allMatch(c -> c.get(name) instanceof Number);
            if (numeric) {
                double[] v = combinations.stream().mapToDouble(c -> ((Number) c.get(name)).doubleValue()).toArray();
                t.addColumns(DoubleColumn.create(name, v));
            } else {
                t.addColumns(StringColumn.create(name, combinations.stream().map(c -> Param.render(c.get(name))).toList()));
            }
        }
        t.addColumns(
                DoubleColumn.create("mean_accuracy", results.stream().mapToDouble(CrossValidation.Result::meanAccuracy).toArray()),
                DoubleColumn.create("std_accuracy", results.stream().mapToDouble(CrossValidation.Result::stdAccuracy).toArray()),
                DoubleColumn.create("mean_f1_macro", results.stream().mapToDouble(CrossValidation.Result::meanMacroF1).toArray()),
                DoubleColumn.create("std_f1_macro", results.stream().mapToDouble(CrossValidation.Result::stdMacroF1).toArray()),
                DoubleColumn.create("mean_fit_s", results.stream().mapToDouble(CrossValidation.Result::meanFitSeconds).toArray()),
                DoubleColumn.create("std_fit_s", results.stream().mapToDouble(CrossValidation.Result::stdFitSeconds).toArray()));
        return t;
    }

    /** {@link #table()} sorted by rank. */
    public Table ranked() {
        return table().sortAscendingOn("rank");
    }

    @Override
    public String toString() {
        return "best " + bestParams() + ": " + results.get(best);
    }
}
