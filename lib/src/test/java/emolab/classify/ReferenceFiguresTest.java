package emolab.classify;

import emolab.classify.models.ReferenceFigures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import emolab.SharedData;
import emolab.classify.eval.Metrics;
import emolab.classify.tune.CrossValidation;
import emolab.prep.CourseTables;
import emolab.prep.GroupKFold;
import emolab.prep.PreparedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each EmoLab model with the course's scikit-learn settings reaches, on the course's prepared
 * table (train actors 1–18, test actors 19–24, emotion), a test accuracy within 3 points of
 * scikit-learn 1.2.1's ({@link ReferenceFigures}; source: the reference figures).
 * Tolerance: 0.03 absolute, as specified. Stochastic models use their default seed
 * ({@code random_state = 0}). Each model is fitted once.
 */
class ReferenceFiguresTest {
    static PreparedData split;

    @BeforeAll
    static void load() {
        Path dir = SharedData.require("ravdess/features/prepared_features_TRAIN.csv").getParent();
        split = CourseTables.load(dir, "emotion");
    }

    @Test
    void courseTablesLoad() {
        assertEquals(1828, split.train().size());
        assertEquals(624, split.test().size());
        assertEquals(106, split.train().numFeatures());
        assertEquals(List.of("angry", "calm", "disgust", "fearful", "happy", "neutral", "sad", "surprised"),
                List.of(split.train().classes()));
        List<GroupKFold.Fold> folds = CrossValidation.leaveActorsOut(split.train(), 6);
        assertEquals(6, folds.size());
        for (int f = 0; f < 6; f++) assertEquals(Set.of(3 * f + 1, 3 * f + 2, 3 * f + 3), folds.get(f).testGroups());
    }

    @Test
    void eachModelIsWithinThreePointsOfScikitLearn() {
        List<String> failures = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-15s %9s %9s %8s %8s  (%d cores)%n", "model", "accuracy", "sklearn", "diff", "fit s",
                Runtime.getRuntime().availableProcessors());
        for (ReferenceFigures.Reference r : ReferenceFigures.course()) {
            Classifier m = r.spec().fit(split.train());
            double acc = Metrics.accuracy(split.test().y(), m.predict(split.test().x()));
            double diff = acc - r.sklearnAccuracy();
            System.out.printf(Locale.ROOT, "%-15s %9.4f %9.4f %+8.4f %8.2f%n", r.name(), acc, r.sklearnAccuracy(), diff, m.fitSeconds());
            if (Math.abs(diff) > 0.03) failures.add(String.format(Locale.ROOT, "%s: %.4f vs sklearn %.4f", r.name(), acc, r.sklearnAccuracy()));
        }
        assertTrue(failures.isEmpty(), "more than 3 points from scikit-learn: " + failures);
    }
}
