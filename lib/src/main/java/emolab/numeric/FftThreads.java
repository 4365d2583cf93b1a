package emolab.numeric;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * JTransforms runs a large FFT on JLargeArrays' shared thread pool, a cached pool whose threads are
 * not daemon threads: after the last such FFT they keep the JVM alive for a minute (the pool's idle
 * time-out). A notebook kernel asked to shut down then cannot end and waits to be killed — 2.7 s
 * after notebook 06, against 0.3 s after the others. {@link #useDaemonThreads()} gives the pool the
 * same kind of threads, as daemons; the number of threads JTransforms splits an FFT into is
 * unchanged, so are its results.
 */
public final class FftThreads {
    private FftThreads() {}

    private static boolean done;

    /** Replaces JLargeArrays' thread pool by a cached pool of daemon threads (once; later calls do nothing). */
    public static synchronized void useDaemonThreads() {
        if (done) return;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "fft-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService old = ConcurrencyUtils.getThreadPool();
        ConcurrencyUtils.setThreadPool(Executors.newCachedThreadPool(daemons));
        if (old != null) old.shutdown(); // lets threads it already made end once idle
        done = true;
    }
}
