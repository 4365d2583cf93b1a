package emolab.classify;

import emolab.classify.tune.Protocol;

import emolab.classify.models.Classifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import emolab.classify.tune.CrossValidation;

/** The sentences notebook 02 prints follow the numbers they are given, whichever way they point. */
class ProtocolConclusionTest {

    /** An outcome with the given test accuracy / macro-F1 on n rows and, if cvAcc is not NaN, CV folds with that mean. */
    static Protocol.Outcome outcome(String name, double acc, double f1, int n, double cvAcc, double cvSpread) {
        CrossValidation.Result cv = null;
        if (!Double.isNaN(cvAcc)) {
            List<CrossValidation.FoldScore> folds = new ArrayList<>();
            folds.add(new CrossValidation.FoldScore(0, Set.of(1), 10, 10, cvAcc - cvSpread, cvAcc - cvSpread, 0.1));
            folds.add(new CrossValidation.FoldScore(1, Set.of(2), 10, 10, cvAcc + cvSpread, cvAcc + cvSpread, 0.1));
            cv = new CrossValidation.Result(Classifiers.majority(), folds);
        }
        return new Protocol.Outcome(name, cv, null, new int[n], acc, f1, Double.NaN, 0.1);
    }

    @Test
    void leakageClearlyInflatesTheRandomSplit() {
        String s = Protocol.leakageConclusion(outcome("random", 0.80, 0.78, 600, Double.NaN, 0), outcome("actors", 0.55, 0.52, 600, Double.NaN, 0));
        assertTrue(s.contains("Random split of the recordings: accuracy 0.800, macro-F1 0.780. Held-out actors: accuracy 0.550, macro-F1 0.520."), s);
        assertTrue(s.contains("inflates accuracy by 0.250 (25.0 percentage points"), s);
    }

    @Test
    void aGapWithinTheNoiseIsNotCalledLeakage() {
        // 0.62 vs 0.60 on 200 rows each: standard error of the difference ≈ 0.049
        String s = Protocol.leakageConclusion(outcome("random", 0.62, 0.6, 200, Double.NaN, 0), outcome("actors", 0.60, 0.58, 200, Double.NaN, 0));
        assertTrue(s.contains("the gap (+0.020) is within twice its standard error"), s);
        assertFalse(s.contains("inflates"), s);
    }

    @Test
    void aRandomSplitThatScoresLowerIsReportedAsSuch() {
        String s = Protocol.leakageConclusion(outcome("random", 0.50, 0.5, 600, Double.NaN, 0), outcome("actors", 0.70, 0.7, 600, Double.NaN, 0));
        assertTrue(s.contains("the random split scores 0.200 lower than the held-out actors"), s);
        assertFalse(s.contains("inflates"), s);
    }

    @Test
    void theWinnerIsChosenByCrossValidationAndTheTestWinnerOnlyReported() {
        List<Protocol.Outcome> o = List.of(
                outcome("majority", 0.15, 0.03, 100, 0.15, 0.0),
                outcome("logistic", 0.58, 0.55, 100, 0.60, 0.04),
                outcome("svm", 0.61, 0.60, 100, 0.62, 0.03),
                outcome("tree", 0.40, 0.38, 100, 0.45, 0.03),
                outcome("forest (no CV)", 0.66, 0.64, 100, Double.NaN, 0));
        String s = Protocol.conclusion(o, "majority");
        assertTrue(s.startsWith("Chosen by cross-validation on the training actors: svm (CV accuracy 0.620 ± 0.030"), s);
        assertTrue(s.contains("on the held-out actors it scores accuracy 0.610, macro-F1 0.600"), s);
        assertTrue(s.contains("Within one fold standard deviation of it: logistic — the ranking among these is not settled."), s);
        assertTrue(s.contains("Highest held-out accuracy: forest (no CV) (0.660, macro-F1 0.640); a test-set winner is reported, not chosen."), s);
        assertTrue(s.contains("The majority baseline scores 0.150: the best model is 0.510 above it."), s);
    }

    @Test
    void aClearCrossValidationWinnerThatAlsoWinsTheTest() {
        List<Protocol.Outcome> o = List.of(outcome("majority", 0.15, 0.03, 100, 0.15, 0.0), outcome("svm", 0.70, 0.69, 100, 0.72, 0.01),
                outcome("tree", 0.40, 0.38, 100, 0.45, 0.03));
        String s = Protocol.conclusion(o, "majority");
        assertTrue(s.contains("No other cross-validated model comes within one fold standard deviation of it."), s);
        assertTrue(s.contains("Highest held-out accuracy: svm (0.700, macro-F1 0.690), the same model."), s);
        assertEquals("No model was evaluated.", Protocol.conclusion(List.of(), "majority"));
    }

    @Test
    void featureSetsComparedModelByModel() {
        List<Protocol.Outcome> course = List.of(outcome("course · lr", 0.5, 0.50, 100, Double.NaN, 0), outcome("course · rf", 0.5, 0.55, 100, Double.NaN, 0));
        List<Protocol.Outcome> better = List.of(outcome("rich · lr", 0.6, 0.60, 100, Double.NaN, 0), outcome("rich · rf", 0.6, 0.65, 100, Double.NaN, 0));
        List<Protocol.Outcome> mixed = List.of(outcome("rich · lr", 0.6, 0.60, 100, Double.NaN, 0), outcome("rich · rf", 0.4, 0.45, 100, Double.NaN, 0));
        String s = Protocol.featureSetConclusion(course, better, "course", "rich");
        assertTrue(s.contains("rich · lr 0.500 → 0.600 (+0.100); rich · rf 0.550 → 0.650 (+0.100)"), s);
        assertTrue(s.endsWith("Mean change +0.100: on this run, the rich features improved every model."), s);
        String m = Protocol.featureSetConclusion(course, mixed, "course", "rich");
        assertTrue(m.endsWith("on this run, the rich features helped 1 of 2 models by more than 0.01 and hurt 1."), m);
        assertTrue(Protocol.featureSetConclusion(better, course, "rich", "course").endsWith("the course features made every model worse."));
        assertThrows(IllegalArgumentException.class, () -> Protocol.featureSetConclusion(course, better.subList(0, 1), "a", "b"));
    }
}
