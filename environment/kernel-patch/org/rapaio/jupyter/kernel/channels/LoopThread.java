/*
 * EmoLab — a replacement for one class of rapaio-jupyter-kernel 3.0.1 (environment/kernel-patch).
 * Copyright (C) 2026 the EmoLab authors. GPL-3.0-or-later (see LICENSE).
 *
 * The loop thread of every kernel channel (shell, control, heartbeat, ...). In 3.0.1 start() starts
 * the thread first and sets its `running` flag afterwards; a thread that gets to its first check of
 * the flag before that assignment sees false and ends at once, silently. When that thread is the
 * shell channel's, the kernel never answers (the "about one kernel start in ten hangs" that EmoLab's
 * runner had to retry: a thread dump of a hung kernel shows no shell thread at all); when it is the
 * control channel's, interrupts and shutdown requests go unanswered. Here the flag is set before the
 * thread starts.
 */
package org.rapaio.jupyter.kernel.channels;

public final class LoopThread extends Thread {

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true; // before the thread can look at it
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
