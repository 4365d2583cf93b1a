package emolab.classify.tune;

import java.util.List;
import java.util.function.BiConsumer;

import emolab.prep.LabeledData;
import emolab.classify.Parallel;

/** What grid and random search share: every (combination, fold) fit runs as one parallel task. */
final class Search {
    private Search() {}

    static SearchResult run(SearchTasks tasks, LabeledData data, int threads, BiConsumer<Integer, Integer> progress) {
        tasks.check(data);
        int total = tasks.size() + (tasks.refit() ? 1 : 0);
        BiConsumer<Integer, Integer> cb = progress == null ? null : (d, t) -> progress.accept(d, total);
        List<CrossValidation.FoldScore> scores = Parallel.map(tasks.size(), threads, i -> tasks.run(i, data), cb);
        SearchResult r = tasks.assemble(scores, data);
        if (tasks.refit() && progress != null) progress.accept(total, total);
        return r;
    }
}
