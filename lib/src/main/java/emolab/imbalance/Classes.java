package emolab.imbalance;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers on label vectors and row subsets shared by the samplers. */
final class Classes {
    private Classes() {}

    /** Counts per label, ascending label (imblearn's {@code _count_class_sample}). */
    static TreeMap<Integer, Integer> counts(int[] y) {
        TreeMap<Integer, Integer> m = new TreeMap<>();
        for (int v : y) m.merge(v, 1, Integer::sum);
        return m;
    }

    /** Counts per label in order of first appearance ({@code collections.Counter}). */
    static LinkedHashMap<Integer, Integer> counterOrder(int[] y) {
        LinkedHashMap<Integer, Integer> m = new LinkedHashMap<>();
        for (int v : y) m.merge(v, 1, Integer::sum);
        return m;
    }

    /** First key with the smallest count, in the map's iteration order (Python's {@code min(d, key=d.get)}). */
    static int argMin(Map<Integer, Integer> m) {
        int best = 0, bestCount = Integer.MAX_VALUE;
        for (var e : m.entrySet()) if (e.getValue() < bestCount) { best = e.getKey(); bestCount = e.getValue(); }
        return best;
    }

    /** First key with the largest count, in the map's iteration order. */
    static int argMax(Map<Integer, Integer> m) {
        int best = 0, bestCount = Integer.MIN_VALUE;
        for (var e : m.entrySet()) if (e.getValue() > bestCount) { best = e.getKey(); bestCount = e.getValue(); }
        return best;
    }

    /** The minority class as imblearn's samplers compute it: {@code min(Counter(y), key=...)}. */
    static int counterMinority(int[] y) {
        return argMin(counterOrder(y));
    }

    /** Ascending indices i with y[i] == label ({@code numpy.flatnonzero(y == label)}). */
    static int[] where(int[] y, int label) {
        int c = 0;
        for (int v : y) if (v == label) c++;
        int[] out = new int[c];
        for (int i = 0, k = 0; i < y.length; i++) if (y[i] == label) out[k++] = i;
        return out;
    }

    /** Ascending indices i with y[i] != label. */
    static int[] whereNot(int[] y, int label) {
        int c = 0;
        for (int v : y) if (v != label) c++;
        int[] out = new int[c];
        for (int i = 0, k = 0; i < y.length; i++) if (y[i] != label) out[k++] = i;
        return out;
    }

    /** Row references X[idx[0]], X[idx[1]], … (no copy of the rows). */
    static double[][] rows(double[][] X, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) out[i] = X[idx[i]];
        return out;
    }

    static int[] pick(int[] v, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }

    /** The input rows {@code idx} as a {@link Resampled} (sample indices = idx). */
    static Resampled subset(double[][] X, int[] y, int[] idx) {
        return new Resampled(rows(X, idx), pick(y, idx), idx.clone());
    }

    /** Concatenation of int arrays. */
    static int[] concat(List<int[]> parts) {
        int n = 0;
        for (int[] p : parts) n += p.length;
        int[] out = new int[n];
        int o = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Builder of an output data set: original rows first, then generated rows. */
    static final class Builder {
        private final List<double[]> X = new ArrayList<>();
        private final List<Integer> y = new ArrayList<>(), idx = new ArrayList<>();

        Builder addOriginal(double[][] XIn, int[] yIn) {
            for (int i = 0; i < yIn.length; i++) add(XIn[i], yIn[i], i);
            return this;
        }

        Builder add(double[] row, int label, int sampleIndex) {
            X.add(row);
            y.add(label);
            idx.add(sampleIndex);
            return this;
        }

        Builder addSynthetic(double[][] rows, int label) {
            for (double[] r : rows) add(r, label, Resampled.SYNTHETIC);
            return this;
        }

        Resampled build() {
            int n = y.size();
            int[] yy = new int[n], ii = new int[n];
            for (int i = 0; i < n; i++) {
                yy[i] = y.get(i);
                ii[i] = idx.get(i);
            }
            return new Resampled(X.toArray(new double[0][]), yy, ii);
        }
    }

    /** Validates X and y; returns the class counts (ascending label). */
    static TreeMap<Integer, Integer> check(String sampler, double[][] X, int[] y) {
        if (X == null) throw new IllegalArgumentException(sampler + ": X is null");
        if (y == null) throw new IllegalArgumentException(sampler + ": y is null");
        if (X.length != y.length)
            throw new IllegalArgumentException(sampler + ": X has " + X.length + " rows but y has " + y.length + " labels");
        if (X.length == 0) throw new IllegalArgumentException(sampler + ": X is empty");
        int d = -1;
        for (int i = 0; i < X.length; i++) {
            double[] r = X[i];
            if (r == null) throw new IllegalArgumentException(sampler + ": X row " + i + " is null");
            if (d < 0) d = r.length;
            if (r.length != d)
                throw new IllegalArgumentException(sampler + ": X row " + i + " has " + r.length + " features, row 0 has " + d);
            for (int j = 0; j < d; j++)
                if (!Double.isFinite(r[j]))
                    throw new IllegalArgumentException(sampler + ": X row " + i + " feature " + j + " is " + r[j] + " (must be finite)");
        }
        if (d == 0) throw new IllegalArgumentException(sampler + ": X has no features");
        TreeMap<Integer, Integer> counts = counts(y);
        if (counts.size() < 2)
            throw new NotApplicableException(sampler + ": y needs more than 1 class; got 1 class (label "
                    + counts.firstKey() + ", " + y.length + " rows)");
        return counts;
    }
}
