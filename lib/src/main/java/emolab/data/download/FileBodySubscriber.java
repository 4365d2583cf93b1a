package emolab.data.download;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Writes a response body to a file (appending or from scratch), one buffer list at a time.
 * Completes with the file's new length. {@link #abort} cancels the transfer (used for stalls);
 * every terminal path closes the file, so after completion no more bytes are written.
 */
final class FileBodySubscriber implements HttpResponse.BodySubscriber<Long> {
    private final Path file;
    private final boolean append;
    private final long stopAfter;
    private final LongConsumer onLength;
    private final AtomicLong lastActivityNanos;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private FileChannel channel;
    private long length;

    /**
     * @param stopAfter stop (and complete normally) once the file is longer than this
     * @param onLength  called with the file length after each write
     * @param lastActivityNanos set to {@link System#nanoTime()} whenever bytes arrive
     */
    FileBodySubscriber(Path file, boolean append, long stopAfter, LongConsumer onLength, AtomicLong lastActivityNanos) {
        this.file = file;
        this.append = append;
        this.stopAfter = stopAfter;
        this.onLength = onLength;
        this.lastActivityNanos = lastActivityNanos;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        try {
            synchronized (this) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                length = channel.size();
            }
        } catch (IOException e) {
            s.cancel();
            fail(e);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        try {
            synchronized (this) {
                if (result.isDone()) return;
                for (ByteBuffer b : items) while (b.hasRemaining()) length += channel.write(b);
            }
            lastActivityNanos.set(System.nanoTime());
            onLength.accept(length);
            if (length > stopAfter) { // more than expected: stop, verification reports it
                subscription.cancel();
                finish();
                return;
            }
            subscription.request(1);
        } catch (IOException | RuntimeException e) {
            subscription.cancel();
            fail(e);
        }
    }

    @Override
    public void onError(Throwable t) {
        fail(t);
    }

    @Override
    public void onComplete() {
        finish();
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    /** Cancels the transfer and fails the body with {@code cause}. */
    void abort(IOException cause) {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
        fail(cause);
    }

    private synchronized void finish() {
        try {
            close();
            result.complete(length);
        } catch (IOException e) {
            result.completeExceptionally(e);
        }
    }

    private synchronized void fail(Throwable t) {
        try {
            close();
        } catch (IOException e) {
            t.addSuppressed(e);
        }
        result.completeExceptionally(t);
    }

    private void close() throws IOException {
        if (channel != null && channel.isOpen()) channel.close();
    }
}
