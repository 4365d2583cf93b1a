package emolab.data.synth;

import emolab.data.Emotion;
import emolab.data.RavdessName;
import emolab.data.RavdessName.Intensity;
import emolab.data.RavdessName.VocalChannel;
import emolab.data.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The embedded default corpus: a deterministic generator of a <b>SYNTHETIC</b>, RAVDESS-shaped
 * corpus (16-bit mono WAV files named and foldered like RAVDESS, {@code Actor_XX/03-VV-EE-II-SS-RR-AA.wav}).
 *
 * <p>It is not real speech: a source-filter voice model (glottal pulses, formant resonators,
 * noise for fricatives) speaks or sings the two RAVDESS statements with emotion-dependent
 * prosody, so the notebooks can run end to end without the real corpus. See {@code data/SYNTHETIC.md}.
 *
 * <p>Output is byte-identical for the same (seed, size, sample rate) on every run, platform and
 * thread count: every file draws from its own random stream seeded by (seed, file name).
 *
 * <pre>{@code
 * SyntheticCorpus.ensure(dir);                          // FULL corpus, seed 42, 16 kHz, if not there yet
 * Summary s = SyntheticCorpus.builder().seed(7).size(Size.SMALL)
 *         .progress((done, total) -> ...).build().generate(dir);
 * }</pre>
 */
public final class SyntheticCorpus {
    /** Bump when the synthesis changes the bytes; a marker with another version triggers regeneration. */
    public static final int GENERATOR_VERSION = 1;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_SAMPLE_RATE = 16000;
    /** Name of the completeness marker, written last. */
    public static final String MARKER = "corpus.properties";
    private static final String GENERATOR = "emolab.data.synth.SyntheticCorpus";

    /** Corpus sizes; each is a subset of FULL (same bytes for the same seed) covering every emotion/intensity/channel cell. */
    public enum Size {
        /** The full RAVDESS audio design: 2452 files (1440 speech + 1012 song). */
        FULL,
        /** All 24 actors and every emotion/intensity/channel, statement 01 and repetition 01 only: 613 files. */
        SMALL,
        /** Actors 01 (male), 02 (female) and 18 (female, no song), statement 01, repetition 01: 67 files. */
        TINY
    }

    /**
     * What a generation did.
     *
     * @param files          number of WAV files in the corpus
     * @param audioSeconds   total duration of the audio
     * @param elapsedSeconds wall-clock time spent (0 when the corpus was already complete)
     * @param generated      false when {@code ensure} found a complete corpus and did nothing
     */
    public record Summary(int files, double audioSeconds, double elapsedSeconds, boolean generated) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d files, %.1f s of audio, %s in %.1f s", files, audioSeconds,
                    generated ? "generated" : "already complete", elapsedSeconds);
        }
    }

    private final long seed;
    private final Size size;
    private final int sampleRate;
    private final int threads;
    private final BiConsumer<Integer, Integer> progress;

    private SyntheticCorpus(Builder b) {
        this.seed = b.seed;
        this.size = b.size;
        this.sampleRate = b.sampleRate;
        this.threads = b.threads;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Generates the FULL corpus (seed 42, 16 kHz) into {@code dir} unless it is already complete. */
    public static void ensure(Path dir) throws IOException {
        ensure(dir, Size.FULL);
    }

    /** Generates the corpus of {@code size} (seed 42, 16 kHz) into {@code dir} unless it is already complete. */
    public static void ensure(Path dir, Size size) throws IOException {
        builder().size(size).build().generateIfNeeded(dir);
    }

    /**
     * The file names of the design of {@code size}, ordered by actor, vocal channel, emotion,
     * intensity, statement, repetition. Speech: 8 emotions; song: no disgust or surprised, and
     * actor 18 has no song; neutral has no strong intensity.
     */
    public static List<RavdessName> design(Size size) {
        if (size == null) throw new IllegalArgumentException("size is null");
        List<RavdessName> names = new ArrayList<>();
        int[] actors = size == Size.TINY ? new int[] {1, 2, 18} : range(1, 24);
        int maxRep = size == Size.FULL ? 2 : 1, maxStatement = size == Size.FULL ? 2 : 1;
        for (int actor : actors) {
            for (VocalChannel vc : VocalChannel.values()) {
                if (vc == VocalChannel.SONG && actor == 18) continue;
                for (Emotion e : Emotion.values()) {
                    if (vc == VocalChannel.SONG && (e == Emotion.DISGUST || e == Emotion.SURPRISED)) continue;
                    for (Intensity in : Intensity.values()) {
                        if (e == Emotion.NEUTRAL && in == Intensity.STRONG) continue;
                        for (int s = 1; s <= maxStatement; s++)
                            for (int rep = 1; rep <= maxRep; rep++)
                                names.add(new RavdessName(3, vc, e, in, s, rep, actor));
                    }
                }
            }
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * Synthesises one recording: mono samples in [-1, 1), 2.9–5.85 s long. A pure function of its
     * arguments ({@code seed} is the corpus seed; the file name selects the per-file stream).
     */
    public static double[] synthesize(RavdessName name, long seed, int sampleRate) {
        if (name == null) throw new IllegalArgumentException("name is null");
        checkSampleRate(sampleRate);
        return VoiceSynthesizer.render(name, seed, sampleRate);
    }

    /** Where {@code name} goes under the corpus root: {@code Actor_XX/<file name>}. */
    public static Path pathOf(Path dir, RavdessName name) {
        return dir.resolve(name.actorFolder()).resolve(name.fileName());
    }

    /**
     * Generates this corpus into {@code dir} unless its marker says an identical corpus is already
     * complete there (and all its files exist). Otherwise regenerates it: removes the old marker,
     * deletes stale WAVs of an earlier synthetic corpus that are not in this design, writes every
     * file atomically, and writes the marker last.
     */
    public Summary generateIfNeeded(Path dir) throws IOException {
        if (dir == null) throw new IllegalArgumentException("dir is null");
        Map<String, String> expected = markerFields(design(size).size());
        Path marker = dir.resolve(MARKER);
        Properties existing = readMarker(marker);
        if (existing != null && matches(existing, expected) && allFilesExist(dir)) {
            double secs = parseDouble(existing.getProperty("audioSeconds"));
            return new Summary(design(size).size(), secs, 0.0, false);
        }
        return generate(dir);
    }

    /** Generates (or overwrites) this corpus into {@code dir}, writing the marker last. */
    public Summary generate(Path dir) throws IOException {
        if (dir == null) throw new IllegalArgumentException("dir is null");
        long t0 = System.nanoTime();
        List<RavdessName> names = design(size);
        Files.createDirectories(dir);
        Path marker = dir.resolve(MARKER);
        Properties old = readMarker(marker);
        Files.deleteIfExists(marker);
        if (old != null && GENERATOR.equals(old.getProperty("generator"))) deleteStale(dir, names);

        int total = names.size();
        long[] frames = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Object lock = new Object();
        Runnable worker = () -> {
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < total) {
                try {
                    RavdessName n = names.get(i);
                    double[] x = VoiceSynthesizer.render(n, seed, sampleRate);
                    WavWriter.writePcm16(pathOf(dir, n), x, sampleRate);
                    frames[i] = x.length;
                    if (progress != null) {
                        synchronized (lock) {
                            progress.accept(done.incrementAndGet(), total);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int nThreads = Math.max(1, Math.min(threads, total));
        if (nThreads == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(nThreads, rr -> {
                Thread th = new Thread(rr, "emolab-synth");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int k = 0; k < nThreads; k++) fs.add(pool.submit(worker));
                for (Future<?> f : fs) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while generating the synthetic corpus in " + dir, e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failure.compareAndSet(null, e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Throwable f = failure.get();
        if (f instanceof IOException io) throw io;
        if (f instanceof UncheckedIOException uio) throw uio.getCause();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
        if (f != null) throw new IOException("synthetic corpus generation failed in " + dir, f);

        long sumFrames = 0;
        for (long fr : frames) sumFrames += fr;
        double audioSeconds = sumFrames / (double) sampleRate;
        Map<String, String> fields = markerFields(total);
        fields.put("audioSeconds", String.format(Locale.ROOT, "%.3f", audioSeconds));
        StringBuilder sb = new StringBuilder();
        sb.append("# EmoLab SYNTHETIC corpus: generated audio, NOT real speech (see data/SYNTHETIC.md).\n");
        sb.append("# Written last; if it is missing or different the corpus is regenerated.\n");
        for (Map.Entry<String, String> e : fields.entrySet()) sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        WavWriter.writeAtomically(marker, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        return new Summary(total, audioSeconds, (System.nanoTime() - t0) / 1e9, true);
    }

    public long seed() { return seed; }

    public Size size() { return size; }

    public int sampleRate() { return sampleRate; }

    /** Options for {@link SyntheticCorpus}. Defaults: seed 42, FULL, 16 kHz, all cores, no progress. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private Size size = Size.FULL;
        private int sampleRate = DEFAULT_SAMPLE_RATE;
        private int threads = Runtime.getRuntime().availableProcessors();
        private BiConsumer<Integer, Integer> progress;

        private Builder() {}

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder size(Size size) {
            if (size == null) throw new IllegalArgumentException("size is null");
            this.size = size;
            return this;
        }

        /** Sample rate in Hz, 8000..96000. */
        public Builder sampleRate(int sampleRate) {
            checkSampleRate(sampleRate);
            this.sampleRate = sampleRate;
            return this;
        }

        /** Worker threads (&gt;= 1); the output does not depend on it. */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            this.threads = threads;
            return this;
        }

        /** Called with (done, total) after each file, from worker threads, one call at a time. */
        public Builder progress(BiConsumer<Integer, Integer> progress) {
            this.progress = progress;
            return this;
        }

        public SyntheticCorpus build() {
            return new SyntheticCorpus(this);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static void checkSampleRate(int sampleRate) {
        if (sampleRate < 8000 || sampleRate > 96000)
            throw new IllegalArgumentException("sampleRate must be 8000..96000 Hz, got " + sampleRate);
    }

    private static int[] range(int lo, int hi) {
        int[] a = new int[hi - lo + 1];
        for (int i = 0; i < a.length; i++) a[i] = lo + i;
        return a;
    }

    private Map<String, String> markerFields(int files) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("generator", GENERATOR);
        m.put("generatorVersion", Integer.toString(GENERATOR_VERSION));
        m.put("synthetic", "true");
        m.put("seed", Long.toString(seed));
        m.put("size", size.name());
        m.put("sampleRate", Integer.toString(sampleRate));
        m.put("files", Integer.toString(files));
        return m;
    }

    private static boolean matches(Properties p, Map<String, String> expected) {
        for (Map.Entry<String, String> e : expected.entrySet())
            if (!e.getValue().equals(p.getProperty(e.getKey()))) return false;
        return true;
    }

    private static Properties readMarker(Path marker) throws IOException {
        if (!Files.isRegularFile(marker)) return null;
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(marker, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        } catch (IllegalArgumentException malformed) {
            return new Properties(); // unreadable marker: treated as a mismatch
        }
        return p;
    }

    private boolean allFilesExist(Path dir) {
        for (RavdessName n : design(size)) if (!Files.isRegularFile(pathOf(dir, n))) return false;
        return true;
    }

    /** Deletes RAVDESS-named WAVs in Actor_XX folders that an earlier synthetic corpus left and this design lacks. */
    private static void deleteStale(Path dir, List<RavdessName> keep) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (RavdessName n : keep) wanted.add(n.actorFolder() + "/" + n.fileName());
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : (Iterable<Path>) folders::iterator) {
                String fn = folder.getFileName().toString();
                if (!Files.isDirectory(folder) || !fn.matches("Actor_\\d\\d")) continue;
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".wav") && RavdessName.isValid(name) && !wanted.contains(fn + "/" + name))
                            Files.delete(f);
                    }
                }
            }
        }
    }

    private static double parseDouble(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
