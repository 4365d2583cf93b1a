package emolab.timeseries.classification;

import emolab.study.NotApplicableException;
import emolab.study.Study;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The test-set results of several time-series classifiers in one comparison, run as a
 * {@link Study}: each {@link #run} times a step (fit + predict) that returns test predictions and
 * scores them against the truth; a step that cannot run on this data throws
 * {@link NotApplicableException} and becomes a {@code not applicable: <reason>} row, and the
 * comparison goes on. {@link #conclusions()} words the winner and the comparison of
 * representations from the rows that ran.
 */
public final class ComparisonTable {
    private final int[] truth;
    private final Study study = new Study("step", "accuracy", "macro-F1", "time (s)");
    private final List<String[]> keys = new ArrayList<>(); // {representation, method} per study row

    /** @param truth the test labels every method is scored against */
    public ComparisonTable(int[] truth) {
        this.truth = truth.clone();
    }

    /**
     * Runs and times {@code step} (fit + predict), records and returns its predictions, or null when
     * the step was not applicable (its row says why).
     */
    public int[] run(String representation, String method, Supplier<int[]> step) {
        int[][] pred = new int[1][];
        Study.Row row = study.run(representation + " · " + method, r -> {
            long t0 = System.nanoTime();
            int[] p = step.get();
            double s = (System.nanoTime() - t0) / 1e9;
            ClassificationScores sc = ClassificationScores.of(truth, p);
            r.set("accuracy", Math.round(sc.accuracy() * 1000) / 1000.0).set("macro-F1", Math.round(sc.macroF1() * 1000) / 1000.0)
                    .set("time (s)", Math.round(s * 10) / 10.0);
            pred[0] = p;
        });
        keys.add(new String[] {representation, method});
        return row.applicable() ? pred[0] : null;
    }

    /** Adds a result computed elsewhere. */
    public void add(String representation, String method, ClassificationScores scores, double seconds) {
        study.run(representation + " · " + method, r -> r.set("accuracy", Math.round(scores.accuracy() * 1000) / 1000.0)
                .set("macro-F1", Math.round(scores.macroF1() * 1000) / 1000.0).set("time (s)", Math.round(seconds * 10) / 10.0));
        keys.add(new String[] {representation, method});
    }

    /** The underlying study (one row per step). */
    public Study study() {
        return study;
    }

    /** The results so far: representation, method, accuracy and macro-F1 (3 decimals), time (0.1 s), note. */
    public Table table() {
        StringColumn rep = StringColumn.create("representation"), method = StringColumn.create("method"), note = StringColumn.create("note");
        DoubleColumn acc = DoubleColumn.create("accuracy"), f1 = DoubleColumn.create("macro-F1"), time = DoubleColumn.create("time (s)");
        List<Study.Row> rows = study.rows();
        for (int i = 0; i < rows.size(); i++) {
            Study.Row r = rows.get(i);
            rep.append(keys.get(i)[0]);
            method.append(keys.get(i)[1]);
            append(acc, r.get("accuracy"));
            append(f1, r.get("macro-F1"));
            append(time, r.get("time (s)"));
            note.append(r.note());
        }
        return Table.create("test-set results", rep, method, acc, f1, time, note);
    }

    private static void append(DoubleColumn c, double v) {
        if (Double.isNaN(v)) c.appendMissing();
        else c.append(v);
    }

    /**
     * The comparison in sentences computed from the rows that ran: chance level, the best step by
     * accuracy and by macro-F1, the best step per representation, and the refusals.
     */
    public String conclusions() {
        int k = (int) java.util.Arrays.stream(truth).distinct().count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%d test recordings, %d classes: always answering the most frequent class would score accuracy %.3f; guessing uniformly 1/%d = %.3f.",
                truth.length, k, majorityShare(), k, 1.0 / k));
        List<Study.Row> rows = study.rows();
        Optional<Study.Row> bestAcc = study.best("accuracy"), bestF1 = study.best("macro-F1");
        if (bestAcc.isEmpty()) return b.append("\nNo step ran on this data.").toString();
        b.append(String.format(Locale.ROOT, "%nBest accuracy: %s (%.3f, macro-F1 %.3f).", bestAcc.get().method(),
                bestAcc.get().get("accuracy"), bestAcc.get().get("macro-F1")));
        if (bestF1.get() != bestAcc.get())
            b.append(String.format(Locale.ROOT, " Best macro-F1: %s (%.3f).", bestF1.get().method(), bestF1.get().get("macro-F1")));
        Map<String, Study.Row> perRep = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Study.Row r = rows.get(i);
            if (!r.applicable()) continue;
            perRep.merge(keys.get(i)[0], r, (old, cur) -> cur.get("accuracy") > old.get("accuracy") ? cur : old);
        }
        b.append("\nBest step per representation:");
        for (int i = 0; i < rows.size(); i++) {
            String rep = keys.get(i)[0];
            Study.Row best = perRep.remove(rep);
            if (best == null) continue;
            int j = rows.indexOf(best);
            b.append(String.format(Locale.ROOT, "%n  %-32s %-48s accuracy %.3f, macro-F1 %.3f", rep, keys.get(j)[1],
                    best.get("accuracy"), best.get("macro-F1")));
        }
        for (int i = 0; i < rows.size(); i++)
            if (!rows.get(i).applicable()) b.append("\n").append(rows.get(i).method()).append(": ").append(rows.get(i).note());
        return b.toString();
    }

    /** Best accuracy among the steps on {@code representation} that ran; NaN when none ran. */
    public double bestAccuracy(String representation) {
        double best = Double.NaN;
        List<Study.Row> rows = study.rows();
        for (int i = 0; i < rows.size(); i++)
            if (keys.get(i)[0].equals(representation) && rows.get(i).applicable()
                    && !(rows.get(i).get("accuracy") <= best)) best = rows.get(i).get("accuracy");
        return best;
    }

    private double majorityShare() {
        Map<Integer, Integer> c = new LinkedHashMap<>();
        for (int t : truth) c.merge(t, 1, Integer::sum);
        return c.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) truth.length;
    }
}
