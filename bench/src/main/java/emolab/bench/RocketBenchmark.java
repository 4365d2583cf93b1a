package emolab.bench;

import emolab.timeseries.rocket.*;

import emolab.data.WavReader;
import emolab.features.rich.Resampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Transform times of MiniRocket and ROCKET beside the reference (numba) timings of
 * {@code ../shared/conformance/README.md} ("Peer timings", 2 threads, 1828 train / 624 test
 * series of the full corpus). {@code RocketBenchmark [wav16k-dir] [rocket-waveform-series] [runs]}
 * (defaults {@code ../shared/ravdess/wav16k}, 16, 3).
 *
 * <p>Data: the 1040 real files of {@code wav16k} (train actors 1–8 = 832 series, test actors
 * 19–20 = 208). Our times are measured on these counts and extrapolated per series to 1828/624
 * (the transform cost is linear in the number of series). Rows:
 * <ul>
 * <li>20 MFCC × 300 frames ({@link MfccSeries.Options#reference()}), MiniRocket multivariate:
 *     fit on train, transform train and test, median of {@code runs};</li>
 * <li>a waveform of the course's length 13,955: the first 46,981 samples (the course's 140,941
 *     samples at 48 kHz = 2.94 s) resampled to 4.8 kHz (the course's decimation by 10 of 48 kHz),
 *     z-normalised, rolling mean of 141 points — an approximation of the course recipe, enough for
 *     timing (MiniRocket's cost depends on the length only); MiniRocket univariate, one run;</li>
 * <li>ROCKET (10,000 kernels) on that waveform: {@code rocket-waveform-series} train series only,
 *     extrapolated per series (the reference took 1,244 s for 1828 series);</li>
 * <li>ROCKET on the MFCC series (multivariate), one run on all series.</li>
 * </ul>
 * Wall time is printed with the process CPU time; on a shared machine the CPU time / cores is the
 * better estimate of an unloaded run.
 */
public final class RocketBenchmark {
    private RocketBenchmark() {}

    static final int FULL_TRAIN = 1828, FULL_TEST = 624;

    record Timing(double wall, double cpu) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/ravdess/wav16k");
        int rocketSeries = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir + "\nusage: RocketBenchmark [wav16k-dir] [rocket-waveform-series] [runs]");
            System.exit(2);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        RocketEvaluation.Corpus c = RocketEvaluation.scan(dir, a -> (a >= 1 && a <= 8) || a == 19 || a == 20);
        int[] train = IntStream.range(0, c.files().size()).filter(i -> c.actor()[i] <= 8).toArray();
        int[] test = IntStream.range(0, c.files().size()).filter(i -> c.actor()[i] >= 19).toArray();
        System.out.printf(Locale.ROOT, "%d cores, load average %.2f; %d train / %d test series from %s%n", cores,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), train.length, test.length, dir);

        double[][][] mfcc = RocketEvaluation.mfcc(c.files(), new MfccSeries(MfccSeries.Options.reference()));
        double[][][] mtr = RocketEvaluation.pick(mfcc, train), mte = RocketEvaluation.pick(mfcc, test);
        List<String> rows = new ArrayList<>();

        // MiniRocket multivariate on MFCC, median of runs
        double[] fitW = new double[runs], trW = new double[runs], teW = new double[runs], trC = new double[runs], teC = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            MiniRocket m = MiniRocket.fit(mtr, MiniRocket.Options.defaults());
            fitW[r] = (System.nanoTime() - t0) / 1e9;
            Timing a = time(() -> m.transform(mtr));
            Timing b = time(() -> m.transform(mte));
            trW[r] = a.wall();
            trC[r] = a.cpu();
            teW[r] = b.wall();
            teC[r] = b.cpu();
            System.err.printf(Locale.ROOT, "MFCC MiniRocket run %d: fit %.2f s, train %.2f s (cpu %.2f), test %.2f s (cpu %.2f)%n", r + 1,
                    fitW[r], a.wall(), a.cpu(), b.wall(), b.cpu());
        }
        rows.add(row("20 MFCC x 300", "MiniRocket multivariate", median(trW), median(trC), train.length, median(teW), median(teC), test.length,
                cores, "4.8-7.7 / 1.6-2.6", "median of " + runs + ", fit " + String.format(Locale.ROOT, "%.2f s", median(fitW))));

        // ROCKET multivariate on MFCC
        Rocket rk = Rocket.generate(20, 300, Rocket.Options.defaults());
        Timing rtr = time(() -> rk.transform(mtr));
        Timing rte = time(() -> rk.transform(mte));
        rows.add(row("20 MFCC x 300", "ROCKET multivariate (10,000 kernels)", rtr.wall(), rtr.cpu(), train.length, rte.wall(), rte.cpu(),
                test.length, cores, "-", "1 run"));

        // waveform of the course's length
        double[][] wave = waveforms(c.files());
        double[][] wtr = RocketEvaluation.pick(wave, train), wte = RocketEvaluation.pick(wave, test);
        long t0 = System.nanoTime();
        MiniRocket mw = MiniRocket.fitUnivariate(wtr, MiniRocket.Options.defaults());
        double fitWave = (System.nanoTime() - t0) / 1e9;
        Timing wa = time(() -> mw.transformUnivariate(wtr));
        Timing wb = time(() -> mw.transformUnivariate(wte));
        rows.add(row("waveform, 13,955 points", "MiniRocket", wa.wall(), wa.cpu(), train.length, wb.wall(), wb.cpu(), test.length, cores,
                "113-115 / 38-39", String.format(Locale.ROOT, "1 run, fit %.1f s", fitWave)));

        Rocket rw = Rocket.generate(1, wave[0].length, Rocket.Options.defaults());
        double[][] sub = Arrays.copyOf(wtr, Math.min(rocketSeries, wtr.length));
        Timing ra = time(() -> rw.transformUnivariate(sub));
        rows.add(row("waveform, 13,955 points", "ROCKET (10,000 kernels)", ra.wall(), ra.cpu(), sub.length, ra.wall() / sub.length * test.length,
                ra.cpu() / sub.length * test.length, test.length, cores, "1,244 / 433",
                sub.length + " train series timed, extrapolated per series"));

        System.out.println();
        System.out.printf(Locale.ROOT, "%d cores; load average at the end %.2f. Ours: measured on wav16k, extrapolated per series to 1828/624;"
                + " est. = process CPU time / cores (an unloaded run).%n", cores, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| series | transform | ours measured train / test s (series) | ours per 1828 / 624, wall | est. from CPU | reference 1828 / 624 s |  note |");
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
    }

    private static String row(String series, String method, double trW, double trC, int nTr, double teW, double teC, int nTe, int cores,
                              String reference, String note) {
        return String.format(Locale.ROOT, "| %s | %s | %.2f / %.2f (%d / %d) | %.1f / %.1f | %.1f / %.1f | %s | %s |", series, method, trW, teW,
                nTr, nTe, trW / nTr * FULL_TRAIN, teW / nTe * FULL_TEST, trC / cores / nTr * FULL_TRAIN, teC / cores / nTe * FULL_TEST,
                reference, note);
    }

    private static Timing time(Runnable r) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        r.run();
        return new Timing((System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Approximate course waveform (see the class comment): 13,955 points per file. */
    static double[][] waveforms(List<Path> files) {
        double[][] out = new double[files.size()][];
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            ParallelTransform.run(pool, () -> IntStream.range(0, files.size()).parallel().forEach(i -> {
                try {
                    double[] x = WavReader.read(files.get(i)).samples();
                    double[] cut = Arrays.copyOf(x, 46_981); // ceil(140,941 / 3); zero-padded if a file were shorter
                    double[] y = Resampler.resample(cut, 16_000, 4_800); // 14,095 points, as the course
                    double m = 0, v = 0;
                    for (double d : y) m += d / y.length;
                    for (double d : y) v += (d - m) * (d - m) / y.length;
                    double sd = v > 0 ? Math.sqrt(v) : 1;
                    int w = 141, n = y.length - w + 1;
                    double[] r = new double[n];
                    double s = 0;
                    for (int t = 0; t < y.length; t++) {
                        s += (y[t] - m) / sd;
                        if (t >= w) s -= (y[t - w] - m) / sd;
                        if (t >= w - 1) r[t - w + 1] = s / w;
                    }
                    out[i] = r;
                } catch (IOException e) {
                    throw new UncheckedIOException(files.get(i) + ": " + e.getMessage(), e);
                }
            }));
        } finally {
            pool.shutdown();
        }
        return out;
    }
}
