package emolab.data;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the notebooks take their audio from: real RAVDESS recordings, or the embedded synthetic
 * corpus when none are available.
 *
 * <p>Rules of {@link #resolve(Path, Map, CorpusGenerator)}, first match wins:
 * <ol>
 *   <li>env {@code EMOLAB_DATA} (a folder of RAVDESS-named WAVs; relative paths are taken against
 *       the project root): {@link Kind#REAL}; an error if it does not exist or holds no such WAV;</li>
 *   <li>{@code <projectRoot>/data/ravdess} if it holds at least one RAVDESS-named WAV: REAL;</li>
 *   <li>{@code <projectRoot>/build/embedded-corpus}, generated on demand: {@link Kind#SYNTHETIC}.</li>
 * </ol>
 * A blank {@code EMOLAB_DATA} counts as unset.
 *
 * @param kind        real recordings or generated ones
 * @param root        folder holding the WAVs (absolute)
 * @param recordings  number of RAVDESS-named WAVs under {@code root}
 * @param description one line for humans, e.g. "real RAVDESS at /x/data/ravdess (2452 recordings)"
 */
public record DataSource(Kind kind, Path root, int recordings, String description) {
    /** Environment variable naming a folder of real RAVDESS WAVs. */
    public static final String ENV_DATA = "EMOLAB_DATA";
    /** Environment variable (or system property) naming the project root. */
    public static final String ENV_HOME = "EMOLAB_HOME";
    /** Class providing the synthetic corpus ({@code static ensure(Path)}), looked up reflectively. */
    public static final String SYNTHETIC_CORPUS_CLASS = "emolab.data.synth.SyntheticCorpus";

    /** Real recordings or a generated corpus. */
    public enum Kind { REAL, SYNTHETIC }

    public DataSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return description;
    }

    /** {@link #resolve(Path, Map, CorpusGenerator)} with the process environment and {@code SyntheticCorpus}. */
    public static DataSource resolve(Path projectRoot) throws IOException {
        return resolve(projectRoot, System.getenv(), syntheticCorpusGenerator());
    }

    /** {@link #resolve(Path, Map, CorpusGenerator)} with the process environment. */
    public static DataSource resolve(Path projectRoot, CorpusGenerator generator) throws IOException {
        return resolve(projectRoot, System.getenv(), generator);
    }

    /**
     * Picks the data source (rules in the class comment). {@code env} stands for the environment;
     * {@code generator} is called only when the synthetic corpus is needed.
     *
     * @throws IllegalStateException if {@code EMOLAB_DATA} is unusable or the generator made no WAVs
     * @throws IOException           if folders cannot be read or the generator fails
     */
    public static DataSource resolve(Path projectRoot, Map<String, String> env, CorpusGenerator generator)
            throws IOException {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(generator, "generator");
        Path project = projectRoot.toAbsolutePath().normalize();

        String data = env.get(ENV_DATA);
        if (data != null && !data.isBlank()) {
            Path dir = project.resolve(data.strip()).normalize();
            String what = ENV_DATA + "=" + data + " (" + dir + ")";
            if (!Files.exists(dir)) throw new IllegalStateException(what + " does not exist");
            if (!Files.isDirectory(dir)) throw new IllegalStateException(what + " is not a directory");
            int n = countRavdessWavs(dir);
            if (n == 0)
                throw new IllegalStateException(what + " contains no RAVDESS-named .wav files (MM-VV-EE-II-SS-RR-AA.wav)");
            return new DataSource(Kind.REAL, dir, n,
                    "real RAVDESS at " + dir + " (" + n + " recordings, from " + ENV_DATA + ")");
        }

        Path local = project.resolve("data").resolve("ravdess");
        if (Files.isDirectory(local)) {
            int n = countRavdessWavs(local);
            if (n > 0) return new DataSource(Kind.REAL, local, n, "real RAVDESS at " + local + " (" + n + " recordings)");
        }

        Path embedded = project.resolve("build").resolve("embedded-corpus");
        generator.ensure(embedded);
        int n = Files.isDirectory(embedded) ? countRavdessWavs(embedded) : 0;
        if (n == 0)
            throw new IllegalStateException("no real data (" + ENV_DATA + " unset, no RAVDESS WAVs in " + local
                    + ") and the corpus generator left no RAVDESS-named .wav files in " + embedded);
        return new DataSource(Kind.SYNTHETIC, embedded, n,
                "SYNTHETIC embedded corpus (generated, not real speech) at " + embedded + " (" + n + " recordings)");
    }

    /**
     * A generator calling {@code emolab.data.synth.SyntheticCorpus.ensure(Path)} reflectively. The
     * class is looked up only when the generator runs, so real-data setups work without it.
     */
    public static CorpusGenerator syntheticCorpusGenerator() {
        return reflectiveGenerator(SYNTHETIC_CORPUS_CLASS);
    }

    /**
     * A generator calling {@code className}'s public static {@code ensure(Path)}, or, if there is
     * none, {@code ensure(Path, E)} for an enum {@code E} with the constant {@code DEFAULT} if present,
     * else its first constant.
     */
    static CorpusGenerator reflectiveGenerator(String className) {
        return dir -> {
            Class<?> c;
            try {
                c = Class.forName(className);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no real RAVDESS data found and the synthetic corpus generator "
                        + className + " is not on the classpath; set " + ENV_DATA
                        + " to a folder of RAVDESS WAVs or put them in <project>/data/ravdess", e);
            }
            Method m = null;
            Object[] args = null;
            for (Method cand : c.getMethods()) {
                if (!cand.getName().equals("ensure") || !Modifier.isStatic(cand.getModifiers())) continue;
                Class<?>[] p = cand.getParameterTypes();
                if (p.length == 1 && p[0] == Path.class) {
                    m = cand;
                    args = new Object[] {dir};
                    break;
                }
                if (p.length == 2 && p[0] == Path.class && p[1].isEnum() && p[1].getEnumConstants().length > 0) {
                    Object size = p[1].getEnumConstants()[0];
                    for (Object k : p[1].getEnumConstants())
                        if (((Enum<?>) k).name().equals("DEFAULT")) size = k;
                    m = cand;
                    args = new Object[] {dir, size};
                }
            }
            if (m == null)
                throw new IllegalStateException(className + " has no public static ensure(Path) method");
            try {
                m.invoke(null, args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + m, e);
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (t instanceof IOException io) throw io;
                if (t instanceof RuntimeException r) throw r;
                if (t instanceof Error err) throw err;
                throw new IOException(className + ".ensure(" + dir + ") failed: " + t, t);
            }
        };
    }

    /** Number of {@code *.wav} files (any case) with valid RAVDESS names under {@code dir}, recursively. */
    public static int countRavdessWavs(Path dir) throws IOException {
        int n = 0;
        for (Path f : CorpusFiles.wavs(dir).files()) // unreadable entries are not recordings
            if (RavdessName.isValid(f.getFileName().toString())) n++;
        return n;
    }

    /** {@link #projectRoot(Map, Properties, Path)} with the process environment, system properties and working directory. */
    public static Path projectRoot() {
        return projectRoot(System.getenv(), System.getProperties(), Path.of(""));
    }

    /**
     * The project root: system property {@code EMOLAB_HOME} (or {@code emolab.home}), else env
     * {@code EMOLAB_HOME}, else the nearest folder at or above {@code workingDir} containing both
     * {@code pom.xml} and {@code lib/}.
     *
     * @throws IllegalStateException if the configured folder does not exist or no root is found
     */
    public static Path projectRoot(Map<String, String> env, Properties props, Path workingDir) {
        String source = null;
        String value = null;
        for (String key : new String[] {ENV_HOME, "emolab.home"}) {
            String v = props.getProperty(key);
            if (v != null && !v.isBlank()) {
                source = "system property " + key;
                value = v;
                break;
            }
        }
        if (value == null && env.get(ENV_HOME) != null && !env.get(ENV_HOME).isBlank()) {
            source = "environment variable " + ENV_HOME;
            value = env.get(ENV_HOME);
        }
        Path start = workingDir.toAbsolutePath().normalize();
        if (value != null) {
            Path home = start.resolve(value.strip()).normalize();
            if (!Files.isDirectory(home))
                throw new IllegalStateException(source + "=" + value + " (" + home + ") is not an existing directory");
            return home;
        }
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("lib"))) return p;
        }
        throw new IllegalStateException("cannot find the EmoLab project root: no folder containing pom.xml and lib/ at or above "
                + start + "; set " + ENV_HOME);
    }
}
