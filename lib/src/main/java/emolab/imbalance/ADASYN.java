package emolab.imbalance;

import emolab.numeric.Neighbours;

import emolab.numeric.NumpyRandomState;

import emolab.numeric.NumpySum;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * ADASYN (He et al. 2008; imbalanced-learn {@code ADASYN}): like SMOTE, but each row of a
 * targeted class receives a share of the synthetic rows proportional to the fraction of other
 * classes among its {@code nNeighbors} nearest rows (one-vs-rest): r_i = (m_i/k) / Σ_j (m_j/k),
 * g_i = rint(r_i · n) (half to even; the total may differ from n by rounding, as in
 * imbalanced-learn). See {@link #plan}.
 *
 * <p>Draws as imbalanced-learn 0.10 with {@code random_state=seed}: one {@code RandomState(seed)};
 * per class {@code choice(k, size=n)} (neighbour) then {@code uniform(size=n)} (step). Synthetic
 * rows come grouped by base row in row order.
 */
public final class ADASYN extends AbstractSampler<ADASYN> {
    private int nNeighbors = 5;

    /** Per-row generation plan of one class. */
    public record Plan(int label, int[] rows, int[] nOtherInK, double[] ratio, int[] nSynthetic) {
        /** Total synthetic rows for the class. */
        public int total() {
            int s = 0;
            for (int g : nSynthetic) s += g;
            return s;
        }
    }

    public ADASYN nNeighbors(int k) {
        this.nNeighbors = requirePositive(name(), "n_neighbors", k);
        return this;
    }

    public ADASYN seed(long seed) {
        return setSeed(seed);
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.OVER_SAMPLING;
    }

    /** The generation plan of every class the strategy targets (label order). */
    public List<Plan> plan(double[][] X, int[] y) {
        Classes.check(name(), X, y);
        List<Plan> plans = new ArrayList<>();
        for (var e : strategy().resolve(y, samplingType()).entrySet())
            if (e.getValue() > 0) plans.add(plan(X, y, e.getKey(), e.getValue()));
        return plans;
    }

    private Plan plan(double[][] X, int[] y, int c, int n) {
        int[] rows = Classes.where(y, c);
        if (nNeighbors + 1 > rows.length)
            throw new NotApplicableException(name() + ": n_neighbors = " + nNeighbors + " needs at least "
                    + (nNeighbors + 1) + " rows of class " + c + ", which has " + rows.length);
        int[] m = SmoteSupport.otherClassCounts(X, y, rows, c, nNeighbors);
        double[] ratio = new double[rows.length];
        for (int i = 0; i < rows.length; i++) ratio[i] = m[i] / (double) nNeighbors;
        double sum = NumpySum.pairwise(ratio, 0, ratio.length);
        if (sum == 0)
            throw new NotApplicableException(name() + ": no row of class " + c + " has a neighbour of another class among its "
                    + nNeighbors + " nearest; ADASYN cannot weight the rows (use SMOTE)");
        int[] g = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ratio[i] /= sum;
            g[i] = (int) Math.rint(ratio[i] * n);
        }
        return new Plan(c, rows, m, ratio, g);
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        NumpyRandomState rs = newRandom();
        Classes.Builder out = new Classes.Builder().addOriginal(X, y);
        for (var e : target.entrySet()) {
            int c = e.getKey();
            if (e.getValue() == 0) continue;
            Plan p = plan(X, y, c, e.getValue());
            int total = p.total();
            if (total == 0)
                throw new NotApplicableException(name() + ": no samples would be generated for class " + c + " with this sampling strategy");
            double[][] Xc = Classes.rows(X, p.rows());
            int[][] nns = Neighbours.self(Xc, nNeighbors).indices();
            int[] rowOf = new int[total];
            for (int i = 0, o = 0; i < p.rows().length; i++) for (int t = 0; t < p.nSynthetic()[i]; t++) rowOf[o++] = i;
            int[] cols = rs.choice(nNeighbors, total, true);
            double[][] syn = new double[total][];
            double[] steps = new double[total];
            for (int i = 0; i < total; i++) steps[i] = rs.uniform(0, 1);
            for (int i = 0; i < total; i++) syn[i] = SmoteSupport.interpolate(Xc[rowOf[i]], Xc[nns[rowOf[i]][cols[i]]], steps[i]);
            out.addSynthetic(syn, c);
        }
        return out.build();
    }
}
