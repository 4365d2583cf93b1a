package emolab.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * Runs independent tasks on a bounded number of threads (by default one per core) and returns
 * their results in task order, so the outcome never depends on scheduling. The first failure
 * cancels the remaining tasks and is rethrown as is.
 */
public final class Parallel {
    private Parallel() {}

    /** Threads to use for {@code requested} (0 = one per available core). */
    public static int threads(int requested) {
        if (requested < 0) throw new IllegalArgumentException("thread count must be ≥ 0 (0 = all cores), got " + requested);
        return requested == 0 ? Runtime.getRuntime().availableProcessors() : requested;
    }

    /**
     * {@code task(0) .. task(n-1)} on at most {@code threads} threads (0 = all cores);
     * {@code progress} (may be null) receives (done, n) after each task.
     */
    public static <T> List<T> map(int n, int threads, IntFunction<T> task, BiConsumer<Integer, Integer> progress) {
        int t = Math.min(threads(threads), Math.max(1, n));
        List<T> out = new ArrayList<>(n);
        if (progress != null) progress.accept(0, n);
        if (t <= 1) {
            for (int i = 0; i < n; i++) {
                out.add(task.apply(i));
                if (progress != null) progress.accept(i + 1, n);
            }
            return out;
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "emolab-parallel-" + counter.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int idx = i;
                futures.add(pool.submit(() -> {
                    T r = task.apply(idx);
                    int d = done.incrementAndGet();
                    if (progress != null) progress.accept(d, n);
                    return r;
                }));
            }
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    for (Future<T> g : futures) g.cancel(true);
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error er) throw er;
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
