package emolab.imbalance;

import java.util.List;

import emolab.prep.GroupKFold;
import emolab.prep.LabeledData;

/** Test shorthand: a {@link ResamplingStudy} on plain arrays, wrapped as {@link LabeledData}. */
final class Studies {
    private Studies() {}

    static LabeledData data(double[][] X, int[] y, String[] names) {
        return new LabeledData(X, y, names, null, null);
    }

    static ResamplingStudy of(double[][] X, int[] y, double[][] Xt, int[] yt, String[] names) {
        return ResamplingStudy.of(data(X, y, names), data(Xt, yt, names));
    }

    static ResamplingStudy crossValidation(double[][] X, int[] y, List<GroupKFold.Fold> folds, String[] names) {
        return ResamplingStudy.crossValidation(data(X, y, names), folds);
    }
}
