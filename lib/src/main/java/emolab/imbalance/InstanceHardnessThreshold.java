package emolab.imbalance;

import emolab.classify.LabelledModel;

import emolab.classify.ClassifierSpec;

import emolab.study.NotApplicableException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instance hardness threshold (Smith, Martinez &amp; Giraud-Carrier 2014; imbalanced-learn
 * {@code InstanceHardnessThreshold}): a classifier is cross-validated ({@code cv} stratified
 * folds, scikit-learn's unshuffled {@code StratifiedKFold} assignment) to get each row's
 * out-of-fold probability of its own class; in each targeted class the rows at or above the
 * {@code (1 − keep/n)} percentile (numpy linear interpolation) are kept, the "hard" ones removed.
 * Ties at the threshold can keep a few more rows than asked (as imbalanced-learn). Default
 * learner: {@code emolab.classify}'s random forest with 100 trees, seeded with {@link #seed()}
 * (imbalanced-learn's default estimator).
 */
public final class InstanceHardnessThreshold extends AbstractSampler<InstanceHardnessThreshold> {
    private ClassifierSpec learner = null;
    private int cv = 5;

    /** The learner scored by cross-validation; default a 100-tree random forest seeded with {@link #seed()}. */
    public InstanceHardnessThreshold learner(ClassifierSpec l) {
        this.learner = l;
        return this;
    }

    /** Number of stratified folds, ≥ 2; default 5. */
    public InstanceHardnessThreshold cv(int folds) {
        if (folds < 2) throw new IllegalArgumentException(name() + ": cv must be >= 2, got " + folds);
        this.cv = folds;
        return this;
    }

    public InstanceHardnessThreshold seed(long seed) {
        return setSeed(seed);
    }

    @Override
    protected SamplingStrategy.Type samplingType() {
        return SamplingStrategy.Type.UNDER_SAMPLING;
    }

    /** scikit-learn 1.2 {@code StratifiedKFold(n_splits, shuffle=False)}: the test fold of each row. */
    static int[] stratifiedFolds(int[] y, int nSplits) {
        // classes encoded by order of first appearance
        Map<Integer, Integer> code = new LinkedHashMap<>();
        for (int v : y) code.putIfAbsent(v, code.size());
        int nClasses = code.size();
        int[] enc = new int[y.length];
        int[] counts = new int[nClasses];
        for (int i = 0; i < y.length; i++) counts[enc[i] = code.get(y[i])]++;
        boolean allSmaller = true;
        for (int c : counts) allSmaller &= nSplits > c;
        if (allSmaller)
            throw new NotApplicableException("n_splits = " + nSplits + " cannot be greater than the number of members in each class "
                    + Arrays.toString(counts));
        int[] order = enc.clone();
        Arrays.sort(order);
        int[][] alloc = new int[nSplits][nClasses];
        for (int f = 0; f < nSplits; f++) for (int i = f; i < order.length; i += nSplits) alloc[f][order[i]]++;
        int[] folds = new int[y.length];
        for (int k = 0; k < nClasses; k++) {
            List<Integer> forClass = new ArrayList<>();
            for (int f = 0; f < nSplits; f++) for (int r = 0; r < alloc[f][k]; r++) forClass.add(f);
            int p = 0;
            for (int i = 0; i < y.length; i++) if (enc[i] == k) folds[i] = forClass.get(p++);
        }
        return folds;
    }

    /** numpy {@code percentile(a, q)} with the default linear method. */
    static double percentile(double[] a, double q) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        double vi = (n - 1) * (q / 100.0);
        int lo = (int) Math.floor(vi);
        int hi = Math.min(lo + 1, n - 1);
        double g = vi - lo;
        double diff = s[hi] - s[lo];
        return g >= 0.5 ? s[hi] - diff * (1 - g) : s[lo] + diff * g;
    }

    @Override
    protected Resampled resample(double[][] X, int[] y, LinkedHashMap<Integer, Integer> target) {
        ClassifierSpec l = learner != null ? learner
                : emolab.classify.models.Classifiers.randomForest().with("n_estimators", 100).with("random_state", (int) seed());
        int[] folds = stratifiedFolds(y, cv);
        double[] proba = new double[y.length];
        for (int f = 0; f < cv; f++) {
            final int ff = f;
            int[] test = java.util.stream.IntStream.range(0, y.length).filter(i -> folds[i] == ff).toArray();
            int[] train = java.util.stream.IntStream.range(0, y.length).filter(i -> folds[i] != ff).toArray();
            if (test.length == 0) continue;
            LabelledModel m = LabelledModel.fit(l, Classes.rows(X, train), Classes.pick(y, train));
            double[][] p = m.predictProba(Classes.rows(X, test));
            int[] cls = m.classes();
            for (int t = 0; t < test.length; t++) {
                int col = Arrays.binarySearch(cls, y[test[t]]);
                proba[test[t]] = col >= 0 ? p[t][col] : 0.0;
            }
        }
        Map<Integer, Integer> stats = Classes.counts(y);
        List<int[]> parts = new ArrayList<>();
        for (int c : stats.keySet()) {
            int[] idx = Classes.where(y, c);
            if (!target.containsKey(c)) {
                parts.add(idx);
                continue;
            }
            double[] pc = new double[idx.length];
            for (int i = 0; i < idx.length; i++) pc[i] = proba[idx[i]];
            double threshold = percentile(pc, (1.0 - (target.get(c) / (double) stats.get(c))) * 100.0);
            parts.add(java.util.stream.IntStream.range(0, idx.length).filter(i -> pc[i] >= threshold).map(i -> idx[i]).toArray());
        }
        return Classes.subset(X, y, Classes.concat(parts));
    }
}
