package emolab.outliers;

import emolab.SharedData;
import emolab.prep.Csv;
import emolab.prep.Tables;
import tech.tablesaw.api.Table;

import java.util.List;

/** The outlier conformance fixtures in {@code ../shared/conformance/outliers} (see its README). */
final class Fixtures {
    private Fixtures() {}

    static final List<String> F = List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9");

    static Table table(String file) {
        return Csv.read(SharedData.require("conformance/outliers/" + file));
    }

    /** The 1828 × 10 input X. */
    static double[][] input() {
        return Tables.toMatrix(table("out_input.csv"), F);
    }

    static double[] column(String file, String col) {
        return Tables.column(table(file), col);
    }

    /** Asserts |a − e| ≤ rel·|e| for every element, reporting the worst. */
    static double assertRelative(double[] expected, double[] actual, double rel, String what) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            double r = e == a ? 0 : Math.abs(a - e) / Math.abs(e);
            if (!(r <= worst)) {
                worst = r;
                at = i;
            }
        }
        System.out.printf("%-28s worst relative error %.3e (row %d)%n", what, worst, at);
        if (!(worst <= rel))
            org.junit.jupiter.api.Assertions.fail(String.format("%s: row %d expected %s, got %s (relative error %.3e > %.1e)",
                    what, at, expected[at], actual[at], worst, rel));
        return worst;
    }
}
