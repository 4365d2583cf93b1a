/*
 * EmoLab — a replacement for one class of rapaio-jupyter-kernel 3.0.1, so that an interrupted cell
 * answers. Copyright (C) 2026 the EmoLab authors. GPL-3.0-or-later (see LICENSE).
 *
 * Why: in 3.0.1 the control channel handles interrupt_request through the same per-kernel message
 * context (`Channels.setMsgId` / `scheduleAfter` / `runAfterActions`) that the shell channel is using
 * for the cell being interrupted: the control thread's runAfterActions runs (and drops) the running
 * cell's pending "idle" status and execute_reply under the interrupt's id, the interrupt's reply goes
 * out on the shell socket, and the interrupted cell's error is published with no parent. The front
 * end never learns that the cell ended (JupyterLab shows it running for ever).
 *
 * This class keeps the API the kernel uses (constructor, bind, close, joinUntilClose) and handles
 * interrupt_request without touching that shared context: it interrupts the running cells
 * (`RapaioExecutionControl.interruptAll`, EmoLab's replacement of the execution control) and sends
 * interrupt_reply on the control socket, as the Jupyter protocol says. The shell thread then finishes
 * the interrupted cell normally: error "Execution interrupted", execute_reply, status idle. Every other
 * control message (shutdown_request) is handled as in 3.0.1, through StartupHandlers.dispatch (as
 * EmoLab's ShellChannel does: waiting for the handler map at start-up).
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

public final class ControlChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels channels;
    private volatile LoopThread loopThread;

    public ControlChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmac) {
        super(channels, "ControlChannel", ctx, SocketType.ROUTER, hmac);
        this.channels = channels;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String name = "Control-" + ID.getAndIncrement();
        String addr = connProps.formatAddress(connProps.controlPort());
        LOGGER.info(logPrefix + "Binding to " + addr);
        socket.bind(addr);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread(name, LOOP_SLEEP, () -> poll(poller));
        loopThread.start();
    }

    private void poll(ZMQ.Poller poller) {
        if (poller.poll(0) <= 0) {
            return;
        }
        Message<?> message;
        MessageType<?> type;
        try {
            message = readMessage();
            type = message.header().type();
        } catch (RuntimeException e) {
            LOGGER.severe(logPrefix + "could not read a message: " + e);
            return;
        }
        if (type == MessageType.CONTROL_INTERRUPT_REQUEST) {
            LOGGER.info(logPrefix + "Handling message: " + type.name() + " (EmoLab: interrupting the running cells)");
            int n = RapaioExecutionControl.interruptAll();
            sendMessage(new Message<>(message.getId(), MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
            LOGGER.info(logPrefix + "interrupted " + n + " running cell(s)");
            return;
        }
        StartupHandlers.dispatch(channels, message, type, LOGGER, logPrefix);
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
