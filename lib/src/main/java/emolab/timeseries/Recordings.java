package emolab.timeseries;

import emolab.data.Audio;
import emolab.data.CorpusScanner;
import emolab.data.Emotion;
import emolab.data.RavdessName;
import emolab.data.WavReader;
import emolab.prep.ActorSplit;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The RAVDESS recordings of a folder, in path order, with their labels, the speaker-independent
 * split and a parallel way to turn each recording into a series. Files the scanner cannot use are
 * reported by {@link #skipped()}, never silently dropped.
 */
public final class Recordings {
    /** Emotion names in label order (label = RAVDESS code − 1). */
    public static final List<String> EMOTIONS = Arrays.stream(Emotion.values()).map(Emotion::label).toList();

    private final List<Path> files;
    private final List<RavdessName> names;
    private final int[] sampleRates;
    private final long[] frames;
    private final List<String> skipped;

    private Recordings(List<Path> files, List<RavdessName> names, int[] rates, long[] frames, List<String> skipped) {
        this.files = List.copyOf(files);
        this.names = List.copyOf(names);
        this.sampleRates = rates;
        this.frames = frames;
        this.skipped = List.copyOf(skipped);
    }

    /** Scans {@code root} (see {@link CorpusScanner}). */
    public static Recordings scan(Path root) throws IOException {
        CorpusScanner.ScanResult r = CorpusScanner.scan(root);
        Table t = r.table();
        List<Path> files = new ArrayList<>();
        List<RavdessName> names = new ArrayList<>();
        int n = t.rowCount();
        int[] rates = new int[n];
        long[] frames = new long[n];
        for (int i = 0; i < n; i++) {
            Path p = Path.of(t.stringColumn("path").get(i));
            files.add(p);
            names.add(RavdessName.parse(p.getFileName().toString()));
            rates[i] = t.intColumn("sample_rate").get(i);
            frames[i] = t.longColumn("frames").get(i);
        }
        if (n == 0) throw new IllegalArgumentException("no RAVDESS recordings under " + root);
        List<String> skipped = r.errors().stream().map(Object::toString).toList();
        return new Recordings(files, names, rates, frames, skipped);
    }

    public int size() { return files.size(); }
    public Path file(int i) { return files.get(i); }
    public RavdessName name(int i) { return names.get(i); }
    public List<RavdessName> names() { return names; }
    /** Files under the root that were not usable, with the reason. */
    public List<String> skipped() { return skipped; }
    public int sampleRate(int i) { return sampleRates[i]; }
    /** Samples (per channel) of recording {@code i}, from its header. */
    public long frames(int i) { return frames[i]; }

    /** The common sample rate, or an error naming two files that differ. */
    public int sampleRate() {
        for (int i = 1; i < size(); i++)
            if (sampleRates[i] != sampleRates[0])
                throw new IllegalStateException("recordings have different sample rates: " + files.get(0) + " "
                        + sampleRates[0] + " Hz, " + files.get(i) + " " + sampleRates[i] + " Hz");
        return sampleRates[0];
    }

    /**
     * The lowest sample rate of the recordings: a folder that mixes rates (16 kHz and 44.1 kHz
     * copies, say) is brought to it by {@link #map(int, Function, BiConsumer)}, so no recording is
     * up-sampled into frequencies it never had.
     */
    public int lowestSampleRate() {
        return Arrays.stream(sampleRates).min().orElseThrow();
    }

    /** True when not every recording has the same sample rate. */
    public boolean mixedSampleRates() {
        return Arrays.stream(sampleRates).distinct().count() > 1;
    }

    /** Shortest of the recordings {@code rows}, in samples once resampled to {@code rate} (rounded down). */
    public long shortest(int[] rows, int rate) {
        if (rows.length == 0) throw new IllegalArgumentException("no rows");
        long m = Long.MAX_VALUE;
        for (int r : rows) m = Math.min(m, frames[r] * rate / sampleRates[r]);
        return m;
    }

    /**
     * {@link #map(Function, BiConsumer)} with every recording first resampled to {@code rate}
     * (recordings already at that rate are untouched).
     */
    public <T> List<T> map(int rate, Function<Audio, T> f, BiConsumer<Integer, Integer> progress) {
        if (rate <= 0) throw new IllegalArgumentException("rate must be > 0, got " + rate);
        return map(a -> f.apply(a.sampleRate() == rate ? a : new Audio(
                emolab.features.rich.Resampler.resample(a.samples(), a.sampleRate(), rate), rate, a.channels(),
                a.bitsPerSample(), a.source())), progress);
    }

    /** Indices of the recordings whose name satisfies {@code p}. */
    public int[] rows(Predicate<RavdessName> p) {
        return IntStream.range(0, size()).filter(i -> p.test(names.get(i))).toArray();
    }

    /** The speaker-independent split of the actors present ({@link ActorSplit#plan}: 1–18 / 19–24 on the full corpus). */
    public ActorSplit.Plan split() {
        return ActorSplit.plan(names.stream().map(RavdessName::actor).toList());
    }

    /** Training rows of {@link #split()}. */
    public int[] trainRows() {
        Set<Integer> a = split().trainActors();
        return rows(n -> a.contains(n.actor()));
    }

    /** Test rows of {@link #split()}. */
    public int[] testRows() {
        Set<Integer> a = split().testActors();
        return rows(n -> a.contains(n.actor()));
    }

    /** Emotion label (code − 1, see {@link #EMOTIONS}) of each recording. */
    public int[] emotions() {
        return names.stream().mapToInt(n -> n.emotion().code() - 1).toArray();
    }

    /** Vocal channel label: 0 speech, 1 song. */
    public int[] vocalChannels() {
        return names.stream().mapToInt(n -> n.vocalChannel().code() - 1).toArray();
    }

    /** Sex label: 0 male, 1 female. */
    public int[] sexes() {
        return names.stream().mapToInt(n -> n.sex() == RavdessName.Sex.MALE ? 0 : 1).toArray();
    }

    /** The values of {@code labels} at {@code rows}. */
    public static int[] select(int[] labels, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = labels[rows[i]];
        return out;
    }

    /** The elements of {@code list} at {@code rows}. */
    public static <T> List<T> select(List<T> list, int[] rows) {
        List<T> out = new ArrayList<>(rows.length);
        for (int r : rows) out.add(list.get(r));
        return out;
    }

    /** The rows {@code rows} of a matrix (shared, not copied). */
    public static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = x[rows[i]];
        return out;
    }

    /** Shortest of the recordings {@code rows}, in samples. */
    public long shortest(int[] rows) {
        long m = Long.MAX_VALUE;
        for (int r : rows) m = Math.min(m, frames[r]);
        if (rows.length == 0) throw new IllegalArgumentException("no rows");
        return m;
    }

    /** Shortest recording in samples. */
    public long shortest() {
        return Arrays.stream(frames).min().orElse(0);
    }

    /**
     * Reads every recording and applies {@code f}, in parallel; results in recording order.
     * Errors name the file. {@code progress} (may be null) gets (done, total).
     */
    public <T> List<T> map(Function<Audio, T> f, BiConsumer<Integer, Integer> progress) {
        int n = size();
        List<T> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        AtomicInteger done = new AtomicInteger();
        Object[] results = new Object[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Audio a;
            try {
                a = WavReader.read(files.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + files.get(i) + ": " + e.getMessage(), e);
            }
            results[i] = f.apply(a);
            int d = done.incrementAndGet();
            if (progress != null) progress.accept(d, n);
        });
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked") T t = (T) results[i];
            out.set(i, t);
        }
        return out;
    }
}
