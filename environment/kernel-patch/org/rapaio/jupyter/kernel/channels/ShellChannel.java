/*
 * EmoLab — a replacement for one class of rapaio-jupyter-kernel 3.0.1 (environment/kernel-patch).
 * Copyright (C) 2026 the EmoLab authors. GPL-3.0-or-later (see LICENSE).
 *
 * The same loop as 3.0.1's shell channel, with four changes: it waits in the poll (50 ms) instead of
 * polling without waiting and then sleeping 50 ms (every cell waited 25 ms on average before it
 * started: 9.6 s of the six notebooks' 179 cells on the synthetic corpus); the handler lookup waits for the
 * kernel's handler map at start-up instead of dying on a NullPointerException (see StartupHandlers:
 * this was the kernel start that hangs about one time in ten), nothing that goes wrong while
 * handling one message can end the loop (a dead shell thread is a kernel that never answers), and
 * the poll holds the socket's lock like AbstractChannel's send and read (a ZeroMQ socket must not be
 * used by two threads at once; EmoLab's ControlChannel no longer sends on this socket, see there).
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

public final class ShellChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ShellChannel.class.getSimpleName());
    /** How long one poll waits for a message (the loop does not sleep besides: a request is read at once). */
    private static final long POLL_MILLIS = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels connection;
    private volatile LoopThread loopThread;

    public ShellChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmac, Channels connection) {
        super(channels, "ShellChannel", ctx, SocketType.ROUTER, hmac);
        this.connection = connection;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String name = "Shell-" + ID.getAndIncrement();
        String addr = connProps.formatAddress(connProps.shellPort());
        LOGGER.info(logPrefix + "Binding to " + addr);
        socket.bind(addr);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread(name, 0, () -> {
            try {
                poll(poller);
            } catch (Throwable e) { // a dead shell thread is a kernel that never answers
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                LOGGER.severe(logPrefix + "the shell loop caught " + trace);
            }
        });
        loopThread.start();
    }

    private void poll(ZMQ.Poller poller) {
        Message<?> message;
        synchronized (this) { // the socket's lock (AbstractChannel's send/read): poll is a socket call too
            if (poller.poll(POLL_MILLIS) <= 0) {
                return;
            }
            try {
                message = readMessage();
            } catch (RuntimeException e) {
                LOGGER.severe(logPrefix + "could not read a message: " + e);
                return;
            }
        }
        StartupHandlers.dispatch(connection, message, message.header().type(), LOGGER, logPrefix);
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException ignored) {
                // closing anyway
            }
        }
    }
}
