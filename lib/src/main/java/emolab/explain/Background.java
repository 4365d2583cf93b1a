package emolab.explain;

import java.util.Arrays;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * The reference data that "unknown" features are drawn from: rows with weights summing to 1.
 * A SHAP base value is the weighted mean model output over these rows. Summarise a training
 * table with {@link #kmeans(double[][], int, long)} to keep model evaluations affordable.
 *
 * @param rows    background rows ({@code m × d})
 * @param weights one weight per row, summing to 1
 */
public record Background(double[][] rows, double[] weights) {
    public Background {
        if (rows == null || rows.length == 0) throw new IllegalArgumentException("background: no rows");
        if (weights == null || weights.length != rows.length)
            throw new IllegalArgumentException("background: " + (weights == null ? 0 : weights.length) + " weights for " + rows.length + " rows");
        int d = rows[0].length;
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) throw new IllegalArgumentException("background: row " + i + " has " + rows[i].length + " columns, row 0 has " + d);
            for (int j = 0; j < d; j++)
                if (!Double.isFinite(rows[i][j])) throw new IllegalArgumentException("background: row " + i + ", column " + j + " is " + rows[i][j]);
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) throw new IllegalArgumentException("background: weight " + i + " is " + weights[i]);
            sum += weights[i];
        }
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("background weights sum to " + sum + ", not 1");
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) copy[i] = rows[i].clone();
        rows = copy;
        weights = weights.clone();
    }

    /** All rows of {@code data}, equally weighted. */
    public static Background of(double[][] data) {
        double[] w = new double[data.length];
        Arrays.fill(w, 1.0 / data.length);
        return new Background(data, w);
    }

    /**
     * {@code k} k-means centroids of {@code data} (Smile's k-means++ seeded Lloyd iterations,
     * seeded with {@code seed}), each weighted by the share of rows in its cluster — shap's
     * {@code shap.kmeans} summary (without its rounding to observed values).
     */
    public static Background kmeans(double[][] data, int k, long seed) {
        if (data == null || data.length == 0) throw new IllegalArgumentException("background k-means: no rows");
        if (k < 1) throw new IllegalArgumentException("background k-means: k must be >= 1, got " + k);
        Inputs.requireRows(data, data[0].length, null, "background data");
        if (k >= data.length) return of(data);
        MathEx.setSeed(seed);
        KMeans km = KMeans.fit(data, k, 100, 1e-6);
        int[] size = km.size;
        double[][] rows = new double[k][];
        double[] w = new double[k];
        int used = 0;
        for (int c = 0; c < k; c++) {
            if (size[c] == 0) continue;
            rows[used] = km.centroids[c].clone();
            w[used++] = (double) size[c] / data.length;
        }
        return new Background(Arrays.copyOf(rows, used), Arrays.copyOf(w, used));
    }

    /** Number of columns. */
    public int numFeatures() { return rows[0].length; }

    /** Number of rows. */
    public int size() { return rows.length; }

    /** Weighted mean of {@code f} over the rows, per class: the SHAP base value. */
    public double[] expectedOutput(PredictFunction f, int classes) {
        double[][] out = f.predict(rows);
        PredictFunction.checkOutput(out, rows.length, classes, "background");
        double[] e = new double[classes];
        for (int i = 0; i < rows.length; i++) for (int c = 0; c < classes; c++) e[c] += weights[i] * out[i][c];
        return e;
    }
}
