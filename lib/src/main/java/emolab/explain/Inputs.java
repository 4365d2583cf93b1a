package emolab.explain;

import java.util.List;

/** Argument checks shared by the explainers; every failure names the parameter, row and column. */
final class Inputs {
    private Inputs() {}

    /** Throws unless {@code x} is a non-empty rectangular matrix of {@code d} finite columns. */
    static void requireRows(double[][] x, int d, List<String> features, String what) {
        if (x == null || x.length == 0) throw new IllegalArgumentException(what + ": no rows");
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != d)
                throw new IllegalArgumentException(what + ": row " + i + " has " + (x[i] == null ? 0 : x[i].length)
                        + " columns, expected " + d + " (the model's features)");
            for (int j = 0; j < d; j++)
                if (!Double.isFinite(x[i][j]))
                    throw new IllegalArgumentException(what + ": row " + i + ", column " + j
                            + (features == null ? "" : " '" + features.get(j) + "'") + " is " + x[i][j]
                            + "; explainers need finite feature values (impute or drop the row first)");
        }
    }

    static List<String> names(List<String> given, int d, String prefix) {
        if (given == null) {
            String[] n = new String[d];
            for (int j = 0; j < d; j++) n[j] = prefix + j;
            return List.of(n);
        }
        if (given.size() != d)
            throw new IllegalArgumentException(given.size() + " " + prefix + " names given for " + d + " " + prefix + "s");
        return List.copyOf(given);
    }
}
