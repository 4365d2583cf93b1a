package emolab.classify.models;

import java.util.List;
import java.util.Random;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.FeatureImportance;
import emolab.classify.Parallel;
import emolab.classify.Param;

/**
 * Bootstrap aggregating of any base classifier (scikit-learn {@code BaggingClassifier}): each
 * of {@code n_estimators} copies of {@code estimator} is fitted on a seeded sample of
 * {@code max_samples · n} rows (with replacement when {@code bootstrap}, else without). Members
 * are fitted in parallel on {@code n_jobs} threads (0 = all cores); results do not depend on the
 * thread count.
 *
 * <p>As in sklearn, when every member has probabilities they are averaged (soft voting),
 * otherwise the probabilities are the fractions of member votes; the prediction is the class of
 * highest probability. Member i gets {@code random_state} = the i-th draw of a generator seeded
 * with this spec's {@code random_state}, when its family has that parameter. The base model's
 * parameters can be set through this spec as {@code estimator__NAME} (sklearn's convention),
 * e.g. {@code with("estimator__C", 10)} in a grid.
 */
public final class Bagging extends ClassifierSpec {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "estimator__";

    public Bagging() {
        this(new DecisionTree());
    }

    public Bagging(ClassifierSpec estimator) {
        super("Bagging", List.of(
                Param.spec("estimator", estimator, "base classifier"),
                Param.integer("n_estimators", 10, 1, 100_000, "number of members"),
                Param.real("max_samples", 1.0, 1e-9, 1.0, "fraction of rows per member"),
                Param.bool("bootstrap", true, "sample with replacement"),
                Param.integer("n_jobs", 0, 0, 1024, "threads for fitting members (0 = all cores)"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed")));
    }

    @Override
    public ClassifierSpec with(String param, Object value) {
        if (param != null && param.startsWith(PREFIX))
            return with("estimator", specParam("estimator").with(param.substring(PREFIX.length()), value));
        return super.with(param, value);
    }

    @Override
    public Object get(String param) {
        if (param != null && param.startsWith(PREFIX)) return specParam("estimator").get(param.substring(PREFIX.length()));
        return super.get(param);
    }

    @Override
    public boolean accepts(String param) {
        if (param != null && param.startsWith(PREFIX)) return specParam("estimator").accepts(param.substring(PREFIX.length()));
        return super.accepts(param);
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        ClassifierSpec base = specParam("estimator");
        int m = intParam("n_estimators"), n = x.length;
        int size = Math.max(1, (int) Math.round(realParam("max_samples") * n));
        boolean bootstrap = boolParam("bootstrap");
        Random seeds = new Random(intParam("random_state"));
        long[] sampleSeeds = new long[m];
        int[] memberSeeds = new int[m];
        for (int i = 0; i < m; i++) { sampleSeeds[i] = seeds.nextLong(); memberSeeds[i] = seeds.nextInt(Integer.MAX_VALUE); }
        String[] classes = new String[k];
        for (int c = 0; c < k; c++) classes[c] = Integer.toString(c);
        List<Classifier> members = Parallel.map(m, intParam("n_jobs"), i -> {
            int[] rows = sample(n, size, bootstrap, new Random(sampleSeeds[i]));
            double[][] xs = new double[rows.length][];
            int[] ys = new int[rows.length];
            for (int r = 0; r < rows.length; r++) { xs[r] = x[rows[r]]; ys[r] = y[rows[r]]; }
            ClassifierSpec s = base.accepts("random_state") ? base.with("random_state", memberSeeds[i]) : base;
            try {
                return s.fit(xs, ys, classes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Bagging member " + i + ": " + e.getMessage(), e);
            }
        }, null);
        return new Engine(members, k);
    }

    static int[] sample(int n, int size, boolean bootstrap, Random rnd) {
        int[] rows = new int[size];
        if (bootstrap) {
            for (int i = 0; i < size; i++) rows[i] = rnd.nextInt(n);
        } else {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) perm[i] = i;
            for (int i = 0; i < size; i++) {
                int j = i + rnd.nextInt(n - i);
                int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
                rows[i] = perm[i];
            }
        }
        return rows;
    }

    private record Engine(List<Classifier> members, int k) implements Classifier.ProbabilisticEngine, FeatureImportance {
        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            if (type == FeatureImportance.class && !members.stream().allMatch(Classifier::hasFeatureImportance)) return java.util.Optional.empty();
            return Classifier.ProbabilisticEngine.super.capability(type);
        }

        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = new double[x.length][k];
            boolean soft = members.stream().allMatch(Classifier::hasProbabilities);
            for (Classifier c : members) {
                if (soft) {
                    double[][] p = c.predictProba(x);
                    for (int i = 0; i < x.length; i++) for (int j = 0; j < k; j++) out[i][j] += p[i][j];
                } else {
                    int[] p = c.predict(x);
                    for (int i = 0; i < x.length; i++) out[i][p[i]] += 1;
                }
            }
            for (double[] row : out) for (int j = 0; j < k; j++) row[j] /= members.size();
            return out;
        }

        @Override
        public double[] featureImportance() {
            double[] imp = new double[members.get(0).numFeatures()];
            for (Classifier c : members) {
                double[] v = c.featureImportance();
                for (int j = 0; j < imp.length; j++) imp[j] += v[j] / members.size();
            }
            return imp;
        }

        @Override
        public Classifier.ImportanceKind importanceKind() {
            return members.get(0).importanceKind().orElseThrow();
        }
    }
}
