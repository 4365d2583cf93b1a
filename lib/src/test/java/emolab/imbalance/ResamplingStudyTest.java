package emolab.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import emolab.classify.eval.Average;
import emolab.classify.eval.Metrics;
import emolab.prep.GroupKFold;
import tech.tablesaw.api.Table;

/** {@link ResamplingStudy}: its tables equal the metrics of pipelines fitted by hand. */
class ResamplingStudyTest {
    static double[][] data(int n, long seed, int[] y) {
        Random r = new Random(seed);
        double[][] X = new double[n][3];
        for (int i = 0; i < n; i++) {
            y[i] = i % 8 == 0 ? 1 : i % 3 == 0 ? 2 : 0;
            for (int j = 0; j < 3; j++) X[i][j] = r.nextGaussian() + y[i] * (j == 0 ? 1.2 : 0.4);
        }
        return X;
    }

    @Test
    void heldOutSummaryMatchesHandFittedPipelines() {
        int[] ytr = new int[160], yte = new int[80];
        double[][] Xtr = data(160, 1, ytr), Xte = data(80, 2, yte);
        String[] names = {"a", "b", "c"};
        ResamplingStudy.Results res = Studies.of(Xtr, ytr, Xte, yte, names)
                .learner("knn", ExactKnn.of(3)).sampler("none", null).sampler("smote", new SMOTE().kNeighbors(3).seed(4))
                .run(null);
        assertEquals(2, res.runs().size());
        Table s = res.summary(1);
        assertEquals(List.of("learner", "sampler", "train_rows", "train_b", "synthetic", "accuracy", "macro_f1", "recall_b", "roc_auc", "seconds", "note"),
                s.columnNames());
        int[] pred = ImbalancedPipeline.of(new SMOTE().kNeighbors(3).seed(4), ExactKnn.of(3)).fit(Xtr, ytr).predict(Xte);
        assertArrayEquals(pred, res.run("knn", "smote").predicted());
        assertEquals(Math.round(Metrics.f1(yte, pred, 3, Average.MACRO) * 10000) / 10000.0, s.doubleColumn("macro_f1").get(1));
        assertEquals(Math.round(Metrics.recallPerClass(yte, pred, 3)[1] * 10000) / 10000.0, s.doubleColumn("recall_b").get(1));
        assertEquals(160, s.intColumn("train_rows").get(0));
        assertEquals(res.run("knn", "smote").trainingSet().size(), s.intColumn("train_rows").get(1));
        Table cm = res.confusionTable("knn", "none");
        int total = 0;
        for (int c = 1; c < cm.columnCount(); c++) total += (int) cm.intColumn(c).sum();
        assertEquals(80, total);
        assertArrayEquals(res.confusion("knn", "smote"), res.report("knn", "smote").confusionMatrix());
        Table rec = res.perClassRecall("knn");
        assertEquals(List.of("sampler", "a", "b", "c", "macro_f1", "note"), rec.columnNames());
        Table d = res.changeVsBaseline("none", 1);
        assertEquals(1, d.rowCount());
        assertEquals(Math.round((s.doubleColumn("macro_f1").get(1) - s.doubleColumn("macro_f1").get(0)) * 10000) / 10000.0,
                d.doubleColumn("delta_macro_f1").get(0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> res.changeVsBaseline("nope", 1));
        assertThrows(IllegalArgumentException.class, () -> res.run("knn", "nope"));
        assertThrows(IllegalArgumentException.class, () -> res.summary(3));
    }

    @Test
    void crossValidationUsesOutOfFoldPredictions() {
        int[] y = new int[120];
        double[][] X = data(120, 3, y);
        int[] groups = new int[120];
        for (int i = 0; i < 120; i++) groups[i] = i % 4;
        List<GroupKFold.Fold> folds = GroupKFold.split(groups, 4);
        ResamplingStudy.Results res = Studies.crossValidation(X, y, folds, new String[] {"a", "b", "c"})
                .learner("knn", ExactKnn.of(3)).sampler("rus", new RandomUnderSampler().seed(1)).run(null);
        int[] want = ImbalancedPipeline.of(new RandomUnderSampler().seed(1), ExactKnn.of(3)).crossValidate(X, y, folds, new int[] {0, 1, 2}).predictions();
        assertArrayEquals(want, res.run("knn", "rus").predicted());
        assertTrue(res.summary(1).name().contains("4-fold"));
        List<GroupKFold.Fold> partial = folds.subList(0, 3);
        assertThrows(IllegalArgumentException.class, () -> Studies.crossValidation(X, y, partial, new String[] {"a", "b", "c"}));
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> Studies.of(new double[2][1], new int[] {0, 5}, new double[1][1], new int[] {0}, new String[] {"a", "b"}));
        assertThrows(IllegalArgumentException.class, () -> Studies.of(new double[2][1], new int[] {0, 1}, new double[1][1], new int[] {0}, new String[] {"a", "b"}).run(null));
        assertThrows(IllegalArgumentException.class, () -> Studies.of(new double[2][1], new int[] {0, 1}, new double[1][1], new int[] {0}, new String[] {"a", "b"})
                .sampler("x", null).sampler("x", null));
    }

    @Test
    void aFocusClassAbsentFromTheTestRowsHasNoRecall() {
        // held-out actors without song (actor 18 recorded none): the recall of song is missing, not 0
        int[] ytr = new int[160];
        double[][] Xtr = data(160, 5, ytr);
        int[] yte = new int[40];
        double[][] Xte = new double[40][3];
        Random r = new Random(6);
        for (int i = 0; i < 40; i++) {
            yte[i] = i % 2 == 0 ? 0 : 2;
            for (int j = 0; j < 3; j++) Xte[i][j] = r.nextGaussian() + yte[i] * 0.4;
        }
        ResamplingStudy.Results res = Studies.of(Xtr, ytr, Xte, yte, new String[] {"a", "b", "c"})
                .learner("knn", ExactKnn.of(3)).sampler("none", null).sampler("ros", new RandomOverSampler().seed(0)).run(null);
        Table s = res.summary(1);
        assertEquals(2, s.doubleColumn("recall_b").countMissing());
        assertEquals(2, s.doubleColumn("roc_auc").countMissing(), "one-vs-rest AUC is undefined without class b");
        assertTrue(!s.doubleColumn("macro_f1").isMissing(0));
        assertTrue(res.conclusion("none", 1).startsWith("The evaluated rows hold no b recording"), res.conclusion("none", 1));
    }
}
