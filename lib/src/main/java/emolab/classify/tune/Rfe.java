package emolab.classify.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.prep.LabeledData;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Recursive feature elimination (scikit-learn {@code RFE}): fit, drop the {@code step} least
 * important features, refit on the rest, until {@code nFeatures} remain. The ranking gives 1 to
 * the kept features, 2 to the last ones dropped, and so on.
 */
public final class Rfe {
    private final ClassifierSpec spec;
    private ImportanceSource source = ImportanceSource.model();
    private int step = 1;
    private int nFeatures = -1;

    private Rfe(ClassifierSpec spec) {
        this.spec = Objects.requireNonNull(spec);
    }

    public static Rfe of(ClassifierSpec spec) {
        return new Rfe(spec);
    }

    /** Where importances come from (default: the model's built-in importance). */
    public Rfe importance(ImportanceSource s) { this.source = Objects.requireNonNull(s); return this; }

    /** Features removed per round (default 1). */
    public Rfe step(int s) {
        if (s < 1) throw new IllegalArgumentException("step must be ≥ 1, got " + s);
        this.step = s;
        return this;
    }

    /** Features to keep (default: half, rounded down, as sklearn). */
    public Rfe nFeatures(int n) {
        if (n < 1) throw new IllegalArgumentException("nFeatures must be ≥ 1, got " + n);
        this.nFeatures = n;
        return this;
    }

    /** The ranking and the kept features. */
    public record Result(List<String> features, int[] ranking, String source) {
        public Result {
            features = List.copyOf(features);
            ranking = ranking.clone();
        }

        @Override public int[] ranking() { return ranking.clone(); }

        /** Kept features (rank 1), in column order. */
        public List<String> selected() {
            List<String> s = new ArrayList<>();
            for (int j = 0; j < ranking.length; j++) if (ranking[j] == 1) s.add(features.get(j));
            return s;
        }

        /** Columns {@code feature}, {@code rank}, {@code selected}, sorted by rank. */
        public Table table() {
            Integer[] order = new Integer[ranking.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Integer.compare(ranking[a], ranking[b]));
            Table t = Table.create("RFE ranking (" + source + ")", StringColumn.create("feature"), IntColumn.create("rank"),
                    BooleanColumn.create("selected"));
            for (int j : order) {
                t.stringColumn("feature").append(features.get(j));
                t.intColumn("rank").append(ranking[j]);
                t.booleanColumn("selected").append(ranking[j] == 1);
            }
            return t;
        }
    }

    /** Runs RFE on {@code data}. */
    public Result run(LabeledData data) {
        int n = nFeatures < 0 ? Math.max(1, data.numFeatures() / 2) : nFeatures;
        if (n > data.numFeatures())
            throw new IllegalArgumentException("nFeatures = " + n + " exceeds the " + data.numFeatures() + " features");
        return new Result(data.featureNames(), eliminate(spec, source, data, step, n, null), source.name());
    }

    /**
     * The elimination loop; returns the ranking. When {@code eachRound} is given it receives the
     * current feature columns and the model fitted on them, once per size from all features down
     * to {@code target} (RFECV scores these).
     */
    static int[] eliminate(ClassifierSpec spec, ImportanceSource source, LabeledData data, int step, int target,
                           java.util.function.BiConsumer<int[], Classifier> eachRound) {
        int d = data.numFeatures();
        boolean[] support = new boolean[d];
        Arrays.fill(support, true);
        int[] ranking = new int[d];
        Arrays.fill(ranking, 1);
        int left = d;
        while (true) {
            int[] cols = new int[left];
            for (int j = 0, c = 0; j < d; j++) if (support[j]) cols[c++] = j;
            boolean last = left <= target;
            Classifier m = null;
            if (!last || eachRound != null) m = spec.fit(data.columns(cols));
            if (eachRound != null) eachRound.accept(cols, m);
            if (last) break;
            double[] imp = source.importance(m, data.columns(cols));
            if (imp.length != cols.length) throw new IllegalStateException("importance has " + imp.length + " values for " + cols.length + " features");
            int drop = Math.min(step, left - target);
            Integer[] order = new Integer[cols.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(imp[a], imp[b])); // stable: ties drop the earlier column
            for (int i = 0; i < drop; i++) support[cols[order[i]]] = false;
            for (int j = 0; j < d; j++) if (!support[j]) ranking[j]++;
            left -= drop;
        }
        return ranking;
    }
}
