package emolab.classify.tune;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import emolab.classify.Classifier;
import emolab.prep.LabeledData;
import emolab.classify.Parallel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Permutation importance (scikit-learn {@code permutation_importance}): how much the score of a
 * fitted model drops when one feature's column is shuffled, breaking its link to the label.
 * Compute it on <em>held-out</em> data (other actors) to see what generalises; on training data it
 * shows what the model merely uses. Each feature is shuffled {@code nRepeats} times; the result
 * is the mean and (population) standard deviation of the drops. Seeded per feature, so the
 * numbers do not depend on the thread count.
 */
public final class PermutationImportance {
    private PermutationImportance() {}

    /**
     * Per-feature importance.
     *
     * @param baseline score of the intact data
     * @param drops    {@code [feature][repeat]} = baseline − score with that feature shuffled
     */
    public record Result(List<String> features, double baseline, double[][] drops, Scoring scoring) {
        public double[] mean() {
            return Arrays.stream(drops).mapToDouble(CrossValidation::meanOf).toArray();
        }

        public double[] std() {
            return Arrays.stream(drops).mapToDouble(CrossValidation::stdOf).toArray();
        }

        /** Columns {@code feature}, {@code importance_mean}, {@code importance_std}, {@code rank}, sorted by decreasing mean. */
        public Table table() {
            double[] m = mean(), s = std();
            Integer[] order = new Integer[m.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(m[b], m[a]));
            Table t = Table.create("permutation importance (" + scoring.column() + ", " + drops[0].length + " repeats)",
                    StringColumn.create("feature"), DoubleColumn.create("importance_mean"), DoubleColumn.create("importance_std"),
                    IntColumn.create("rank"));
            for (int r = 0; r < order.length; r++) {
                int j = order[r];
                t.stringColumn("feature").append(features.get(j));
                t.doubleColumn("importance_mean").append(m[j]);
                t.doubleColumn("importance_std").append(s[j]);
                t.intColumn("rank").append(r + 1);
            }
            return t;
        }
    }

    /**
     * Shuffles each feature of {@code data} {@code nRepeats} times and records the score drop of
     * {@code model}; features in parallel on {@code threads} threads (0 = all cores).
     */
    public static Result compute(Classifier model, LabeledData data, int nRepeats, long seed, Scoring scoring, int threads) {
        if (nRepeats < 1) throw new IllegalArgumentException("nRepeats must be ≥ 1, got " + nRepeats);
        if (data.numFeatures() != model.numFeatures())
            throw new IllegalArgumentException("the model was fitted on " + model.numFeatures() + " features but the data have " + data.numFeatures());
        double[][] x = data.x();
        int[] y = data.y();
        int k = data.numClasses();
        double base = scoring.score(y, model.predict(x), k);
        int d = data.numFeatures(), n = x.length;
        List<double[]> drops = Parallel.map(d, threads, j -> {
            Random rnd = new Random(seed * 1_000_003L + j);
            double[][] xp = new double[n][];
            for (int i = 0; i < n; i++) xp[i] = x[i].clone();
            int[] perm = new int[n];
            double[] out = new double[nRepeats];
            for (int r = 0; r < nRepeats; r++) {
                for (int i = 0; i < n; i++) perm[i] = i;
                for (int i = n - 1; i > 0; i--) { int q = rnd.nextInt(i + 1); int t = perm[i]; perm[i] = perm[q]; perm[q] = t; }
                for (int i = 0; i < n; i++) xp[i][j] = x[perm[i]][j];
                out[r] = base - scoring.score(y, model.predict(xp), k);
            }
            return out;
        }, null);
        return new Result(data.featureNames(), base, drops.toArray(double[][]::new), scoring);
    }
}
