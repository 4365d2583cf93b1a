package emolab.classify.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import emolab.classify.Blobs;
import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.FeatureImportance;
import emolab.classify.KernelModelAccess;
import emolab.prep.LabeledData;
import emolab.classify.LossCurve;
import emolab.classify.Probabilities;
import emolab.classify.TreeEnsembleAccess;
import emolab.explain.GaussianSvm;
import emolab.explain.TreeShap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capabilities are interfaces answered by {@link Classifier#as}: every family answers exactly the
 * ones it has (present) and refuses the others (empty Optional, clear errors from the
 * convenience methods), a saved and loaded model answers the same, and a probabilistic model
 * predicts the argmax of its probabilities.
 */
class CapabilitiesTest {
    static final LabeledData DATA = Blobs.make(3, 40, 5, 3, 2.0, 6, 21);
    static final List<Class<?>> ALL = List.of(Probabilities.class, FeatureImportance.class, TreeEnsembleAccess.class,
            KernelModelAccess.class, LossCurve.class);

    record Case(ClassifierSpec spec, Set<Class<?>> has) {}

    static Map<String, Case> cases() {
        Class<?> p = Probabilities.class, f = FeatureImportance.class, t = TreeEnsembleAccess.class, k = KernelModelAccess.class,
                c = LossCurve.class;
        Map<String, Case> m = new LinkedHashMap<>();
        m.put("majority", new Case(Classifiers.majority(), Set.of(p)));
        m.put("decision tree", new Case(Classifiers.decisionTree().with("max_depth", 4), Set.of(p, f, t)));
        m.put("EmoLab forest", new Case(Classifiers.randomForest().with("n_estimators", 8), Set.of(p, f, t)));
        m.put("Smile forest", new Case(Classifiers.randomForest().with("n_estimators", 8).with("max_leaf_nodes", 12), Set.of(p, f, t)));
        m.put("bagging", new Case(Classifiers.bagging(Classifiers.decisionTree()).with("n_estimators", 4), Set.of(p, f)));
        m.put("AdaBoost", new Case(Classifiers.adaBoost().with("n_estimators", 10), Set.of(p, f)));
        m.put("gradient boosting", new Case(Classifiers.gradientBoosting().with("n_estimators", 10), Set.of(p, f, t)));
        m.put("XGBoost", new Case(Classifiers.xgboost().with("n_estimators", 5), Set.of(p, f)));
        m.put("linear SVM", new Case(Classifiers.linearSvm(), Set.of(f)));
        m.put("linear SVM + Platt", new Case(Classifiers.linearSvm().with("probability", true), Set.of(p, f)));
        m.put("kernel SVM", new Case(Classifiers.kernelSvm(), Set.of()));
        m.put("kernel SVM + probabilities", new Case(Classifiers.kernelSvm().with("probability", true), Set.of(p)));
        m.put("one-vs-rest SVM", new Case(Classifiers.oneVsRestSvm().with("C", 10), Set.of(p, k)));
        m.put("logistic regression", new Case(Classifiers.logisticRegression(), Set.of(p, f)));
        m.put("k-NN", new Case(Classifiers.kNearestNeighbors(), Set.of(p)));
        m.put("Smile MLP", new Case(Classifiers.smileMlp().with("max_iter", 5), Set.of(p, c)));
        m.put("scaled tree", new Case(Classifiers.standardScaled(Classifiers.decisionTree().with("max_depth", 4)), Set.of(p, f)));
        return m;
    }

    @Test
    void eachCapabilityIsAnsweredByTheModelsThatHaveItAndRefusedByTheOthers(@TempDir Path dir) {
        for (var e : cases().entrySet()) {
            String name = e.getKey();
            Classifier model = e.getValue().spec().fit(DATA);
            Path file = dir.resolve(name.replace(' ', '_') + ".model");
            model.save(file);
            Classifier loaded = Classifier.load(file);
            for (Classifier m : List.of(model, loaded)) {
                String who = name + (m == model ? "" : " (loaded)");
                for (Class<?> cap : ALL)
                    assertEquals(e.getValue().has().contains(cap), m.as(cap).isPresent(), who + " answers " + cap.getSimpleName());
                assertEquals(m.as(Probabilities.class).isPresent(), m.hasProbabilities(), who);
                assertEquals(m.as(FeatureImportance.class).isPresent(), m.hasFeatureImportance(), who);
                assertEquals(m.as(LossCurve.class).isPresent(), m.lossCurve().isPresent(), who);
                if (!m.hasProbabilities()) {
                    IllegalStateException x = assertThrows(IllegalStateException.class, () -> m.predictProba(DATA.x()), who);
                    assertTrue(x.getMessage().contains("gives no class probabilities"), x.getMessage());
                }
                if (!m.hasFeatureImportance()) {
                    IllegalStateException x = assertThrows(IllegalStateException.class, m::featureImportance, who);
                    assertTrue(x.getMessage().contains("permutation importance"), x.getMessage());
                    assertTrue(m.importanceKind().isEmpty(), who);
                }
            }
            assertArrayEquals(model.predict(DATA.x()), loaded.predict(DATA.x()), name);
            if (model.hasProbabilities()) {
                double[][] a = model.as(Probabilities.class).orElseThrow().predictProba(DATA.x());
                double[][] b = loaded.as(Probabilities.class).orElseThrow().predictProba(DATA.x());
                double[][] c = model.predictProba(DATA.x());
                for (int i = 0; i < a.length; i++) {
                    assertArrayEquals(c[i], a[i], 0.0, name + ": the capability gives predictProba");
                    assertArrayEquals(a[i], b[i], 0.0, name + ": probabilities change after save/load");
                }
            }
            if (model.hasFeatureImportance()) {
                double[] imp = model.as(FeatureImportance.class).orElseThrow().featureImportance();
                assertEquals(1.0, Arrays.stream(imp).sum(), 1e-12, name + ": importance normalised");
                assertArrayEquals(model.featureImportance(), imp, 0.0, name);
                assertArrayEquals(imp, loaded.featureImportance(), 0.0, name);
            }
        }
    }

    @Test
    void probabilisticModelsPredictTheArgmaxOfTheirProbabilities() {
        for (String name : List.of("majority", "decision tree", "EmoLab forest", "Smile forest", "bagging", "gradient boosting",
                "one-vs-rest SVM", "logistic regression", "Smile MLP")) {
            Classifier m = cases().get(name).spec().fit(DATA);
            assertArrayEquals(Probabilities.argmax(m.predictProba(DATA.x())), m.predict(DATA.x()), name);
        }
    }

    @Test
    void treeShapIsAdditiveOnEveryTreeModelAndAfterSaveAndLoad(@TempDir Path dir) {
        double[][] rows = Arrays.copyOf(DATA.x(), 30);
        for (String name : List.of("decision tree", "EmoLab forest", "Smile forest", "gradient boosting")) {
            Classifier m = cases().get(name).spec().fit(DATA);
            Path file = dir.resolve("m.model");
            m.save(file);
            Classifier loaded = Classifier.load(file);
            var e = TreeShap.of(m).explain(rows);
            var l = TreeShap.of(loaded).explain(rows);
            assertTrue(e.maxAdditivityError() < 1e-9, name + ": additivity error " + e.maxAdditivityError());
            boolean margins = m.as(TreeEnsembleAccess.class).orElseThrow().output() == TreeEnsembleAccess.Output.MARGIN;
            double[][] proba = m.predictProba(rows);
            int[] predicted = m.predict(rows);
            for (int i = 0; i < rows.length; i++) {
                double[] out = e.outputs()[i];
                // probabilities exactly; margins through their argmax (softmax = Smile's probabilities: TreeShapTest)
                if (margins) assertEquals(predicted[i], Probabilities.argmax(out), name + ": the margins give the prediction, row " + i);
                else assertArrayEquals(proba[i], out, 1e-12, name + ": the trees give the model's output, row " + i);
                assertArrayEquals(e.values(0)[i], l.values(0)[i], 0.0, name + ": SHAP values change after save/load");
            }
        }
    }

    @Test
    void kernelAccessGivesTheBatchedSvmTheModelsProbabilities(@TempDir Path dir) {
        Classifier svm = Classifiers.oneVsRestSvm().with("C", 10).with("random_state", 3).fit(DATA);
        Path file = dir.resolve("svm.model");
        svm.save(file);
        double[][] want = svm.predictProba(DATA.x());
        for (Classifier m : List.of(svm, Classifier.load(file))) {
            double[][] got = GaussianSvm.of(m).predict(DATA.x());
            for (int i = 0; i < got.length; i++) assertArrayEquals(want[i], got[i], 1e-9, "row " + i); // the BLAS kernel's rounding, as in ComparisonMethodsTest
        }
        Classifier forest = Classifiers.randomForest().with("n_estimators", 4).fit(DATA);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> GaussianSvm.of(forest));
        assertTrue(x.getMessage().contains("RandomForest gives no kernel-machine access"), x.getMessage());
        assertFalse(forest.as(KernelModelAccess.class).isPresent());
    }
}
