package emolab.prep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Input validation shared by fitting, prediction and model selection; every failure names what is wrong. */
public final class Checks {
    private Checks() {}

    /**
     * Validates a training set and returns the feature names to use.
     *
     * @throws IllegalArgumentException on empty or ragged {@code x}, NaN/infinite features,
     *     mismatched row counts, codes outside {@code classes}, bad class names or bad feature names
     */
    public static List<String> training(double[][] x, int[] y, String[] classes, List<String> featureNames) {
        int d = matrix(x, featureNames, "X");
        if (y == null) throw new IllegalArgumentException("y is null");
        if (y.length != x.length)
            throw new IllegalArgumentException("mismatched row counts: X has " + x.length + " rows but y has " + y.length + " labels");
        classes(classes);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes.length)
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not a class code in [0, " + classes.length + ")");
        }
        return featureNames == null ? defaultNames(d) : List.copyOf(featureNames);
    }

    /** Validates class names: non-empty, no nulls, no duplicates. */
    public static void classes(String[] classes) {
        if (classes == null || classes.length == 0) throw new IllegalArgumentException("classes must not be empty");
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < classes.length; c++) {
            if (classes[c] == null) throw new IllegalArgumentException("classes[" + c + "] is null");
            if (!seen.add(classes[c])) throw new IllegalArgumentException("duplicate class name '" + classes[c] + "'");
        }
    }

    /**
     * Checks that {@code x} is a non-empty rectangular matrix of finite values (with
     * {@code featureNames.size()} columns when names are given) and returns its column count.
     */
    public static int matrix(double[][] x, List<String> featureNames, String what) {
        if (x == null || x.length == 0) throw new IllegalArgumentException(what + " has no rows");
        if (x[0] == null) throw new IllegalArgumentException(what + " row 0 is null");
        int d = x[0].length;
        if (d == 0) throw new IllegalArgumentException(what + " has no feature columns");
        if (featureNames != null && featureNames.size() != d)
            throw new IllegalArgumentException(what + " has " + d + " columns but " + featureNames.size() + " feature names were given");
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            if (row == null) throw new IllegalArgumentException(what + " row " + i + " is null");
            if (row.length != d)
                throw new IllegalArgumentException(what + " row " + i + " has " + row.length + " features, row 0 has " + d);
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    String f = featureNames != null ? "feature '" + featureNames.get(j) + "' (column " + j + ")" : "feature column " + j;
                    throw new IllegalArgumentException(what + ": " + f + " is " + row[j] + " at row " + i
                            + "; impute or drop missing values before fitting");
                }
            }
        }
        return d;
    }

    /** Names {@code x0 .. x(d-1)}. */
    public static List<String> defaultNames(int d) {
        List<String> n = new ArrayList<>(d);
        for (int j = 0; j < d; j++) n.add("x" + j);
        return List.copyOf(n);
    }
}
