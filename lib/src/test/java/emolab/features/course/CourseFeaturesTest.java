package emolab.features.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import emolab.SharedData;
import emolab.data.Audio;
import emolab.data.RavdessName;
import emolab.data.WavWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CourseFeaturesTest {
    @Test
    void columnsAndLabels() {
        CourseFeatures cf = new CourseFeatures();
        assertEquals("course", cf.name());
        assertEquals(425, cf.columns().size());
        assertEquals("frame_count", cf.columns().get(0));
        assertEquals("sum", cf.columns().get(1));
        assertEquals("length_w1", cf.columns().get(85));
        assertEquals("stft_skew_w4", cf.columns().get(424));
        assertEquals(List.of("audio-only", "song", "fearful", "strong", "Dogs are sitting by the door", "2nd", "20", "F"),
                CourseFeatures.labelColumns(RavdessName.parse("03-02-06-02-02-02-20.wav")));
    }

    @Test
    void syntheticSignalWindowsAndConstants() {
        int n = 10001;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.round(8000 * Math.sin(i * 0.05)) / 32768.0;
        double[] row = new CourseFeatures().extract(new Audio(x, 16000, 1, 16, "sine"));
        assertEquals(425, row.length);
        assertEquals(n, row[0]);
        int[] lengths = {(int) row[85], (int) row[170], (int) row[255], (int) row[340]};
        assertEquals(List.of(2500, 2500, 2500, 2501), List.of(lengths[0], lengths[1], lengths[2], lengths[3]));
        for (double v : row) assertTrue(Double.isFinite(v));
        // silence: constant series give kurtosis -3, skew 0; zc is 1 then 0s
        double[] z = new CourseFeatures().extract(new Audio(new double[8000], 16000, 1, 16, "silence"));
        assertEquals(-3.0, z[1 + 12]);
        assertEquals(0.0, z[1 + 13]);
        assertEquals(1.0, z[1 + 28]); // zc_sum
    }

    @Test
    void tinySignalsDoNotFail() {
        for (int n : new int[] {0, 1, 3, 7}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = (i + 1) / 32768.0;
            double[] row = new CourseFeatures().extract(new Audio(x, 48000, 1, 16, "tiny"));
            assertEquals(425, row.length);
            assertEquals(n, row[0]);
        }
    }

    @Test
    void tableHasCsvColumns(@TempDir Path tmp) throws Exception {
        Path csv = SharedData.require("ravdess/features/raw_features_TEST.csv");
        String header = Files.readAllLines(csv).get(0);
        Path dir = SharedData.require("ravdess/wav48k/Actor_19");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().limit(2).toList();
        }
        // plus a synthetic file with a RAVDESS name
        Path syn = tmp.resolve("03-01-05-02-01-02-19.wav");
        double[] x = new double[4800];
        for (int i = 0; i < x.length; i++) x[i] = Math.sin(i * 0.1) * 0.25;
        WavWriter.writePcm16(syn, x, 48000);
        List<Path> all = new ArrayList<>(files);
        all.add(syn);
        Table t = CourseFeatures.table(all);
        assertEquals(header, String.join(",", t.columnNames()));
        assertEquals(3, t.rowCount());
        assertEquals(files.get(0).getFileName().toString(), t.stringColumn("filename").get(0));
        assertEquals("angry", t.stringColumn("emotion").get(2));
        assertEquals(19, t.intColumn("actor").get(2));
        assertEquals(4800, t.intColumn("frame_count").get(2));
    }

    /** The crossing count equals the ones of the explicit 0/1 series (librosa's zero_crossings). */
    @Test
    void zeroCrossingCountEqualsTheSeries() {
        java.util.Random r = new java.util.Random(4);
        for (int n : new int[] {0, 1, 2, 5, 100, 5000}) {
            double[] x = new double[n + 2];
            for (int i = 0; i < x.length; i++)
                x[i] = switch (r.nextInt(5)) { case 0 -> 0.0; case 1 -> -1e-10; case 2 -> -2e-10; case 3 -> r.nextGaussian(); default -> 1e-11; };
            for (int from : new int[] {0, 2}) {
                long ones = 0;
                boolean prevNeg = false;
                for (int i = 0; i < n; i++) {
                    boolean neg = x[from + i] < -1e-10;
                    if (i == 0 || neg != prevNeg) ones++;
                    prevNeg = neg;
                }
                assertEquals(ones, CourseFeatures.zeroCrossingOnes(x, from, n), "n=" + n + " from=" + from);
            }
        }
    }

    /**
     * The shared grid-count path of raw and lag1 (the whole signal from its windows' counts)
     * against each segment described on its own by {@link emolab.features.dsp.Stats#describe}, on
     * a real actor-19 recording: order statistics and sums identical, the moments within 1e-13
     * (bound in {@code Stats.GridCounts}); zc within the same.
     */
    @Test
    void sharedTimeDomainStatisticsEqualPerSegmentOnes() throws Exception {
        Path dir = SharedData.require("ravdess/wav48k/Actor_19");
        Path f;
        try (Stream<Path> s = Files.list(dir)) {
            f = s.filter(p -> p.toString().endsWith(".wav")).sorted().skip(17).findFirst().orElseThrow();
        }
        Audio a = emolab.data.WavReader.read(f);
        double[] x = a.samples();
        int n = x.length;
        double[] row = new CourseFeatures().extract(a);
        emolab.features.dsp.Stats.Workspace ws = new emolab.features.dsp.Stats.Workspace();
        double[] want = new double[emolab.features.dsp.Stats.COUNT];
        for (int s = 0; s < 5; s++) {
            int from = s == 0 ? 0 : (int) ((long) (s - 1) * n / 4), to = s == 0 ? n : (int) ((long) s * n / 4);
            int off = s == 0 ? 1 : 1 + 84 + (s - 1) * 85 + 1;
            for (int t = 0; t < 3; t++) {
                double[] series = new double[Math.max(0, t == 1 ? to - from - 1 : to - from)];
                for (int i = 0; i < series.length; i++) {
                    int j = from + i;
                    series[i] = t == 0 ? x[j] : t == 1 ? x[j + 1] - x[j] : (i == 0 || (x[j] < -1e-10) != (x[j - 1] < -1e-10)) ? 1 : 0;
                }
                emolab.features.dsp.Stats.describe(series, 0, series.length, want, 0, ws);
                double[] got = java.util.Arrays.copyOfRange(row, off + t * 14, off + t * 14 + 14);
                String what = f.getFileName() + " segment " + s + " transform " + t;
                for (int i : new int[] {0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11}) assertEquals(want[i], got[i], 0.0, what + " stat " + i);
                assertEquals(want[2], got[2], 1e-13 * Math.abs(want[2]), what + " std");
                assertEquals(want[12], got[12], 1e-13 * Math.abs(want[12]), what + " kur");
                assertEquals(want[13], got[13], 1e-13, what + " skew");
            }
        }
    }
}
