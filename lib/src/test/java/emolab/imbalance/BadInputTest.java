package emolab.imbalance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import emolab.study.NotApplicableException;

/**
 * Clear errors naming the sampler and the parameter or class at fault: bad input or parameters are
 * {@link IllegalArgumentException}s; data a sampler cannot work on (k larger than a class, one
 * class only) is a {@link NotApplicableException}, which a study turns into a "not applicable" row.
 */
class BadInputTest {
    /** 12 rows of class 0, 4 of class 1, one of class 2. */
    static double[][] X = new double[17][];
    static int[] y = new int[17];

    static {
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 17; i++) {
            X[i] = new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            y[i] = i < 12 ? 0 : i < 16 ? 1 : 2;
        }
    }

    static double[][] X2 = java.util.Arrays.copyOf(X, 16);
    static int[] y2 = java.util.Arrays.copyOf(y, 16); // classes 0 (12) and 1 (4)

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' lacks '" + p + "'");
    }

    private static void refuses(Runnable r, String... parts) {
        NotApplicableException e = assertThrows(NotApplicableException.class, r::run);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' lacks '" + p + "'");
    }

    @Test
    void kLargerThanTheMinorityClass() {
        refuses(() -> new SMOTE().fitResample(X2, y2), "SMOTE", "k_neighbors = 5", "class 1", "has 4");
        refuses(() -> new ADASYN().nNeighbors(4).fitResample(X2, y2), "ADASYN", "n_neighbors = 4", "class 1");
        refuses(() -> new NearMiss().nNeighbors(5).fitResample(X2, y2), "NearMiss", "n_neighbors = 5", "minority class 1");
        refuses(() -> new BorderlineSMOTE().mNeighbors(3).kNeighbors(4).strategy(SamplingStrategy.minority()).fitResample(X2, y2),
                "k_neighbors = 4");
        refuses(() -> new EditedNearestNeighbours().nNeighbors(16).fitResample(X2, y2), "n_neighbors = 16", "17 rows");
    }

    @Test
    void otherSamplersRefuseDataTheyCannotWorkOn() {
        // KMeansSMOTE: more clusters than rows; no cluster with enough rows of the minority
        refuses(() -> new KMeansSMOTE().nClusters(40).fitResample(X2, y2), "KMeansSMOTE", "n_clusters = 40", "only 16 rows");
        refuses(() -> new KMeansSMOTE().nClusters(2).kNeighbors(5).fitResample(X2, y2), "KMeansSMOTE", "no cluster has enough rows of class 1");
        // InstanceHardnessThreshold: more folds than rows of every class
        refuses(() -> new InstanceHardnessThreshold().cv(13).fitResample(X2, y2), "n_splits = 13", "number of members in each class");
        // CNN and OSS: more neighbours than the condensed set (minority + one seed)
        refuses(() -> new CondensedNearestNeighbour().nNeighbors(9).fitResample(X2, y2), "CondensedNearestNeighbour", "n_neighbors = 9", "condensed set has only 5 rows");
        refuses(() -> new OneSidedSelection().nNeighbors(9).fitResample(X2, y2), "OneSidedSelection", "n_neighbors = 9", "C has only 5 rows");
        // ADASYN: a minority far from every other row has no weights
        double[][] far = java.util.Arrays.stream(X2).map(double[]::clone).toArray(double[][]::new);
        for (int i = 12; i < 16; i++) far[i][0] += 100;
        refuses(() -> new ADASYN().nNeighbors(3).fitResample(far, y2), "ADASYN", "no row of class 1 has a neighbour of another class");
    }

    @Test
    void aClassWithOneSample() {
        refuses(() -> new SMOTE().kNeighbors(1).fitResample(X, y), "SMOTE", "class 2", "has 1");
        refuses(() -> new NearMiss().fitResample(X, y), "NearMiss", "minority class 2", "only 1 rows");
    }

    @Test
    void strategyAskingTheImpossible() {
        assertMessage(() -> new SMOTE().kNeighbors(2).strategy(SamplingStrategy.counts(Map.of(0, 5))).fitResample(X2, y2),
                "SMOTE", "over-sampling cannot reduce class 0", "has 12 rows", "asks for 5");
        assertMessage(() -> new RandomUnderSampler().strategy(SamplingStrategy.counts(Map.of(1, 9))).fitResample(X2, y2),
                "RandomUnderSampler", "under-sampling cannot grow class 1", "has 4 rows", "asks for 9");
        assertMessage(() -> new TomekLinks().strategy(SamplingStrategy.counts(Map.of(0, 3))).fitResample(X2, y2),
                "TomekLinks", "cleaning samplers");
    }

    @Test
    void singleClassInput() {
        int[] one = new int[12];
        double[][] X1 = java.util.Arrays.copyOf(X, 12);
        for (Sampler s : new Sampler[] {new SMOTE(), new RandomOverSampler(), new NearMiss(), new TomekLinks(),
                new EditedNearestNeighbours(), new SMOTEENN(0)})
            refuses(() -> s.fitResample(X1, one), "more than 1 class");
    }

    @Test
    void malformedArrays() {
        assertMessage(() -> new SMOTE().fitResample(X, new int[3]), "X has 17 rows but y has 3 labels");
        double[][] bad = X2.clone();
        bad[3] = new double[] {1, Double.NaN, 0};
        assertMessage(() -> new TomekLinks().fitResample(bad, y2), "row 3 feature 1 is NaN");
        double[][] ragged = X2.clone();
        ragged[5] = new double[] {1, 2};
        assertMessage(() -> new TomekLinks().fitResample(ragged, y2), "row 5 has 2 features");
        assertMessage(() -> new SMOTE().fitResample(null, y2), "X is null");
    }

    @Test
    void badParameters() {
        assertMessage(() -> new SMOTE().kNeighbors(0), "k_neighbors must be >= 1");
        assertMessage(() -> new NearMiss().version(4), "version must be 1, 2 or 3");
        assertMessage(() -> new SMOTE().seed(-1), "seed");
        assertMessage(() -> new RepeatedEditedNearestNeighbours().maxIter(1), "max_iter");
        assertMessage(() -> new SVMSMOTE().outStep(2), "out_step");
        assertMessage(() -> new InstanceHardnessThreshold().cv(1), "cv");
        assertMessage(() -> new CondensedNearestNeighbour().seedPositions(Map.of(0, new int[] {40})).fitResample(X2, y2),
                "seed position 40 outside class 0");
    }
}
