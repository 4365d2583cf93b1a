package emolab.timeseries;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.function.Supplier;

/**
 * Collects the test-set results of several classifiers for one comparison table: each
 * {@link #run} times a step that returns test predictions and scores them against the truth.
 */
public final class ComparisonTable {
    private final int[] truth;
    private final StringColumn representation = StringColumn.create("representation");
    private final StringColumn method = StringColumn.create("method");
    private final DoubleColumn accuracy = DoubleColumn.create("accuracy");
    private final DoubleColumn macroF1 = DoubleColumn.create("macro-F1");
    private final DoubleColumn seconds = DoubleColumn.create("time (s)");

    /** @param truth the test labels every method is scored against */
    public ComparisonTable(int[] truth) {
        this.truth = truth.clone();
    }

    /** Runs and times {@code step} (fit + predict), records and returns its predictions. */
    public int[] run(String representation, String method, Supplier<int[]> step) {
        long t0 = System.nanoTime();
        int[] pred = step.get();
        double s = (System.nanoTime() - t0) / 1e9;
        add(representation, method, ClassificationScores.of(truth, pred), s);
        return pred;
    }

    /** Adds a result computed elsewhere. */
    public void add(String representation, String method, ClassificationScores scores, double seconds) {
        this.representation.append(representation);
        this.method.append(method);
        accuracy.append(Math.round(scores.accuracy() * 1000) / 1000.0);
        macroF1.append(Math.round(scores.macroF1() * 1000) / 1000.0);
        this.seconds.append(Math.round(seconds * 10) / 10.0);
    }

    /** The results so far (accuracy and macro-F1 rounded to 3 decimals, time to 0.1 s). */
    public Table table() {
        return Table.create("test-set results", representation.copy(), method.copy(), accuracy.copy(), macroF1.copy(), seconds.copy());
    }
}
