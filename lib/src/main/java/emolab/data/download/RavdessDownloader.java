package emolab.data.download;

import emolab.data.RavdessName;
import emolab.data.WavWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Downloads the RAVDESS audio archives (Zenodo record 1188976), verifies their size and MD5 and
 * installs the WAV files into {@code <dataDir>/ravdess/Actor_XX/}.
 *
 * <ul>
 *   <li><b>Resumable:</b> bytes go to {@code <dataDir>/.partial/<name>.part}; a later run (or a
 *       retry after a dropped connection) continues with {@code Range: bytes=N-}. A server that
 *       answers 200 instead of 206 is handled by restarting from byte 0; 416 discards the partial
 *       file and restarts. A dropped or stalled transfer (no bytes for {@code stallTimeout}) is
 *       retried with exponential back-off; so is a dripping one (fewer than
 *       {@code minBytesPerSecond} over a {@code stallTimeout} window), whose crumbs do not reset the
 *       retry budget. A redirect loop fails at once, naming the URL.</li>
 *   <li><b>Verified:</b> size and MD5 must match the published values; otherwise the partial file
 *       is deleted and the run fails with both checksums in the message.</li>
 *   <li><b>Atomic install:</b> each zip is extracted into a temp sibling folder
 *       ({@code <dataDir>/.ravdess-tmp-*}); entries that would escape it (zip-slip) fail the run
 *       before anything is written; only RAVDESS-named {@code .wav} files are kept; zip bombs are
 *       stopped by {@link ZipLimits} on the inflated bytes, and the temp folder is removed. The folder is
 *       then renamed to {@code ravdess} (or its files moved in one by one with atomic renames when
 *       {@code ravdess} already exists), and only then is the marker
 *       {@code ravdess/.complete-<zipname>} written. Archives with a marker are skipped.</li>
 * </ul>
 *
 * <pre>{@code
 * RavdessDownloader.builder().target(Path.of("data")).build().run();
 * }</pre>
 *
 * <p>Command line: {@code java -cp <lib classpath> emolab.data.download.RavdessDownloader [dataDir]
 * [--base-uri URI] [--only speech|song]}.
 *
 * <p>Two runs on the same data folder at once are refused (a lock file
 * {@code <dataDir>/.ravdess-download.lock}).
 */
public final class RavdessDownloader {

    /** Where Zenodo serves the record's files. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://zenodo.org/record/1188976/files/");
    /** Name of the corpus folder inside the data folder. */
    public static final String CORPUS_DIR = "ravdess";
    /** Folder (inside the data folder) for partial and verified-but-not-yet-extracted downloads. */
    public static final String PARTIAL_DIR = ".partial";
    /** Prefix of the per-archive completion marker inside the corpus folder. */
    public static final String MARKER_PREFIX = ".complete-";
    static final String TMP_PREFIX = ".ravdess-tmp-";
    static final String LOCK_FILE = ".ravdess-download.lock";

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    /** What a run did. */
    public record Result(Path corpusDir, List<Archive> installed, List<Archive> alreadyComplete) {
        public Result {
            installed = List.copyOf(installed);
            alreadyComplete = List.copyOf(alreadyComplete);
        }
    }

    private final URI baseUri;
    private final Path target;
    private final List<Archive> archives;
    private final DownloadProgress progress;
    private final Consumer<String> log;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration requestTimeout;
    private final Duration stallTimeout;
    private final long minBytesPerSecond;
    private final ZipLimits zipLimits;
    private final HttpClient client;

    private RavdessDownloader(Builder b) {
        this.baseUri = b.baseUri;
        this.target = b.target.toAbsolutePath().normalize();
        this.archives = List.copyOf(b.archives);
        this.progress = b.progress;
        this.log = b.log;
        this.maxRetries = b.maxRetries;
        this.retryBackoff = b.retryBackoff;
        this.requestTimeout = b.requestTimeout;
        this.stallTimeout = b.stallTimeout;
        this.minBytesPerSecond = b.minBytesPerSecond;
        this.zipLimits = b.zipLimits;
        this.client = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The corpus folder, {@code <dataDir>/ravdess}. */
    public Path corpusDir() {
        return target.resolve(CORPUS_DIR);
    }

    /** The URI an archive is downloaded from. */
    public URI uriOf(Archive archive) {
        return baseUri.resolve(archive.fileName());
    }

    /** True when the archive's marker is in the corpus folder with the archive's MD5. */
    public boolean isComplete(Archive archive) throws IOException {
        Path marker = corpusDir().resolve(MARKER_PREFIX + archive.fileName());
        if (!Files.isRegularFile(marker)) return false;
        return Files.readAllLines(marker, StandardCharsets.UTF_8).contains("md5=" + archive.md5());
    }

    /**
     * Downloads, verifies and installs every archive that is not complete yet.
     *
     * @throws DownloadException naming the archive on HTTP errors, exhausted retries, checksum
     *                           mismatches, unsafe or empty zips
     * @throws IOException       on local file-system errors
     */
    public Result run() throws IOException {
        Files.createDirectories(target);
        List<Archive> installed = new ArrayList<>();
        List<Archive> skipped = new ArrayList<>();
        try (FileChannel lockChannel = FileChannel.open(target.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.tryLock()) {
            if (lock == null) // the file stays: it belongs to the other run
                throw new DownloadException("another RAVDESS download is running on " + target
                        + " (lock " + target.resolve(LOCK_FILE) + " is held)");
            try {
                removeStaleTempDirs();
                for (Archive a : archives) {
                    if (isComplete(a)) {
                        log.accept(a.fileName() + ": already installed in " + corpusDir() + ", skipping");
                        skipped.add(a);
                        continue;
                    }
                    Path zip = fetch(a);
                    install(a, zip);
                    Files.deleteIfExists(zip);
                    installed.add(a);
                }
            } finally {
                deleteIfEmpty(target.resolve(PARTIAL_DIR));
                try {
                    Files.deleteIfExists(target.resolve(LOCK_FILE)); // still held by us, so no other run uses it
                } catch (IOException ignored) {
                    // e.g. Windows refuses to delete an open file; a stale lock file is harmless
                }
            }
        }
        return new Result(corpusDir(), installed, skipped);
    }

    // ------------------------------------------------------------------ download

    /** Returns the path of a verified copy of the archive, downloading (or resuming) as needed. */
    private Path fetch(Archive a) throws IOException {
        Path dir = target.resolve(PARTIAL_DIR);
        Files.createDirectories(dir);
        Path verified = dir.resolve(a.fileName());
        Path part = dir.resolve(a.fileName() + ".part");
        if (Files.isRegularFile(verified)) {
            // An earlier run downloaded and verified it but did not finish installing.
            if (Files.size(verified) == a.size() && md5(verified).equals(a.md5())) {
                log.accept(a.fileName() + ": using the verified download in " + verified);
                return verified;
            }
            Files.delete(verified);
        }
        download(a, part);
        verify(a, part);
        moveAtomically(part, verified);
        return verified;
    }

    private void download(Archive a, Path part) throws IOException {
        URI uri = uriOf(a);
        int failures = 0;
        long best = sizeOrZero(part);
        while (true) {
            long have = sizeOrZero(part);
            if (have > a.size()) {
                log.accept(a.fileName() + ": partial file " + part + " is larger (" + have + " bytes) than expected ("
                        + a.size() + " bytes); discarding it");
                Files.delete(part);
                have = 0;
            }
            if (have == a.size()) return;
            if (have > 0) log.accept(a.fileName() + ": resuming at byte " + have + " of " + a.size());
            else log.accept(a.fileName() + ": downloading " + uri);
            try {
                if (!attempt(a, uri, part, have)) continue; // 416: partial discarded, start over
                long now = sizeOrZero(part);
                if (now >= a.size()) return; // verify() checks the exact size and MD5
                throw new IOException("the connection ended after " + now + " of " + a.size() + " bytes");
            } catch (DownloadException e) {
                throw e;
            } catch (IOException e) {
                long now = sizeOrZero(part);
                // progress made: the retry budget is for consecutive fruitless attempts (a dripping
                // server's crumbs do not count as progress)
                if (now > best && !(e instanceof SlowTransferException)) failures = 0;
                best = Math.max(best, now);
                failures++;
                if (failures > maxRetries)
                    throw new DownloadException(a.fileName() + ": download from " + uri + " failed " + failures
                            + " times in a row without progress; last error: " + describe(e) + ". The partial file "
                            + part + " (" + now + " bytes) is kept; run again to resume", e);
                Duration wait = backoff(failures);
                log.accept(a.fileName() + ": " + describe(e) + "; retry " + failures + " of " + maxRetries
                        + " in " + wait.toMillis() + " ms");
                sleep(wait);
            }
        }
    }

    /** How {@link #attempt} should treat a response, decided when its headers arrive. */
    private record Plan(int status, long start, boolean write, String contentRange, long contentLength) {}

    /**
     * One HTTP request; appends to or rewrites {@code part}. Plain IOExceptions are retryable.
     * Returns false when the server rejected the range (416) and the partial file was discarded.
     */
    private boolean attempt(Archive a, URI uri, Path part, long have) throws IOException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout);
        if (have > 0) rb.header("Range", "bytes=" + have + "-");
        AtomicReference<Plan> plan = new AtomicReference<>();
        AtomicReference<FileBodySubscriber> body = new AtomicReference<>();
        AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        AtomicLong received = new AtomicLong(have);
        HttpResponse.BodyHandler<Long> handler = info -> {
            lastActivity.set(System.nanoTime());
            int status = info.statusCode();
            String cr = info.headers().firstValue("Content-Range").orElse(null);
            long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            long start = status == 206 && have > 0 ? have : 0;
            boolean write = status == 200 || status == 206 && have > 0 && (cr == null || contentRangeStart(cr) == have);
            if (write && length >= 0 && start + length != a.size()) write = false; // reported after the call
            plan.set(new Plan(status, start, write, cr, length));
            if (!write) return HttpResponse.BodySubscribers.replacing(-1L);
            progress.update(a.fileName(), start, a.size());
            FileBodySubscriber sub = new FileBodySubscriber(part, start > 0, a.size(), len -> {
                received.set(len);
                progress.update(a.fileName(), len, a.size());
            }, lastActivity);
            body.set(sub);
            return sub;
        };
        CompletableFuture<HttpResponse<Long>> future = client.sendAsync(rb.build(), handler);
        HttpResponse<Long> resp = await(a, future, body, lastActivity, received);

        Plan p = plan.get();
        int status = p.status();
        if (status == 206 && have > 0 && p.contentRange() != null && contentRangeStart(p.contentRange()) != have) {
            Files.deleteIfExists(part);
            throw new IOException("server answered Range bytes=" + have + "- with Content-Range '" + p.contentRange()
                    + "'; discarded the partial file to restart from byte 0");
        }
        if (status == 416 && have > 0) {
            log.accept(a.fileName() + ": server rejected resuming at byte " + have + " (HTTP 416, Content-Range '"
                    + (p.contentRange() == null ? "" : p.contentRange()) + "'); discarding the partial file");
            Files.delete(part);
            return false; // the caller restarts from 0 without a Range header
        }
        if (status >= 300 && status < 400)
            throw new DownloadException(a.fileName() + ": " + uri + " redirects too many times (HTTP " + status
                    + ", last Location '" + resp.headers().firstValue("Location").orElse("") + "'): a redirect loop?");
        if (status != 200 && !(status == 206 && have > 0)) {
            if (status == 408 || status == 429 || status >= 500)
                throw new IOException("HTTP " + status + " from " + resp.uri());
            throw new DownloadException(a.fileName() + ": HTTP " + status + " from " + resp.uri()
                    + (status == 404 ? " (not found; check the base URI)" : ""));
        }
        if (!p.write()) { // Content-Length disagrees with the expected size
            Files.deleteIfExists(part);
            throw new DownloadException(a.fileName() + ": server at " + resp.uri() + " reports "
                    + (p.start() + p.contentLength()) + " bytes (Content-Length " + p.contentLength() + " from byte "
                    + p.start() + "), expected " + a.size() + " bytes; deleted the partial file " + part);
        }
        if (status == 200 && have > 0)
            log.accept(a.fileName() + ": server ignored the Range request (HTTP 200); restarted from byte 0");
        return true;
    }

    /** A transfer that delivers bytes, but slower than {@code minBytesPerSecond} (a dripping server). */
    static final class SlowTransferException extends IOException {
        private static final long serialVersionUID = 1L;

        SlowTransferException(String message) { super(message); }
    }

    /**
     * Waits for the response, aborting it when no bytes arrived for {@code stallTimeout}, or when
     * fewer than {@code minBytesPerSecond} arrived on average over a {@code stallTimeout} window.
     */
    private HttpResponse<Long> await(Archive a, CompletableFuture<HttpResponse<Long>> future,
                                     AtomicReference<FileBodySubscriber> body, AtomicLong lastActivity, AtomicLong received)
            throws IOException {
        long pollMs = Math.max(10, Math.min(1000, stallTimeout.toMillis() / 4));
        long windowStart = System.nanoTime(), windowBytes = received.get();
        while (true) {
            try {
                return future.get(pollMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                long idle = now - lastActivity.get();
                FileBodySubscriber sub = body.get();
                IOException abort = null;
                if (sub != null && idle > stallTimeout.toNanos()) {
                    abort = new IOException("no data received for " + stallTimeout.toMillis() + " ms");
                } else if (sub != null && now - windowStart >= stallTimeout.toNanos()) {
                    double secs = (now - windowStart) / 1e9;
                    long got = received.get() - windowBytes;
                    if (got < minBytesPerSecond * secs)
                        abort = new SlowTransferException(String.format(Locale.ROOT,
                                "too slow: %d bytes in the last %.1f s (minimum %d bytes/s)", got, secs, minBytesPerSecond));
                    windowStart = now;
                    windowBytes = received.get();
                }
                if (abort != null) {
                    sub.abort(abort);
                    future.cancel(true);
                    waitQuietly(sub);
                    throw abort;
                }
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) throw io;
                throw new IOException(a.fileName() + ": " + c, c);
            } catch (InterruptedException e) {
                FileBodySubscriber sub = body.get();
                if (sub != null) sub.abort(new InterruptedIOException("interrupted"));
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(a.fileName() + ": download interrupted");
            }
        }
    }

    /** After an abort the subscriber has closed its file; this just joins its completion. */
    private static void waitQuietly(FileBodySubscriber sub) {
        try {
            sub.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // it failed, as intended
        }
    }

    private void verify(Archive a, Path part) throws IOException {
        long size = Files.size(part);
        String md5 = md5(part);
        if (size != a.size() || !md5.equals(a.md5())) {
            Files.deleteIfExists(part);
            throw new DownloadException(String.format(Locale.ROOT,
                    "%s: checksum mismatch: expected MD5 %s (%d bytes) but downloaded MD5 %s (%d bytes);"
                            + " deleted the partial file %s — run again to download it afresh",
                    a.fileName(), a.md5(), a.size(), md5, size, part));
        }
        log.accept(a.fileName() + ": size and MD5 verified (" + md5 + ")");
    }

    static String md5(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static long contentRangeStart(String contentRange) {
        if (contentRange == null) return -1;
        Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private Duration backoff(int failures) {
        long ms = retryBackoff.toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(ms, MAX_BACKOFF.toMillis()));
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static long sizeOrZero(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    // ------------------------------------------------------------------ install

    private void install(Archive a, Path zip) throws IOException {
        Path corpus = corpusDir();
        Path tmp = Files.createTempDirectory(target, TMP_PREFIX);
        try {
            int count = extract(a, zip, tmp, zipLimits);
            String markerName = MARKER_PREFIX + a.fileName();
            WavWriter.writeAtomically(tmp.resolve(markerName), markerText(a, count).getBytes(StandardCharsets.UTF_8));
            boolean renamed = false;
            if (!Files.exists(corpus)) {
                try {
                    Files.move(tmp, corpus, StandardCopyOption.ATOMIC_MOVE);
                    renamed = true;
                } catch (FileAlreadyExistsException e) {
                    // appeared meanwhile: merge below
                }
            }
            if (!renamed) {
                // Merge: every WAV goes in with an atomic rename; the marker comes last, so an
                // interrupted merge leaves no marker and the next run redoes this archive.
                List<Path> actorDirs;
                try (Stream<Path> s = Files.list(tmp)) {
                    actorDirs = s.filter(Files::isDirectory).sorted().toList();
                }
                for (Path actorDir : actorDirs) {
                    Path dest = corpus.resolve(actorDir.getFileName().toString());
                    Files.createDirectories(dest);
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(actorDir)) {
                        for (Path f : files) moveAtomically(f, dest.resolve(f.getFileName().toString()));
                    }
                }
                moveAtomically(tmp.resolve(markerName), corpus.resolve(markerName));
            }
            log.accept(a.fileName() + ": installed " + count + " WAV files into " + corpus);
        } finally {
            deleteRecursively(tmp);
        }
    }

    /**
     * Extracts the RAVDESS WAVs of {@code zip} into {@code dir/Actor_XX/}. All entry names are
     * checked first, so an unsafe zip writes nothing. Returns the number of files extracted.
     */
    static int extract(Archive a, Path zip, Path dir) throws IOException {
        return extract(a, zip, dir, ZipLimits.DEFAULT);
    }

    static int extract(Archive a, Path zip, Path dir, ZipLimits limits) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            List<ZipEntry> keep = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                checkSafe(a, e.getName(), root);
                if (e.isDirectory()) continue;
                String name = e.getName().replace('\\', '/');
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (base.toLowerCase(Locale.ROOT).endsWith(".wav") && RavdessName.isValid(base)) keep.add(e);
            }
            if (keep.isEmpty())
                throw new DownloadException(a.fileName() + ": the zip " + zip + " contains no RAVDESS .wav files"
                        + " (expected entries like Actor_01/03-01-01-01-01-01-01.wav)");
            Set<String> seen = new HashSet<>();
            long total = 0;
            for (ZipEntry e : keep) {
                RavdessName rn = RavdessName.parse(e.getName());
                String rel = rn.actorFolder() + "/" + rn.fileName();
                if (!seen.add(rel))
                    throw new DownloadException(a.fileName() + ": the zip has two entries for " + rel
                            + " (second: '" + e.getName() + "')");
                Path dst = root.resolve(rn.actorFolder()).resolve(rn.fileName());
                Files.createDirectories(dst.getParent());
                try (InputStream in = zf.getInputStream(e)) {
                    total += copyLimited(a, e, in, dst, limits, total);
                }
            }
            return keep.size();
        } catch (java.util.zip.ZipException e) {
            throw new DownloadException(a.fileName() + ": " + zip + " is not a readable zip: " + e.getMessage(), e);
        }
    }

    /**
     * Limits against zip bombs, checked on the bytes actually inflated (declared sizes are not
     * trusted): one entry at most {@code maxEntryBytes}, all entries together at most
     * {@code maxTotalBytes}, and an entry larger than 1 MiB at most {@code maxRatio} times its
     * compressed size. RAVDESS WAVs are about 1 MB each and barely compress (ratio ≈ 1.1).
     */
    public record ZipLimits(long maxEntryBytes, long maxTotalBytes, double maxRatio) {
        /** 64 MiB per entry, 8 GiB in all, ratio 100. */
        public static final ZipLimits DEFAULT = new ZipLimits(64L << 20, 8L << 30, 100);

        public ZipLimits {
            if (maxEntryBytes < 1 || maxTotalBytes < 1 || !(maxRatio > 1))
                throw new IllegalArgumentException("zip limits must be positive (ratio > 1): " + maxEntryBytes + ", "
                        + maxTotalBytes + ", " + maxRatio);
        }
    }

    /** Copies one entry, stopping as soon as a limit is passed. Returns the bytes written. */
    private static long copyLimited(Archive a, ZipEntry e, InputStream in, Path dst, ZipLimits limits, long totalSoFar)
            throws IOException {
        long compressed = e.getCompressedSize();
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (java.io.OutputStream out = Files.newOutputStream(dst, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
                String why = null;
                if (n > limits.maxEntryBytes()) why = "expands beyond " + limits.maxEntryBytes() + " bytes";
                else if (totalSoFar + n > limits.maxTotalBytes())
                    why = "brings the archive beyond " + limits.maxTotalBytes() + " bytes in all";
                else if (n > (1 << 20) && compressed > 0 && n > limits.maxRatio() * compressed)
                    why = String.format(Locale.ROOT, "expands more than %.0f times (%d compressed bytes gave %d so far)",
                            limits.maxRatio(), compressed, n);
                if (why != null)
                    throw new DownloadException(a.fileName() + ": zip entry '" + e.getName() + "' " + why
                            + " (a zip bomb?); nothing was installed");
                out.write(buf, 0, r);
            }
        }
        return n;
    }

    /** Rejects entry names that are absolute or climb out of {@code root} (zip-slip). */
    private static void checkSafe(Archive a, String entryName, Path root) throws DownloadException {
        String n = entryName.replace('\\', '/');
        boolean bad = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0;
        if (!bad) {
            for (String seg : n.split("/")) {
                if (seg.equals("..")) {
                    bad = true;
                    break;
                }
            }
        }
        if (!bad) {
            try {
                bad = !root.resolve(n).normalize().startsWith(root);
            } catch (java.nio.file.InvalidPathException e) {
                bad = true;
            }
        }
        if (bad)
            throw new DownloadException(a.fileName() + ": unsafe zip entry '" + entryName
                    + "' points outside the extraction folder (zip-slip); nothing was installed");
    }

    private String markerText(Archive a, int count) {
        return "archive=" + a.fileName() + "\n"
                + "md5=" + a.md5() + "\n"
                + "size=" + a.size() + "\n"
                + "wavFiles=" + count + "\n"
                + "source=" + uriOf(a) + "\n"
                + "installed=" + Instant.now() + "\n";
    }

    /** Renames src to dst atomically, replacing dst; across file systems copies to a temp file beside dst first. */
    private static void moveAtomically(Path src, Path dst) throws IOException {
        try {
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Path tmp = Files.createTempFile(dst.toAbsolutePath().getParent(), "." + dst.getFileName(), ".tmp");
            try {
                Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(src);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private void removeStaleTempDirs() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, TMP_PREFIX + "*")) {
            for (Path p : ds) {
                log.accept("removing leftover temp folder " + p + " from an interrupted run");
                deleteRecursively(p);
            }
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.deleteIfExists(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) return;
        }
        Files.deleteIfExists(dir);
    }

    // ------------------------------------------------------------------ builder

    public static final class Builder {
        private URI baseUri = DEFAULT_BASE_URI;
        private Path target = Path.of("data");
        private List<Archive> archives = Archive.ALL;
        private DownloadProgress progress = DownloadProgress.stderr();
        private Consumer<String> log = System.err::println;
        private int maxRetries = 5;
        private Duration retryBackoff = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration stallTimeout = Duration.ofSeconds(60);
        private long minBytesPerSecond = 1024;
        private ZipLimits zipLimits = ZipLimits.DEFAULT;
        private HttpClient httpClient;

        private Builder() {}

        /** Folder URI the archive file names are resolved against; default {@link #DEFAULT_BASE_URI}. */
        public Builder baseUri(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme();
            if (!baseUri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)))
                throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, got " + baseUri);
            String s = baseUri.toString();
            this.baseUri = s.endsWith("/") ? baseUri : URI.create(s + "/");
            return this;
        }

        /** The data folder; the corpus goes to {@code <dataDir>/ravdess}. Default {@code data}. */
        public Builder target(Path dataDir) {
            this.target = Objects.requireNonNull(dataDir, "target (data folder)");
            return this;
        }

        /** Archives to install, in order; default {@link Archive#ALL}. */
        public Builder archives(List<Archive> archives) {
            Objects.requireNonNull(archives, "archives");
            if (archives.isEmpty()) throw new IllegalArgumentException("archives is empty");
            Set<String> names = new HashSet<>();
            for (Archive a : archives) {
                if (a == null) throw new IllegalArgumentException("archives contains null");
                if (!names.add(a.fileName()))
                    throw new IllegalArgumentException("archives lists " + a.fileName() + " twice");
            }
            this.archives = List.copyOf(archives);
            return this;
        }

        /** Progress callback; default prints a line about every 5% to stderr. */
        public Builder progress(DownloadProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Status messages (resuming, retrying, installed, ...); default prints to stderr. */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Retries after consecutive failed attempts that made no progress; default 5. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
            this.maxRetries = maxRetries;
            return this;
        }

        /** First retry delay, doubled on each further consecutive failure (capped at 60 s); default 2 s. */
        public Builder retryBackoff(Duration retryBackoff) {
            Objects.requireNonNull(retryBackoff, "retryBackoff");
            if (retryBackoff.isNegative()) throw new IllegalArgumentException("retryBackoff must be >= 0, got " + retryBackoff);
            this.retryBackoff = retryBackoff;
            return this;
        }

        /** Connect timeout of the default client; default 30 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isNegative() || connectTimeout.isZero())
                throw new IllegalArgumentException("connectTimeout must be > 0, got " + connectTimeout);
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Time to wait for response headers; default 60 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (requestTimeout.isNegative() || requestTimeout.isZero())
                throw new IllegalArgumentException("requestTimeout must be > 0, got " + requestTimeout);
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** A transfer that receives no bytes for this long is aborted and resumed; default 60 s. */
        public Builder stallTimeout(Duration stallTimeout) {
            Objects.requireNonNull(stallTimeout, "stallTimeout");
            if (stallTimeout.isNegative() || stallTimeout.isZero())
                throw new IllegalArgumentException("stallTimeout must be > 0, got " + stallTimeout);
            this.stallTimeout = stallTimeout;
            return this;
        }

        /** Slowest accepted transfer, averaged over a {@code stallTimeout} window; default 1024 bytes/s. */
        public Builder minBytesPerSecond(long bytesPerSecond) {
            if (bytesPerSecond < 0) throw new IllegalArgumentException("minBytesPerSecond must be >= 0, got " + bytesPerSecond);
            this.minBytesPerSecond = bytesPerSecond;
            return this;
        }

        /** Limits against zip bombs; default {@link ZipLimits#DEFAULT}. */
        public Builder zipLimits(ZipLimits limits) {
            this.zipLimits = Objects.requireNonNull(limits, "zipLimits");
            return this;
        }

        /** A custom client (it should follow redirects); default: HTTP/1.1, normal redirects. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public RavdessDownloader build() {
            return new RavdessDownloader(this);
        }
    }

    // ------------------------------------------------------------------ CLI

    private static final String USAGE = "usage: java -cp <lib classpath> emolab.data.download.RavdessDownloader"
            + " [dataDir] [--base-uri URI] [--only speech|song]\n"
            + "  Downloads RAVDESS audio (Zenodo record 1188976, CC BY-NC-SA 4.0) into <dataDir>/ravdess"
            + " (default dataDir: data).";

    public static void main(String[] args) {
        Builder b = builder();
        try {
            boolean dirSeen = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    case "--base-uri" -> b.baseUri(URI.create(value(args, ++i, arg)));
                    case "--only" -> {
                        String v = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                        b.archives(switch (v) {
                            case "speech" -> List.of(Archive.SPEECH);
                            case "song" -> List.of(Archive.SONG);
                            default -> throw new IllegalArgumentException("--only must be speech or song, got '" + v + "'");
                        });
                    }
                    default -> {
                        if (arg.startsWith("-") || dirSeen)
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                        b.target(Path.of(arg));
                        dirSeen = true;
                    }
                }
            }
            Result r = b.build().run();
            System.out.println("RAVDESS audio ready in " + r.corpusDir() + " (installed: " + names(r.installed())
                    + "; already there: " + names(r.alreadyComplete()) + ")");
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static String names(List<Archive> as) {
        return as.isEmpty() ? "none" : String.join(", ", as.stream().map(Archive::fileName).toList());
    }
}
