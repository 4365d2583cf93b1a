package emolab.explain;

import emolab.prep.CourseTables;
import emolab.prep.LabeledData;
import emolab.prep.PreparedData;
import emolab.SharedData;
import java.nio.file.Path;
import smile.classification.RandomForest;

/** The course's prepared tables and models fitted once per test JVM (fits are the slow part). */
final class CourseModels {
    private CourseModels() {}

    private static PreparedData tables;
    private static RandomForest forest;
    private static GaussianSvm svm;

    static synchronized LabeledData train() {
        if (tables == null) tables = CourseTables.load(dir(), "emotion");
        return tables.train();
    }

    static synchronized LabeledData test() {
        train();
        return tables.test();
    }

    /** A 60-tree Smile forest on the prepared TRAIN table (seed 1). */
    static synchronized RandomForest forest() {
        if (forest == null) forest = SmileModels.randomForest(train().x(), train().y(), train().featureNames(), 60, 1);
        return forest;
    }

    /** The course's SVC(C=10, gamma='auto') as a Smile one-vs-rest Gaussian SVM (σ = sqrt(d/2)). */
    static synchronized GaussianSvm svm() {
        if (svm == null) svm = GaussianSvm.fit(train().x(), train().y(), Math.sqrt(train().numFeatures() / 2.0), 10, 1);
        return svm;
    }

    private static Path dir() {
        return SharedData.require("ravdess/features/prepared_features_TRAIN.csv").getParent();
    }
}
