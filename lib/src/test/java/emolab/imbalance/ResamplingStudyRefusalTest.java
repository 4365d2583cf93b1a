package emolab.imbalance;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import emolab.classify.models.Classifiers;
import emolab.prep.GroupKFold;
import emolab.study.NotApplicableException;
import tech.tablesaw.api.Table;

/**
 * The re-sampling studies of notebook 03 on data built to make each sampler (or learner) refuse:
 * every refusal becomes a {@code not applicable: <reason>} row with missing numbers, and every
 * other pair still runs. The line-ups are the notebook's.
 */
class ResamplingStudyRefusalTest {

    /** Experiment 1's line-up (speech vs song): every sampler of the notebook. */
    static ResamplingStudy binaryLineup(ResamplingStudy s) {
        return s.sampler("none", null)
                .sampler("RandomOverSampler", new RandomOverSampler().seed(0))
                .sampler("SMOTE", new SMOTE().seed(0))
                .sampler("BorderlineSMOTE-1", new BorderlineSMOTE().seed(0))
                .sampler("SVMSMOTE", new SVMSMOTE().seed(0))
                .sampler("ADASYN", new ADASYN().seed(0))
                .sampler("RandomUnderSampler", new RandomUnderSampler().seed(0))
                .sampler("NearMiss-1", new NearMiss().version(1))
                .sampler("ClusterCentroids", new ClusterCentroids().seed(0))
                .sampler("TomekLinks", new TomekLinks())
                .sampler("EditedNearestNeighbours", new EditedNearestNeighbours())
                .sampler("NeighbourhoodCleaningRule", new NeighbourhoodCleaningRule())
                .sampler("SMOTEENN", new SMOTEENN(0))
                .sampler("SMOTETomek", new SMOTETomek(0));
    }

    /** Experiment 2's line-up (emotions). */
    static ResamplingStudy emotionLineup(ResamplingStudy s) {
        return s.sampler("none", null)
                .sampler("RandomOverSampler", new RandomOverSampler().seed(0))
                .sampler("SMOTE", new SMOTE().seed(0))
                .sampler("BorderlineSMOTE-1", new BorderlineSMOTE().seed(0))
                .sampler("ADASYN", new ADASYN().seed(0))
                .sampler("RandomUnderSampler", new RandomUnderSampler().seed(0))
                .sampler("NearMiss-1", new NearMiss().version(1))
                .sampler("TomekLinks", new TomekLinks())
                .sampler("SMOTETomek", new SMOTETomek(0));
    }

    static ResamplingStudy withLearners(ResamplingStudy s) {
        return s.learner("KNN (k=5)", ExactKnn.of(5))
                .learner("random forest", Classifiers.randomForest().with("n_estimators", 10).with("random_state", 0));
    }

    /** Rows of Gaussian noise around {@code centre} (per feature), 3 features. */
    static double[][] blob(int n, double centre, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        for (double[] row : x) for (int j = 0; j < 3; j++) row[j] = centre + spread * r.nextGaussian();
        return x;
    }

    static double[][] concat(double[][]... parts) {
        List<double[]> all = new ArrayList<>();
        for (double[][] p : parts) all.addAll(Arrays.asList(p));
        return all.toArray(new double[0][]);
    }

    static int[] labels(int... countsPerClass) {
        int n = Arrays.stream(countsPerClass).sum();
        int[] y = new int[n];
        for (int c = 0, o = 0; c < countsPerClass.length; c++) for (int i = 0; i < countsPerClass[c]; i++) y[o++] = c;
        return y;
    }

    /** "learner + sampler" → note of every run; checks the shape of not-applicable rows on the way. */
    static Map<String, String> notes(ResamplingStudy.Results res, int focus) {
        Table s = res.summary(focus);
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < s.rowCount(); i++) {
            String key = s.stringColumn("learner").get(i) + " + " + s.stringColumn("sampler").get(i), note = s.stringColumn("note").get(i);
            out.put(key, note);
            ResamplingStudy.Run r = res.run(s.stringColumn("learner").get(i), s.stringColumn("sampler").get(i));
            if (note.isEmpty()) {
                assertTrue(r.applicable(), key);
                assertFalse(s.doubleColumn("macro_f1").isMissing(i), key);
                assertFalse(s.intColumn("train_rows").isMissing(i), key);
            } else {
                assertTrue(note.startsWith("not applicable: "), key + ": " + note);
                assertFalse(r.applicable(), key);
                assertTrue(s.doubleColumn("macro_f1").isMissing(i) && s.doubleColumn("accuracy").isMissing(i), key);
                assertTrue(s.intColumn("train_rows").isMissing(i), key);
                assertThrows(NotApplicableException.class, () -> res.confusion(r.learner(), r.sampler()), key);
            }
        }
        assertEquals(res.runs().size(), out.size(), "one row per pair");
        return out;
    }

    static void refused(Map<String, String> notes, String key, String... fragments) {
        String n = notes.get(key);
        assertTrue(n != null && n.startsWith("not applicable: "), key + " refuses: " + notes);
        for (String f : fragments) assertTrue(n.contains(f), key + ": '" + n + "' lacks '" + f + "'");
    }

    static void ran(Map<String, String> notes, String... keys) {
        for (String k : keys) assertEquals("", notes.get(k), k + " still runs: " + notes);
    }

    @Test
    void kNeighboursLargerThanTheMinorityClass() {
        // 60 speech rows, 4 song rows mixed into them: SMOTE and its relatives need 6 rows of the
        // class (k = 5); the random samplers, NearMiss (3 neighbours) and the cleaning rules run
        double[][] X = concat(blob(60, 0, 1, 1), blob(4, 0.5, 1, 2));
        int[] y = labels(60, 4);
        double[][] Xt = concat(blob(20, 0, 1, 3), blob(10, 0.5, 1, 4));
        int[] yt = labels(20, 10);
        Map<String, String> n = notes(binaryLineup(withLearners(Studies.of(X, y, Xt, yt, new String[] {"speech", "song"}))).run(null), 1);
        for (String l : List.of("KNN (k=5)", "random forest")) {
            for (String s : List.of("SMOTE", "SVMSMOTE", "SMOTEENN", "SMOTETomek"))
                refused(n, l + " + " + s, "k_neighbors = 5", "needs at least 6 rows of class 1", "which has 4");
            refused(n, l + " + ADASYN", "n_neighbors = 5", "class 1");
            // no song row is "in danger" (its 10 neighbours are all speech, or mostly song): Borderline-SMOTE
            // generates nothing, as imbalanced-learn, and runs
            ran(n, l + " + none", l + " + BorderlineSMOTE-1", l + " + RandomOverSampler", l + " + NearMiss-1", l + " + TomekLinks", l + " + EditedNearestNeighbours",
                    l + " + NeighbourhoodCleaningRule", l + " + ClusterCentroids");
        }
        ran(n, "KNN (k=5) + RandomUnderSampler", "random forest + RandomUnderSampler");
    }

    @Test
    void borderlineSmoteWithDangerRowsButKLargerThanTheClass() {
        // 4 song rows in a tight group at the edge of the speech cloud, with 20 speech rows around
        // them: each song row's 10 nearest neighbours are 3 song and 7 speech rows, so all are "in
        // danger" and Borderline-SMOTE needs 6 song rows for its 5 neighbours
        double[][] X = concat(blob(60, 0, 1, 32), blob(20, 3, 0.5, 33), blob(4, 3, 0.01, 34));
        int[] y = labels(80, 4);
        int[] others = new BorderlineSMOTE().minorityStatus(X, y, 1).nOtherInM();
        assertTrue(Arrays.stream(others).allMatch(m -> m >= 5 && m < 10), "every song row is in danger: " + Arrays.toString(others));
        Map<String, String> n = notes(binaryLineup(withLearners(Studies.of(X, y, blob(10, 1, 1, 35), labels(5, 5),
                new String[] {"speech", "song"}))).run(null), 1);
        refused(n, "KNN (k=5) + BorderlineSMOTE-1", "BorderlineSMOTE: k_neighbors = 5 needs at least 6 rows of class 1, which has 4");
        ran(n, "KNN (k=5) + none", "KNN (k=5) + RandomOverSampler", "KNN (k=5) + TomekLinks");
    }

    @Test
    void adasynWithNothingToGenerate() {
        // two classes of 100 and 99 rows: ADASYN must add one row, spread over 99 weights, and every
        // share rounds to zero (imbalanced-learn raises "No samples will be generated" too)
        double[][] X = concat(blob(100, 0, 1, 5), blob(99, 0.3, 1, 6));
        int[] y = labels(100, 99);
        Map<String, String> n = notes(emotionLineup(withLearners(Studies.of(X, y, blob(30, 0.1, 1, 7), labels(15, 15),
                new String[] {"a", "b"}))).run(null), 1);
        refused(n, "KNN (k=5) + ADASYN", "ADASYN: no samples would be generated for class 1");
        refused(n, "random forest + ADASYN", "no samples would be generated");
        for (String l : List.of("KNN (k=5)", "random forest"))
            ran(n, l + " + none", l + " + SMOTE", l + " + BorderlineSMOTE-1", l + " + RandomOverSampler", l + " + RandomUnderSampler",
                    l + " + NearMiss-1", l + " + TomekLinks", l + " + SMOTETomek");
    }

    @Test
    void adasynWithoutANeighbourOfAnotherClass() {
        // the minority lies far from everything else: no row has a neighbour of another class, so
        // ADASYN has no weights; SMOTE interpolates inside the class and runs
        double[][] X = concat(blob(50, 0, 1, 8), blob(20, 100, 1, 9));
        int[] y = labels(50, 20);
        Map<String, String> n = notes(emotionLineup(withLearners(Studies.of(X, y, concat(blob(10, 0, 1, 10), blob(10, 100, 1, 11)),
                labels(10, 10), new String[] {"a", "b"}))).run(null), 1);
        refused(n, "KNN (k=5) + ADASYN", "no row of class 1 has a neighbour of another class");
        ran(n, "KNN (k=5) + SMOTE", "KNN (k=5) + RandomOverSampler", "KNN (k=5) + none");
    }

    @Test
    void nearMissWithAMinorityOfTwoRows() {
        // NearMiss-1 averages over the 3 nearest minority rows; with 2 song rows it refuses
        double[][] X = concat(blob(40, 0, 1, 12), blob(2, 0.5, 1, 13));
        int[] y = labels(40, 2);
        Map<String, String> n = notes(binaryLineup(withLearners(Studies.of(X, y, blob(12, 0.2, 1, 14), labels(6, 6),
                new String[] {"speech", "song"}))).run(null), 1);
        refused(n, "KNN (k=5) + NearMiss-1", "NearMiss: n_neighbors = 3 but the minority class 1 has only 2 rows");
        refused(n, "random forest + NearMiss-1", "n_neighbors = 3");
        // under-sampling to 2 + 2 rows leaves fewer rows than the 5 neighbours of k-NN; the forest still learns
        refused(n, "KNN (k=5) + RandomUnderSampler", "knn: k = 5 but only 4 training rows");
        ran(n, "random forest + none", "random forest + RandomOverSampler", "random forest + RandomUnderSampler", "random forest + TomekLinks");
    }

    @Test
    void svmSmoteWhenEverySupportVectorIsNoise() {
        // 6 song rows, each alone inside the speech cloud: all their 10 nearest neighbours are
        // speech, so every song support vector is noise and SVM-SMOTE has no base row
        double[][] speech = blob(600, 0, 1, 15);
        double[][] song = new double[6][];
        for (int i = 0; i < 6; i++) song[i] = speech[i * 100].clone();
        for (double[] r : song) r[0] += 1e-3;
        double[][] X = concat(speech, song);
        int[] y = labels(600, 6);
        int[] others = new BorderlineSMOTE().minorityStatus(X, y, 1).nOtherInM();
        assertTrue(Arrays.stream(others).allMatch(m -> m == 10), "every song row is noise: " + Arrays.toString(others));
        ResamplingStudy.Results res = Studies.of(X, y, blob(10, 0, 1, 16), labels(5, 5), new String[] {"speech", "song"})
                .learner("KNN (k=5)", ExactKnn.of(5)).sampler("none", null).sampler("SVMSMOTE", new SVMSMOTE().seed(0))
                .sampler("SMOTE", new SMOTE().seed(0)).run(null);
        Map<String, String> n = notes(res, 1);
        refused(n, "KNN (k=5) + SVMSMOTE", "support vectors of class 1 are noise");
        ran(n, "KNN (k=5) + none", "KNN (k=5) + SMOTE");
    }

    @Test
    void cleaningRulesWithTooFewRows() {
        // 3 rows: edited nearest neighbours needs 4 (its 3 neighbours plus the row), so ENN, the
        // neighbourhood cleaning rule and SMOTE+ENN refuse; Tomek links (1 neighbour) run
        double[][] X = {{0, 0, 0}, {1, 1, 1}, {0.2, 0.1, 0}};
        int[] y = {0, 1, 0};
        ResamplingStudy.Results res = Studies.of(X, y, X, y, new String[] {"a", "b"})
                .learner("KNN (k=1)", ExactKnn.of(1)).sampler("none", null).sampler("TomekLinks", new TomekLinks())
                .sampler("EditedNearestNeighbours", new EditedNearestNeighbours())
                .sampler("NeighbourhoodCleaningRule", new NeighbourhoodCleaningRule())
                .sampler("SMOTEENN", new SMOTEENN(0)).run(null);
        Map<String, String> n = notes(res, 1);
        refused(n, "KNN (k=1) + EditedNearestNeighbours", "n_neighbors = 3 needs at least 4 rows, got 3");
        refused(n, "KNN (k=1) + NeighbourhoodCleaningRule", "n_neighbors = 3");
        refused(n, "KNN (k=1) + SMOTEENN", "not applicable: ");
        ran(n, "KNN (k=1) + none", "KNN (k=1) + TomekLinks");
    }

    @Test
    void aTrainingSetWithOneClass() {
        // speech only: there is no song to tell apart, every pair — the baseline too — refuses
        double[][] X = blob(30, 0, 1, 17);
        int[] y = new int[30];
        ResamplingStudy.Results res = binaryLineup(withLearners(Studies.of(X, y, blob(5, 0, 1, 18), new int[5],
                new String[] {"speech", "song"}))).run(null);
        Map<String, String> n = notes(res, 1);
        refused(n, "KNN (k=5) + none", "only 1 class", "nothing to tell apart");
        refused(n, "random forest + SMOTE", "more than 1 class");
        assertEquals(res.runs().size(), res.refusals().size());
        String text = res.conclusion("none", 1);
        assertTrue(text.contains("the baseline 'none' is not applicable"), text);
        assertFalse(text.contains("On this run"), "no verdict without a baseline: " + text);
        assertEquals("Not applicable on this data: the baseline 'none' could not run (the training rows hold only 1 class (label 0, 30 rows): "
                + "nothing to tell apart).", res.verdict("none", 1));
        Table d = res.changeVsBaseline("none", 1);
        assertEquals(26, d.rowCount());
        assertEquals(26, d.doubleColumn("delta_macro_f1").countMissing());
    }

    @Test
    void cleaningThatRemovesAWholeClassLeavesOneClass() {
        // a sampler that keeps only class 0: the pipeline refuses to fit a one-class model
        Sampler dropMinority = (X, y) -> {
            int[] keep = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == 0).toArray();
            return Classes.subset(X, y, keep);
        };
        double[][] X = concat(blob(20, 0, 1, 19), blob(8, 2, 1, 20));
        int[] y = labels(20, 8);
        ResamplingStudy.Results res = Studies.of(X, y, X, y, new String[] {"a", "b"}).learner("KNN (k=5)", ExactKnn.of(5))
                .sampler("none", null).sampler("drop class 1", dropMinority).run(null);
        Map<String, String> n = notes(res, 1);
        refused(n, "KNN (k=5) + drop class 1", "after re-sampling, the training rows hold only 1 class (label 0, 20 rows)");
        ran(n, "KNN (k=5) + none");
        assertEquals(List.of("KNN (k=5) + drop class 1: after re-sampling, the training rows hold only 1 class (label 0, 20 rows): nothing to tell apart"),
                res.refusals());
    }

    @Test
    void crossValidationStudyWithAClassTooSmallInSomeFolds() {
        // the notebook's cross-validated study (k-NN; none, SMOTE, ADASYN, random under-sampling) on
        // 4 groups: class 2 has 5 rows, all in group 0, so folds that train without group 0 still
        // hold it... no: folds training on groups 1-3 lack class 2 rows entirely, the others hold 5
        // rows — SMOTE (k = 5) and ADASYN need 6 and refuse, the rest run
        double[][] X = concat(blob(40, 0, 1, 21), blob(40, 1, 1, 22), blob(5, 2, 1, 23));
        int[] y = labels(40, 40, 5);
        int[] groups = new int[y.length];
        for (int i = 0; i < 80; i++) groups[i] = i % 4;
        for (int i = 80; i < 85; i++) groups[i] = i % 4;
        List<GroupKFold.Fold> folds = GroupKFold.split(groups, 4);
        ResamplingStudy.Results res = Studies.crossValidation(X, y, folds, new String[] {"a", "b", "c"})
                .learner("KNN (k=5)", ExactKnn.of(5)).sampler("none", null).sampler("SMOTE", new SMOTE().seed(0))
                .sampler("ADASYN", new ADASYN().seed(0)).sampler("RandomUnderSampler", new RandomUnderSampler().seed(0)).run(null);
        Map<String, String> n = notes(res, 2);
        refused(n, "KNN (k=5) + SMOTE", "k_neighbors = 5", "of class 2");
        refused(n, "KNN (k=5) + ADASYN", "class 2");
        ran(n, "KNN (k=5) + none", "KNN (k=5) + RandomUnderSampler");
        Table change = res.changeVsBaseline("none", 2);
        assertEquals(2, change.doubleColumn("delta_macro_f1").countMissing());
    }

    @Test
    void conclusionFollowsTheNumbers() {
        // the minority is separable but rare: k-NN without re-sampling misses it at the 0.5 vote,
        // over-sampling finds it; the sentence reports the baseline, the best sampler and the verdict
        double[][] X = concat(blob(300, 0, 1, 24), blob(12, 1.6, 0.6, 25));
        int[] y = labels(300, 12);
        double[][] Xt = concat(blob(150, 0, 1, 26), blob(150, 1.6, 0.6, 27));
        int[] yt = labels(150, 150);
        ResamplingStudy.Results res = Studies.of(X, y, Xt, yt, new String[] {"speech", "song"})
                .learner("KNN (k=5)", ExactKnn.of(5)).sampler("none", null)
                .sampler("RandomOverSampler", new RandomOverSampler().seed(0)).sampler("SMOTE", new SMOTE().seed(0))
                .sampler("NearMiss-1", new NearMiss().version(1).nNeighbors(20)).run(null);
        Map<String, String> n = notes(res, 1);
        refused(n, "KNN (k=5) + NearMiss-1", "n_neighbors = 20");
        String text = res.conclusion("none", 1);
        Table s = res.summary(1);
        double base = s.doubleColumn("macro_f1").getDouble(0);
        double best = Math.max(s.doubleColumn("macro_f1").getDouble(1), s.doubleColumn("macro_f1").getDouble(2));
        assertTrue(best > base + 0.05, "over-sampling helps this data: " + s.print());
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "without re-sampling macro-F1 %.3f", base)), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "macro-F1 %.3f (%+.3f)", best, best - base)), text);
        assertTrue(text.contains("Not applicable here: NearMiss-1."), text);
        assertTrue(text.contains("2 of 2 samplers gained more than twice that"), text);
        assertTrue(text.endsWith("On this run, most samplers improved macro-F1 beyond the noise."), text);
        assertEquals("On this run, most samplers improved macro-F1 beyond the noise.", res.verdict("none", 1));
    }

    @Test
    void noChangeIsReportedAsNoChange() {
        // a balanced, easy problem: re-sampling changes nothing and the conclusion says so
        double[][] X = concat(blob(60, 0, 1, 28), blob(59, 4, 1, 29));
        int[] y = labels(60, 59);
        double[][] Xt = concat(blob(40, 0, 1, 30), blob(40, 4, 1, 31));
        ResamplingStudy.Results res = Studies.of(X, y, Xt, labels(40, 40), new String[] {"a", "b"})
                .learner("KNN (k=5)", ExactKnn.of(5)).sampler("none", null).sampler("RandomOverSampler", new RandomOverSampler().seed(0))
                .sampler("TomekLinks", new TomekLinks()).run(null);
        String text = res.conclusion("none", 1);
        assertTrue(text.endsWith("On this run, re-sampling did not change macro-F1 beyond the noise."), text);
        assertTrue(text.contains("0 of 2 samplers gained more than twice that"), text);
    }

    @Test
    void aModelThatRanksWellButThresholdsBadlyIsCalledAThresholdProblem() {
        // a "learner" whose song probability is the share of song in training times a perfect ranking
        // score: without re-sampling (2 % song) it ranks song perfectly but never calls it; random
        // over-sampling (50 % song) moves the threshold
        ClassifierSpec prior = new ClassifierSpec("prior", List.of()) {
            @Override protected Classifier.Engine train(double[][] X, int[] y, int k) {
                double share = Arrays.stream(y).filter(v -> v == 1).count() / (double) y.length;
                return (Classifier.ProbabilisticEngine) Q -> {
                    double[][] p = new double[Q.length][2];
                    for (int i = 0; i < Q.length; i++) {
                        double score = 1 / (1 + Math.exp(-Q[i][0]));
                        p[i][1] = Math.min(1, 2 * share * score);
                        p[i][0] = 1 - p[i][1];
                    }
                    return p;
                };
            }
        };
        double[][] X = concat(blob(100, -3, 1, 36), blob(2, 3, 1, 37));
        int[] y = labels(100, 2);
        double[][] Xt = concat(blob(50, -3, 1, 38), blob(50, 3, 1, 39));
        ResamplingStudy.Results res = Studies.of(X, y, Xt, labels(50, 50), new String[] {"speech", "song"})
                .learner("prior", prior).sampler("none", null).sampler("RandomOverSampler", new RandomOverSampler().seed(0)).run(null);
        Table s = res.summary(1);
        assertEquals(0.0, s.doubleColumn("recall_song").getDouble(0), 0.0);
        assertTrue(s.doubleColumn("roc_auc").getDouble(0) > 0.99, s.print());
        String text = res.conclusion("none", 1);
        assertTrue(text.contains("Without re-sampling it already ranks song well (ROC AUC 1.000) yet finds only 0 % of it at the default "
                + "threshold: a threshold problem more than a ranking problem."), text);
        assertTrue(s.doubleColumn("recall_song").getDouble(1) > 0.9, "over-sampling moves the threshold: " + s.print());
    }

    @Test
    void everyMethodOfTheLineUpsRefusesSomeData() {
        // the union over the data sets above covers every sampler of experiment 1 (which holds all of
        // experiment 2's) and both learners
        List<ResamplingStudy.Results> runs = new ArrayList<>();
        String[] names = {"speech", "song"};
        runs.add(binaryLineup(withLearners(Studies.of(concat(blob(60, 0, 1, 1), blob(4, 0.5, 1, 2)), labels(60, 4),
                blob(10, 0, 1, 3), labels(5, 5), names))).run(null));
        runs.add(binaryLineup(withLearners(Studies.of(concat(blob(60, 0, 1, 32), blob(20, 3, 0.5, 33), blob(4, 3, 0.01, 34)),
                labels(80, 4), blob(10, 1, 1, 35), labels(5, 5), names))).run(null));
        runs.add(binaryLineup(withLearners(Studies.of(concat(blob(40, 0, 1, 12), blob(2, 0.5, 1, 13)), labels(40, 2),
                blob(12, 0.2, 1, 14), labels(6, 6), names))).run(null));
        runs.add(binaryLineup(withLearners(Studies.of(blob(30, 0, 1, 17), new int[30], blob(5, 0, 1, 18), new int[5], names))).run(null));
        java.util.TreeSet<String> samplers = new java.util.TreeSet<>(), learners = new java.util.TreeSet<>(), all = new java.util.TreeSet<>();
        for (ResamplingStudy.Results r : runs)
            for (ResamplingStudy.Run run : r.runs()) {
                all.add(run.sampler());
                if (!run.applicable()) {
                    samplers.add(run.sampler());
                    if (run.sampler().equals("none") || run.sampler().equals("RandomUnderSampler")) learners.add(run.learner());
                }
            }
        assertEquals(all, samplers, "every sampler refuses one of the sets");
        // with two classes (the first three sets) the neighbour-based over-samplers and NearMiss refuse
        java.util.TreeSet<String> twoClasses = new java.util.TreeSet<>();
        for (ResamplingStudy.Results r : runs.subList(0, 3))
            for (ResamplingStudy.Run run : r.runs()) if (!run.applicable()) twoClasses.add(run.sampler());
        assertTrue(twoClasses.containsAll(List.of("SMOTE", "BorderlineSMOTE-1", "SVMSMOTE", "ADASYN", "NearMiss-1", "SMOTEENN", "SMOTETomek")),
                twoClasses.toString());
        assertEquals(java.util.Set.of("KNN (k=5)", "random forest"), learners, "both learners refuse one of the sets");
    }
}
