package emolab.numeric;

/**
 * Runs work that parallelises BLAS calls itself (one call per task on every core) with OpenBLAS
 * limited to one thread, so that its worker threads neither compete with the tasks nor spin on
 * the cores after each call; the previous thread count is restored when the last such run ends.
 * Only the speed changes: a GEMM computes each element the same way whatever its thread count,
 * and {@link Neighbours} re-measures every result exactly anyway. When the OpenBLAS thread
 * control cannot be reached, the work simply runs as it is.
 */
final class SingleThreadedBlas {
    private static int active;
    private static int saved = -1;

    private SingleThreadedBlas() {}

    static void run(Runnable work) {
        boolean limited = enter();
        try {
            work.run();
        } finally {
            if (limited) exit();
        }
    }

    private static synchronized boolean enter() {
        try {
            if (active == 0) {
                saved = org.bytedeco.openblas.global.openblas.blas_get_num_threads();
                // the bytedeco build answers -1 here (unknown) although OpenBLAS runs a thread per core:
                // then its default is what there is to restore
                if (saved < 1) saved = defaultThreads();
                if (saved > 1) org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
            }
            active++;
            return true;
        } catch (Throwable e) { // no OpenBLAS thread control here: run with the threads as they are
            return false;
        }
    }

    /** OpenBLAS's own default: OPENBLAS_NUM_THREADS, else OMP_NUM_THREADS, else one thread per core. */
    private static int defaultThreads() {
        for (String name : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"}) {
            try {
                int v = Integer.parseInt(System.getenv().getOrDefault(name, "").trim());
                if (v > 0) return v;
            } catch (NumberFormatException ignored) {
                // not set or not a number: the next source
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static synchronized void exit() {
        if (--active == 0 && saved > 1) {
            try {
                org.bytedeco.openblas.global.openblas.blas_set_num_threads(saved);
            } catch (Throwable ignored) {
                // restoring failed: nothing more can be done
            }
        }
    }
}
