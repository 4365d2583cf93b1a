package emolab.classify.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import emolab.classify.ClassifierSpec;
import emolab.prep.LabeledData;
import emolab.classify.Parallel;
import emolab.prep.GroupKFold;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * RFE with the number of features chosen by actor-grouped cross-validation (scikit-learn
 * {@code RFECV}): in each fold, RFE runs on the training part down to {@code minFeatures} and the
 * model at every size is scored on the held-out actors; the size with the best mean score
 * (fewest features on ties) is kept, and a final RFE on all the data to that size gives the
 * ranking. Folds run in parallel.
 */
public final class RfeCv {
    private final ClassifierSpec spec;
    private ImportanceSource source = ImportanceSource.model();
    private int step = 1;
    private int minFeatures = 1;
    private List<GroupKFold.Fold> folds;
    private Scoring scoring = Scoring.ACCURACY;
    private int threads;
    private BiConsumer<Integer, Integer> progress;

    private RfeCv(ClassifierSpec spec) {
        this.spec = Objects.requireNonNull(spec);
    }

    public static RfeCv of(ClassifierSpec spec) {
        return new RfeCv(spec);
    }

    public RfeCv importance(ImportanceSource s) { this.source = Objects.requireNonNull(s); return this; }

    /** Features removed per round (default 1). */
    public RfeCv step(int s) {
        if (s < 1) throw new IllegalArgumentException("step must be ≥ 1, got " + s);
        this.step = s;
        return this;
    }

    /** Smallest size tried (default 1). */
    public RfeCv minFeatures(int n) {
        if (n < 1) throw new IllegalArgumentException("minFeatures must be ≥ 1, got " + n);
        this.minFeatures = n;
        return this;
    }

    /** Grouped folds (required). */
    public RfeCv folds(List<GroupKFold.Fold> f) { this.folds = f; return this; }

    public RfeCv scoring(Scoring s) { this.scoring = Objects.requireNonNull(s); return this; }

    public RfeCv threads(int n) { this.threads = Parallel.threads(n); return this; }

    public RfeCv progress(BiConsumer<Integer, Integer> p) { this.progress = p; return this; }

    /**
     * The score curve and the final ranking.
     *
     * @param sizes     numbers of features tried, decreasing
     * @param scores    {@code [size][fold]} held-out scores
     * @param bestSize  the chosen number of features
     * @param ranking   the final RFE (on all data) to {@code bestSize}
     */
    public record Result(int[] sizes, double[][] scores, int bestSize, Rfe.Result ranking, Scoring scoring) {
        public double[] mean() {
            double[] m = new double[sizes.length];
            for (int i = 0; i < m.length; i++) m[i] = CrossValidation.meanOf(scores[i]);
            return m;
        }

        public double[] std() {
            double[] m = new double[sizes.length];
            for (int i = 0; i < m.length; i++) m[i] = CrossValidation.stdOf(scores[i]);
            return m;
        }

        /** Kept features. */
        public List<String> selected() {
            return ranking.selected();
        }

        /** The score curve: {@code n_features}, {@code mean_<score>}, {@code std_<score>}, in increasing size. */
        public Table curve() {
            int n = sizes.length;
            int[] s = new int[n];
            double[] m = new double[n], sd = new double[n];
            double[] mm = mean(), ss = std();
            for (int i = 0; i < n; i++) { s[i] = sizes[n - 1 - i]; m[i] = mm[n - 1 - i]; sd[i] = ss[n - 1 - i]; }
            return Table.create("RFECV curve (" + scoring.column() + ", " + scores[0].length + " grouped folds)",
                    IntColumn.create("n_features", s), DoubleColumn.create("mean_" + scoring.column(), m),
                    DoubleColumn.create("std_" + scoring.column(), sd));
        }
    }

    public Result run(LabeledData data) {
        if (folds == null) throw new IllegalArgumentException("no folds given: pass grouped folds, e.g. CrossValidation.leaveActorsOut(data, 6)");
        if (minFeatures > data.numFeatures())
            throw new IllegalArgumentException("minFeatures = " + minFeatures + " exceeds the " + data.numFeatures() + " features");
        CrossValidation.checkFolds(data, folds);
        int nf = folds.size();
        List<Map<Integer, Double>> perFold = Parallel.map(nf, threads, f -> {
            GroupKFold.Fold fold = folds.get(f);
            LabeledData tr = data.rows(fold.trainRows()), te = data.rows(fold.testRows());
            Map<Integer, Double> sc = new LinkedHashMap<>();
            Rfe.eliminate(spec, source, tr, step, minFeatures, (cols, m) -> {
                int[] p = m.predict(te.columns(cols).x());
                sc.put(cols.length, scoring.score(te.y(), p, data.numClasses()));
            });
            return sc;
        }, progress);
        List<Integer> sizes = new ArrayList<>(perFold.get(0).keySet());
        double[][] scores = new double[sizes.size()][nf];
        for (int i = 0; i < sizes.size(); i++) for (int f = 0; f < nf; f++) scores[i][f] = perFold.get(f).get(sizes.get(i));
        int best = 0;
        for (int i = 1; i < sizes.size(); i++)
            if (CrossValidation.meanOf(scores[i]) >= CrossValidation.meanOf(scores[best])) best = i; // later = fewer features
        int bestSize = sizes.get(best);
        Rfe.Result ranking = Rfe.of(spec).importance(source).step(step).nFeatures(bestSize).run(data);
        return new Result(sizes.stream().mapToInt(Integer::intValue).toArray(), scores, bestSize, ranking, scoring);
    }
}
