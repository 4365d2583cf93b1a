package emolab.numeric;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.concurrent.Future;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/** Large FFTs run on daemon threads once a notebook session has started, so a kernel can end when asked. */
class FftThreadsTest {
    @Test
    void theSessionGivesJTransformsDaemonThreads() throws Exception {
        Class.forName("emolab.notebook.Session", true, FftThreadsTest.class.getClassLoader()); // what every notebook loads first
        Future<Boolean> daemon = ConcurrencyUtils.getThreadPool().submit(() -> Thread.currentThread().isDaemon());
        assertTrue(daemon.get(), "JLargeArrays' pool makes daemon threads");

        // a transform large enough to be split over threads runs, and every FFT thread is a daemon
        int threadsBefore = ConcurrencyUtils.getNumberOfThreads();
        ConcurrencyUtils.setNumberOfThreads(2);
        try {
            double[] x = new double[1 << 20], y;
            Random r = new Random(3);
            for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
            y = x.clone();
            new DoubleFFT_1D(x.length).realForward(y);
            double[] back = y.clone();
            new DoubleFFT_1D(x.length).realInverse(back, true);
            for (int i = 0; i < x.length; i += 997) assertEquals(x[i], back[i], 1e-9);
        } finally {
            ConcurrencyUtils.setNumberOfThreads(threadsBefore);
        }
        boolean sawFftThread = false;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("fft-")) {
                sawFftThread = true;
                assertTrue(t.isDaemon(), t.getName());
            }
            assertFalse(t.getName().matches("pool-\\d+-thread-\\d+") && !t.isDaemon() && t.isAlive()
                    && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("pl.edu.icm")),
                    "a non-daemon JLargeArrays thread: " + t.getName());
        }
        assertTrue(sawFftThread, "the pool's threads are the daemon ones");
        FftThreads.useDaemonThreads(); // a second call keeps the same pool
        assertTrue(ConcurrencyUtils.getThreadPool().submit(() -> Thread.currentThread().getName().startsWith("fft-")).get());
    }
}
