package emolab.explain;

import emolab.prep.LabeledData;
import static org.junit.jupiter.api.Assertions.*;

import emolab.classify.Classifier;
import emolab.classify.models.Classifiers;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The explainers on the classification stage's {@link Classifier} API. */
class ClassifierAdapterTest {

    @Test
    void treeShapOnStageTwoForestAndBoostingAddsUpToPredictProbaOrMargins() {
        LabeledData d = TreeShapTest.synthetic(300, 11);
        String[] classes = d.classes();
        Classifier rf = Classifiers.randomForest().with("n_estimators", 10).with("random_state", 3).fit(d.x(), d.y(), classes, d.featureNames());
        TreeShap ts = TreeShap.of(rf);
        assertEquals(d.featureNames(), ts.features());
        double[][] rows = Arrays.copyOf(d.x(), 40);
        Explanations e = ts.explain(rows);
        double[][] proba = rf.predictProba(rows);
        for (int i = 0; i < rows.length; i++) assertArrayEquals(proba[i], e.outputs()[i], 1e-12);
        assertTrue(e.maxAdditivityError() < 1e-9);

        Classifier gb = Classifiers.gradientBoosting().with("n_estimators", 10).fit(d.x(), d.y(), classes, d.featureNames());
        Explanations g = TreeShap.of(gb).explain(rows);
        assertEquals(OutputSpace.MARGIN, g.space());
        double[][] gp = gb.predictProba(rows);
        for (int i = 0; i < rows.length; i++) assertArrayEquals(gp[i], TreeShapTest.softmax(g.outputs()[i]), 1e-12);
        assertTrue(g.maxAdditivityError() < 1e-9);
    }

    /** KernelSHAP on the stage-2 neural networks (Smile MLP, DL4J MLP) through predictProba: additive, matches exact values on 6 features. */
    @Test
    void kernelShapExplainsTheNeuralNetworks() {
        LabeledData d = TreeShapTest.synthetic(240, 13);
        String[] classes = d.classes();
        Background bg = Background.kmeans(d.x(), 6, 1);
        double[][] rows = Arrays.copyOf(d.x(), 4);
        for (Classifier net : java.util.List.of(
                Classifiers.smileMlp().with("max_iter", 30).fit(d.x(), d.y(), classes, d.featureNames()),
                Classifiers.dl4jMlp().with("max_iter", 30).fit(d.x(), d.y(), classes, d.featureNames()))) {
            PredictFunction f = PredictFunction.of(net);
            Explanations k = KernelShap.builder(bg).seed(1).build().explain(f, rows);
            Explanations exact = ExactShap.explain(f, bg, rows, null, null);
            double diff = KernelShapTest.maxDiff(k, exact);
            System.out.printf("KernelSHAP on %s: additivity %.1e, vs exact %.1e%n", net.spec().name(), k.maxAdditivityError(), diff);
            assertTrue(k.maxAdditivityError() < 1e-9);
            // 6 features: the default budget enumerates all 62 coalitions, so KernelSHAP is exact up to the
            // model's own float32 rounding (DL4J computes in float)
            assertTrue(diff < 1e-5, net.spec().name() + ": " + diff);
        }
    }

    @Test
    void unsupportedModelsAreRefusedClearly() {
        LabeledData d = TreeShapTest.synthetic(120, 12);
        String[] classes = d.classes();
        Classifier svm = Classifiers.kernelSvm().fit(d.x(), d.y(), classes, d.featureNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TreeShap.of(svm));
        assertTrue(e.getMessage().contains("does not support KernelSvm"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> PredictFunction.of(svm));
        assertTrue(p.getMessage().contains("probability=true"), p.getMessage());
    }
}
