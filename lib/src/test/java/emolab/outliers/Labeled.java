package emolab.outliers;

import emolab.prep.LabeledData;

/** Test shorthand: rows and class codes as {@link LabeledData} with classes {@code c0 .. c(max)}. */
final class Labeled {
    private Labeled() {}

    static LabeledData data(double[][] x, int[] y, int numClasses) {
        String[] classes = new String[numClasses];
        for (int c = 0; c < numClasses; c++) classes[c] = "c" + c;
        return new LabeledData(x, y, classes, null, null);
    }
}
