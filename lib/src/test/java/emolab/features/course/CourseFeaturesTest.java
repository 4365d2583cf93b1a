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
}
