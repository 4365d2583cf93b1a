package emolab.bench;

import emolab.features.course.*;

import emolab.data.Audio;
import emolab.data.WavReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of {@link CourseFeatures}: {@code CourseFeaturesBenchmark <dir> [threads] [rounds]}.
 * Decodes every WAV under {@code dir} into memory first (decoding is not timed), runs one warm-up
 * round, then times {@code rounds} rounds (default 3) on {@code threads} threads (default: all
 * cores) and prints seconds of audio per second.
 */
public final class CourseFeaturesBenchmark {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CourseFeaturesBenchmark <dir> [threads] [rounds]");
            System.exit(2);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : cores;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Path> files = emolab.data.CorpusFiles.wavs(Path.of(args[0])).files();
        List<Audio> audio = new ArrayList<>();
        double seconds = 0;
        for (Path p : files) {
            Audio a = WavReader.read(p);
            audio.add(a);
            seconds += a.durationSeconds();
        }
        System.out.printf(Locale.ROOT, "%d files, %.1f s of audio; %d cores, %d threads%n", files.size(), seconds, cores, threads);
        CourseFeatures cf = new CourseFeatures();
        run(cf, audio, threads); // warm-up
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            double cpu = run(cf, audio, threads);
            double el = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, el);
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf(Locale.ROOT, "round %d: %.2f s wall, %.2f s thread CPU: %.1f s of audio per second, %.1f per CPU-second%n",
                    r + 1, el, cpu, seconds / el, seconds / cpu);
        }
        System.out.printf(Locale.ROOT, "best: %.1f s of audio per second on %d cores / %d threads (%.1f s of audio per CPU-second;"
                + " load average %.2f)%n", seconds / best, cores, threads, seconds / bestCpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Runs one round; returns the summed CPU time of the worker threads in seconds. */
    private static double run(CourseFeatures cf, List<Audio> audio, int threads) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        double[] cpu = new double[threads];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread[] ts = new Thread[threads];
        double[] sink = new double[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                int i;
                while ((i = next.getAndIncrement()) < audio.size()) sink[id] += cf.extract(audio.get(i))[1];
                cpu[id] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        double sum = 0;
        for (double c : cpu) sum += c;
        return sum;
    }
}
