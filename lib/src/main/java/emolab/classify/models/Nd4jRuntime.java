package emolab.classify.models;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * One-time ND4J set-up for small networks on a shared machine: native (OpenMP and BLAS) threads
 * default to 1, because small dense layers gain nothing from more and idle OpenMP threads spin
 * on busy cores. Override with the system property {@code emolab.nd4j.threads} or the
 * environment variable {@code EMOLAB_ND4J_THREADS}. The JavaCPP native cache
 * location is {@code -Dorg.bytedeco.javacpp.cachedir} (set by the build for tests).
 */
public final class Nd4jRuntime {
    private Nd4jRuntime() {}

    private static volatile boolean done;

    /** Threads ND4J uses. */
    public static int threads() {
        String v = System.getProperty("emolab.nd4j.threads", System.getenv("EMOLAB_ND4J_THREADS"));
        if (v == null || v.isBlank()) return 1;
        try {
            return Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("emolab.nd4j.threads / EMOLAB_ND4J_THREADS must be an integer, got '" + v + "'");
        }
    }

    /** Initialises ND4J once (thread counts). */
    public static synchronized void init() {
        if (done) return;
        int t = threads();
        Nd4j.getEnvironment().setMaxThreads(t);
        Nd4j.getEnvironment().setMaxMasterThreads(t);
        Nd4j.factory().blas().setMaxThreads(t);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(t);
        done = true;
    }
}
