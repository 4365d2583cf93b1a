/*
 * EmoLab — a replacement for one class of rapaio-jupyter-kernel 3.0.1 (environment/kernel-patch).
 * Copyright (C) 2026 the EmoLab authors. GPL-3.0-or-later (see LICENSE).
 *
 * The same iopub channel as 3.0.1's (a PUB socket; sends are synchronized in AbstractChannel), with
 * one addition: each kernel's iopub channel can be found from its Channels ({@link #of}), so that
 * EmoLab's ControlChannel can publish the status of a control request with that request as parent
 * — 3.0.1's Channels.publish uses the message context of the shell thread, which the control thread
 * must not touch (see ControlChannel).
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

public final class IOPubChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(IOPubChannel.class.getSimpleName());
    private static final Map<Channels, IOPubChannel> BY_CHANNELS = Collections.synchronizedMap(new WeakHashMap<>());

    public IOPubChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmac) {
        super(channels, "IOPubChannel", ctx, SocketType.PUB, hmac);
        BY_CHANNELS.put(channels, this);
    }

    /** The iopub channel of a kernel's channels (null before they are built). */
    static IOPubChannel of(Channels channels) {
        return BY_CHANNELS.get(channels);
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        String addr = connProps.formatAddress(connProps.iopubPort());
        LOGGER.info(logPrefix + "Binding to " + addr);
        socket.bind(addr);
    }
}
