package emolab.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import emolab.data.WavWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RavdessDownloaderTest {

    private static final String SPEECH_ZIP = "Audio_Speech_Actors_01-24.zip";
    private static final String SONG_ZIP = "Audio_Song_Actors_01-24.zip";
    private static final String[] SPEECH_WAVS = {
            "Actor_01/03-01-01-01-01-01-01.wav", "Actor_01/03-01-05-02-02-01-01.wav", "Actor_02/03-01-03-01-01-02-02.wav"};
    private static final String[] SONG_WAVS = {"Actor_01/03-02-04-01-01-01-01.wav", "Actor_03/03-02-06-02-02-02-03.wav"};

    @TempDir Path tmp;
    private Path data;
    private RangeServer server;
    private final List<String> log = new ArrayList<>();
    private final Map<String, byte[]> wavs = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        data = tmp.resolve("data");
        server = new RangeServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    // ------------------------------------------------------------------ (a) happy path

    @Test
    void installsBothArchivesVerifiesWritesMarkersAndSecondRunDownloadsNothing() throws IOException {
        Archive speech = serve(SPEECH_ZIP, zip(SPEECH_WAVS, true));
        Archive song = serve(SONG_ZIP, zip(SONG_WAVS, true));
        List<long[]> progress = new ArrayList<>();

        RavdessDownloader.Result r = downloader(speech, song)
                .progress((f, done, total) -> progress.add(new long[] {done, total}))
                .build().run();

        Path corpus = data.resolve("ravdess");
        assertEquals(corpus, r.corpusDir());
        assertEquals(List.of(speech, song), r.installed());
        assertEquals(List.of(), r.alreadyComplete());
        // every WAV of both zips, byte for byte, in its Actor folder (speech renamed in, song merged)
        for (Map.Entry<String, byte[]> e : wavs.entrySet())
            assertArrayEquals(e.getValue(), Files.readAllBytes(corpus.resolve(e.getKey())), e.getKey());
        // junk (txt, macOS resource forks, non-RAVDESS wav names) is not installed
        assertEquals(sorted(wavs.keySet().stream().toList()), relativeWavs(corpus));
        assertEquals(List.of(".complete-" + SONG_ZIP, ".complete-" + SPEECH_ZIP, "Actor_01", "Actor_02", "Actor_03"),
                listNames(corpus));
        String marker = Files.readString(corpus.resolve(".complete-" + SPEECH_ZIP));
        assertTrue(marker.contains("md5=" + speech.md5()), marker);
        assertTrue(marker.contains("wavFiles=3"), marker);
        assertTrue(Files.readString(corpus.resolve(".complete-" + SONG_ZIP)).contains("md5=" + song.md5()));
        // nothing left behind beside the corpus
        assertEquals(List.of("ravdess"), listNames(data));
        assertEquals(2, server.requests.size());
        assertNull(server.requests.get(0).range());
        long[] last = progress.get(progress.size() - 1);
        assertEquals(song.size(), last[0]);
        assertEquals(song.size(), last[1]);

        RavdessDownloader.Result again = downloader(speech, song).build().run();
        assertEquals(2, server.requests.size(), "second run must not download: " + server.requests);
        assertEquals(List.of(), again.installed());
        assertEquals(List.of(speech, song), again.alreadyComplete());
        assertEquals(sorted(wavs.keySet().stream().toList()), relativeWavs(corpus));
    }

    // ------------------------------------------------------------------ (b) resume

    @Test
    void droppedConnectionIsResumedWithRangeRequest() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        Archive speech = serve(SPEECH_ZIP, zip);
        server.drops.set(1);
        server.dropAfterBytes = 1000;

        downloader(speech).build().run();

        assertEquals(2, server.requests.size(), server.requests.toString());
        assertNull(server.requests.get(0).range());
        assertEquals("bytes=1000-", server.requests.get(1).range());
        assertTrue(log.stream().anyMatch(m -> m.contains("resuming at byte 1000")), log.toString());
        assertInstalled(speech, SPEECH_WAVS);
    }

    @Test
    void repeatedDropsEachResumeFromWhereTheyStopped() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        Archive speech = serve(SPEECH_ZIP, zip);
        server.drops.set(3);
        server.dropAfterBytes = 700;

        downloader(speech).build().run();

        assertEquals(List.of("null", "bytes=700-", "bytes=1400-", "bytes=2100-"),
                server.requests.stream().map(q -> String.valueOf(q.range())).toList());
        assertInstalled(speech, SPEECH_WAVS);
    }

    @Test
    void stalledTransferIsAbortedAndResumed() throws IOException {
        Archive speech = serve(SPEECH_ZIP, zip(SPEECH_WAVS, true));
        server.stalls.set(1);
        server.stallAfterBytes = 900;
        server.stallMillis = 20_000;

        long t0 = System.nanoTime();
        downloader(speech).stallTimeout(Duration.ofMillis(300)).build().run();
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertTrue(ms < 10_000, "the stall must be cut short, took " + ms + " ms");
        assertEquals(List.of("null", "bytes=900-"), server.requests.stream().map(q -> String.valueOf(q.range())).toList());
        assertTrue(log.stream().anyMatch(m -> m.contains("no data received for 300 ms")), log.toString());
        assertInstalled(speech, SPEECH_WAVS);
    }

    @Test
    void partialFileFromAnEarlierRunIsResumed() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        Archive speech = serve(SPEECH_ZIP, zip);
        Path part = data.resolve(".partial").resolve(SPEECH_ZIP + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, java.util.Arrays.copyOf(zip, 1234));

        downloader(speech).build().run();

        assertEquals(1, server.requests.size());
        assertEquals("bytes=1234-", server.requests.get(0).range());
        assertInstalled(speech, SPEECH_WAVS);
    }

    @Test
    void redirectIsFollowedAndKeepsTheRangeHeader() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        Archive speech = serve(SPEECH_ZIP, zip);
        Path part = data.resolve(".partial").resolve(SPEECH_ZIP + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, java.util.Arrays.copyOf(zip, 500));

        downloader(speech).baseUri(server.redirectingBase()).build().run();

        assertEquals(List.of(new RangeServer.Request("/old/" + SPEECH_ZIP, "bytes=500-"),
                new RangeServer.Request("/files/" + SPEECH_ZIP, "bytes=500-")), server.requests);
        assertInstalled(speech, SPEECH_WAVS);
    }

    // ------------------------------------------------------------------ (c) checksum

    @Test
    void wrongChecksumFailsNamingBothMd5sAndLeavesNothing() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        server.put(SPEECH_ZIP, zip);
        String wrong = "0123456789abcdef0123456789abcdef";
        Archive speech = new Archive(SPEECH_ZIP, zip.length, wrong);

        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech).build().run());

        String msg = e.getMessage();
        assertTrue(msg.contains(SPEECH_ZIP), msg);
        assertTrue(msg.contains(wrong), msg);
        assertTrue(msg.contains(md5(zip)), msg);
        assertTrue(msg.contains(Long.toString(zip.length)), msg);
        assertFalse(Files.exists(data.resolve("ravdess")), "no corpus folder may be created");
        assertFalse(Files.exists(data.resolve(".partial").resolve(SPEECH_ZIP + ".part")), "part file must be removed");
        assertFalse(Files.exists(data.resolve(".partial").resolve(SPEECH_ZIP)));
        assertEquals(List.of(), listNames(data), "the data folder must be left empty");
        assertTrue(listNames(data).stream().noneMatch(n -> n.startsWith(".ravdess-tmp-")), listNames(data).toString());
    }

    @Test
    void sizeAnnouncedByServerDifferentFromExpectedFailsBeforeDownloading() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        server.put(SPEECH_ZIP, zip);
        Archive speech = new Archive(SPEECH_ZIP, zip.length + 10, md5(zip));

        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech).build().run());

        assertTrue(e.getMessage().contains(SPEECH_ZIP) && e.getMessage().contains(Long.toString(zip.length + 10))
                && e.getMessage().contains(Long.toString(zip.length)), e.getMessage());
        assertFalse(Files.exists(data.resolve(".partial").resolve(SPEECH_ZIP + ".part")));
        assertFalse(Files.exists(data.resolve("ravdess")));
    }

    // ------------------------------------------------------------------ (d) Range ignored / rejected

    @Test
    void serverIgnoringRangeRestartsFromZeroInsteadOfAppending() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        Archive speech = serve(SPEECH_ZIP, zip);
        server.ignoreRange = true;
        // a partial file whose bytes do NOT match the archive: appending to it would fail the MD5
        Path part = data.resolve(".partial").resolve(SPEECH_ZIP + ".part");
        Files.createDirectories(part.getParent());
        byte[] garbage = new byte[900];
        new Random(7).nextBytes(garbage);
        Files.write(part, garbage);

        downloader(speech).build().run();

        assertEquals(1, server.requests.size());
        assertEquals("bytes=900-", server.requests.get(0).range());
        assertTrue(log.stream().anyMatch(m -> m.contains("ignored the Range request")), log.toString());
        assertInstalled(speech, SPEECH_WAVS);
    }

    @Test
    void serverIgnoringRangeAfterADropIsHandled() throws IOException {
        Archive speech = serve(SPEECH_ZIP, zip(SPEECH_WAVS, true));
        server.ignoreRange = true;
        server.drops.set(1);
        server.dropAfterBytes = 800;

        downloader(speech).build().run();

        assertEquals(List.of("null", "bytes=800-"), server.requests.stream().map(q -> String.valueOf(q.range())).toList());
        assertInstalled(speech, SPEECH_WAVS);
    }

    @Test
    void rangeRejectedWith416DiscardsPartialAndRestarts() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        Archive speech = serve(SPEECH_ZIP, zip);
        server.rejectRanges.set(1);
        Path part = data.resolve(".partial").resolve(SPEECH_ZIP + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, java.util.Arrays.copyOf(zip, 600));

        downloader(speech).build().run();

        assertEquals(List.of("bytes=600-", "null"), server.requests.stream().map(q -> String.valueOf(q.range())).toList());
        assertInstalled(speech, SPEECH_WAVS);
    }

    // ------------------------------------------------------------------ HTTP errors and retries

    @Test
    void persistentServerErrorFailsAfterTheRetries() throws IOException {
        Archive speech = serve(SPEECH_ZIP, zip(SPEECH_WAVS, true));
        server.forcedStatus = 503;

        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech).maxRetries(2).build().run());

        assertEquals(3, server.requests.size(), "1 attempt + 2 retries");
        assertTrue(e.getMessage().contains(SPEECH_ZIP) && e.getMessage().contains("503")
                && e.getMessage().contains(server.base().toString()), e.getMessage());
        assertFalse(Files.exists(data.resolve("ravdess")));
    }

    @Test
    void notFoundFailsAtOnceNamingTheUrl() {
        Archive missing = new Archive("Nope.zip", 10, "0123456789abcdef0123456789abcdef");

        DownloadException e = assertThrows(DownloadException.class, () -> downloader(missing).build().run());

        assertEquals(1, server.requests.size());
        assertTrue(e.getMessage().contains("Nope.zip") && e.getMessage().contains("404")
                && e.getMessage().contains(server.base() + "Nope.zip"), e.getMessage());
    }

    // ------------------------------------------------------------------ (e) zip-slip and bad zips

    @Test
    void zipSlipEntryIsRejectedAndNothingIsWritten() throws IOException {
        Archive speech = serve(SPEECH_ZIP, zip(SPEECH_WAVS, true));
        // a song zip whose valid WAVs come first, then an entry escaping the folder
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String n : SONG_WAVS) entries.put(n, wav(n));
        String evil = "Actor_01/../../../evil/03-02-01-01-01-01-01.wav";
        entries.put(evil, wav(evil));
        Archive song = serve(SONG_ZIP, zip(entries));

        downloader(speech).build().run();
        List<String> before = relativeWavs(data.resolve("ravdess"));

        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech, song).build().run());

        assertTrue(e.getMessage().contains(evil) && e.getMessage().contains(SONG_ZIP), e.getMessage());
        assertEquals(before, relativeWavs(data.resolve("ravdess")), "the installed corpus must be unchanged");
        assertFalse(Files.exists(data.resolve("ravdess").resolve(".complete-" + SONG_ZIP)));
        try (Stream<Path> all = Files.walk(tmp)) {
            assertTrue(all.noneMatch(p -> p.toString().contains("evil")), "the escaping entry must not be written");
        }
        assertTrue(listNames(data).stream().noneMatch(n -> n.startsWith(".ravdess-tmp-")), listNames(data).toString());
    }

    @Test
    void zipSlipOnFirstArchiveCreatesNoCorpus() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SPEECH_WAVS[0], wav(SPEECH_WAVS[0]));
        entries.put("/etc/03-01-01-01-01-01-01.wav", wav("abs"));
        Archive speech = serve(SPEECH_ZIP, zip(entries));

        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech).build().run());

        assertTrue(e.getMessage().contains("/etc/03-01-01-01-01-01-01.wav"), e.getMessage());
        assertFalse(Files.exists(data.resolve("ravdess")));
        assertTrue(listNames(data).stream().noneMatch(n -> n.startsWith(".ravdess-tmp-")), listNames(data).toString());
    }

    @Test
    void zipWithoutRavdessWavsIsAnError() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Actor_01/readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Archive speech = serve(SPEECH_ZIP, zip(entries));

        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech).build().run());

        assertTrue(e.getMessage().contains(SPEECH_ZIP) && e.getMessage().contains("no RAVDESS .wav"), e.getMessage());
        assertFalse(Files.exists(data.resolve("ravdess")));
    }

    // ------------------------------------------------------------------ API checks

    @Test
    void archiveAndBuilderValidateTheirArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Archive("a.zip", 5, "xyz"));
        assertTrue(e.getMessage().contains("a.zip") && e.getMessage().contains("md5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Archive("../a.zip", 5, md5(new byte[0])));
        assertThrows(IllegalArgumentException.class, () -> new Archive("a.zip", 0, md5(new byte[0])));
        assertEquals("bc696df654c87fed845eb13823edef8a", Archive.SPEECH.md5());
        assertEquals(208_468_073L, Archive.SPEECH.size());
        assertEquals(225_505_317L, Archive.SONG.size());
        assertEquals(new Archive("A.zip", 1, "BC696DF654C87FED845EB13823EDEF8A").md5(), "bc696df654c87fed845eb13823edef8a");

        e = assertThrows(IllegalArgumentException.class,
                () -> RavdessDownloader.builder().baseUri(java.net.URI.create("ftp://x/")));
        assertTrue(e.getMessage().contains("baseUri"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RavdessDownloader.builder().archives(List.of(Archive.SPEECH, Archive.SPEECH)));
        assertTrue(e.getMessage().contains(SPEECH_ZIP), e.getMessage());
        assertEquals(java.net.URI.create("http://h/x/" + SPEECH_ZIP), RavdessDownloader.builder()
                .baseUri(java.net.URI.create("http://h/x")).build().uriOf(Archive.SPEECH));
        assertEquals(java.net.URI.create("https://zenodo.org/record/1188976/files/" + SONG_ZIP),
                RavdessDownloader.builder().build().uriOf(Archive.SONG));
    }

    @Test
    void defaultProgressPrintsAboutEveryFivePercent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DownloadProgress p = DownloadProgress.printing(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5);
        for (long done = 0; done <= 1000; done += 7) p.update("x.zip", done, 1000);
        p.update("x.zip", 1000, 1000);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(21, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("x.zip:   0%"), lines.get(0));
        assertTrue(lines.get(20).startsWith("x.zip: 100%"), lines.get(20));
    }

    // ------------------------------------------------------------------ (f) hostile servers and zips

    private void assertNothingInstalled() throws IOException {
        assertFalse(Files.exists(data.resolve("ravdess")), "no corpus folder");
        if (Files.exists(data))
            assertTrue(listNames(data).stream().noneMatch(n -> n.startsWith(".ravdess-tmp-")), listNames(data).toString());
    }

    @Test
    void contentLengthBelowTheExpectedSizeEveryTimeFailsAfterRetriesKeepingNothingInstalled() throws IOException {
        Archive speech = serve(SPEECH_ZIP, zip(SPEECH_WAVS, true));
        server.drops.set(100); // Content-Length is right, but every response ends after 0 bytes
        server.dropAfterBytes = 0;
        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech).maxRetries(2).build().run());
        assertTrue(e.getMessage().contains(SPEECH_ZIP) && e.getMessage().contains("3 times in a row"), e.getMessage());
        assertEquals(3, server.requests.size());
        assertNothingInstalled();
    }

    @Test
    void http500IsRetriedThenFailsNamingStatusAndUrl() throws IOException {
        Archive speech = serve(SPEECH_ZIP, zip(SPEECH_WAVS, true));
        server.forcedStatus = 500;
        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech).maxRetries(1).build().run());
        assertTrue(e.getMessage().contains("HTTP 500 from " + server.base() + SPEECH_ZIP), e.getMessage());
        assertEquals(2, server.requests.size());
        assertNothingInstalled();
        assertFalse(Files.exists(data.resolve(".partial").resolve(SPEECH_ZIP + ".part")), "no bytes, no partial file");
    }

    @Test
    void redirectLoopFailsAtOnceNamingTheUrl() throws IOException {
        byte[] zip = zip(SPEECH_WAVS, true);
        Archive speech = new Archive(SPEECH_ZIP, zip.length, md5(zip));
        DownloadException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(DownloadException.class,
                () -> downloader(speech).baseUri(server.loopingBase()).build().run()));
        assertTrue(e.getMessage().contains(server.loopingBase() + SPEECH_ZIP) && e.getMessage().contains("redirect"), e.getMessage());
        assertTrue(server.requests.size() <= 10, "the loop is cut short: " + server.requests.size() + " requests");
        assertNothingInstalled();
    }

    @Test
    void drippingServerTimesOutAndFailsAfterTheRetries() throws IOException {
        Archive speech = serve(SPEECH_ZIP, zip(SPEECH_WAVS, true));
        server.dripMillis = 50; // 20 bytes/s: always some activity, so the plain stall timer never fires
        long t0 = System.nanoTime();
        DownloadException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(DownloadException.class,
                () -> downloader(speech).stallTimeout(Duration.ofMillis(400)).minBytesPerSecond(1000).maxRetries(2).build().run()));
        assertTrue(e.getMessage().contains("too slow") && e.getMessage().contains("minimum 1000 bytes/s"), e.getMessage());
        assertEquals(3, server.requests.size(), "1 attempt + 2 retries, crumbs are not progress");
        assertTrue((System.nanoTime() - t0) / 1e9 < 30);
        assertNothingInstalled();
    }

    @Test
    void zipEntriesWithAbsoluteOrParentPathsAreRejected() throws IOException {
        for (String evil : List.of("/tmp/03-01-01-01-01-01-01.wav", "../03-01-01-01-01-01-01.wav", "Actor_01/../../03-01-01-01-01-01-01.wav",
                "C:/x/03-01-01-01-01-01-01.wav", "..\\03-01-01-01-01-01-01.wav")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put(SPEECH_WAVS[0], wav(SPEECH_WAVS[0]));
            entries.put(evil, wav(evil));
            Path zip = Files.write(tmp.resolve("evil.zip"), zip(entries));
            Path out = Files.createDirectories(tmp.resolve("out-" + Math.abs(evil.hashCode())));
            DownloadException e = assertThrows(DownloadException.class,
                    () -> RavdessDownloader.extract(new Archive("evil.zip", 1, "0123456789abcdef0123456789abcdef"), zip, out));
            assertTrue(e.getMessage().contains(evil) && e.getMessage().contains("zip-slip"), e.getMessage());
            assertEquals(List.of(), listNames(out), "nothing written for " + evil);
        }
    }

    @Test
    void zipBombsAreStoppedBySizeAndRatioLimitsAndNothingIsInstalled() throws IOException {
        // ratio: 8 MiB of zeros deflates to a few KB (ratio ~1000)
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SPEECH_WAVS[0], wav(SPEECH_WAVS[0]));
        entries.put(SPEECH_WAVS[1], new byte[8 << 20]);
        Archive speech = serve(SPEECH_ZIP, zip(entries));
        DownloadException e = assertThrows(DownloadException.class, () -> downloader(speech).build().run());
        assertTrue(e.getMessage().contains(SPEECH_WAVS[1]) && e.getMessage().contains("expands more than 100 times")
                && e.getMessage().contains("zip bomb"), e.getMessage());
        assertNothingInstalled();

        // size per entry and in all, with limits scaled down (random bytes: ratio ~1)
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        entries.put(SPEECH_WAVS[1], noise);
        entries.put(SPEECH_WAVS[2], noise);
        Path zip = Files.write(tmp.resolve("big.zip"), zip(entries));
        Archive a = new Archive("big.zip", 1, "0123456789abcdef0123456789abcdef");
        Path out1 = Files.createDirectories(tmp.resolve("x1"));
        e = assertThrows(DownloadException.class,
                () -> RavdessDownloader.extract(a, zip, out1, new RavdessDownloader.ZipLimits(200_000, 1L << 30, 100)));
        assertTrue(e.getMessage().contains("expands beyond 200000 bytes"), e.getMessage());
        Path out2 = Files.createDirectories(tmp.resolve("x2"));
        e = assertThrows(DownloadException.class,
                () -> RavdessDownloader.extract(a, zip, out2, new RavdessDownloader.ZipLimits(1 << 20, 500_000, 100)));
        assertTrue(e.getMessage().contains("beyond 500000 bytes in all"), e.getMessage());
        assertEquals(3, RavdessDownloader.extract(a, zip, Files.createDirectories(tmp.resolve("x3")),
                new RavdessDownloader.ZipLimits(1 << 20, 1 << 20, 100)), "within the limits it installs");
    }

    // ------------------------------------------------------------------ helpers

    private RavdessDownloader.Builder downloader(Archive... archives) {
        return RavdessDownloader.builder()
                .baseUri(server.base())
                .target(data)
                .archives(List.of(archives))
                .progress(DownloadProgress.none())
                .log(log::add)
                .maxRetries(3)
                .retryBackoff(Duration.ofMillis(5));
    }

    private Archive serve(String name, byte[] zip) {
        server.put(name, zip);
        return new Archive(name, zip.length, md5(zip));
    }

    private void assertInstalled(Archive a, String[] names) throws IOException {
        Path corpus = data.resolve("ravdess");
        for (String n : names) assertArrayEquals(wavs.get(n), Files.readAllBytes(corpus.resolve(n)), n);
        assertEquals(sorted(List.of(names)), relativeWavs(corpus));
        assertTrue(Files.readString(corpus.resolve(".complete-" + a.fileName())).contains("md5=" + a.md5()));
        assertFalse(Files.exists(data.resolve(".partial")), "download folder must be cleaned up");
    }

    /** A zip of RAVDESS WAVs (in their Actor folders), optionally with junk entries that must be skipped. */
    private byte[] zip(String[] wavNames, boolean junk) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (junk) entries.put("Actor_01/", null);
        for (String n : wavNames) entries.put(n, wav(n));
        if (junk) {
            entries.put("Actor_01/notes.txt", "not audio".getBytes(StandardCharsets.UTF_8));
            entries.put("__MACOSX/Actor_01/._03-01-01-01-01-01-01.wav", new byte[] {0, 5, 22, 7});
            entries.put("Actor_01/recording.wav", wav("junk-wav"));
            wavs.remove("junk-wav"); // not a RAVDESS name: must not be installed
        }
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zos.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) zos.write(e.getValue());
                zos.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A tiny noise WAV written by WavWriter; remembered by name for later comparison. */
    private byte[] wav(String name) throws IOException {
        double[] s = new double[400];
        Random rnd = new Random(name.hashCode());
        for (int i = 0; i < s.length; i++) s[i] = rnd.nextGaussian() * 0.2;
        Path f = tmp.resolve("wav-src").resolve(Integer.toHexString(name.hashCode()) + ".wav");
        WavWriter.writePcm16(f, s, 16000);
        byte[] b = Files.readAllBytes(f);
        wavs.put(name, b);
        return b;
    }

    private static String md5(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> relativeWavs(Path corpus) throws IOException {
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".wav"))
                    .map(p -> corpus.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static List<String> listNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
