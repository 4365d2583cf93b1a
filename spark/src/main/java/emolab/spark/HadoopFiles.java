package emolab.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Output on any Hadoop-compatible file system (local, HDFS, S3A, ...), never half-written: every
 * result is first written under a hidden temporary name beside the target and then renamed onto
 * it (an existing target is replaced only once the new one is complete).
 */
final class HadoopFiles {
    private HadoopFiles() {}

    /** The file system of {@code p}; for local paths the raw one (no {@code .crc} side files beside outputs). */
    static FileSystem fs(Path p, Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    /** A fresh hidden temporary path in the same folder as {@code target}. */
    static Path tempBeside(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically. */
    static void writeText(Configuration conf, Path target, String text) throws IOException {
        FileSystem fs = fs(target, conf);
        Path tmp = tempBeside(target);
        try {
            try (OutputStream out = fs.create(tmp, false)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            replace(fs, tmp, target);
        } finally {
            fs.delete(tmp, true);
        }
    }

    /**
     * Writes one file: {@code header} then the concatenation of the {@code part-*} files of the
     * folder {@code parts} in name order (what {@code saveAsTextFile} writes, one part per
     * partition), atomically.
     */
    static void concatenate(Configuration conf, String header, Path parts, Path target) throws IOException {
        FileSystem fs = fs(target, conf);
        FileSystem pfs = fs(parts, conf);
        FileStatus[] files = pfs.listStatus(parts, p -> p.getName().startsWith("part-"));
        Arrays.sort(files, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        Path tmp = tempBeside(target);
        try {
            try (OutputStream out = fs.create(tmp, false)) {
                out.write(header.getBytes(StandardCharsets.UTF_8));
                byte[] buf = new byte[1 << 16];
                for (FileStatus f : files) {
                    try (InputStream in = pfs.open(f.getPath())) {
                        for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
                    }
                }
            }
            replace(fs, tmp, target);
        } finally {
            fs.delete(tmp, true);
        }
    }

    /** Renames the complete {@code tmp} (file or folder) onto {@code target}, replacing it. */
    static void replace(FileSystem fs, Path tmp, Path target) throws IOException {
        if (fs.exists(target) && !fs.delete(target, true)) throw new IOException("cannot replace " + target);
        if (!fs.rename(tmp, target)) throw new IOException("cannot rename " + tmp + " to " + target);
    }
}
