package emolab.features.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import emolab.SharedData;
import emolab.data.Audio;
import emolab.data.RavdessName;
import emolab.data.WavReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Reproduces the course's {@code raw_features_TEST.csv} rows of actor 19 from the 104 original
 * 48 kHz recordings. Tolerances (never loosen): raw, lag1, zc, length, mfcc and sc values within
 * 1e-9 relative (1e-12 absolute near zero); chroma ({@code stft_*}) within 1e-3 for at least 99%
 * of cells.
 */
class CourseConformanceTest {
    static final double REL = 1e-9;
    static final double ABS = 1e-12;
    static final double CHROMA_TOL = 1e-3;
    static final double CHROMA_MIN_FRACTION = 0.99;

    static String group(String col) {
        if (col.equals("frame_count") || col.startsWith("length_")) return "length";
        for (String p : new String[] {"lag1", "zc", "mfcc", "sc", "stft"}) if (col.startsWith(p + "_")) return p;
        return "raw";
    }

    @Test
    void reproducesActor19Rows() throws IOException {
        Path dir = SharedData.require("ravdess/wav48k/Actor_19");
        Path csv = SharedData.require("ravdess/features/raw_features_TEST.csv");
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        Map<String, String[]> rows = new LinkedHashMap<>();
        int fnIdx = List.of(header).indexOf("filename");
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            rows.put(f[fnIdx], f);
        }
        CourseFeatures cf = new CourseFeatures();
        List<String> cols = cf.columns();
        // column names and order exactly as the CSV
        List<String> expectedHeader = new ArrayList<>(CourseFeatures.LABEL_COLUMNS);
        expectedHeader.add("filename");
        expectedHeader.addAll(cols);
        assertEquals(List.of(header), expectedHeader, "column names/order");

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        assertEquals(104, files.size());
        Map<String, double[]> maxRel = new LinkedHashMap<>(); // group -> {maxRel, fails, cells}
        Map<String, String> worst = new LinkedHashMap<>();
        for (String g : List.of("raw", "lag1", "zc", "length", "mfcc", "sc", "stft")) maxRel.put(g, new double[3]);
        List<String> failures = new ArrayList<>();
        int labelMismatch = 0;
        long t0 = System.nanoTime();
        for (Path p : files) {
            String fn = p.getFileName().toString();
            String[] ref = rows.get(fn);
            assertTrue(ref != null, "no CSV row for " + fn);
            List<String> labels = CourseFeatures.labelColumns(RavdessName.parse(fn));
            for (int i = 0; i < labels.size(); i++) {
                if (!labels.get(i).equals(ref[i])) {
                    labelMismatch++;
                    failures.add(fn + " label " + header[i] + ": " + labels.get(i) + " vs " + ref[i]);
                }
            }
            Audio a = WavReader.read(p);
            double[] row = cf.extract(a);
            for (int j = 0; j < cols.size(); j++) {
                String col = cols.get(j);
                double e = Double.parseDouble(ref[fnIdx + 1 + j]);
                double v = row[j];
                String g = group(col);
                double[] st = maxRel.get(g);
                double err = Math.abs(v - e);
                double rel = err / Math.max(Math.abs(e), ABS / REL);
                st[2]++;
                if (!(rel <= st[0])) {
                    st[0] = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : Math.max(st[0], rel);
                    worst.put(g, fn + " " + col + String.format(Locale.ROOT, " (%.17g vs %.17g)", v, e));
                }
                boolean ok = g.equals("stft") ? err <= CHROMA_TOL : (err <= Math.max(REL * Math.abs(e), ABS));
                if (!ok) {
                    st[1]++;
                    if (!g.equals("stft") && failures.size() < 60)
                        failures.add(String.format(Locale.ROOT, "%s %s: got %.17g expected %.17g rel %.3g", fn, col, v, e, rel));
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.println("Course feature conformance on " + files.size() + " files of Actor_19 (" + String.format(Locale.ROOT, "%.1f s", secs) + "):");
        System.out.println(String.format(Locale.ROOT, "  %-7s %12s %10s %10s   %s", "group", "max rel err", "outside", "cells", "worst cell"));
        maxRel.forEach((g, st) -> System.out.println(String.format(Locale.ROOT, "  %-7s %12.3e %10d %10d   %s", g, st[0], (long) st[1],
                (long) st[2], worst.getOrDefault(g, "-"))));
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertEquals(0, labelMismatch, "label mismatches");
        for (String g : List.of("raw", "lag1", "zc", "length", "mfcc", "sc"))
            assertEquals(0, (long) maxRel.get(g)[1], g + " values outside 1e-9 rel / 1e-12 abs");
        double[] ch = maxRel.get("stft");
        double frac = 1 - ch[1] / ch[2];
        System.out.println(String.format(Locale.ROOT, "  chroma within %.0e: %.4f%% of cells", CHROMA_TOL, 100 * frac));
        assertTrue(frac >= CHROMA_MIN_FRACTION, "chroma cells within 1e-3: " + frac);
    }
}
