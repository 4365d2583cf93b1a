package emolab.data;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.DataSource.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceTest {
    @TempDir Path tmp;

    private static final CorpusGenerator MUST_NOT_RUN = dir -> fail("generator must not run, called for " + dir);

    /** Writes tiny valid WAVs with the given names into dir (creating it). */
    static void wavs(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String n : names) WavWriter.writePcm16(dir.resolve(n), new double[16], 16000);
    }

    private Path project() throws IOException {
        Path p = Files.createDirectories(tmp.resolve("proj"));
        Files.writeString(p.resolve("pom.xml"), "<project/>");
        Files.createDirectories(p.resolve("lib"));
        return p;
    }

    @Test
    void envDataWinsOverLocalData() throws IOException {
        Path proj = project();
        wavs(proj.resolve("data/ravdess/Actor_01"), "03-01-01-01-01-01-01.wav");
        Path ext = tmp.resolve("ext");
        wavs(ext.resolve("Actor_19"), "03-01-05-02-01-02-19.wav", "03-02-02-01-01-01-19.WAV");
        wavs(ext, "notes.wav"); // not counted
        DataSource ds = DataSource.resolve(proj, Map.of("EMOLAB_DATA", ext.toString()), MUST_NOT_RUN);
        assertEquals(Kind.REAL, ds.kind());
        assertEquals(ext, ds.root());
        assertEquals(2, ds.recordings());
        assertEquals("real RAVDESS at " + ext + " (2 recordings, from EMOLAB_DATA)", ds.description());
        assertEquals(ds.description(), ds.toString());
    }

    @Test
    void relativeEnvDataIsTakenAgainstProjectRoot() throws IOException {
        Path proj = project();
        wavs(proj.resolve("mydata"), "03-01-05-02-01-02-19.wav");
        DataSource ds = DataSource.resolve(proj, Map.of("EMOLAB_DATA", "mydata"), MUST_NOT_RUN);
        assertEquals(proj.resolve("mydata"), ds.root());
        assertEquals(1, ds.recordings());
    }

    @Test
    void envDataMissingOrEmptyIsAnErrorNamingVariableAndPath() throws IOException {
        Path proj = project();
        Path missing = tmp.resolve("missing");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DataSource.resolve(proj, Map.of("EMOLAB_DATA", missing.toString()), MUST_NOT_RUN));
        assertTrue(e.getMessage().contains("EMOLAB_DATA"), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        Path noRavdess = tmp.resolve("junk");
        wavs(noRavdess, "notes.wav", "03-01-01-02-01-01-01.wav"); // invalid name: strong neutral
        Files.writeString(noRavdess.resolve("03-01-05-02-01-02-19.txt"), "x");
        e = assertThrows(IllegalStateException.class,
                () -> DataSource.resolve(proj, Map.of("EMOLAB_DATA", noRavdess.toString()), MUST_NOT_RUN));
        assertTrue(e.getMessage().contains("EMOLAB_DATA"), e.getMessage());
        assertTrue(e.getMessage().contains(noRavdess.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no RAVDESS-named"), e.getMessage());

        Path file = Files.writeString(tmp.resolve("afile"), "x");
        e = assertThrows(IllegalStateException.class,
                () -> DataSource.resolve(proj, Map.of("EMOLAB_DATA", file.toString()), MUST_NOT_RUN));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void localDataUsedWhenEnvUnsetOrBlank() throws IOException {
        Path proj = project();
        Path local = proj.resolve("data/ravdess");
        wavs(local.resolve("Actor_01"), "03-01-01-01-01-01-01.wav", "03-01-02-02-01-01-01.wav");
        wavs(local.resolve("Actor_02"), "03-02-03-01-01-01-02.wav");
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("EMOLAB_DATA", "  "))) {
            DataSource ds = DataSource.resolve(proj, env, MUST_NOT_RUN);
            assertEquals(Kind.REAL, ds.kind());
            assertEquals(local, ds.root());
            assertEquals(3, ds.recordings());
            assertEquals("real RAVDESS at " + local + " (3 recordings)", ds.description());
        }
    }

    @Test
    void syntheticWhenNoRealData() throws IOException {
        Path proj = project();
        wavs(proj.resolve("data/ravdess"), "not-ravdess.wav"); // present but no RAVDESS name: ignored
        List<Path> calls = new ArrayList<>();
        CorpusGenerator gen = dir -> {
            calls.add(dir);
            wavs(dir.resolve("Actor_01"), "03-01-01-01-01-01-01.wav", "03-01-01-01-01-02-01.wav");
        };
        DataSource ds = DataSource.resolve(proj, Map.of(), gen);
        Path embedded = proj.resolve("build/embedded-corpus");
        assertEquals(List.of(embedded), calls);
        assertEquals(Kind.SYNTHETIC, ds.kind());
        assertEquals(embedded, ds.root());
        assertEquals(2, ds.recordings());
        assertEquals("SYNTHETIC embedded corpus (generated, not real speech) at " + embedded + " (2 recordings)",
                ds.description());
    }

    @Test
    void generatorFailuresAreReported() throws IOException {
        Path proj = project();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DataSource.resolve(proj, Map.of(), dir -> {}));
        assertTrue(e.getMessage().contains("embedded-corpus"), e.getMessage());
        IOException io = assertThrows(IOException.class,
                () -> DataSource.resolve(proj, Map.of(), dir -> { throw new IOException("disk full"); }));
        assertEquals("disk full", io.getMessage());
    }

    // ---- reflective generator (fake classes below stand in for emolab.data.synth.SyntheticCorpus)

    public static final class OneArgSynth {
        public static void ensure(Path dir) throws IOException {
            wavs(dir, "03-01-04-02-02-02-24.wav");
        }
    }

    public static final class SizedSynth {
        public enum Size { TINY, DEFAULT, FULL }
        static Size used;

        public static void ensure(Path dir, Size size) throws IOException {
            used = size;
            wavs(dir, "03-01-04-02-02-02-24.wav", "03-01-04-02-02-01-24.wav");
        }
    }

    public static final class FailingSynth {
        public static void ensure(Path dir) throws IOException {
            throw new IOException("cannot write " + dir);
        }
    }

    public static final class NoEnsure {}

    @Test
    void reflectiveGeneratorCallsStaticEnsure() throws IOException {
        Path proj = project();
        DataSource ds = DataSource.resolve(proj, Map.of(), DataSource.reflectiveGenerator(OneArgSynth.class.getName()));
        assertEquals(Kind.SYNTHETIC, ds.kind());
        assertEquals(1, ds.recordings());

        Path proj2 = Files.createDirectories(tmp.resolve("p2"));
        ds = DataSource.resolve(proj2, Map.of(), DataSource.reflectiveGenerator(SizedSynth.class.getName()));
        assertEquals(SizedSynth.Size.DEFAULT, SizedSynth.used);
        assertEquals(2, ds.recordings());

        Path dir = tmp.resolve("x");
        IOException io = assertThrows(IOException.class,
                () -> DataSource.reflectiveGenerator(FailingSynth.class.getName()).ensure(dir));
        assertEquals("cannot write " + dir, io.getMessage());
    }

    @Test
    void reflectiveGeneratorMissingClassOrMethodIsClear() throws IOException {
        Path proj = project();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataSource.resolve(proj, Map.of(),
                DataSource.reflectiveGenerator("emolab.data.synth.NoSuchCorpus")));
        assertTrue(e.getMessage().contains("emolab.data.synth.NoSuchCorpus"), e.getMessage());
        assertTrue(e.getMessage().contains("not on the classpath"), e.getMessage());
        assertTrue(e.getMessage().contains("EMOLAB_DATA"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> DataSource.reflectiveGenerator(NoEnsure.class.getName()).ensure(tmp));
        assertTrue(e.getMessage().contains("no public static ensure(Path)"), e.getMessage());
        // the lookup is lazy: with real data present the generator class is never needed
        wavs(proj.resolve("data/ravdess"), "03-01-01-01-01-01-01.wav");
        assertEquals(Kind.REAL, DataSource.resolve(proj, Map.of(),
                DataSource.reflectiveGenerator("emolab.data.synth.NoSuchCorpus")).kind());
    }

    // ---- projectRoot

    @Test
    void projectRootWalksUpFromWorkingDirectory() throws IOException {
        Path proj = project();
        Path deep = Files.createDirectories(proj.resolve("notebooks/chapter1"));
        Files.writeString(proj.resolve("notebooks/pom.xml"), "<project/>"); // pom.xml without lib/: not the root
        assertEquals(proj, DataSource.projectRoot(Map.of(), new Properties(), deep));
        assertEquals(proj, DataSource.projectRoot(Map.of(), new Properties(), proj));
        assertEquals(proj, DataSource.projectRoot(Map.of(), new Properties(), proj.resolve("lib")));
    }

    @Test
    void projectRootFromEmolabHome() throws IOException {
        Path proj = project();
        Path other = Files.createDirectories(tmp.resolve("other"));
        Properties none = new Properties();
        assertEquals(other, DataSource.projectRoot(Map.of("EMOLAB_HOME", other.toString()), none, proj));
        Properties props = new Properties();
        props.setProperty("EMOLAB_HOME", proj.toString());
        assertEquals(proj, DataSource.projectRoot(Map.of("EMOLAB_HOME", other.toString()), props, other),
                "system property wins over the environment");
        Properties lower = new Properties();
        lower.setProperty("emolab.home", other.toString());
        assertEquals(other, DataSource.projectRoot(Map.of(), lower, proj));

        Path missing = tmp.resolve("gone");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DataSource.projectRoot(Map.of("EMOLAB_HOME", missing.toString()), none, proj));
        assertTrue(e.getMessage().contains("EMOLAB_HOME"), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void projectRootNotFound() throws IOException {
        Path lonely = Files.createDirectories(tmp.resolve("a/b"));
        // guard: the test only makes sense if nothing above the temp dir looks like a project
        for (Path p = lonely; p != null; p = p.getParent())
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("lib")), "project above " + p);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DataSource.projectRoot(Map.of(), new Properties(), lonely));
        assertTrue(e.getMessage().contains(lonely.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("EMOLAB_HOME"), e.getMessage());
    }

    @Test
    void projectRootOfThisCheckout() {
        Path cwd = Path.of("").toAbsolutePath();
        Path root = DataSource.projectRoot(Map.of(), new Properties(), cwd);
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")));
        assertTrue(Files.isDirectory(root.resolve("lib/src/main/java/emolab/data")), root.toString());
        assertTrue(cwd.startsWith(root));
    }
}
