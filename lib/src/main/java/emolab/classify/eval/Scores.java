package emolab.classify.eval;

/** Validation and one-vs-rest views of an n × k score matrix (package-private helper). */
final class Scores {
    private Scores() {}

    /** numpy.allclose(1, rowSum) with its defaults rtol = 1e-5, atol = 1e-8, as scikit-learn checks. */
    static final double RTOL = 1e-5, ATOL = 1e-8;

    /**
     * Checks {@code yTrue} against {@code scores}: same number of rows, k ≥ 2 equal-length rows,
     * finite values, codes in [0, k); with {@code probabilities}, each row sums to 1.
     * Returns k.
     */
    static int check(int[] yTrue, double[][] scores, boolean probabilities) {
        if (yTrue == null) throw new IllegalArgumentException("yTrue must not be null");
        if (scores == null) throw new IllegalArgumentException("scores must not be null");
        if (yTrue.length != scores.length)
            throw new IllegalArgumentException("yTrue has " + yTrue.length + " labels but scores has " + scores.length + " rows");
        if (yTrue.length == 0) throw new IllegalArgumentException("yTrue and scores are empty");
        if (scores[0] == null) throw new IllegalArgumentException("scores[0] is null");
        int k = scores[0].length;
        if (k < 2) throw new IllegalArgumentException("scores must have one column per class (at least 2), got " + k);
        for (int i = 0; i < scores.length; i++) {
            double[] row = scores[i];
            if (row == null) throw new IllegalArgumentException("scores[" + i + "] is null");
            if (row.length != k)
                throw new IllegalArgumentException("scores[" + i + "] has " + row.length + " columns but scores[0] has " + k);
            double sum = 0;
            for (int c = 0; c < k; c++) {
                if (!Double.isFinite(row[c]))
                    throw new IllegalArgumentException("scores[" + i + "][" + c + "] is " + row[c] + " (scores must be finite)");
                sum += row[c];
            }
            if (yTrue[i] < 0 || yTrue[i] >= k)
                throw new IllegalArgumentException("yTrue[" + i + "] = " + yTrue[i] + " is outside [0, " + k + ") (k = number of score columns)");
            if (probabilities && !(Math.abs(1 - sum) <= ATOL + RTOL * Math.abs(sum)))
                throw new IllegalArgumentException("scores[" + i + "] sums to " + sum
                        + "; multiclass ROC AUC needs class probabilities whose rows sum to 1 (as scikit-learn requires)");
        }
        return k;
    }

    static String name(String[] classes, int c) {
        return classes == null ? "class " + c : "class '" + classes[c] + "' (code " + c + ")";
    }

    static boolean[] positives(int[] yTrue, int c) {
        boolean[] p = new boolean[yTrue.length];
        for (int i = 0; i < p.length; i++) p[i] = yTrue[i] == c;
        return p;
    }

    static double[] column(double[][] scores, int c) {
        double[] v = new double[scores.length];
        for (int i = 0; i < v.length; i++) v[i] = scores[i][c];
        return v;
    }

    /** The ranking of class c against the rest, with an error naming the class if it has no true samples. */
    static Ranking oneVsRest(int[] yTrue, double[][] scores, int c, String[] classes, boolean needNegatives) {
        Ranking r = Ranking.of(positives(yTrue, c), column(scores, c));
        if (r.nPos == 0)
            throw new IllegalArgumentException(name(classes, c) + " does not occur in yTrue, so its one-vs-rest score is undefined");
        if (needNegatives && r.nNeg == 0)
            throw new IllegalArgumentException("every sample in yTrue is " + name(classes, c) + ", so its ROC AUC is undefined");
        return r;
    }

    /** All n·k (label, score) pairs flattened, for micro averages. */
    static Ranking micro(int[] yTrue, double[][] scores) {
        int n = yTrue.length, k = scores[0].length;
        boolean[] p = new boolean[n * k];
        double[] s = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++) {
                p[i * k + c] = yTrue[i] == c;
                s[i * k + c] = scores[i][c];
            }
        return Ranking.of(p, s);
    }

    /** The support of each class, with an error naming the first class absent from yTrue. */
    static int[] requireAllClasses(int[] yTrue, int k, String[] classes, String what) {
        int[] s = support(yTrue, k);
        for (int c = 0; c < k; c++)
            if (s[c] == 0) throw new IllegalArgumentException(name(classes, c) + " does not occur in yTrue, so " + what + " is undefined");
        return s;
    }

    static int[] support(int[] yTrue, int k) {
        int[] s = new int[k];
        for (int y : yTrue) s[y]++;
        return s;
    }
}
