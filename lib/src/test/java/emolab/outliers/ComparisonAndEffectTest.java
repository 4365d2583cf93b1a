package emolab.outliers;

import emolab.numeric.Correlation;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonAndEffectTest {

    private static OutlierModel fixed(String name, double... s) {
        return OutlierModel.of(name, 1, s, x -> new double[x.length]);
    }

    @Test
    void spearmanUsesAverageRanks() {
        assertEquals(1, Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 35, 100}), 1e-15);
        assertEquals(-1, Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-15);
        // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]).correlation = 0.9486832980505138
        assertEquals(0.9486832980505138, Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}), 1e-12);
    }

    @Test
    void topKOverlapAndTables() {
        OutlierModel a = fixed("A", 5, 4, 3, 2, 1, 0), b = fixed("B", 5, 0, 4, 1, 2, 3), c = fixed("C", 0, 1, 2, 3, 4, 5);
        OutlierComparison cmp = OutlierComparison.of(List.of(a, b, c), 2);
        double[][] ov = cmp.overlap();
        assertEquals(1.0, ov[0][0]);
        assertEquals(0.5, ov[0][1]); // top-2 A = {0, 1}, B = {0, 2}
        assertEquals(0.0, ov[0][2]); // C = {5, 4}
        assertEquals(-1.0, cmp.spearman()[0][2], 1e-15);
        Table t = cmp.spearmanTable();
        assertEquals(3, t.rowCount());
        assertEquals(List.of("detector", "A", "B", "C"), t.columnNames());
        assertEquals(2, cmp.k());
        // the charts are drawn in emolab.chart from the comparison's data
        var overlapChart = emolab.chart.OutlierCharts.overlapHeatmap(cmp);
        assertEquals("Top-2 overlap between detectors", overlapChart.getTitle());
        assertEquals(1, overlapChart.getSeriesMap().size());
        assertEquals("Spearman rank correlation of scores", emolab.chart.OutlierCharts.spearmanHeatmap(cmp).getTitle());
        assertThrows(IllegalArgumentException.class, () -> OutlierComparison.of(List.of(a), 1));
        assertThrows(IllegalArgumentException.class, () -> OutlierComparison.of(List.of(a, fixed("D", 1, 2)), 1));
        assertEquals(3, OutlierComparison.ofFraction(List.of(a, b), 0.5).k());
    }

    @Test
    void macroF1AndAccuracyFollowScikitLearn() {
        // y_true = [0,0,1,1,2], y_pred = [0,1,1,1,0]: F1 = 1/2, 4/5, 0 → macro 0.4333…; accuracy 0.6
        double[] r = OutlierRemovalEffect.evaluate(new int[] {0, 1, 1, 1, 0}, new int[] {0, 0, 1, 1, 2});
        assertEquals(0.6, r[0], 1e-15);
        assertEquals((0.5 + 0.8 + 0) / 3, r[1], 1e-15);
    }

    /** A detector that records what it was fitted on. */
    private static final class Spy implements OutlierDetector {
        final List<double[][]> seen = new ArrayList<>();

        @Override public String name() { return "spy"; }

        @Override public OutlierModel fit(double[][] train) {
            seen.add(train);
            double[] s = new double[train.length];
            for (int i = 0; i < s.length; i++) s[i] = train[i][0]; // column 0 is the score
            return OutlierModel.of(name(), train[0].length, s, x -> new double[x.length]);
        }
    }

    @Test
    void removalEffectOnlyTouchesTrainingRows() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 200;
        double[][] trainX = new double[n][2], testX = new double[60][2];
        int[] trainY = new int[n], testY = new int[60];
        for (int i = 0; i < n; i++) { trainY[i] = i % 2; trainX[i] = new double[] {r.nextDouble() * 100, trainY[i] * 3 + r.nextGaussian()}; }
        for (int i = 0; i < 60; i++) { testY[i] = i % 2; testX[i] = new double[] {r.nextDouble(), testY[i] * 3 + r.nextGaussian()}; }
        List<Integer> trainedSizes = new ArrayList<>();
        List<double[][]> trainedOn = new ArrayList<>();
        OutlierRemovalEffect.Trainer nearestMean = (x, y) -> {
            trainedSizes.add(x.length);
            trainedOn.add(x);
            double[] m = new double[2];
            int[] c = new int[2];
            for (int i = 0; i < x.length; i++) { m[y[i]] += x[i][1]; c[y[i]]++; }
            double m0 = m[0] / c[0], m1 = m[1] / c[1];
            return q -> {
                int[] p = new int[q.length];
                for (int i = 0; i < q.length; i++) p[i] = Math.abs(q[i][1] - m0) <= Math.abs(q[i][1] - m1) ? 0 : 1;
                return p;
            };
        };
        Spy spy = new Spy();
        Table t = OutlierRemovalEffect.run(List.of(spy), Labeled.data(trainX, trainY, 2), Labeled.data(testX, testY, 2), OutlierRemovalEffect.PERCENTS,
                nearestMean, null);
        assertEquals(1, spy.seen.size());
        assertSame(trainX, spy.seen.get(0), "the detector sees the training rows only");
        assertEquals(5, t.rowCount());
        assertEquals(List.of(200, 198, 195, 190, 180), trainedSizes.subList(0, 5), "baseline, then 1 %, 2.5 %, 5 %, 10 % removed");
        // the rows removed at 10 % are the 20 with the largest column 0
        double[][] kept = trainedOn.get(4);
        double minRemoved = Double.POSITIVE_INFINITY;
        java.util.Set<double[]> keptSet = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keptSet.addAll(List.of(kept));
        double maxKept = 0;
        for (double[] row : trainX) if (keptSet.contains(row)) maxKept = Math.max(maxKept, row[0]); else minRemoved = Math.min(minRemoved, row[0]);
        assertTrue(minRemoved > maxKept);
        for (double[] row : kept) for (double[] test : testX) assertTrue(row != test);
        assertEquals(List.of(0.0, 2.0, 5.0, 10.0, 20.0), t.doubleColumn("removed_rows").asList());
        assertEquals(t.doubleColumn("accuracy").getDouble(0), OutlierRemovalEffect.evaluate(
                nearestMean.fit(trainX, trainY).predict(testX), testY)[0]);
        String text = OutlierRemovalEffect.conclusion(t);
        assertTrue(text.startsWith("Baseline (no removal): macro-F1 "), text);
        assertTrue(text.contains("of 4 removal runs"), text);
        Table best = OutlierRemovalEffect.bestPerDetector(t);
        assertEquals(1, best.rowCount());
        emolab.chart.OutlierCharts.removalEffect(t, "macro_f1", "effect");
        assertThrows(IllegalArgumentException.class, () -> OutlierRemovalEffect.run(List.of(spy), Labeled.data(trainX, trainY, 2), Labeled.data(testX, new int[3], 2), OutlierRemovalEffect.PERCENTS, nearestMean, null));
        assertThrows(IllegalArgumentException.class, () -> OutlierRemovalEffect.run(List.of(spy), Labeled.data(trainX, trainY, 2), Labeled.data(testX, testY, 2), new double[] {60}, nearestMean, null));
    }

    @Test
    void classifierSpecTrainerAndBootstrapNoise() {
        Planted p = new Planted(Fixtures.input(), 1);
        int[] y = new int[p.train.length];
        for (int i = 0; i < y.length; i++) y[i] = p.train[i][1] > 0 ? 1 : 0; // learnable from column 1
        OutlierRemovalEffect.Trainer svm = OutlierRemovalEffect.trainer(
                emolab.classify.models.Classifiers.kernelSvm().with("C", 10).with("gamma", "auto"), new String[] {"low", "high"});
        int[] a = svm.fit(p.train, y).predict(p.test), b = svm.fit(p.train, y).predict(p.test);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        int[] truth = new int[p.test.length];
        for (int i = 0; i < truth.length; i++) truth[i] = p.test[i][1] > 0 ? 1 : 0;
        double acc = OutlierRemovalEffect.evaluate(a, truth)[0];
        System.out.println("SVC on the sign of column 1: test accuracy " + acc);
        assertTrue(acc > 0.9, "accuracy " + acc);
        // bootstrap noise: 0 for perfect predictions, about sqrt(f(1-f)/n)-sized for a coin flip
        assertEquals(0, OutlierRemovalEffect.bootstrapStd(truth, truth, 50, 1), 0.0);
        SplittableRandom r = new SplittableRandom(2);
        int[] coin = new int[truth.length];
        for (int i = 0; i < coin.length; i++) coin[i] = r.nextInt(2);
        double sd = OutlierRemovalEffect.bootstrapStd(coin, truth, 200, 3);
        assertTrue(sd > 0.005 && sd < 0.05, "bootstrap std " + sd);
        assertEquals(sd, OutlierRemovalEffect.bootstrapStd(coin, truth, 200, 3), 0.0);
        assertThrows(IllegalArgumentException.class, () -> OutlierRemovalEffect.bootstrapStd(coin, truth, 1, 3));
    }

    @Test
    void chartsAndProjections() {
        double[][] x = java.util.Arrays.copyOf(Fixtures.input(), 200);
        OutlierModel m = new Lof(10).fit(x);
        emolab.chart.OutlierCharts.scoreHistogram(m.trainingScores(), m.threshold(), 30, "LOF");
        double[][] pc = Projections.pca(x);
        assertEquals(200, pc.length);
        assertEquals(2, pc[0].length);
        emolab.chart.OutlierCharts.scatter(pc, m.trainingLabels(), "PCA", "PC1", "PC2");
        double[][] t1 = Projections.tsne(x, 20, 250, 3), t2 = Projections.tsne(x, 20, 250, 3);
        for (int i = 0; i < 200; i++) org.junit.jupiter.api.Assertions.assertArrayEquals(t1[i], t2[i], 0.0, "t-SNE row " + i);
        assertThrows(IllegalArgumentException.class, () -> emolab.chart.OutlierCharts.scatter(pc, new boolean[3], "t", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> Projections.tsne(x, 100, 10, 0));
        assertThrows(IllegalArgumentException.class,
                () -> emolab.chart.OutlierCharts.scoreHistogram(new double[] {Double.NaN}, 0, 10, "t"));
    }
}
