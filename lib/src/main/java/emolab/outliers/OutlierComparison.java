package emolab.outliers;

import emolab.numeric.Ranks;

import emolab.numeric.Correlation;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Agreement between detectors fitted on the same rows: for each pair, the overlap of their top-k
 * training rows (|top_k(A) ∩ top_k(B)| / k, the course's comparison) and the Spearman rank
 * correlation of their training scores (Pearson correlation of average ranks, scipy's
 * {@code spearmanr}).
 */
public final class OutlierComparison {

    private final List<String> names;
    private final int k;
    private final double[][] overlap;
    private final double[][] spearman;

    private OutlierComparison(List<String> names, int k, double[][] overlap, double[][] spearman) {
        this.names = names;
        this.k = k;
        this.overlap = overlap;
        this.spearman = spearman;
    }

    /**
     * Compares models fitted on the same training rows.
     *
     * @param k the top-k size, 1 ≤ k ≤ n
     * @throws IllegalArgumentException on fewer than 2 models or different training sizes
     */
    public static OutlierComparison of(List<OutlierModel> models, int k) {
        if (models.size() < 2) throw new IllegalArgumentException("need at least 2 models to compare, got " + models.size());
        int n = models.get(0).trainingScores().length;
        for (OutlierModel m : models)
            if (m.trainingScores().length != n)
                throw new IllegalArgumentException("model '" + m.detector() + "' has " + m.trainingScores().length
                        + " training rows, '" + models.get(0).detector() + "' has " + n);
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        int p = models.size();
        List<String> names = new ArrayList<>();
        List<Set<Integer>> tops = new ArrayList<>();
        List<double[]> ranks = new ArrayList<>();
        for (OutlierModel m : models) {
            names.add(m.detector());
            Set<Integer> s = new HashSet<>();
            for (int r : m.top(k)) s.add(r);
            tops.add(s);
            ranks.add(Ranks.average(m.trainingScores()));
        }
        double[][] ov = new double[p][p], sp = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                int common = 0;
                for (int r : tops.get(a)) if (tops.get(b).contains(r)) common++;
                ov[a][b] = common / (double) k;
                sp[a][b] = a == b ? 1.0 : Correlation.pearson(ranks.get(a), ranks.get(b));
            }
        }
        return new OutlierComparison(List.copyOf(names), k, ov, sp);
    }

    /** {@link #of(List, int)} with k = round(fraction · n), at least 1. */
    public static OutlierComparison ofFraction(List<OutlierModel> models, double fraction) {
        DetectorInput.contamination(fraction);
        int n = models.isEmpty() ? 0 : models.get(0).trainingScores().length;
        return of(models, Math.max(1, (int) Math.round(fraction * n)));
    }

    public List<String> names() {
        return names;
    }

    public int k() {
        return k;
    }

    /** overlap()[a][b] = |top_k(a) ∩ top_k(b)| / k. */
    public double[][] overlap() {
        return copy(overlap);
    }

    /** spearman()[a][b] = Spearman's ρ of the training scores. */
    public double[][] spearman() {
        return copy(spearman);
    }

    /** Spearman's ρ between the detectors named {@code a} and {@code b}. */
    public double spearman(String a, String b) {
        return spearman[index(a)][index(b)];
    }

    /** Top-k overlap between the detectors named {@code a} and {@code b}. */
    public double overlap(String a, String b) {
        return overlap[index(a)][index(b)];
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no detector '" + name + "' in this comparison; detectors: " + names);
        return i;
    }

    /** Words for a rank correlation: "almost identical" (≥ 0.95), "strong" (≥ 0.7), "moderate" (≥ 0.4), "weak" (≥ 0.1), else "no". */
    public static String strength(double rho) {
        if (Double.isNaN(rho)) return "undefined (a constant score)";
        if (rho >= 0.95) return "almost identical";
        if (rho >= 0.7) return "strong";
        if (rho >= 0.4) return "moderate";
        if (rho >= 0.1) return "weak";
        return rho <= -0.1 ? "negative" : "no";
    }

    /**
     * What the two tables say, in sentences computed from them: the average agreement by each
     * measure (and whether detectors agree more on the order of all rows than on the extreme
     * few), the most and least similar pairs, and each detector's closest partner.
     */
    public String conclusions() {
        int p = names.size();
        double sSum = 0, oSum = 0;
        int pairs = 0, ba = -1, bb = -1, wa = -1, wb = -1;
        for (int a = 0; a < p; a++)
            for (int b = a + 1; b < p; b++) {
                if (Double.isNaN(spearman[a][b])) continue;
                sSum += spearman[a][b];
                oSum += overlap[a][b];
                pairs++;
                if (ba < 0 || spearman[a][b] > spearman[ba][bb]) { ba = a; bb = b; }
                if (wa < 0 || spearman[a][b] < spearman[wa][wb]) { wa = a; wb = b; }
            }
        if (pairs == 0) return "No pair of detectors with varying scores to compare.";
        double s = sSum / pairs, o = oSum / pairs;
        StringBuilder t = new StringBuilder(String.format(java.util.Locale.ROOT,
                "Over %d pairs of detectors: mean Spearman rank correlation %.2f, mean top-%d overlap %.2f — ", pairs, s, k, o));
        t.append(s > o ? "the detectors agree more on the order of all recordings than on which few are the most extreme.\n"
                : "the detectors agree at least as much on the extreme few as on the order of all recordings.\n");
        t.append(String.format(java.util.Locale.ROOT, "Most similar pair: %s and %s (ρ %.2f, overlap %.2f). Least similar: %s and %s (ρ %.2f, overlap %.2f).\n",
                names.get(ba), names.get(bb), spearman[ba][bb], overlap[ba][bb], names.get(wa), names.get(wb), spearman[wa][wb], overlap[wa][wb]));
        t.append("Closest partner of each detector (Spearman):");
        for (int a = 0; a < p; a++) {
            int best = -1;
            for (int b = 0; b < p; b++)
                if (b != a && !Double.isNaN(spearman[a][b]) && (best < 0 || spearman[a][b] > spearman[a][best])) best = b;
            t.append(best < 0 ? String.format("%n  %s: none", names.get(a))
                    : String.format(java.util.Locale.ROOT, "%n  %s → %s (%.2f)", names.get(a), names.get(best), spearman[a][best]));
        }
        return t.toString();
    }

    /** The top-k overlap as a table (first column {@code detector}). */
    public Table overlapTable() {
        return table(overlap, "Top-" + k + " overlap");
    }

    /** Spearman's ρ as a table (first column {@code detector}). */
    public Table spearmanTable() {
        return table(spearman, "Spearman rank correlation");
    }


    private Table table(double[][] m, String title) {
        Table t = Table.create(title);
        t.addColumns(StringColumn.create("detector", names));
        for (int b = 0; b < names.size(); b++) {
            double[] c = new double[names.size()];
            for (int a = 0; a < names.size(); a++) c[a] = Math.round(m[a][b] * 1000) / 1000.0;
            t.addColumns(DoubleColumn.create(names.get(b), c));
        }
        return t;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }
}
