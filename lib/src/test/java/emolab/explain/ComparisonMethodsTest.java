package emolab.explain;

import emolab.numeric.Correlation;
import emolab.numeric.Ranks;
import emolab.prep.LabeledData;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The comparison methods (permutation importance, LIME, Spearman agreement) and the batched SVM. */
class ComparisonMethodsTest {

    /** Two classes; P(class 1) = sigmoid(3·x0 − 2·x1): features 2..4 are ignored. */
    static PredictFunction twoFeatureModel() {
        return x -> {
            double[][] o = new double[x.length][2];
            for (int i = 0; i < x.length; i++) {
                double p = 1 / (1 + Math.exp(-(3 * x[i][0] - 2 * x[i][1])));
                o[i][0] = 1 - p;
                o[i][1] = p;
            }
            return o;
        };
    }

    static LabeledData data(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][5];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) x[i][j] = r.nextGaussian();
            y[i] = 3 * x[i][0] - 2 * x[i][1] + 0.5 * r.nextGaussian() > 0 ? 1 : 0;
        }
        return new LabeledData(x, y, new String[] {"neg", "pos"}, null, List.of("f0", "f1", "f2", "f3", "f4"));
    }

    @Test
    void permutationImportanceFindsTheUsedFeaturesOnly() {
        BlackBoxImportance pi = BlackBoxImportance.compute(twoFeatureModel(), data(400, 1), 5, 2);
        assertTrue(pi.mean()[0] > 0.2 && pi.mean()[1] > 0.1, Arrays.toString(pi.mean()));
        assertTrue(pi.mean()[0] > pi.mean()[1]);
        for (int j = 2; j < 5; j++) assertEquals(0.0, pi.mean()[j], "unused feature " + j + " cannot change a prediction");
        assertEquals(pi.mean()[0], BlackBoxImportance.compute(twoFeatureModel(), data(400, 1), 5, 2).mean()[0], "seeded");
        assertThrows(IllegalArgumentException.class, () -> BlackBoxImportance.compute(twoFeatureModel(), data(10, 1), 0, 1));
    }

    @Test
    void limeRanksTheModelsFeaturesFirst() {
        LabeledData train = data(300, 3);
        Lime lime = Lime.of(twoFeatureModel(), train, 500, 3, 4);
        double[][] rows = Arrays.copyOf(data(20, 5).x(), 6);
        Explanations e = lime.explain(rows);
        double[] imp = e.meanAbs(1);
        int[] ord = Explanations.order(imp);
        System.out.println("LIME mean |term| for class pos: " + Arrays.toString(imp));
        assertEquals(0, ord[0], "x0 has the largest coefficient");
        assertEquals(1, ord[1], "x1 second");
        // outputs are the model's probabilities
        double[][] want = twoFeatureModel().predict(rows);
        for (int i = 0; i < rows.length; i++) assertArrayEquals(want[i], e.outputs()[i], 1e-12);
        double[][] nan = {rows[0].clone()};
        nan[0][1] = Double.NaN;
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> lime.explain(nan));
        assertTrue(ex.getMessage().contains("column 1 'f1'"), ex.getMessage());
    }

    @Test
    void spearmanMatchesScipy() {
        // scipy.stats.spearmanr([1,2,3,4,5],[5,6,7,8,7]).correlation = 0.8207826816681233 (ties → average ranks)
        assertEquals(0.8207826816681233, Correlation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}), 1e-12);
        assertEquals(-1.0, Correlation.spearman(new double[] {1, 2, 3}, new double[] {9, 4, 1}), 1e-15);
        assertArrayEquals(new double[] {1.5, 1.5, 3}, Ranks.average(new double[] {2, 2, 7}));
        var t = RankAgreement.table(RankAgreement.of("a", new double[] {1, 2, 3}, "b", new double[] {3, 2, 1}));
        assertEquals(-1.0, t.doubleColumn("b").get(0), 1e-12);
        assertEquals(1.0, t.doubleColumn("a").get(0), 1e-12);
    }

    @Test
    void batchedSvmEqualsSmilesPredict() {
        LabeledData test = CourseModels.test();
        GaussianSvm svm = CourseModels.svm();
        double[][] ours = svm.predict(test.x());
        double[][] smile = svm.classifier().predictProba(test.x()); // Smile's Platt-scaled machines, row by row
        double diff = 0;
        for (int i = 0; i < ours.length; i++) for (int c = 0; c < 8; c++) diff = Math.max(diff, Math.abs(ours[i][c] - smile[i][c]));
        System.out.printf("batched SVM (%d support vectors) vs Smile predict: max |diff| = %.2e%n", svm.numSupportVectors(), diff);
        assertTrue(diff < 1e-9, "batched SVM differs from Smile by " + diff);
    }
}
