package emolab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import emolab.SharedData;
import emolab.features.engine.CsvIO;
import emolab.features.engine.ExtractCli;
import emolab.features.engine.FeatureExtractor;
import emolab.features.course.CourseFeatures;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkExtractionTest {

    /** The local command's CSV of {@code dir} (what ./emolab extract writes). */
    static String localCsv(Path dir, Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ExtractCli.run(new String[] {"extract", "--set", "course", "--threads", "2", "--allow-skips", dir.toString(), out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, rc, err.toString());
        return Files.readString(out);
    }

    @Test
    void courseTableEqualsTheLocalOneValueForValueAsCsvAndParquet(@TempDir Path tmp) throws IOException {
        Path wav = SharedData.require("ravdess/wav48k");
        String local = localCsv(wav, tmp.resolve("local.csv"));
        List<List<String>> localRows = CsvIO.parse(local);
        assertEquals(105, localRows.size(), "header + 104 recordings of actor 19");

        SparkSession spark = LocalSpark.get();
        SparkExtraction x = SparkExtraction.run(spark, "course", List.of(wav.toString()));
        try {
            // one CSV file: byte for byte the local command's output
            SparkExtraction.Written w = x.write(spark, tmp.resolve("spark.csv").toString());
            assertEquals(104, w.rows());
            assertEquals(0, w.errors());
            assertEquals(local, Files.readString(tmp.resolve("spark.csv")));
            assertEquals("path,error\n", Files.readString(tmp.resolve("spark.csv.errors")));

            // Parquet: the same columns, types and values
            x.write(spark, tmp.resolve("spark.parquet").toString());
            Dataset<Row> p = spark.read().parquet(tmp.resolve("spark.parquet").toString()).orderBy("filename");
            List<String> header = localRows.get(0);
            assertEquals(header, List.of(p.columns()));
            assertEquals(FeatureExtractor.LABEL_COLUMNS.size() + new CourseFeatures().columns().size(), header.size());
            for (StructField f : p.schema().fields()) {
                boolean isInt = List.of("statement", "repetition", "actor").contains(f.name());
                boolean isLabel = FeatureExtractor.LABEL_COLUMNS.contains(f.name());
                assertEquals(isInt ? DataTypes.IntegerType : isLabel ? DataTypes.StringType : DataTypes.DoubleType, f.dataType(), f.name());
            }
            List<Row> rows = p.collectAsList();
            assertEquals(104, rows.size());
            int cells = 0;
            for (int r = 0; r < rows.size(); r++) {
                List<String> expected = localRows.get(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    Object v = rows.get(r).get(c);
                    String s = v instanceof Double d ? Double.toString(d) : String.valueOf(v);
                    assertEquals(expected.get(c), s, "row " + r + " column " + header.get(c));
                    cells++;
                }
            }
            assertEquals(104 * header.size(), cells);
            // no temporary leftovers beside the outputs
            try (Stream<Path> s = Files.list(tmp)) {
                assertEquals(List.of("local.csv", "spark.csv", "spark.csv.errors", "spark.parquet", "spark.parquet.errors"),
                        s.map(f -> f.getFileName().toString()).sorted().toList());
            }
        } finally {
            x.release();
        }
    }

    @Test
    void corruptAndUnnamedFilesLandInTheErrorOutputAndTheRestIsExtracted(@TempDir Path tmp) throws IOException {
        Path wav = SharedData.require("ravdess/wav48k/Actor_19");
        Path dir = Files.createDirectories(tmp.resolve("in/Actor_19"));
        List<Path> real;
        try (Stream<Path> s = Files.list(wav)) {
            real = s.sorted().limit(4).toList();
        }
        for (Path f : real.subList(0, 3)) Files.copy(f, dir.resolve(f.getFileName()));
        byte[] bytes = Files.readAllBytes(real.get(3));
        Path truncated = dir.resolve(real.get(3).getFileName());
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path garbage = dir.resolve("03-01-08-02-02-02-19.wav");
        Files.writeString(garbage, "this is not a RIFF file");
        Path unnamed = dir.resolve("hello.WAV");
        Files.copy(real.get(0), unnamed);
        Files.writeString(dir.resolve("notes.txt"), "not audio: ignored like the local command ignores it");
        String local = localCsv(tmp.resolve("in"), tmp.resolve("local.csv"));

        // through the command, with a list file naming a file that does not exist
        Path list = tmp.resolve("more.txt");
        Path missing = dir.resolve("03-01-01-01-01-01-20.wav");
        Files.writeString(list, missing + "\n\n");
        Path out = tmp.resolve("out/spark.csv");
        ByteArrayOutputStream so = new ByteArrayOutputStream(), se = new ByteArrayOutputStream();
        int rc = SparkCli.run(new String[] {"extract", "--set", "course", "--list", list.toString(), tmp.resolve("in").toString(),
                out.toString()}, new PrintStream(so), new PrintStream(se));
        assertEquals(3, rc, "written, some files skipped: " + se);
        assertTrue(so.toString().contains("3 rows (4 skipped"), so.toString());
        assertEquals(local, Files.readString(out));

        List<List<String>> errors = CsvIO.parse(Files.readString(tmp.resolve("out/spark.csv.errors"), StandardCharsets.UTF_8));
        assertEquals(List.of("path", "error"), errors.get(0));
        List<String> names = new ArrayList<>();
        for (List<String> e : errors.subList(1, errors.size())) names.add(Path.of(e.get(0).replaceFirst("^file:", "")).getFileName().toString());
        // sorted by path: the listed missing file (actor 20) sorts before the truncated one (…-02-02-19)
        assertEquals("03-01-01-01-02-02-19.wav", real.get(3).getFileName().toString());
        assertEquals(List.of("03-01-01-01-01-01-20.wav", "03-01-01-01-02-02-19.wav", "03-01-08-02-02-02-19.wav", "hello.WAV"),
                names, errors.toString());
        for (List<String> e : errors.subList(1, errors.size())) assertTrue(e.get(0).startsWith("file:/"), e.toString());
        assertEquals("cannot read: file not found", errors.get(1).get(1));
        assertTrue(errors.get(2).get(1).startsWith("cannot read:") && errors.get(2).get(1).contains("truncated"), errors.get(2).toString());
        assertTrue(errors.get(3).get(1).startsWith("cannot read:"), errors.get(3).toString());
        assertTrue(errors.get(4).get(1).startsWith("not a RAVDESS file name"), errors.get(4).toString());
        assertTrue(se.toString().contains("skipped "), se.toString());
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path tmp) {
        ByteArrayOutputStream se = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(se), out = new PrintStream(new ByteArrayOutputStream());
        assertEquals(2, SparkCli.run(new String[] {"extract", "--set", "fancy", "a", "b"}, out, err));
        assertTrue(se.toString().contains("bad --set 'fancy'"), se.toString());
        assertEquals(2, SparkCli.run(new String[] {"extract", "--set", "course", "a"}, out, err));
        assertEquals(2, SparkCli.run(new String[] {"frobnicate"}, out, err));
        assertEquals(2, SparkCli.run(new String[] {"extract", "--set", "course", "--bogus", "a", "b"}, out, err));
        se.reset();
        assertEquals(2, SparkCli.run(new String[] {"extract", "--set", "course", tmp.resolve("nope").toString(),
                tmp.resolve("o.csv").toString()}, out, err));
        assertTrue(se.toString().contains("does not exist"), se.toString());
    }
}
