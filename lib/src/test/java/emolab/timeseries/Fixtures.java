package emolab.timeseries;

import emolab.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads the numeric golden CSVs of {@code ../shared/conformance/timeseries} (header row, Python repr floats). */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        return SharedData.require("conformance/timeseries/" + name);
    }

    /** All cells as doubles, {@code skipColumns} leading columns dropped. */
    static double[][] matrix(Path file, int skipColumns) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                double[] r = new double[f.length - skipColumns];
                for (int j = skipColumns; j < f.length; j++) r[j - skipColumns] = Double.parseDouble(f[j]);
                rows.add(r);
            }
            return rows.toArray(new double[0][]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[][] matrix(String name) {
        return matrix(path(name), 0);
    }

    static double[][] input() {
        return matrix("ts_input.csv");
    }

    /**
     * Asserts {@code |a − e| ≤ rel·|e| + abs} cell by cell and returns the worst relative error
     * (over cells with |e| &gt; abs), for printing.
     */
    static double assertClose(double[] expected, double[] actual, double rel, double abs, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            double err = Math.abs(a - e);
            if (!(err <= rel * Math.abs(e) + abs))
                fail(what + "[" + i + "]: expected " + e + ", got " + a + " (|diff| " + err + ", rel " + err / Math.abs(e) + ")");
            if (Math.abs(e) > abs) worst = Math.max(worst, err / Math.abs(e));
        }
        return worst;
    }

    static double assertClose(double[][] expected, double[][] actual, double rel, double abs, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        double worst = 0;
        for (int i = 0; i < expected.length; i++)
            worst = Math.max(worst, assertClose(expected[i], actual[i], rel, abs, what + "[" + i + "]"));
        return worst;
    }
}
