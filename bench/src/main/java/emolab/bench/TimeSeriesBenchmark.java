package emolab.bench;

import emolab.timeseries.classification.OneNearestNeighbor;
import emolab.timeseries.representations.Paa;
import emolab.timeseries.*;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times the 1-NN searches beside the reference figures of {@code ../shared/conformance/README.md}
 * ("Peer timings", measured on the full corpus: 1828 training and 624 test series, 2 cores):
 * 1-NN Euclidean on PAA-139 0.009 s, 1-NN DTW (Sakoe–Chiba 13) on PAA-139 11.5 s, 1-NN Euclidean
 * on the full-length course series 0.36 s. Prints wall time and process CPU time (less sensitive to
 * other load on a shared machine), median of {@code rounds} runs after one warm-up.
 *
 * <p>Usage: {@code TimeSeriesBenchmark <folder> [rounds]}.
 */
public final class TimeSeriesBenchmark {
    private TimeSeriesBenchmark() {}

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return -1;
    }

    private record Timing(double wall, double cpu) {}

    private static Timing time(Runnable r, int rounds) {
        r.run(); // warm-up
        double[] wall = new double[rounds], cpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = cpuNanos(), t0 = System.nanoTime();
            r.run();
            wall[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (cpuNanos() - c0) / 1e9;
        }
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        return new Timing(wall[rounds / 2], cpu[rounds / 2]);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TimeSeriesBenchmark <folder of RAVDESS WAVs> [rounds]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Recordings rec = Recordings.scan(Path.of(args[0]));
        int[] train = rec.trainRows(), test = rec.testRows();
        int[] y = rec.emotions();
        int[] yTrain = Recordings.select(y, train);
        CourseSeries full = CourseSeries.forSampleRate(rec.sampleRate());
        CourseSeries recipe = full.withCut((int) Math.min(full.cut(), rec.shortest(train)));
        System.out.printf(Locale.ROOT, "cores %d; %s: %d training, %d test series; %s%n",
                Runtime.getRuntime().availableProcessors(), args[0], train.length, test.length, recipe);
        List<double[]> course = rec.map(recipe::build, null);
        double[][] z = ZNormalization.apply(course.toArray(new double[0][]));
        double[][] p = Paa.of(139).transform(z);
        double[][] pTrain = Recordings.select(p, train), pTest = Recordings.select(p, test);
        double[][] zTrain = Recordings.select(z, train), zTest = Recordings.select(z, test);
        Timing e = time(() -> OneNearestNeighbor.euclidean().fit(pTrain, yTrain).predict(pTest), rounds);
        Timing d = time(() -> OneNearestNeighbor.dtw(13).fit(pTrain, yTrain).predict(pTest), rounds);
        Timing f = time(() -> OneNearestNeighbor.euclidean().fit(zTrain, yTrain).predict(zTest), rounds);
        System.out.println("| search | EmoLab wall s | EmoLab CPU s | reference s (1828 x 624) |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| 1-NN Euclidean, PAA-139 | %.3f | %.3f | 0.009 |%n", e.wall(), e.cpu());
        System.out.printf(Locale.ROOT, "| 1-NN DTW band 13, PAA-139 | %.2f | %.2f | 11.5 |%n", d.wall(), d.cpu());
        System.out.printf(Locale.ROOT, "| 1-NN Euclidean, full length (%d points) | %.2f | %.2f | 0.36 |%n", z[0].length, f.wall(), f.cpu());
    }
}
