package emolab.classify.eval;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A receiver operating characteristic curve: false-positive rate against true-positive rate as
 * the decision threshold falls, as scikit-learn's {@code roc_curve} with
 * {@code drop_intermediate=False} (every distinct score is a threshold) unless built with
 * {@code dropIntermediate = true}. The first point is (0, 0) with threshold +∞ (scikit-learn ≥ 1.3;
 * 1.2 used max score + 1). Thresholds decrease, fpr and tpr increase.
 */
public final class RocCurve {
    private final double[] fpr, tpr, thresholds;

    RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.thresholds = thresholds;
    }

    /** The ROC curve of scores for a binary problem ({@code positive[i]} = sample i is positive). */
    public static RocCurve of(boolean[] positive, double[] score) {
        return of(positive, score, false);
    }

    /**
     * As {@link #of(boolean[], double[])}; with {@code dropIntermediate} the points that lie on a
     * straight horizontal or vertical run are dropped (scikit-learn's default), which does not
     * change the area.
     */
    public static RocCurve of(boolean[] positive, double[] score, boolean dropIntermediate) {
        return of(Ranking.of(positive, score), "the positive class", dropIntermediate);
    }

    static RocCurve of(Ranking r, String name, boolean dropIntermediate) {
        if (r.nPos == 0) throw new IllegalArgumentException("ROC curve of " + name + " is undefined: no positive samples");
        if (r.nNeg == 0) throw new IllegalArgumentException("ROC curve of " + name + " is undefined: no negative samples");
        int m = r.thresholds.length;
        int[] keep = new int[m];
        int kept = 0;
        for (int i = 0; i < m; i++) {
            if (dropIntermediate && i > 0 && i < m - 1) {
                // scikit-learn: keep i where the second difference of fps or tps is non-zero
                long d2f = r.fps[i + 1] - 2 * r.fps[i] + r.fps[i - 1];
                long d2t = r.tps[i + 1] - 2 * r.tps[i] + r.tps[i - 1];
                if (d2f == 0 && d2t == 0) continue;
            }
            keep[kept++] = i;
        }
        double[] fpr = new double[kept + 1], tpr = new double[kept + 1], th = new double[kept + 1];
        th[0] = Double.POSITIVE_INFINITY;
        for (int j = 0; j < kept; j++) {
            int i = keep[j];
            fpr[j + 1] = r.fps[i] / (double) r.nNeg;
            tpr[j + 1] = r.tps[i] / (double) r.nPos;
            th[j + 1] = r.thresholds[i];
        }
        return new RocCurve(fpr, tpr, th);
    }

    /**
     * The macro-average curve for plotting: every curve's tpr linearly interpolated on the union of
     * their fpr values (at a vertical step, the upper value, as {@code numpy.interp}), then averaged.
     * Its thresholds are NaN. Its area is close to, but not defined as, the macro AUC.
     */
    public static RocCurve macroAverage(RocCurve... curves) {
        if (curves == null || curves.length == 0) throw new IllegalArgumentException("macroAverage needs at least one curve");
        TreeSet<Double> grid = new TreeSet<>();
        for (RocCurve c : curves) for (double x : c.fpr) grid.add(x);
        double[] xs = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[] mean = new double[xs.length];
        for (RocCurve c : curves) {
            double[] y = c.interpolate(xs);
            for (int i = 0; i < xs.length; i++) mean[i] += y[i] / curves.length;
        }
        // keep the start at (0, 0) explicit
        double[] fpr = new double[xs.length + 1], tpr = new double[xs.length + 1], th = new double[xs.length + 1];
        System.arraycopy(xs, 0, fpr, 1, xs.length);
        System.arraycopy(mean, 0, tpr, 1, xs.length);
        Arrays.fill(th, Double.NaN);
        return new RocCurve(fpr, tpr, th);
    }

    private double[] interpolate(double[] xs) {
        double[] y = new double[xs.length];
        int j = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            while (j + 1 < fpr.length && fpr[j + 1] <= x) j++;
            if (j + 1 == fpr.length || fpr[j] == x) y[i] = tpr[j];
            else y[i] = tpr[j] + (tpr[j + 1] - tpr[j]) * (x - fpr[j]) / (fpr[j + 1] - fpr[j]);
        }
        return y;
    }

    /** Area under the curve by the trapezoidal rule (scikit-learn's {@code auc(fpr, tpr)}). */
    public double auc() {
        double a = 0;
        for (int i = 1; i < fpr.length; i++) a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        return a;
    }

    public double[] fpr() { return fpr.clone(); }
    public double[] tpr() { return tpr.clone(); }
    public double[] thresholds() { return thresholds.clone(); }
    public int size() { return fpr.length; }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "RocCurve[%d points, auc=%.4f]", fpr.length, auc());
    }
}
