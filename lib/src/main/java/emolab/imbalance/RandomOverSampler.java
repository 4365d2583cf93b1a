package emolab.imbalance;

import emolab.numeric.NumpyRandomState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Random over-sampling (imbalanced-learn {@code RandomOverSampler}): repeats random rows of each
 * targeted class (bootstrap). With a {@link #shrinkage(double) shrinkage} h it instead generates
 * a smoothed bootstrap (ROSE, Menardi &amp; Torelli 2014): the drawn row plus Gaussian noise with
 * per-feature scale h · (4 / ((d + 2) n))^(1/(d + 4)) · std_class (population std).
 *
 * <p>Draws as imbalanced-learn 0.10 with {@code random_state=seed}: one {@code RandomState(seed)};
 * per targeted class {@code choice(class rows, n, replace=True)}, then (smoothed) {@code randn(n, d)}.
 * Plain bootstrap rows keep their source row index; smoothed rows are synthetic.
 */
public final class RandomOverSampler extends AbstractSampler<RandomOverSampler> {
    private Map<Integer, Double> shrinkage = null;
    private Double shrinkageAll = null;

    public RandomOverSampler seed(long seed) {
        return setSeed(seed);
    }

    /** Smoothed bootstrap with the same shrinkage for every class (≥ 0). */
    public RandomOverSampler shrinkage(double h) {
        if (!(h >= 0) || !Double.isFinite(h)) throw new IllegalArgumentException(name() + ": shrinkage must be >= 0, got " + h);
        this.shrinkageAll = h;
        this.shrinkage = null;
        return this;
    }

    /** Smoothed bootstrap with per-class shrinkage; every re-sampled class must be listed. */
    public RandomOverSampler shrinkage(Map<Integer, Double> perClass) {
        for (var e : perClass.entrySet())
            if (e.getValue() == null || !(e.getValue() >= 0))
                throw new IllegalArgumentException(name() + ": shrinkage for class " + e.getKey() + " must be >= 0, got " + e.getValue());
        this.shrinkage = new TreeMap<>(perClass);
        this.shrinkageAll = null;
        return this;
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.OVER_SAMPLING;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        if (shrinkage != null)
            for (int c : target.keySet())
                if (!shrinkage.containsKey(c))
                    throw new IllegalArgumentException(name() + ": shrinkage has no factor for re-sampled class " + c);
        NumpyRandomState rs = newRandom();
        Classes.Builder out = new Classes.Builder().addOriginal(X, y);
        int n = X.length, d = X[0].length;
        for (var e : target.entrySet()) {
            int c = e.getKey(), num = e.getValue();
            int[] idx = Classes.where(y, c);
            int[] boot = Classes.pick(idx, rs.choice(idx.length, num, true));
            Double h = shrinkageAll != null ? shrinkageAll : shrinkage != null ? shrinkage.get(c) : null;
            if (h == null) {
                for (int b : boot) out.add(X[b], c, b);
                continue;
            }
            double smoothing = Math.pow(4.0 / ((d + 2) * (double) n), 1.0 / (d + 4));
            double[] scale = new double[d];
            for (int j = 0; j < d; j++) {
                double mean = 0;
                for (int i : idx) mean += X[i][j];
                mean /= idx.length;
                double ss = 0;
                for (int i : idx) ss += (X[i][j] - mean) * (X[i][j] - mean);
                scale[j] = h * smoothing * Math.sqrt(ss / idx.length);
            }
            for (int b : boot) {
                double[] row = new double[d];
                for (int j = 0; j < d; j++) row[j] = rs.standardNormal() * scale[j] + X[b][j];
                out.add(row, c, Resampled.SYNTHETIC);
            }
        }
        return out.build();
    }
}
