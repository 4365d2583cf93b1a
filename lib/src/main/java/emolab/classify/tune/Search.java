package emolab.classify.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.LabeledData;
import emolab.classify.Parallel;
import emolab.prep.GroupKFold;

/** What grid and random search share: every (combination, fold) fit runs as one parallel task. */
final class Search {
    private Search() {}

    static SearchResult run(ClassifierSpec spec, List<Map<String, Object>> combos, LabeledData data,
                            List<GroupKFold.Fold> folds, Scoring scoring, int threads, boolean refit,
                            BiConsumer<Integer, Integer> progress) {
        if (folds == null) throw new IllegalArgumentException("no folds given: pass grouped folds, e.g. CrossValidation.leaveActorsOut(data, 6)");
        CrossValidation.checkFolds(data, folds);
        List<ClassifierSpec> specs = new ArrayList<>();
        for (Map<String, Object> c : combos) specs.add(spec.with(c));
        int nf = folds.size();
        int total = specs.size() * nf + (refit ? 1 : 0);
        BiConsumer<Integer, Integer> cb = progress == null ? null : (d, t) -> progress.accept(d, total);
        List<CrossValidation.FoldScore> scores = Parallel.map(specs.size() * nf, threads,
                i -> CrossValidation.fold(specs.get(i / nf), data, folds.get(i % nf)), cb);
        List<CrossValidation.Result> results = new ArrayList<>();
        for (int c = 0; c < specs.size(); c++) results.add(new CrossValidation.Result(specs.get(c), scores.subList(c * nf, (c + 1) * nf)));
        Classifier best = null;
        if (refit) {
            best = data.fit(specs.get(SearchResult.bestIndex(results, scoring)));
            if (progress != null) progress.accept(total, total);
        }
        return new SearchResult(spec, combos, results, scoring, best);
    }
}
