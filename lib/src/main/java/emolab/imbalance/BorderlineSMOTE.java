package emolab.imbalance;

import emolab.numeric.Neighbours;

import emolab.study.NotApplicableException;

import java.util.LinkedHashMap;

/**
 * Borderline-SMOTE (Han, Wang &amp; Mao 2005; imbalanced-learn {@code BorderlineSMOTE}). A row of
 * a targeted class is "in danger" when at least half, but not all, of its {@code mNeighbors}
 * nearest other rows (among all rows) belong to other classes ({@link #minorityStatus}); only
 * danger rows are used as bases.
 * <ul>
 * <li>{@link Kind#BORDERLINE_1}: SMOTE from the danger rows towards their {@code kNeighbors}
 *     nearest same-class rows (identical to imbalanced-learn 0.10, including its draws).</li>
 * <li>{@link Kind#BORDERLINE_2}: with f ~ Beta(10, 10), int(f·(n+1)) rows as borderline-1 and
 *     int((1−f)·n) rows towards the danger row's {@code kNeighbors} nearest rows of the other
 *     classes, with steps in [0, 0.5). imbalanced-learn 0.10 indexes the other-class rows with
 *     the same-class neighbour positions there (a bug fixed in later versions), so only the
 *     counts and the first part match it.</li>
 * </ul>
 * A class without danger rows gets no synthetic rows (as imbalanced-learn).
 */
public final class BorderlineSMOTE extends AbstractSampler<BorderlineSMOTE> {

    /** Variant. */
    public enum Kind { BORDERLINE_1, BORDERLINE_2 }

    /** Per-row status of one class: its rows, other-class counts among m neighbours, danger and noise flags. */
    public record MinorityStatus(int label, int[] rows, int[] nOtherInM, boolean[] danger, boolean[] noise) {
        /** The danger rows (input indices, ascending). */
        public int[] dangerRows() {
            return java.util.stream.IntStream.range(0, rows.length).filter(i -> danger[i]).map(i -> rows[i]).toArray();
        }
    }

    private int kNeighbors = 5;
    private int mNeighbors = 10;
    private Kind kind = Kind.BORDERLINE_1;

    public BorderlineSMOTE kNeighbors(int k) {
        this.kNeighbors = requirePositive(name(), "k_neighbors", k);
        return this;
    }

    /** Neighbours used to decide danger and noise; default 10. */
    public BorderlineSMOTE mNeighbors(int m) {
        this.mNeighbors = requirePositive(name(), "m_neighbors", m);
        return this;
    }

    public BorderlineSMOTE kind(Kind kind) {
        if (kind == null) throw new IllegalArgumentException(name() + ": kind is null");
        this.kind = kind;
        return this;
    }

    public BorderlineSMOTE seed(long seed) {
        return setSeed(seed);
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.OVER_SAMPLING;
    }

    /**
     * Danger/noise status of the rows of class {@code label}: with m' = other-class rows among
     * the m nearest other rows, danger = m/2 ≤ m' &lt; m, noise = m' = m.
     */
    public MinorityStatus minorityStatus(double[][] X, int[] y, int label) {
        Classes.check(name(), X, y);
        int[] rows = Classes.where(y, label);
        if (rows.length == 0) throw new IllegalArgumentException(name() + ": class " + label + " is not in y");
        return status(X, y, rows, label, mNeighbors);
    }

    static MinorityStatus status(double[][] X, int[] y, int[] rows, int label, int m) {
        int[] nOther = SmoteSupport.otherClassCounts(X, y, rows, label, m);
        boolean[] danger = new boolean[rows.length], noise = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            danger[i] = nOther[i] >= m / 2.0 && nOther[i] < m;
            noise[i] = nOther[i] == m;
        }
        return new MinorityStatus(label, rows, nOther, danger, noise);
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        Classes.Builder out = new Classes.Builder().addOriginal(X, y);
        for (var e : target.entrySet()) {
            int c = e.getKey(), n = e.getValue();
            if (n == 0) continue;
            int[] rows = Classes.where(y, c);
            MinorityStatus st = status(X, y, rows, c, mNeighbors);
            int[] dangerPos = java.util.stream.IntStream.range(0, rows.length).filter(i -> st.danger()[i]).toArray();
            if (dangerPos.length == 0) continue;
            double[][] Xc = Classes.rows(X, rows);
            if (kNeighbors + 1 > Xc.length)
                throw new NotApplicableException(name() + ": k_neighbors = " + kNeighbors + " needs at least "
                        + (kNeighbors + 1) + " rows of class " + c + ", which has " + Xc.length);
            double[][] danger = Classes.rows(Xc, dangerPos);
            int[][] nns = Neighbours.query(Xc, danger, dangerPos, kNeighbors).indices();
            if (kind == Kind.BORDERLINE_1) {
                out.addSynthetic(SmoteSupport.makeSamples(danger, Xc, nns, n, 1.0, newRandom()), c);
            } else {
                double f = newRandom().beta(10, 10);
                out.addSynthetic(SmoteSupport.makeSamples(danger, Xc, nns, (int) (f * (n + 1)), 1.0, newRandom()), c);
                int[] others = Classes.whereNot(y, c);
                double[][] Xo = Classes.rows(X, others);
                int kk = Math.min(kNeighbors, Xo.length);
                int[][] nnOther = Neighbours.query(Xo, danger, kk).indices();
                out.addSynthetic(SmoteSupport.makeSamples(danger, Xo, nnOther, (int) ((1 - f) * n), 0.5, newRandom()), c);
            }
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name() + "(kind=" + kind + ", k_neighbors=" + kNeighbors + ", m_neighbors=" + mNeighbors
                + ", seed=" + seed() + ", strategy=" + strategy() + ")";
    }
}
