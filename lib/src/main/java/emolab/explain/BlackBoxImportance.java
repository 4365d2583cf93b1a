package emolab.explain;

import java.util.List;
import java.util.SplittableRandom;

import emolab.prep.LabeledData;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Permutation importance (Breiman 2001; scikit-learn's {@code permutation_importance}) for a model
 * known only as a {@link PredictFunction}: the drop in accuracy on labelled rows when one
 * feature's column is shuffled, averaged over {@code repeats} seeded shuffles. A global measure
 * of how much the model relies on each feature (not a per-row attribution). For a fitted stage-2
 * {@link emolab.classify.Classifier} use {@link emolab.classify.tune.PermutationImportance}.
 *
 * @param features names (d)
 * @param baseline accuracy on the unshuffled rows
 * @param mean     mean accuracy drop per feature
 * @param std      standard deviation of the drop over repeats
 */
public record BlackBoxImportance(List<String> features, double baseline, double[] mean, double[] std) {

    /** Computes the importance of every feature of {@code data} for model {@code f}. */
    public static BlackBoxImportance compute(PredictFunction f, LabeledData data, int repeats, long seed) {
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        int n = data.size(), d = data.numFeatures();
        emolab.study.NotApplicableException.require(n >= 2, "permutation importance: " + n + " row(s) cannot be shuffled");
        double base = accuracy(f.predict(data.x()), data.y());
        double[] mean = new double[d], std = new double[d];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int j = 0; j < d; j++) {
            double[][] rows = new double[n * repeats][];
            int[] perm = new int[n];
            for (int r = 0; r < repeats; r++) {
                for (int i = 0; i < n; i++) perm[i] = i;
                for (int i = n - 1; i > 0; i--) {
                    int q = rng.nextInt(i + 1), t = perm[i];
                    perm[i] = perm[q];
                    perm[q] = t;
                }
                for (int i = 0; i < n; i++) {
                    double[] row = data.x()[i].clone();
                    row[j] = data.x()[perm[i]][j];
                    rows[r * n + i] = row;
                }
            }
            double[][] out = f.predict(rows);
            PredictFunction.checkOutput(out, rows.length, data.numClasses(), "permutation importance");
            int[] pred = PredictFunction.argmax(out);
            double[] drops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                int ok = 0;
                for (int i = 0; i < n; i++) if (pred[r * n + i] == data.y()[i]) ok++;
                drops[r] = base - ok / (double) n;
                mean[j] += drops[r] / repeats;
            }
            double ss = 0;
            for (double v : drops) ss += (v - mean[j]) * (v - mean[j]);
            std[j] = Math.sqrt(ss / repeats);
        }
        return new BlackBoxImportance(data.featureNames(), base, mean, std);
    }

    private static double accuracy(double[][] scores, int[] y) {
        int[] p = PredictFunction.argmax(scores);
        int ok = 0;
        for (int i = 0; i < y.length; i++) if (p[i] == y[i]) ok++;
        return ok / (double) y.length;
    }

    /** The top {@code top} features by mean drop. */
    public Table table(int top) {
        int[] ord = Explanations.order(mean);
        StringColumn name = StringColumn.create("feature");
        DoubleColumn m = DoubleColumn.create("accuracy drop"), s = DoubleColumn.create("std");
        for (int r = 0; r < Math.min(top, ord.length); r++) {
            name.append(features.get(ord[r]));
            m.append(Math.round(mean[ord[r]] * 1e4) / 1e4);
            s.append(Math.round(std[ord[r]] * 1e4) / 1e4);
        }
        return Table.create("Permutation importance (baseline accuracy " + Math.round(baseline * 1e4) / 1e4 + ")", name, m, s);
    }
}
