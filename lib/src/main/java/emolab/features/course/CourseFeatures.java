package emolab.features.course;

import emolab.data.Audio;
import emolab.data.RavdessName;
import emolab.features.FeatureSet;
import emolab.features.dsp.Chroma;
import emolab.features.dsp.Dct;
import emolab.features.dsp.MelFilterbank;
import emolab.features.dsp.Numpy;
import emolab.features.dsp.Spectral;
import emolab.features.dsp.Stats;
import emolab.features.dsp.Stft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import emolab.data.WavReader;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The University of Pisa "Data Mining 2" course's raw RAVDESS feature table
 * ({@code raw_features_*.csv}), reproduced from audio.
 *
 * <p>Recipe (librosa 0.10 defaults, native sample rate): segments = the whole signal and 4
 * windows with boundaries {@code floor(i*n/4)}; per segment the 14 {@link Stats} of the raw
 * samples, their first difference ({@code lag1}), the 0/1 zero-crossing series ({@code zc}), 20
 * MFCCs ({@code mfcc}, all 20&times;T values), the spectral centroid ({@code sc}) and the 12-bin
 * chroma ({@code stft}, all 12&times;T values). Each window additionally has {@code length_wN}.
 *
 * <p>Thread-safe: per-thread work buffers and FFT plans, filterbanks cached per sample rate.
 */
public final class CourseFeatures implements FeatureSet {
    public static final String NAME = "course";
    public static final String VERSION = "1";

    public static final int N_FFT = 2048;
    public static final int HOP = 512;
    public static final int N_MELS = 128;
    public static final int N_MFCC = 20;
    public static final int N_CHROMA = 12;

    /** Transform prefixes in column order. */
    static final String[] PREFIXES = {"", "lag1_", "zc_", "mfcc_", "sc_", "stft_"};

    /** The label columns before {@code filename}. */
    public static final List<String> LABEL_COLUMNS = List.of(
            "modality", "vocal_channel", "emotion", "emotional_intensity", "statement", "repetition", "actor", "sex");

    private static final List<String> COLUMNS = buildColumns();

    private final Stft.Pad pad;
    private final Map<Integer, Banks> banks = new ConcurrentHashMap<>();
    private final ThreadLocal<Worker> workers;

    public CourseFeatures() {
        this(Stft.Pad.CONSTANT);
    }

    /** With a different centring pad mode (for experiments; the course table uses zero padding). */
    public CourseFeatures(Stft.Pad pad) {
        this.pad = pad;
        this.workers = ThreadLocal.withInitial(Worker::new);
    }

    @Override public String name() { return NAME; }
    @Override public String version() { return VERSION; }
    @Override public List<String> columns() { return COLUMNS; }

    private static List<String> buildColumns() {
        List<String> c = new ArrayList<>();
        c.add("frame_count");
        for (int seg = 0; seg <= 4; seg++) {
            String suffix = seg == 0 ? "" : "_w" + seg;
            if (seg > 0) c.add("length" + suffix);
            for (String p : PREFIXES) for (String s : Stats.NAMES) c.add(p + s + suffix);
        }
        return Collections.unmodifiableList(c);
    }

    /** The course's label strings for a file name, in {@link #LABEL_COLUMNS} order. */
    public static List<String> labelColumns(RavdessName r) {
        String modality = switch (r.modality()) {
            case 1 -> "full-AV";
            case 2 -> "video-only";
            default -> "audio-only";
        };
        return List.of(modality, r.vocalChannel().label(), r.emotion().label(), r.intensity().label(),
                r.statement() == 1 ? "Kids are talking by the door" : "Dogs are sitting by the door",
                r.repetition() == 1 ? "1st" : "2nd",
                Integer.toString(r.actor()),
                r.sex() == RavdessName.Sex.MALE ? "M" : "F");
    }

    /** Values per segment: the 14 statistics of 6 transforms. */
    private static final int SEGMENT = PREFIXES.length * Stats.COUNT;
    /** Below this many samples the time-domain statistics are computed segment by segment. */
    static final int MIN_SHARED = 64;

    @Override
    public double[] extract(Audio audio) {
        double[] x = audio.samples();
        int n = x.length;
        double[] row = new double[COLUMNS.size()];
        Worker w = workers.get();
        Banks b = banks.computeIfAbsent(audio.sampleRate(), Banks::new);
        // segment 0 = the whole signal, 1..4 = the windows [floor(i*n/4), floor((i+1)*n/4))
        int[] from = new int[5], to = new int[5], off = new int[5];
        row[0] = n;
        to[0] = n;
        off[0] = 1;
        for (int i = 0; i < 4; i++) {
            from[i + 1] = (int) ((long) i * n / 4);
            to[i + 1] = (int) ((long) (i + 1) * n / 4);
            off[i + 1] = 1 + SEGMENT + i * (SEGMENT + 1) + 1;
            row[off[i + 1] - 1] = to[i + 1] - from[i + 1];
        }
        timeDomain(w, x, from, to, off, row);
        for (int s = 0; s < 5; s++) spectral(w, b, x, from[s], to[s], row, off[s] + 3 * Stats.COUNT);
        return row;
    }

    /**
     * raw, lag1 and zc statistics of the five segments. The windows partition the signal, so for
     * 16-bit audio (values on {@link Stats.GridCounts}' grid) the whole signal's counts are the sum
     * of the windows' (for lag1 plus the three differences across window boundaries): one pass
     * over the samples per transform. Other data (float WAVs) and tiny signals go segment by
     * segment through {@link Stats#describe}.
     */
    private void timeDomain(Worker w, double[] x, int[] from, int[] to, int[] off, double[] row) {
        int n = x.length;
        // zc: the whole signal's ones are its windows' crossings plus those across window boundaries
        long wholeOnes = n >= MIN_SHARED ? 1 : zeroCrossingOnes(x, 0, n);
        for (int s = 1; s < 5; s++) {
            long ones = zeroCrossingOnes(x, from[s], to[s] - from[s]);
            Stats.describeZeroOneCounts(to[s] - from[s], ones, row, off[s] + 2 * Stats.COUNT);
            if (n >= MIN_SHARED) wholeOnes += ones - 1 + (s > 1 ? zeroCrossingOnes(x, from[s] - 1, 2) - 1 : 0);
        }
        Stats.describeZeroOneCounts(n, wholeOnes, row, off[0] + 2 * Stats.COUNT);
        for (int t = 0; t < 2; t++) {
            boolean lag = t == 1;
            int k = lag ? Stats.COUNT : 0;
            if (n >= MIN_SHARED && gridStats(w, x, from, to, off, k, lag, row)) continue;
            for (int s = 0; s < 5; s++) {
                int len = to[s] - from[s];
                if (!lag) {
                    Stats.describe(x, from[s], len, row, off[s] + k, w.ws);
                } else {
                    double[] buf = w.series(len);
                    for (int i = 0; i + 1 < len; i++) buf[i] = x[from[s] + i + 1] - x[from[s] + i];
                    Stats.describe(buf, 0, Math.max(0, len - 1), row, off[s] + k, w.ws);
                }
            }
        }
    }

    /** The grid-count path of {@link #timeDomain} for raw or lag1; false if the data are off the grid. */
    private static boolean gridStats(Worker w, double[] x, int[] from, int[] to, int[] off, int k, boolean lag, double[] row) {
        Stats.GridCounts part = w.ws.gridPart(), whole = w.ws.gridWhole();
        whole.clear();
        for (int s = 1; s < 5; s++) {
            if (!part.set(x, from[s], to[s], lag)) return false;
            part.describe(row, off[s] + k);
            whole.addAll(part);
        }
        if (lag) for (int s = 1; s < 4; s++) if (!whole.add(x[to[s]] - x[to[s] - 1])) return false;
        whole.describe(row, off[0] + k);
        return true;
    }

    private int spectral(Worker w, Banks b, double[] x, int from, int to, double[] row, int k) {
        int n = to - from;
        // spectral transforms
        Stft stft = w.stft(pad);
        int frames = stft.frameCount(n);
        int bins = stft.bins();
        double[] power = w.power(frames * bins);
        stft.compute(x, from, to, power, null);
        // mfcc
        double[] mel = w.mel(frames * N_MELS);
        b.mel.apply(power, frames, mel);
        Spectral.powerToDb(mel, 0, frames * N_MELS, 1.0, 1e-10, 80.0);
        double[] mf = w.values(frames * Math.max(N_MFCC, N_CHROMA));
        for (int t = 0; t < frames; t++) b.dct.transform(mel, t * N_MELS, 1, mf, t, frames); // (20, T) row-major
        Stats.describe(mf, 0, N_MFCC * frames, row, k, w.ws);
        k += Stats.COUNT;
        // spectral centroid of the magnitude spectrogram
        double[] sc = w.values2(frames);
        double[] mag = w.frame(bins);
        double[] tmp = w.frame2(bins);
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            Spectral.sqrt(power, o, mag, bins);
            Spectral.spectralCentroid(mag, 1, bins, b.freqs, sc, tmp);
            mf[t] = sc[0];
        }
        Stats.describe(mf, 0, frames, row, k, w.ws);
        k += Stats.COUNT;
        // chroma
        double tuning = Chroma.estimateTuning(power, frames, bins, b.sr, 150.0, 4000.0, 0.1, 0.01, 12);
        double[][] fb = b.chroma(tuning);
        double[] ch = w.values2(frames * N_CHROMA);
        Chroma.chroma(power, frames, bins, fb, ch);
        for (int t = 0; t < frames; t++)
            for (int c = 0; c < N_CHROMA; c++) mf[c * frames + t] = ch[t * N_CHROMA + c]; // (12, T) row-major
        Stats.describe(mf, 0, N_CHROMA * frames, row, k, w.ws);
        k += Stats.COUNT;
        return k;
    }

    /**
     * The number of ones in librosa's {@code zero_crossings(x[from .. from+n), threshold=1e-10,
     * zero_pos=True, pad=True)}: 1 for the first sample (pad) plus one per sign change, where a
     * value with {@code |v| <= 1e-10} counts as 0 and 0 as positive.
     */
    static long zeroCrossingOnes(double[] x, int from, int n) {
        if (n <= 0) return 0;
        long ones = 1;
        int prev = x[from] < -1e-10 ? 1 : 0;
        for (int i = from + 1; i < from + n; i++) {
            int neg = x[i] < -1e-10 ? 1 : 0; // without branches: the signs of noise are unpredictable
            ones += neg ^ prev;
            prev = neg;
        }
        return ones;
    }

    /**
     * The course table for {@code files} (RAVDESS-named WAVs): the label columns, {@code filename},
     * then {@link #columns()} — exactly the column names and order of {@code raw_features_*.csv}.
     * {@code actor}, {@code frame_count} and {@code length_wN} are integer columns, the other
     * features double. Files are read with {@link WavReader} and extracted in parallel on all
     * cores; rows keep the order of {@code files}.
     */
    public static Table table(List<Path> files) {
        return new CourseFeatures().tableOf(files);
    }

    /** {@link #table(List)} with this instance (its pad mode and caches). */
    public Table tableOf(List<Path> files) {
        int n = files.size();
        double[][] rows = new double[n][];
        RavdessName[] names = new RavdessName[n];
        for (int i = 0; i < n; i++) names[i] = RavdessName.parse(files.get(i).getFileName().toString());
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                rows[i] = extract(WavReader.read(files.get(i)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + files.get(i) + ": " + e.getMessage(), e);
            }
        });
        Table t = Table.create("raw_features_" + NAME);
        for (int c = 0; c < LABEL_COLUMNS.size(); c++) {
            String col = LABEL_COLUMNS.get(c);
            if (col.equals("actor")) {
                IntColumn ic = IntColumn.create(col, n);
                for (int i = 0; i < n; i++) ic.set(i, names[i].actor());
                t.addColumns(ic);
            } else {
                StringColumn sc = StringColumn.create(col);
                for (int i = 0; i < n; i++) sc.append(labelColumns(names[i]).get(c));
                t.addColumns(sc);
            }
        }
        StringColumn fn = StringColumn.create("filename");
        for (Path p : files) fn.append(p.getFileName().toString());
        t.addColumns(fn);
        for (int c = 0; c < COLUMNS.size(); c++) {
            String col = COLUMNS.get(c);
            if (col.equals("frame_count") || col.startsWith("length_")) {
                IntColumn ic = IntColumn.create(col, n);
                for (int i = 0; i < n; i++) ic.set(i, (int) rows[i][c]);
                t.addColumns(ic);
            } else {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = rows[i][c];
                t.addColumns(DoubleColumn.create(col, v));
            }
        }
        return t;
    }

    /** Filterbanks for one sample rate. */
    private static final class Banks {
        final double sr;
        final MelFilterbank mel;
        final Dct dct = new Dct(N_MELS, N_MFCC);
        final double[] freqs;
        final Map<Long, double[][]> chroma = new ConcurrentHashMap<>();

        Banks(int sampleRate) {
            this.sr = sampleRate;
            this.mel = MelFilterbank.librosa(sampleRate, N_FFT, N_MELS);
            this.freqs = Numpy.fftFrequencies(sampleRate, N_FFT);
        }

        double[][] chroma(double tuning) {
            return chroma.computeIfAbsent(Double.doubleToLongBits(tuning),
                    bits -> Chroma.filterbank(sr, N_FFT, N_CHROMA, tuning, 5.0, 2.0, true, true, true));
        }
    }

    /** Per-thread buffers. */
    private static final class Worker {
        Stft stft;
        final Stats.Workspace ws = new Stats.Workspace();
        double[] series, power, mel, values, values2, frame, frame2;

        Stft stft(Stft.Pad pad) {
            if (stft == null || stft.pad() != pad) stft = new Stft(N_FFT, HOP, emolab.features.dsp.Windows.hann(N_FFT, true), true, pad);
            return stft;
        }
        double[] series(int n) { return series = ensure(series, n); }
        double[] power(int n) { return power = ensure(power, n); }
        double[] mel(int n) { return mel = ensure(mel, n); }
        double[] values(int n) { return values = ensure(values, n); }
        double[] values2(int n) { return values2 = ensure(values2, n); }
        double[] frame(int n) { return frame = ensure(frame, n); }
        double[] frame2(int n) { return frame2 = ensure(frame2, n); }

        private static double[] ensure(double[] a, int n) {
            return a != null && a.length >= n ? a : new double[Math.max(n, 16)];
        }
    }
}
