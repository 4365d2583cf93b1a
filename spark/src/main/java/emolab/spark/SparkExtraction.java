package emolab.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import emolab.features.FeatureSet;
import emolab.features.engine.CsvIO;
import emolab.features.engine.FeatureExtractor;
import emolab.features.engine.FeatureSets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Distributed feature extraction: the WAV files of folders, files or globs on any
 * Hadoop-compatible file system are read with Spark's {@code binaryFile} source, each file's row
 * is computed on an executor by {@link FeatureExtractor#extractOne} — the code the local
 * extractor runs per file — and the rows come out sorted by path, as the local CLI sorts them.
 *
 * <pre>{@code
 * SparkExtraction x = SparkExtraction.run(spark, "course", List.of("hdfs:///corpora/ravdess"));
 * x.rows();     // Dataset<Row>: exactly the local table's columns and types
 * x.errors();   // (path, reason) of every file that gave no row
 * x.write(spark, "hdfs:///out/course.parquet");   // or .../course.csv: one CSV file
 * }</pre>
 */
public final class SparkExtraction {
    /** Files whose name ends in .wav (any case) — what the local CLI scans for. */
    static final String WAV_GLOB = "*.[wW][aA][vV]";

    private final FeatureSet set;
    private final JavaRDD<FileResult> results;
    private final JavaRDD<FileResult> cached;
    private final List<String[]> missing;

    /** One file's outcome on an executor: label values and features, or an error. */
    record FileResult(String path, Object[] labels, double[] values, String error) implements Serializable {}

    private SparkExtraction(FeatureSet set, JavaRDD<FileResult> results, JavaRDD<FileResult> cached, List<String[]> missing) {
        this.set = set;
        this.results = results;
        this.cached = cached;
        this.missing = missing;
    }

    /** The Spark schema of the local extractor's table for {@code set}: label columns, then doubles. */
    public static StructType schema(FeatureSet set) {
        List<StructField> f = new ArrayList<>();
        for (String c : FeatureExtractor.LABEL_COLUMNS) {
            DataType t = c.equals("statement") || c.equals("repetition") || c.equals("actor") ? DataTypes.IntegerType : DataTypes.StringType;
            f.add(DataTypes.createStructField(c, t, false));
        }
        for (String c : set.columns()) f.add(DataTypes.createStructField(c, DataTypes.DoubleType, false));
        return DataTypes.createStructType(f);
    }

    /** Schema of {@link #errors()}. */
    public static final StructType ERROR_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField("reason", DataTypes.StringType, false)));

    /**
     * Extracts the feature set {@code setName} from {@code inputs}: folders (searched recursively
     * for {@code *.wav}), single files or globs, any Hadoop-compatible URI. Every file is
     * extracted once, here (the per-file results are persisted for the outputs; {@link #release} frees them).
     *
     * @throws IllegalArgumentException for an unknown set or an input that does not exist
     */
    public static SparkExtraction run(SparkSession spark, String setName, List<String> inputs) throws IOException {
        return run(spark, setName, inputs, List.of());
    }

    /**
     * As {@link #run(SparkSession, String, List)} plus an explicit list of file paths (e.g. read from a
     * list file); listed files that do not exist become errors instead of failing the job.
     */
    public static SparkExtraction run(SparkSession spark, String setName, List<String> inputs, List<String> listedFiles)
            throws IOException {
        FeatureSet set = FeatureSets.byName(setName);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String in : inputs) {
            Path p = new Path(in);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] found = fs.globStatus(p);
            if (found == null || found.length == 0) throw new IllegalArgumentException("input '" + in + "' does not exist");
        }
        List<String> load = new ArrayList<>(inputs);
        List<String[]> missing = new ArrayList<>();
        // listed files: one listing per parent folder (not one request per file) to find the missing ones
        Map<Path, List<Path>> byParent = new TreeMap<>();
        for (String f : listedFiles) {
            Path p = new Path(f);
            p = p.getFileSystem(conf).makeQualified(p);   // file:/..., hdfs://host/... as binaryFile names them
            byParent.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Path, List<Path>> e : byParent.entrySet()) {
            FileSystem fs = e.getKey().getFileSystem(conf);
            TreeSet<String> present = new TreeSet<>();
            if (fs.exists(e.getKey()))
                for (FileStatus s : fs.listStatus(e.getKey())) if (s.isFile()) present.add(s.getPath().getName());
            for (Path p : e.getValue()) {
                if (present.contains(p.getName())) load.add(p.toString());
                else missing.add(new String[] {p.toString(), "cannot read: file not found"});
            }
        }
        JavaRDD<FileResult> cached;
        if (load.isEmpty()) {
            cached = JavaSparkContext.fromSparkContext(spark.sparkContext()).emptyRDD();
        } else {
            Dataset<Row> files = spark.read().format("binaryFile")
                    .option("recursiveFileLookup", "true")
                    .option("pathGlobFilter", WAV_GLOB)
                    .load(load.toArray(String[]::new))
                    .select("path", "content");
            String name = set.name();
            // persisted before the sort, whose range partitioner samples its input: each file is extracted once
            cached = files.javaRDD().mapPartitions(rows -> extractPartition(name, rows)).persist(StorageLevel.MEMORY_AND_DISK());
        }
        JavaRDD<FileResult> sorted = cached.sortBy(FileResult::path, true, Math.max(1, cached.getNumPartitions()));
        return new SparkExtraction(set, sorted, cached, missing);
    }

    private static Iterator<FileResult> extractPartition(String setName, Iterator<Row> rows) {
        FeatureSet set = FeatureSets.byName(setName);
        return new Iterator<>() {
            public boolean hasNext() { return rows.hasNext(); }

            public FileResult next() {
                Row r = rows.next();
                String path = r.getString(0);
                String fileName = new Path(path).getName();
                FeatureExtractor.Outcome o = FeatureExtractor.extractOne(set, fileName, (byte[]) r.get(1), path);
                return o.error() != null ? new FileResult(path, null, null, o.error())
                        : new FileResult(path, o.labels(fileName), o.values(), null);
            }
        };
    }

    /** The feature set. */
    public FeatureSet set() { return set; }

    /** The rows, sorted by path, with exactly the local extractor's columns ({@link #schema}). */
    public Dataset<Row> rows(SparkSession spark) {
        int nc = set.columns().size();
        JavaRDD<Row> rows = results.filter(r -> r.error() == null).map(r -> {
            Object[] v = new Object[r.labels().length + nc];
            System.arraycopy(r.labels(), 0, v, 0, r.labels().length);
            for (int c = 0; c < nc; c++) v[r.labels().length + c] = r.values()[c];
            return RowFactory.create(v);
        });
        return spark.createDataFrame(rows, schema(set));
    }

    /** Every file that gave no row, with the reason, sorted by path (listed files not found included). */
    public List<String[]> errors() {
        List<String[]> out = new ArrayList<>(missing);
        for (FileResult r : results.filter(r -> r.error() != null).collect()) out.add(new String[] {r.path(), r.error()});
        out.sort((a, b) -> a[0].compareTo(b[0]));
        return out;
    }

    /** The CSV header of the local extractor's table. */
    String csvHeader() {
        List<String> cols = new ArrayList<>(FeatureExtractor.LABEL_COLUMNS);
        cols.addAll(set.columns());
        StringBuilder sb = new StringBuilder();
        for (String c : cols) sb.append(sb.length() == 0 ? "" : ",").append(CsvIO.quote(c));
        return sb.append('\n').toString();
    }

    /** One row as the local CSV writes it ({@link CsvIO#toCsv}: strings quoted when needed, doubles via {@code Double.toString}). */
    static String csvLine(FileResult r) {
        StringBuilder sb = new StringBuilder();
        for (Object l : r.labels()) sb.append(sb.length() == 0 ? "" : ",").append(CsvIO.quote(String.valueOf(l)));
        for (double v : r.values()) sb.append(',').append(Double.toString(v));
        return sb.toString();
    }

    /** What {@link #write} did. */
    public record Written(String output, long rows, int errors, String errorsOutput) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "wrote %s: %d rows (%d skipped, listed in %s)", output, rows, errors, errorsOutput);
        }
    }

    /**
     * Writes the rows to {@code out} — one CSV file (the local CLI's format and column order) when
     * it ends in {@code .csv}, otherwise a Parquet folder — and the errors to {@code out + ".errors"}
     * (a CSV file {@code path,error} like the local command's errors file; header only when there were none). Both atomically: written
     * under a temporary name beside the target, then renamed onto it.
     *
     * @throws IllegalStateException when no file gave a row (nothing is written but the errors)
     */
    public Written write(SparkSession spark, String out) throws IOException {
        Objects.requireNonNull(out, "out");
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path target = new Path(out);
        List<String[]> errors = errors();
        StringBuilder e = new StringBuilder("path,error\n");
        for (String[] x : errors) e.append(CsvIO.quote(x[0])).append(',').append(CsvIO.quote(x[1])).append('\n');
        Path errorsPath = new Path(out + ".errors");
        HadoopFiles.writeText(conf, errorsPath, e.toString());
        long rows = results.filter(r -> r.error() == null).count();
        if (rows == 0)
            throw new IllegalStateException("none of the " + errors.size() + " files could be read; nothing written but " + errorsPath);
        Path tmp = HadoopFiles.tempBeside(target);
        FileSystem fs = HadoopFiles.fs(target, conf);
        try {
            if (out.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                results.filter(r -> r.error() == null).map(SparkExtraction::csvLine).saveAsTextFile(tmp.toString());
                HadoopFiles.concatenate(conf, csvHeader(), tmp, target);
            } else {
                rows(spark).write().parquet(tmp.toString());
                HadoopFiles.replace(fs, tmp, target);
            }
        } finally {
            fs.delete(tmp, true);
        }
        return new Written(target.toString(), rows, errors.size(), errorsPath.toString());
    }

    /** Frees the persisted per-file results. */
    public void release() {
        cached.unpersist(false);
    }
}
