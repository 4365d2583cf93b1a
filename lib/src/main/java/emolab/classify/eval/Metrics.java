package emolab.classify.eval;

/**
 * Classification metrics on integer-coded labels ({@code 0 .. nClasses-1}), following
 * scikit-learn 1.2 ({@code sklearn.metrics}) definition by definition.
 *
 * <p><b>Which classes are averaged.</b> As scikit-learn with its default {@code labels=None},
 * the macro and weighted averages run over the classes that occur in {@code yTrue} or
 * {@code yPred}; a class code that occurs in neither is left out (its per-class values are 0).
 * Balanced accuracy is the mean recall over the classes that occur in {@code yTrue}.
 *
 * <p><b>Zero division.</b> A ratio 0/0 is 0, as scikit-learn's {@code zero_division="warn"}
 * (which returns 0.0 and warns): precision of a class that is never predicted, recall of a class
 * with no true samples, and F1 when precision + recall = 0. No warning is emitted here.
 *
 * <p>All methods reject empty arrays, arrays of different lengths and codes outside
 * {@code [0, nClasses)} with an {@link IllegalArgumentException}.
 */
public final class Metrics {
    private Metrics() {}

    /** Fraction of samples with {@code yPred[i] == yTrue[i]}. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        check(yTrue, yPred);
        int ok = 0;
        for (int i = 0; i < yTrue.length; i++) if (yTrue[i] == yPred[i]) ok++;
        return ok / (double) yTrue.length;
    }

    /**
     * Balanced accuracy: the mean recall over the classes present in {@code yTrue}
     * ({@code balanced_accuracy_score}, {@code adjusted=False}).
     */
    public static double balancedAccuracy(int[] yTrue, int[] yPred, int nClasses) {
        int[][] cm = confusionMatrix(yTrue, yPred, nClasses);
        double sum = 0;
        int n = 0;
        for (int c = 0; c < nClasses; c++) {
            long row = 0;
            for (int v : cm[c]) row += v;
            if (row == 0) continue;
            sum += cm[c][c] / (double) row;
            n++;
        }
        return sum / n;
    }

    /**
     * Confusion matrix {@code cm[true][pred]} of counts: row = true class, column = predicted class
     * ({@code confusion_matrix(y_true, y_pred, labels=range(nClasses))}).
     */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred, int nClasses) {
        check(yTrue, yPred, nClasses);
        int[][] cm = new int[nClasses][nClasses];
        for (int i = 0; i < yTrue.length; i++) cm[yTrue[i]][yPred[i]]++;
        return cm;
    }

    /** Normalised confusion matrix ({@code confusion_matrix(..., normalize=...)}); 0/0 gives 0. */
    public static double[][] confusionMatrix(int[] yTrue, int[] yPred, int nClasses, Normalization normalization) {
        return normalize(confusionMatrix(yTrue, yPred, nClasses), normalization);
    }

    /** Normalises a count matrix {@code cm[true][pred]}; a zero row/column/total gives zeros. */
    public static double[][] normalize(int[][] cm, Normalization normalization) {
        if (normalization == null) throw new IllegalArgumentException("normalization must not be null");
        int k = cm.length;
        double[][] out = new double[k][k];
        long total = 0;
        long[] rows = new long[k], cols = new long[k];
        for (int r = 0; r < k; r++) {
            if (cm[r].length != k)
                throw new IllegalArgumentException("confusion matrix must be square: row " + r + " has " + cm[r].length + " cells, expected " + k);
            for (int c = 0; c < k; c++) {
                rows[r] += cm[r][c];
                cols[c] += cm[r][c];
                total += cm[r][c];
            }
        }
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++) {
                long d = switch (normalization) {
                    case TRUE -> rows[r];
                    case PRED -> cols[c];
                    case ALL -> total;
                };
                out[r][c] = d == 0 ? 0.0 : cm[r][c] / (double) d;
            }
        return out;
    }

    /** Per-class precision tp / (tp + fp); 0 for a class never predicted. */
    public static double[] precisionPerClass(int[] yTrue, int[] yPred, int nClasses) {
        Counts c = Counts.of(yTrue, yPred, nClasses);
        double[] p = new double[nClasses];
        for (int k = 0; k < nClasses; k++) p[k] = divide(c.tp[k], c.pred[k]);
        return p;
    }

    /** Per-class recall tp / (tp + fn); 0 for a class without true samples. */
    public static double[] recallPerClass(int[] yTrue, int[] yPred, int nClasses) {
        Counts c = Counts.of(yTrue, yPred, nClasses);
        double[] r = new double[nClasses];
        for (int k = 0; k < nClasses; k++) r[k] = divide(c.tp[k], c.support[k]);
        return r;
    }

    /** Per-class F1 = 2PR / (P + R); 0 when P + R = 0. */
    public static double[] f1PerClass(int[] yTrue, int[] yPred, int nClasses) {
        double[] p = precisionPerClass(yTrue, yPred, nClasses), r = recallPerClass(yTrue, yPred, nClasses);
        double[] f = new double[nClasses];
        for (int k = 0; k < nClasses; k++) f[k] = f1(p[k], r[k]);
        return f;
    }

    /** Per-class support: the number of samples whose true class is each code. */
    public static int[] support(int[] yTrue, int nClasses) {
        check(yTrue, yTrue, nClasses);
        int[] s = new int[nClasses];
        for (int y : yTrue) s[y]++;
        return s;
    }

    /** Averaged precision ({@code precision_score(..., average=...)}). */
    public static double precision(int[] yTrue, int[] yPred, int nClasses, Average average) {
        Counts c = Counts.of(yTrue, yPred, nClasses);
        if (requireAverage(average) == Average.MICRO) return divide(sum(c.tp), sum(c.pred));
        return c.average(precisionPerClass(yTrue, yPred, nClasses), average);
    }

    /** Averaged recall ({@code recall_score(..., average=...)}). */
    public static double recall(int[] yTrue, int[] yPred, int nClasses, Average average) {
        Counts c = Counts.of(yTrue, yPred, nClasses);
        if (requireAverage(average) == Average.MICRO) return divide(sum(c.tp), sum(c.support));
        return c.average(recallPerClass(yTrue, yPred, nClasses), average);
    }

    /**
     * Averaged F1 ({@code f1_score(..., average=...)}). Macro and weighted average the per-class
     * F1 values (not the F1 of the averaged precision and recall); micro is the F1 of the pooled
     * precision and recall.
     */
    public static double f1(int[] yTrue, int[] yPred, int nClasses, Average average) {
        Counts c = Counts.of(yTrue, yPred, nClasses);
        if (requireAverage(average) == Average.MICRO)
            return f1(divide(sum(c.tp), sum(c.pred)), divide(sum(c.tp), sum(c.support)));
        return c.average(f1PerClass(yTrue, yPred, nClasses), average);
    }

    static double f1(double p, double r) {
        double d = p + r;
        return d == 0 ? 0.0 : 2 * p * r / d;
    }

    private static double divide(long num, long den) {
        return den == 0 ? 0.0 : num / (double) den;
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) s += x;
        return s;
    }

    private static Average requireAverage(Average a) {
        if (a == null) throw new IllegalArgumentException("average must be one of " + java.util.Arrays.toString(Average.values()) + ", got null");
        return a;
    }

    /** Validates a pair of label arrays (same non-zero length, codes &ge; 0). */
    static void check(int[] yTrue, int[] yPred) {
        if (yTrue == null || yPred == null) throw new IllegalArgumentException("yTrue and yPred must not be null");
        if (yTrue.length != yPred.length)
            throw new IllegalArgumentException("yTrue has " + yTrue.length + " labels but yPred has " + yPred.length);
        if (yTrue.length == 0) throw new IllegalArgumentException("yTrue and yPred are empty");
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0) throw new IllegalArgumentException("yTrue[" + i + "] = " + yTrue[i] + " is not a class code (must be >= 0)");
            if (yPred[i] < 0) throw new IllegalArgumentException("yPred[" + i + "] = " + yPred[i] + " is not a class code (must be >= 0)");
        }
    }

    /** Validates a pair of label arrays against {@code nClasses}. */
    static void check(int[] yTrue, int[] yPred, int nClasses) {
        if (nClasses < 1) throw new IllegalArgumentException("nClasses must be >= 1, got " + nClasses);
        check(yTrue, yPred);
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] >= nClasses)
                throw new IllegalArgumentException("yTrue[" + i + "] = " + yTrue[i] + " is outside [0, " + nClasses + ") (nClasses = " + nClasses + ")");
            if (yPred[i] >= nClasses)
                throw new IllegalArgumentException("yPred[" + i + "] = " + yPred[i] + " is outside [0, " + nClasses + ") (nClasses = " + nClasses + ")");
        }
    }

    /** Per-class counts: true positives, predicted and true totals, and which classes occur. */
    private record Counts(long[] tp, long[] pred, long[] support, boolean[] present) {
        static Counts of(int[] yTrue, int[] yPred, int k) {
            check(yTrue, yPred, k);
            long[] tp = new long[k], pred = new long[k], sup = new long[k];
            boolean[] present = new boolean[k];
            for (int i = 0; i < yTrue.length; i++) {
                sup[yTrue[i]]++;
                pred[yPred[i]]++;
                if (yTrue[i] == yPred[i]) tp[yTrue[i]]++;
                present[yTrue[i]] = present[yPred[i]] = true;
            }
            return new Counts(tp, pred, sup, present);
        }

        /** Macro (over present classes) or support-weighted mean of per-class values. */
        double average(double[] perClass, Average a) {
            double s = 0, w = 0;
            for (int k = 0; k < perClass.length; k++) {
                if (!present[k]) continue;
                double wk = a == Average.WEIGHTED ? support[k] : 1.0;
                s += perClass[k] * wk;
                w += wk;
            }
            return s / w;
        }
    }
}
