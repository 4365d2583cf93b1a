/*
 * EmoLab — a replacement for one class of rapaio-jupyter-kernel 3.0.1, so that the kernel survives
 * an interrupt. Copyright (C) 2026 the EmoLab authors. GPL-3.0-or-later (see LICENSE).
 *
 * Why: in rapaio-jupyter-kernel 3.0.1 an interrupt_request calls this class's interrupt() and then
 * its stop(), and stop() shuts the execution thread pool down for good: the interrupted cell ends in
 * a StoppedException, every later cell is refused by the dead pool, and the kernel answers nothing
 * more (JupyterLab shows it busy for ever). This class keeps the public API the kernel calls
 * (constructor(long), getTimeout, takeResult, invoke, interrupt, stop, close) and changes what
 * interrupt and stop do:
 *   - interrupt() and stop() cancel the running cell: its thread is interrupted, so code that waits
 *     (sleep, I/O, locks, futures) ends at once, and the cell answers "Execution interrupted.";
 *   - a cell that ignores the interrupt (a busy loop) is stopped after a grace period with
 *     Thread.stop, as JShell's own remote agent stops user code (Java 17 still honours it; where a
 *     later JDK refuses, the thread is left to finish and the kernel still answers);
 *   - the pool lives on: the next cell runs on a fresh thread. Only close() (kernel shutdown) ends it.
 * environment/setup.sh compiles this file against the kernel jar into build/kernel/patch/ and puts
 * that folder before the jar on the kernel's class path. Checked end to end by LabBrowserIT
 * (toolbar interrupt of a busy cell in JupyterLab) and KernelInterruptIT (a bare Jupyter client).
 * The interrupt_request itself is taken by EmoLab's ControlChannel (same folder), which calls
 * interruptAll(): the kernel's own handler would corrupt the running cell's message context.
 */
package org.rapaio.jupyter.kernel.core.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

public class RapaioExecutionControl extends DirectExecutionControl {

    public static final String TIMEOUT_MARKER = "## Timeout Marker ##";
    public static final String INTERRUPTED_MARKER = "## Interrupted Marker ##";

    /** How long a cancelled cell may ignore its interrupt before its thread is stopped. */
    static final long STOP_GRACE_MILLIS = Long.getLong("emolab.kernel.stopGraceMillis", 2000L);

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** A cell being evaluated: its future and the thread running it (null once it has returned). */
    private record Running(Future<Object> future, AtomicReference<Thread> thread) {}

    private final long timeoutMillis;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "Engine-thread-" + THREADS.getAndIncrement());
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Object> results = new ConcurrentHashMap<>();

    /** Every live execution control (one per JShell; the kernel has one). */
    private static final java.util.Set<RapaioExecutionControl> LIVE = ConcurrentHashMap.newKeySet();

    public RapaioExecutionControl(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        LIVE.add(this);
    }

    /**
     * Interrupts the running cells of every live execution control; returns how many were running.
     * EmoLab's {@code ControlChannel} calls this on interrupt_request.
     */
    public static int interruptAll() {
        int n = 0;
        for (RapaioExecutionControl c : LIVE) {
            n += c.running.size();
            c.interrupt();
        }
        return n;
    }

    public long getTimeout() {
        return timeoutMillis;
    }

    /**
     * The value of the snippet run under {@code key}; null when it had none. JShell hands back ""
     * instead of the key for a void call ({@code System.out.println(...)}), and 3.0.1 only got away
     * with it because storing the null result threw inside invoke; here a null result is not stored
     * and an unknown key means "no value".
     */
    public Object takeResult(String key) {
        return key == null ? null : results.remove(key);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        String id = UUID.randomUUID().toString();
        Object value = execute(id, doitMethod);
        if (value != null) {
            results.put(id, value);
        }
        return id;
    }

    private Object execute(String id, Method doitMethod) throws Exception {
        AtomicReference<Thread> thread = new AtomicReference<>();
        Future<Object> future = executor.submit(() -> {
            thread.set(Thread.currentThread());
            try {
                return doitMethod.invoke(null);
            } finally {
                synchronized (thread) {
                    thread.set(null);
                }
                Thread.interrupted(); // a pooled thread must not carry this cell's interrupt on
            }
        });
        running.put(id, new Running(future, thread));
        try {
            return timeoutMillis > 0 ? future.get(timeoutMillis, TimeUnit.MILLISECONDS) : future.get();
        } catch (CancellationException e) {
            throw new UserException("Execution interrupted.", INTERRUPTED_MARKER, e.getStackTrace());
        } catch (InterruptedException e) {
            cancel(id);
            throw new UserException("Execution interrupted.", INTERRUPTED_MARKER, e.getStackTrace());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw new UserException("null", "Unknown Invocation Exception", e.getStackTrace());
            } else if (cause instanceof SPIResolutionException resolution) {
                throw new ResolutionException(resolution.id(), cause.getStackTrace());
            } else {
                throw new UserException(cause.getMessage(), cause.getClass().getName(), cause.getStackTrace());
            }
        } catch (TimeoutException e) {
            cancel(id);
            throw new UserException("Execution timed out", TIMEOUT_MARKER, e.getStackTrace());
        } finally {
            running.remove(id);
        }
    }

    /** Cancels every running cell (the kernel's interrupt_request ends here). */
    public void interrupt() {
        for (String id : running.keySet()) {
            cancel(id);
        }
    }

    /** JShell's stop(): the same as an interrupt; unlike 3.0.1 the pool stays usable. */
    @Override
    public void stop() {
        interrupt();
    }

    /** Cancels one cell: interrupt now, stop its thread if it still runs the cell after the grace period. */
    private void cancel(String id) {
        Running r = running.get(id);
        if (r == null) {
            return;
        }
        r.future().cancel(true);
        Thread t = r.thread().get();
        if (t == null) {
            return;
        }
        Thread reaper = new Thread(() -> stopIfStillRunning(r.thread(), t), "Engine-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopIfStillRunning(AtomicReference<Thread> ref, Thread t) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
        while (System.nanoTime() < deadline) {
            if (ref.get() != t) {
                return; // the cell ended on its interrupt
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
        synchronized (ref) { // the cell cannot end (and its thread take the next cell) meanwhile
            if (ref.get() == t) {
                try {
                    t.stop();
                } catch (UnsupportedOperationException refused) {
                    System.err.println("[emolab] this JDK cannot stop a cell that ignores interrupts; thread "
                            + t.getName() + " runs on (the kernel still answers)");
                }
            }
        }
    }

    @Override
    public void close() {
        LIVE.remove(this);
        interrupt();
        executor.shutdownNow();
        super.close();
    }
}
