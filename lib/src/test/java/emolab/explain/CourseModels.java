package emolab.explain;

import emolab.SharedData;
import emolab.prep.CourseTables;
import emolab.prep.PreparedData;
import java.nio.file.Path;
import emolab.classify.Classifier;
import emolab.prep.LabeledData;
import emolab.classify.models.Classifiers;

/** The course's prepared tables and models fitted once per test JVM (fits are the slow part). */
final class CourseModels {
    private CourseModels() {}

    private static PreparedData tables;
    private static Classifier forest;
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
    static synchronized Classifier forest() {
        if (forest == null) forest = TreeModels.smileForest(train(), 60, 1);
        return forest;
    }

    /** The course's SVC(C=10, gamma='auto') as a Smile one-vs-rest Gaussian SVM (σ = sqrt(d/2)). */
    static synchronized GaussianSvm svm() {
        if (svm == null) svm = GaussianSvm.of(Classifiers.oneVsRestSvm().with("C", 10).with("gamma", "auto").with("random_state", 1)
                .fit(train().x(), train().y(), train().classes(), train().featureNames()));
        return svm;
    }

    private static Path dir() {
        return SharedData.require("ravdess/features/prepared_features_TRAIN.csv").getParent();
    }
}
