package emolab.timeseries.rocket;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Runs a {@link SeriesTransform} over many series: block by block ({@code blockSize} series are
 * fetched from the {@link SeriesSource} at a time, so a lazy source keeps memory bounded), each
 * block in parallel on {@code threads} worker threads. Output rows come in source order whatever
 * the thread count, and are identical for any thread count or block size.
 *
 * <pre>{@code
 * double[][] f = ParallelTransform.builder().threads(2).blockSize(128)
 *         .progress(Progress.bar("MiniRocket")).build().apply(miniRocket, source);
 * }</pre>
 */
public final class ParallelTransform {
    /** Receives the feature row of series {@code index}; called in index order, from one thread at a time. */
    @FunctionalInterface
    public interface RowSink {
        void accept(int index, double[] features);
    }

    private final int threads;
    private final int blockSize;
    private final BiConsumer<Integer, Integer> progress;

    private ParallelTransform(Builder b) {
        this.threads = b.threads;
        this.blockSize = b.blockSize;
        this.progress = b.progress;
    }

    /** All available cores, blocks of 256 series, no progress display. */
    public static ParallelTransform defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int threads() { return threads; }
    public int blockSize() { return blockSize; }

    /** Features of every series of {@code source}: {@code [series][feature]}. */
    public double[][] apply(SeriesTransform transform, SeriesSource source) {
        if (source == null) throw new IllegalArgumentException("series source is null");
        double[][] out = new double[source.size()][];
        apply(transform, source, (i, row) -> out[i] = row);
        return out;
    }

    /** Features of every series rounded to float32 (rows converted block by block). */
    public float[][] applyFloat32(SeriesTransform transform, SeriesSource source) {
        if (source == null) throw new IllegalArgumentException("series source is null");
        float[][] out = new float[source.size()][];
        apply(transform, source, (i, row) -> {
            float[] f = new float[row.length];
            for (int j = 0; j < row.length; j++) f[j] = (float) row[j];
            out[i] = f;
        });
        return out;
    }

    /**
     * Streams the features of every series to {@code sink} (in index order), holding at most one
     * block of series and feature rows at a time.
     */
    public void apply(SeriesTransform transform, SeriesSource source, RowSink sink) {
        if (transform == null) throw new IllegalArgumentException("transform is null");
        if (source == null) throw new IllegalArgumentException("series source is null");
        if (sink == null) throw new IllegalArgumentException("sink is null");
        int n = source.size();
        int p = transform.numFeatures();
        AtomicInteger done = new AtomicInteger();
        Object lock = new Object();
        if (progress != null) progress.accept(0, n);
        ForkJoinPool pool = threads == 1 ? null : new ForkJoinPool(threads);
        try {
            for (int from = 0; from < n; from += blockSize) {
                int to = Math.min(n, from + blockSize);
                double[][] rows = new double[to - from][];
                final int start = from;
                Runnable block = () -> IntStream.range(start, to).parallel().forEach(i -> {
                    double[][] s = source.get(i);
                    SeriesChecks.expect(s, i, transform.channels(), transform.length());
                    double[] row = new double[p];
                    transform.features(s, row, 0);
                    rows[i - start] = row;
                    // count and report under one lock, so progress is reported in increasing order
                    synchronized (lock) {
                        int d = done.incrementAndGet();
                        if (progress != null) progress.accept(d, n);
                    }
                });
                if (pool == null) {
                    for (int i = from; i < to; i++) {
                        double[][] s = source.get(i);
                        SeriesChecks.expect(s, i, transform.channels(), transform.length());
                        double[] row = new double[p];
                        transform.features(s, row, 0);
                        rows[i - from] = row;
                        if (progress != null) progress.accept(i + 1, n);
                    }
                } else {
                    run(pool, block);
                }
                for (int i = from; i < to; i++) sink.accept(i, rows[i - from]);
            }
        } finally {
            if (pool != null) pool.shutdown();
        }
    }

    /** Runs {@code task} in {@code pool}, rethrowing its unchecked exceptions unwrapped. */
    public static void run(ForkJoinPool pool, Runnable task) {
        try {
            pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    /** Options: {@code threads} (default all cores), {@code blockSize} (default 256), {@code progress}. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private int blockSize = 256;
        private BiConsumer<Integer, Integer> progress;

        private Builder() {}

        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            this.threads = threads;
            return this;
        }

        public Builder blockSize(int blockSize) {
            if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
            this.blockSize = blockSize;
            return this;
        }

        /** A {@code (done, total)} callback, e.g. {@code emolab.notebook.Progress.bar(label)}. */
        public Builder progress(BiConsumer<Integer, Integer> progress) {
            this.progress = progress;
            return this;
        }

        public ParallelTransform build() {
            return new ParallelTransform(this);
        }
    }
}
