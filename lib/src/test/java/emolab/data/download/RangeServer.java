package emolab.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test HTTP server on 127.0.0.1 (ephemeral port) serving byte arrays under {@code /files/},
 * with {@code Range: bytes=N-} support and switchable misbehaviour. {@code /old/<name>} redirects
 * (302) to {@code /files/<name>}. Every request is recorded.
 */
final class RangeServer implements AutoCloseable {

    record Request(String path, String range) {}

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    /** When true, Range headers are ignored and the full body is sent with 200. */
    volatile boolean ignoreRange;
    /** The next {@code drops} responses are cut after {@code dropAfterBytes} body bytes. */
    final AtomicInteger drops = new AtomicInteger();
    volatile int dropAfterBytes;
    /** The next {@code rejectRanges} ranged requests get 416. */
    final AtomicInteger rejectRanges = new AtomicInteger();
    /** The next {@code stalls} responses send {@code stallAfterBytes} bytes, then go silent for {@code stallMillis}. */
    final AtomicInteger stalls = new AtomicInteger();
    volatile int stallAfterBytes;
    volatile long stallMillis;
    /** Every request gets this status (with an empty body) when > 0. */
    volatile int forcedStatus;
    /** When > 0, bodies are sent one byte every {@code dripMillis} (a dripping server). */
    volatile long dripMillis;

    RangeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/", this::serve);
        server.createContext("/old/", ex -> {
            requests.add(new Request(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Range")));
            ex.getResponseHeaders().add("Location", "/files/" + ex.getRequestURI().getPath().substring("/old/".length()));
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        // /loop/<name> redirects to itself forever
        server.createContext("/loop/", ex -> {
            requests.add(new Request(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Range")));
            ex.getResponseHeaders().add("Location", ex.getRequestURI().getPath());
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        executor = Executors.newCachedThreadPool(); // a stalled handler must not block the next request
        server.setExecutor(executor);
        server.start();
    }

    void put(String name, byte[] content) {
        files.put(name, content);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/");
    }

    URI loopingBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/loop/");
    }

    URI redirectingBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/old/");
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range));
        try (ex) {
            if (forcedStatus > 0) {
                ex.sendResponseHeaders(forcedStatus, -1);
                return;
            }
            byte[] body = files.get(path.substring("/files/".length()));
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            int status = 200;
            if (range != null && !ignoreRange) {
                Matcher m = RANGE.matcher(range.trim());
                if (!m.matches()) throw new IllegalStateException("test server: unsupported Range '" + range + "'");
                long start = Long.parseLong(m.group(1));
                if (start >= body.length || rejectRanges.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                from = (int) start;
                status = 206;
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            int length = body.length - from;
            ex.sendResponseHeaders(status, length);
            OutputStream out = ex.getResponseBody();
            if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                out.write(body, from, Math.min(stallAfterBytes, length));
                out.flush();
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("test server: stalled connection closed");
            }
            if (dripMillis > 0) {
                for (int i = from; i < body.length; i++) {
                    out.write(body[i]);
                    out.flush();
                    try {
                        Thread.sleep(dripMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("test server: interrupted while dripping");
                    }
                }
                return;
            }
            if (drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                out.write(body, from, Math.min(dropAfterBytes, length));
                out.flush();
                // Abort: the server closes the connection before Content-Length bytes were sent.
                throw new IOException("test server: dropping the connection after " + dropAfterBytes + " bytes");
            }
            out.write(body, from, length);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
