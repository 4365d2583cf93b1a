package emolab.imbalance;

import emolab.numeric.Neighbours;

import emolab.numeric.NumpyRandomState;

import emolab.study.NotApplicableException;

/** Sample generation shared by the SMOTE family (imbalanced-learn 0.10 {@code BaseSMOTE}). */
final class SmoteSupport {
    private SmoteSupport() {}

    /**
     * {@code BaseSMOTE._make_samples}: draws {@code randint(0, rows·k, n)} then
     * {@code uniform(size=n)}; sample i = base[r] + stepSize·u_i·(nnData[nnNum[r][c]] − base[r])
     * with r = draw / k, c = draw % k.
     */
    static double[][] makeSamples(double[][] base, double[][] nnData, int[][] nnNum, int nSamples, double stepSize,
                                  NumpyRandomState rs) {
        if (nSamples <= 0) return new double[0][];
        int k = nnNum[0].length;
        long size = (long) nnNum.length * k;
        long[] draws = rs.randint(0, size, nSamples);
        double[][] out = new double[nSamples][];
        double[] steps = new double[nSamples];
        for (int i = 0; i < nSamples; i++) steps[i] = stepSize * rs.uniform(0, 1);
        for (int i = 0; i < nSamples; i++) {
            int r = (int) (draws[i] / k), c = (int) (draws[i] % k);
            out[i] = interpolate(base[r], nnData[nnNum[r][c]], steps[i]);
        }
        return out;
    }

    /** a + step·(b − a), element-wise as numpy computes {@code X[rows] + steps * diffs}. */
    static double[] interpolate(double[] a, double[] b, double step) {
        double[] s = new double[a.length];
        for (int j = 0; j < a.length; j++) s[j] = a[j] + step * (b[j] - a[j]);
        return s;
    }

    /** The k nearest same-class rows of each row of {@code Xclass} (itself excluded), with a clear error. */
    static int[][] classNeighbours(String sampler, String param, double[][] Xclass, int label, int k) {
        if (k + 1 > Xclass.length)
            throw new NotApplicableException(sampler + ": " + param + " = " + k + " needs at least " + (k + 1)
                    + " rows of class " + label + ", which has " + Xclass.length);
        return Neighbours.self(Xclass, k).indices();
    }

    /**
     * {@code _in_danger_noise}: for each sample (rows {@code rows} of X), the number of its
     * m nearest other rows of X whose label is not {@code label}.
     */
    static int[] otherClassCounts(double[][] X, int[] y, int[] rows, int label, int m) {
        if (m + 1 > X.length)
            throw new NotApplicableException("m_neighbors = " + m + " needs at least " + (m + 1) + " rows, got " + X.length);
        Neighbours.Result nn = Neighbours.query(X, Classes.rows(X, rows), rows, m);
        int[] counts = new int[rows.length];
        for (int r = 0; r < rows.length; r++) for (int j : nn.indices()[r]) if (y[j] != label) counts[r]++;
        return counts;
    }
}
