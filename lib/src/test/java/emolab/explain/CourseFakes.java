package emolab.explain;

/** Small stand-ins for tests. */
final class CourseFakes {
    private CourseFakes() {}

    /** A Smile model that is not a tree model (a linear SVM on two points). */
    static Object svmLike() {
        return smile.classification.SVM.fit(new double[][] {{0, 0}, {1, 1}, {0, 1}, {1, 0}}, new int[] {-1, 1, -1, 1}, 1.0, 1e-3);
    }
}
