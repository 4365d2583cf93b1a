package emolab.classify.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import emolab.classify.Blobs;
import emolab.classify.Classifier;
import emolab.prep.LabeledData;
import emolab.classify.LossCurve;
import org.junit.jupiter.api.Test;

/** How each wrapper maps its parameters onto the wrapped library. */
class ModelDetailsTest {
    static final LabeledData DATA = Blobs.make(4, 50, 6, 3, 1.5, 6, 11);

    @Test
    void decisionTreeDepthMeansSklearnDepth() {
        // XOR-like labels need depth: the tree grows to exactly the allowed depth
        java.util.Random r = new java.util.Random(5);
        double[][] x = new double[400][3];
        int[] y = new int[400];
        for (int i = 0; i < 400; i++) {
            for (int j = 0; j < 3; j++) x[i][j] = r.nextDouble();
            y[i] = ((x[i][0] > 0.5) ^ (x[i][1] > 0.5) ^ (x[i][2] > 0.5)) ? 1 : 0;
        }
        for (int d : new int[] {1, 2, 3}) {
            Classifier m = Classifiers.decisionTree().with("max_depth", d).fit(x, y, new String[] {"a", "b"});
            int grown = m.as(emolab.classify.TreeEnsembleAccess.class).orElseThrow().depth(0);
            assertTrue(grown <= d, "max_depth " + d + " grew depth " + grown);
        }
        Classifier deep = Classifiers.decisionTree().with("max_depth", 3).fit(x, y, new String[] {"a", "b"});
        assertEquals(3, deep.as(emolab.classify.TreeEnsembleAccess.class).orElseThrow().depth(0));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Classifiers.decisionTree().with("max_leaf_nodes", 1).fit(x, y, new String[] {"a", "b"}));
        assertTrue(e.getMessage().contains("max_leaf_nodes"), e.getMessage());
    }

    @Test
    void randomForestMtryFollowsSklearn() {
        assertEquals(10, RandomForest.mtry("sqrt", 106));
        assertEquals(6, RandomForest.mtry("log2", 106));
        assertEquals(106, RandomForest.mtry("all", 106));
        assertEquals(53, RandomForest.mtry(0.5, 106));
        assertEquals(20, RandomForest.mtry(20.0, 106));
        assertEquals(1, RandomForest.mtry(0.001, 106));
        assertThrows(IllegalArgumentException.class, () -> RandomForest.mtry(200.0, 106));
        assertThrows(IllegalArgumentException.class, () -> RandomForest.mtry(2.5, 106));
    }

    @Test
    void randomForestDoesNotDependOnTheThreadCount() throws Exception {
        var spec = Classifiers.randomForest().with("n_estimators", 40);
        int[] a = spec.fit(DATA).predict(DATA.x());
        int[] b = new java.util.concurrent.ForkJoinPool(1).submit(() -> spec.fit(DATA).predict(DATA.x())).get();
        int[] c = new java.util.concurrent.ForkJoinPool(3).submit(() -> spec.fit(DATA).predict(DATA.x())).get();
        assertArrayEquals(a, b);
        assertArrayEquals(a, c);
    }

    @Test
    void linearSvmWeightsReproduceLiblinearPredictions() {
        Classifier m = Classifiers.linearSvm().with("C", 0.5).fit(DATA);
        LinearSvm.Linear lin = linear(m);
        int[] p = m.predict(DATA.x());
        for (int i = 0; i < p.length; i++) {
            double[] d = lin.decision(DATA.x()[i]);
            int best = 0;
            for (int c = 1; c < d.length; c++) if (d[c] > d[best]) best = c;
            assertEquals(best, p[i], "row " + i + " decision values " + Arrays.toString(d));
        }
        assertEquals(Classifier.ImportanceKind.COEFFICIENTS, m.importanceKind().orElseThrow());
        double[] imp = m.featureImportance();
        assertTrue(imp[0] > imp[4] && imp[1] > imp[5], Arrays.toString(imp)); // informative > noise
    }

    @Test
    void linearSvmBinaryUsesBothSigns() {
        LabeledData two = Blobs.make(2, 60, 3, 2, 3.0, 4, 2);
        Classifier m = Classifiers.linearSvm().with("probability", true).fit(two);
        LinearSvm.Linear lin = linear(m);
        double[] d = lin.decision(two.x()[0]);
        assertEquals(-d[0], d[1], 1e-12);
        int[] p = m.predict(two.x());
        for (int i = 0; i < p.length; i++) assertEquals(lin.decision(two.x()[i])[1] > 0 ? 1 : 0, p[i]);
        double[][] pr = m.predictProba(two.x());
        for (int i = 0; i < p.length; i++) assertEquals(p[i], pr[i][1] > pr[i][0] ? 1 : 0, "Platt probabilities follow the decision");
    }

    private static LinearSvm.Linear linear(Classifier m) {
        return m.as(LinearSvm.Engine.class).orElseThrow().model();
    }

    @Test
    void kernelSvmGamma() {
        double[][] x = {{1, 2}, {3, 4}};
        assertEquals(0.5, KernelSvm.gamma("auto", x));
        // Var of {1,2,3,4} = 1.25 → 1 / (2 · 1.25)
        assertEquals(0.4, KernelSvm.gamma("scale", x), 1e-15);
        assertEquals(0.3, KernelSvm.gamma(0.3, x));
    }

    @Test
    void standardScalerIsFittedOnTrainingRowsOnly() {
        Classifier m = Classifiers.standardScaled(Classifiers.kNearestNeighbors()).fit(DATA);
        StandardScaled.Engine e = m.as(StandardScaled.Engine.class).orElseThrow();
        for (int j = 0; j < DATA.numFeatures(); j++) {
            double mean = 0;
            for (double[] r : DATA.x()) mean += r[j];
            assertEquals(mean / DATA.size(), e.mean()[j], 1e-12);
        }
        // k-NN behind a scaler does not care about per-feature units
        double[][] scaled = new double[DATA.size()][];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = DATA.x()[i].clone();
            for (int j = 0; j < scaled[i].length; j++) scaled[i][j] = scaled[i][j] * (j + 1) * 100 - 7;
        }
        Classifier m2 = Classifiers.standardScaled(Classifiers.kNearestNeighbors()).fit(scaled, DATA.y(), DATA.classes());
        assertArrayEquals(m.predict(DATA.x()), m2.predict(scaled));
    }

    @Test
    void baggingIsIndependentOfThreadsAndVotesWithoutProbabilities() {
        var bag = Classifiers.bagging(Classifiers.kernelSvm()).with("n_estimators", 5);
        Classifier one = bag.with("n_jobs", 1).fit(DATA), two = bag.with("n_jobs", 2).fit(DATA);
        double[][] p1 = one.predictProba(DATA.x()), p2 = two.predictProba(DATA.x());
        for (int i = 0; i < p1.length; i++) {
            assertArrayEquals(p1[i], p2[i], 0.0);
            for (double v : p1[i]) assertEquals(0.0, Math.abs(v * 5 - Math.rint(v * 5)), 1e-12, "hard votes are fractions of 5");
        }
        // a member that sees a single class is a clear error
        LabeledData tiny = DATA.rows(new int[] {0, 1});
        var e = assertThrows(IllegalArgumentException.class, () -> Classifiers.bagging(Classifiers.decisionTree()).with("n_estimators", 30).fit(tiny));
        assertTrue(e.getMessage().contains("Bagging member") && e.getMessage().contains("single class"), e.getMessage());
    }

    @Test
    void majorityBaseline() {
        int[] y = {0, 1, 1, 2, 1, 0};
        double[][] x = new double[6][1];
        Classifier most = Classifiers.majority().fit(x, y, new String[] {"a", "b", "c"});
        assertArrayEquals(new int[] {1, 1}, most.predict(new double[2][1]));
        assertArrayEquals(new double[] {0, 1, 0}, most.predictProba(new double[1][1])[0]);
        Classifier prior = Classifiers.majority().with("strategy", "prior").fit(x, y, new String[] {"a", "b", "c"});
        assertArrayEquals(new double[] {2 / 6.0, 3 / 6.0, 1 / 6.0}, prior.predictProba(new double[1][1])[0], 1e-15);
    }

    @Test
    void logisticRegressionCoefficientImportance() {
        Classifier m = Classifiers.logisticRegression().with("C", 1.0).fit(DATA);
        assertEquals(Classifier.ImportanceKind.COEFFICIENTS, m.importanceKind().orElseThrow());
        double[] imp = m.featureImportance();
        assertTrue(Math.min(imp[0], imp[1]) > Math.max(imp[3], Math.max(imp[4], imp[5])), Arrays.toString(imp));
        // stronger regularisation (smaller C) shrinks the coefficients
        var weak = Classifiers.logisticRegression().with("C", 100.0).fit(DATA);
        var strong = Classifiers.logisticRegression().with("C", 0.001).fit(DATA);
        double[][] pw = weak.predictProba(DATA.x()), ps = strong.predictProba(DATA.x());
        assertTrue(max(ps) < max(pw), "C=0.001 should give flatter probabilities");
    }

    static double max(double[][] p) {
        double m = 0;
        for (double[] r : p) for (double v : r) m = Math.max(m, v);
        return m;
    }

    @Test
    void dl4jMlpEarlyStoppingAndLossCurve() {
        var spec = Classifiers.dl4jMlp().with("hidden_layer_sizes", new int[] {12}).with("early_stopping", true)
                .with("max_iter", 200).with("n_iter_no_change", 3).with("learning_rate_init", 0.05).with("dropout", 0.1);
        Classifier m = spec.fit(DATA);
        LossCurve c = m.lossCurve().orElseThrow();
        assertTrue(c.hasValidation());
        assertTrue(c.epochs() < 200, "early stopping should stop well before 200 epochs, ran " + c.epochs());
        assertTrue(c.bestEpoch() >= 0 && c.bestEpoch() < c.epochs());
        // sklearn's rule: stops after more than n_iter_no_change epochs without improvement
        assertTrue(c.epochs() - 1 - c.bestEpoch() >= 3, "stopped too early: " + c.epochs() + " epochs, best " + c.bestEpoch());
        double[] acc = c.validationAccuracy();
        for (double a : acc) assertTrue(a <= acc[c.bestEpoch()]);
        double[] tl = c.trainLoss();
        assertTrue(tl[tl.length - 1] < tl[0], "training loss should fall: " + Arrays.toString(tl));
        assertEquals(List.of("epoch", "train_loss", "validation_loss", "validation_accuracy"), c.table().columnNames());
        Classifier again = spec.fit(DATA);
        assertArrayEquals(c.trainLoss(), again.lossCurve().orElseThrow().trainLoss(), 0.0, "same seed, same curve");
        Classifier other = spec.with("random_state", 3).fit(DATA);
        assertTrue(!Arrays.equals(c.trainLoss(), other.lossCurve().orElseThrow().trainLoss()), "the seed is used");
        Classifier noEarly = spec.with("early_stopping", false).with("max_iter", 5).fit(DATA);
        assertNull(noEarly.lossCurve().orElseThrow().validationLoss());
        assertEquals(5, noEarly.lossCurve().orElseThrow().epochs());
    }

    @Test
    void smileMlpLossCurve() {
        Classifier m = Classifiers.smileMlp().with("hidden_layer_sizes", new int[] {10}).with("max_iter", 15)
                .with("early_stopping", false).fit(DATA);
        LossCurve c = m.lossCurve().orElseThrow();
        assertEquals(15, c.epochs());
        assertNotNull(c.trainLoss());
        assertTrue(c.trainLoss()[14] < c.trainLoss()[0]);
    }

    @Test
    void treeEnsemblesHaveImpurityImportance() {
        for (var spec : List.of(Classifiers.adaBoost().with("n_estimators", 10), Classifiers.gradientBoosting().with("n_estimators", 10),
                Classifiers.xgboost().with("n_estimators", 10).with("n_jobs", 1))) {
            Classifier m = spec.fit(DATA);
            assertEquals(Classifier.ImportanceKind.IMPURITY, m.importanceKind().orElseThrow(), spec.name());
            double[] imp = m.featureImportance();
            assertTrue(imp[0] + imp[1] > imp[4] + imp[5], spec.name() + " " + Arrays.toString(imp));
        }
    }
}
