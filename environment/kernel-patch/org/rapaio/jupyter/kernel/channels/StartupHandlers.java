/*
 * EmoLab — part of the fix of rapaio-jupyter-kernel 3.0.1 (environment/kernel-patch).
 * Copyright (C) 2026 the EmoLab authors. GPL-3.0-or-later (see LICENSE).
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;

/**
 * The message handlers, waited for at start-up. In 3.0.1 {@code Channels.connect} starts the channel
 * threads first and fills its handler map afterwards (a plain HashMap, no lock): a client that asks
 * at once (every Jupyter client sends kernel_info_request on connecting) meets a null map, the
 * shell thread dies of the NullPointerException and the kernel never answers (seen once in EmoLab's
 * kernel log; most hung starts had another cause, fixed in LoopThread). Here a lookup that fails during the first seconds is retried
 * until the map is there. {@link #dispatch} is the shell channel's handling of one message (EmoLab's
 * control channel answers its few messages itself, without the shared message context).
 */
final class StartupHandlers {

    /** How long after the first lookup a missing handler map is waited for. */
    private static final long WAIT_MILLIS = 10_000;

    private StartupHandlers() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static MessageHandler lookup(Channels channels, MessageType<?> type) {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (true) {
            try {
                MessageHandler h = channels.getHandler((MessageType) type);
                if (h != null || System.nanoTime() > deadline) {
                    return h;
                }
                if (channels.getHandler(MessageType.SHELL_EXECUTE_REQUEST) != null) {
                    // the map exists (execute is its first entry): let its filling end, then answer
                    Thread.sleep(50);
                    return channels.getHandler((MessageType) type);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (NullPointerException | java.util.ConcurrentModificationException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * Handles one message as 3.0.1's channels do — under the kernel's message context, then its
     * after-actions, then a shutdown if one was asked for — but with the start-up wait of
     * {@link #lookup} and without letting a handler's exception end the channel's loop.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void dispatch(Channels channels, Message<?> message, MessageType<?> type, Logger log, String prefix) {
        MessageHandler handler = lookup(channels, type);
        if (handler == null) {
            log.severe(prefix + "Unhandled message: " + type.name());
            return;
        }
        log.info(prefix + "Handling message: " + type.name());
        channels.setMsgId(message.getId());
        try {
            handler.handle(message);
        } catch (Exception e) {
            log.severe(prefix + "Unhandled exception handling " + type.name() + ". "
                    + e.getClass().getSimpleName() + " - " + e.getLocalizedMessage());
        } finally {
            channels.runAfterActions();
        }
        if (channels.isMarkedForShutdown()) {
            log.info(prefix + "Shutting down connection as marked.");
            channels.close();
        }
    }
}
