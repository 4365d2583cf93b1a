/*
 * EmoLab — a replacement for one class of rapaio-jupyter-kernel 3.0.1, so that the control channel
 * never disturbs the shell channel. Copyright (C) 2026 the EmoLab authors. GPL-3.0-or-later (see LICENSE).
 *
 * Why: 3.0.1's control thread handles its messages through the kernel's handlers, i.e. through the
 * per-kernel message context that the shell thread is using at the same time (`Channels.setMsgId` /
 * `scheduleAfter` / `runAfterActions`), and `Channels.reply` always sends on the *shell* socket:
 * - interrupt_request: the control thread's runAfterActions ran (and dropped) the running cell's
 *   pending "idle" status and execute_reply under the interrupt's id, the interrupt's reply went out
 *   on the shell socket, the interrupted cell's error was published with no parent, and JupyterLab
 *   showed the cell running for ever;
 * - kernel_info_request: Jupyter Server "nudges" every kernel a notebook connects to with
 *   kernel_info_requests on shell and control at the same moment. Handled on both threads at once,
 *   the two requests overwrote each other's message id (a reply with the other request's parent
 *   header, which the front end never matches), the control request's reply went out on the shell
 *   socket, from the control thread, while the shell thread was polling that socket (ZeroMQ sockets
 *   are not thread-safe). One browser test in four saw JupyterLab wait for ever for its first cell.
 *   `environment/kernel_race_check.py` reproduces it.
 *
 * This class keeps the API the kernel uses (constructor, bind, close, joinUntilClose) and answers
 * every control message itself, on the control socket, with the request as parent, without touching
 * the shared context: interrupt_request interrupts the running cells
 * (`RapaioExecutionControl.interruptAll`, EmoLab's replacement of the execution control) and sends
 * interrupt_reply — the shell thread then finishes the interrupted cell normally (error "Execution
 * interrupted", execute_reply, status idle); kernel_info_request gets the same kernel_info_reply as on
 * shell (built as 3.0.1's RapaioKernel.kernelInfo does); shutdown_request gets shutdown_reply and
 * then closes the kernel's channels as 3.0.1 did. These two are framed by iopub status busy/idle with
 * the request as parent, as the protocol asks (Jupyter Server's nudge waits for an iopub message);
 * the interrupt is not — the shell thread's "idle" at the end of the interrupted cell is the one the
 * front end must see (JupyterLab shows the last status published, whatever its parent). Any other message type is logged and left unanswered (3.0.1
 * registers no other control handler).
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.GeneralProperties;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.LanguageInfo;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.jupyter.kernel.message.messages.ControlShutdownReply;
import org.rapaio.jupyter.kernel.message.messages.ControlShutdownRequest;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.ShellKernelInfoReply;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

public final class ControlChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    /** How long one poll waits for a message (the loop does not sleep besides: a request is read at once). */
    private static final long POLL_MILLIS = 50;
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
        loopThread = new LoopThread(name, 0, () -> poll(poller));
        loopThread.start();
    }

    private void poll(ZMQ.Poller poller) {
        Message<?> message;
        MessageType<?> type;
        synchronized (this) { // the socket's lock (AbstractChannel's send/read): poll is a socket call too
            if (poller.poll(POLL_MILLIS) <= 0) {
                return;
            }
            try {
                message = readMessage();
                type = message.header().type();
            } catch (RuntimeException e) {
                LOGGER.severe(logPrefix + "could not read a message: " + e);
                return;
            }
        }
        try {
            handle(message, type);
        } catch (RuntimeException e) { // a dead control thread is a kernel that cannot be interrupted
            LOGGER.severe(logPrefix + "handling " + type.name() + " failed: " + e);
        }
    }

    private void handle(Message<?> message, MessageType<?> type) {
        if (type == MessageType.CONTROL_INTERRUPT_REQUEST) {
            LOGGER.info(logPrefix + "Handling message: " + type.name() + " (EmoLab: interrupting the running cells)");
            int n = RapaioExecutionControl.interruptAll();
            sendMessage(new Message<>(message.getId(), MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
            LOGGER.info(logPrefix + "interrupted " + n + " running cell(s)");
        } else if (type == MessageType.SHELL_KERNEL_INFO_REQUEST) {
            LOGGER.info(logPrefix + "Handling message: " + type.name() + " (EmoLab: answered on the control socket)");
            status(message, IOPubStatus.BUSY);
            sendMessage(new Message<>(message.getId(), MessageType.SHELL_KERNEL_INFO_REPLY, kernelInfo()));
            status(message, IOPubStatus.IDLE);
        } else if (type == MessageType.CONTROL_SHUTDOWN_REQUEST) {
            LOGGER.info(logPrefix + "Handling message: " + type.name() + " (EmoLab: answered on the control socket)");
            boolean restart = ((ControlShutdownRequest) message.content()).restart();
            status(message, IOPubStatus.BUSY);
            sendMessage(new Message<>(message.getId(), MessageType.CONTROL_SHUTDOWN_REPLY,
                    restart ? ControlShutdownReply.SHUTDOWN_AND_RESTART : ControlShutdownReply.SHUTDOWN));
            status(message, IOPubStatus.IDLE);
            channels.markForShutdown();
            LOGGER.info(logPrefix + "Shutting down connection as marked.");
            channels.close();
        } else {
            LOGGER.severe(logPrefix + "Unhandled message: " + type.name());
        }
    }

    /** An iopub status with {@code request} as parent (not through Channels.publish: see the class comment). */
    private void status(Message<?> request, IOPubStatus status) {
        IOPubChannel iopub = IOPubChannel.of(channels);
        if (iopub != null) {
            iopub.sendMessage(new Message<>(request.getId(), MessageType.IOPUB_STATUS, status));
        }
    }

    /** What 3.0.1's RapaioKernel.kernelInfo() (private) answers, built from the same public parts. */
    private static ShellKernelInfoReply kernelInfo() {
        GeneralProperties props = new GeneralProperties("default");
        LanguageInfo lang = LanguageInfo.kernelLanguageInfo();
        return new ShellKernelInfoReply("5.4", props.getKernelName(), props.getKernelVersion(), lang,
                lang.name() + " " + lang.version(),
                List.of(new LanguageInfo.Help("rapaio-jupyter-kernel homepage", "https://github.com/padreati/rapaio-jupyter-kernel")));
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
