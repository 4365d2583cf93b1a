package emolab.timeseries;

import emolab.timeseries.representations.DftApproximation;
import emolab.timeseries.representations.Paa;
import emolab.timeseries.representations.Sax;
import emolab.SharedData;
import emolab.data.Audio;
import emolab.data.WavReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course's 139-segment PAA / SAX (alphabet 14) / DFT tables
 * ({@code ../shared/ravdess/features/ts_data_TEST_100_*.csv}) rebuilt from the 104 actor-19
 * recordings ({@code ../shared/ravdess/wav48k/Actor_19}): {@link CourseSeries#course()} (cut
 * 140,941, decimate 10, z-normalise, rolling mean 141 = 13,955 points), then the course's
 * per-series scaler (z-normalisation again) and tslearn PAA(139), SAX(14) and pyts-layout DFT(139).
 *
 * <p>The course loaded its audio as float32 ({@code librosa.load}), so SciPy filtered and NumPy
 * z-normalised in float32; {@link CourseSeries.Precision#FLOAT32} reproduces that bit for bit
 * (checked against SciPy 1.10.1 / NumPy 1.24.2 during development). What remains is float32
 * rounding on the course's machine: moving the float32 mean or std of a decimated series by one
 * ulp (a different NumPy summation order does that) moves its PAA values by up to ~6e-7. Measured:
 * PAA max |diff| 1.22e-6 over the 104 rows (median row 3.8e-7). Tolerances: PAA absolute 3e-6
 * (values are O(1)); DFT coefficients 1..138 absolute 3e-6 × the row's largest |coefficient|
 * (measured 8.0e-7); DFT coefficient 0 is rounding noise of a zero-mean series (the table has
 * ~1e-13) and is checked to be below 1e-9 in both; SAX symbols equal unless the PAA value lies
 * within 3e-6 of a breakpoint (none does: 0 exceptions). The float64 path (the recipe as written)
 * differs from the tables by up to ~1e-4 (measured 9.6e-5); asserted below 2e-4.
 */
class CourseTablesConformanceTest {
    static final int ROWS = 104;
    static Map<String, Integer> rowOf = new LinkedHashMap<>();
    static double[][] paaTable, saxTable, dftTable;
    static Path wavDir;

    @BeforeAll
    static void load() throws IOException {
        Path labels = SharedData.require("ravdess/features/ts_Y_TEST.csv");
        wavDir = SharedData.require("ravdess/wav48k/Actor_19");
        List<String> lines = Files.readAllLines(labels);
        List<String> header = List.of(lines.get(0).split(","));
        int fn = header.indexOf("filename");
        for (int i = 1; i < lines.size(); i++) {
            String name = lines.get(i).split(",")[fn];
            if (name.endsWith("-19.wav")) rowOf.put(name, i - 1);
        }
        paaTable = Fixtures.matrix(SharedData.require("ravdess/features/ts_data_TEST_100_PAA.csv"), 1);
        saxTable = Fixtures.matrix(SharedData.require("ravdess/features/ts_data_TEST_100_SAX.csv"), 1);
        dftTable = Fixtures.matrix(SharedData.require("ravdess/features/ts_data_TEST_100_DFT.csv"), 1);
    }

    record Errors(double paa, double dftRel, int saxMismatch, int saxNearBreakpoint) {}

    static Errors compare(CourseSeries recipe, double paaTol) throws IOException {
        Paa paa = Paa.of(139);
        Sax sax = new Sax(14);
        double[] bp = sax.breakpoints();
        double worstPaa = 0, worstDft = 0;
        int mismatch = 0, near = 0;
        for (Map.Entry<String, Integer> e : rowOf.entrySet()) {
            Audio a = WavReader.read(wavDir.resolve(e.getKey()));
            double[] s = recipe.build(a);
            assertEquals(13_955, s.length);
            double[] z = ZNormalization.apply(s);
            double[] p = paa.transform(z);
            int[] w = sax.symbols(p);
            double[] d = DftApproximation.interleaved(z, 139);
            int r = e.getValue();
            double dftScale = 0;
            for (double v : dftTable[r]) dftScale = Math.max(dftScale, Math.abs(v));
            assertTrue(Math.abs(d[0]) < 1e-9 && Math.abs(dftTable[r][0]) < 1e-9, "DFT re0 of a zero-mean series");
            for (int j = 0; j < 139; j++) {
                worstPaa = Math.max(worstPaa, Math.abs(p[j] - paaTable[r][j]));
                if (j > 0) worstDft = Math.max(worstDft, Math.abs(d[j] - dftTable[r][j]) / dftScale);
                if (w[j] != (int) saxTable[r][j]) {
                    boolean isNear = false;
                    for (double b : bp) isNear |= Math.abs(paaTable[r][j] - b) <= paaTol;
                    if (isNear) near++;
                    else mismatch++;
                }
            }
        }
        return new Errors(worstPaa, worstDft, mismatch, near);
    }

    @Test
    void float32RecipeReproducesTheCourseTables() throws IOException {
        assertEquals(ROWS, rowOf.size(), "actor-19 rows in ts_Y_TEST.csv");
        double tol = 3e-6;
        Errors f32 = compare(CourseSeries.course().withPrecision(CourseSeries.Precision.FLOAT32), tol);
        Errors f64 = compare(CourseSeries.course(), tol);
        System.out.printf(Locale.ROOT, "course tables, %d actor-19 files%n  float32: PAA max |diff| %.3g, DFT max |diff|/row max %.3g, "
                        + "SAX mismatches %d (+%d at a breakpoint)%n  float64: PAA max |diff| %.3g, DFT %.3g, SAX %d (+%d)%n",
                ROWS, f32.paa(), f32.dftRel(), f32.saxMismatch(), f32.saxNearBreakpoint(),
                f64.paa(), f64.dftRel(), f64.saxMismatch(), f64.saxNearBreakpoint());
        assertTrue(f32.paa() <= tol, "float32 PAA max |diff| " + f32.paa());
        assertTrue(f32.dftRel() <= tol, "float32 DFT max |diff| relative to the row's largest coefficient " + f32.dftRel());
        assertEquals(0, f32.saxMismatch(), "SAX symbols differing away from a breakpoint");
        assertTrue(f64.paa() <= 2e-4, "float64 PAA max |diff| " + f64.paa());
    }
}
