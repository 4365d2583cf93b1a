package emolab.features.engine;

import static org.junit.jupiter.api.Assertions.*;

import emolab.features.course.CourseFeatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing {@code extract} (a child JVM, {@code destroyForcibly}) while it writes the cache or the
 * output leaves the previous output and cache intact, never a half-written file, and the next run
 * produces exactly what an uninterrupted run does.
 */
class InterruptedExtractTest {
    @TempDir
    Path dir;

    private static int runHere(String... args) {
        return ExtractCli.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    /** Starts extract in a child JVM that pauses half-way through every atomic write; kills it once a temp file in {@code watch} has bytes. */
    private static Path killWhileWriting(Path watch, String... args) throws Exception {
        Path log = Files.createTempFile("extract-child", ".log");
        List<String> cmd = ChildJvm.command(ExtractCli.class, List.of("-D" + CsvIO.PAUSE_PROPERTY + "=120000"), args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                Path tmp = halfWritten(watch);
                if (tmp != null) return tmp;
                if (!p.isAlive()) fail("child ended (exit " + p.exitValue() + ") before writing: " + Files.readString(log));
                Thread.sleep(20);
            }
            fail("child never started writing in " + watch + ": " + Files.readString(log));
            return null;
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed child ends");
            Files.deleteIfExists(log);
        }
    }

    private static Path halfWritten(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return null;
        try (var s = Files.list(folder)) {
            for (Path p : s.toList())
                if (p.getFileName().toString().endsWith(".tmp") && Files.size(p) > 0) return p;
        }
        return null;
    }

    private static List<Path> temps(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void killedWhileWritingCacheOrOutputLeavesNoHalfFileAndAConsistentCache() throws Exception {
        Path audio = dir.resolve("audio");
        FeatureExtractorTest.corpus(audio, 12);
        Path ref = dir.resolve("ref.csv");
        assertEquals(0, runHere("extract", "--set", "course", "--threads", "1", audio.toString(), ref.toString()));
        String expected = Files.readString(ref);

        Path out = dir.resolve("out").resolve("course.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "previous,output\n");
        Path cacheDir = dir.resolve("cache");
        String[] args = {"extract", "--set", "course", "--threads", "2", "--cache", cacheDir.toString(), audio.toString(), out.toString()};

        // 1. killed while saving the cache (first write of the run): no cache file, old output untouched
        Path tmp = killWhileWriting(cacheDir, args);
        assertTrue(tmp.getFileName().toString().startsWith(".course.cache.csv"), tmp.toString());
        assertFalse(Files.exists(cacheDir.resolve("course.cache.csv")), "no half-written cache");
        assertEquals("previous,output\n", Files.readString(out), "output untouched");
        assertEquals(List.of(), temps(out.getParent()));

        // 2. a normal run afterwards: exactly the uninterrupted result, cache complete
        assertEquals(0, runHere(args));
        assertEquals(expected, Files.readString(out));
        FeatureCache cache = new FeatureCache(cacheDir, new CourseFeatures());
        assertEquals(12, cache.size());
        assertEquals(List.of(), cache.warnings());

        // 3. killed while writing the output (the cache is complete, so the output is the first write)
        Files.writeString(out, "older,output\n");
        tmp = killWhileWriting(out.getParent(), args);
        assertTrue(tmp.getFileName().toString().startsWith(".course.csv"), tmp.toString());
        assertEquals("older,output\n", Files.readString(out), "the old output stays whole");
        cache = new FeatureCache(cacheDir, new CourseFeatures());
        assertEquals(12, cache.size());
        assertEquals(List.of(), cache.warnings(), "cache consistent after the kill");

        // 4. the next run replaces the output and removes the stale temp files of the killed runs
        for (Path t : List.of(tmp, temps(cacheDir).get(0)))
            Files.setLastModifiedTime(t, FileTime.fromMillis(System.currentTimeMillis() - 2 * CsvIO.STALE_TEMP_MILLIS));
        Files.writeString(cacheDir.resolve("course.cache.csv"), Files.readString(cacheDir.resolve("course.cache.csv")) + "x\n");
        assertEquals(0, runHere(args));
        assertEquals(expected, Files.readString(out));
        assertEquals(List.of(), temps(out.getParent()));
        assertEquals(List.of(), temps(cacheDir));
    }
}
