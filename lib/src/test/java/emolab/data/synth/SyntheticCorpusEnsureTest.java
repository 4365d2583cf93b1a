package emolab.data.synth;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.RavdessName;
import emolab.data.WavWriter;
import emolab.data.synth.SyntheticCorpus.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusEnsureTest {
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000L);

    private static void ageAll(Path dir) throws IOException {
        for (RavdessName n : SyntheticCorpus.design(Size.TINY)) Files.setLastModifiedTime(SyntheticCorpus.pathOf(dir, n), OLD);
        Files.setLastModifiedTime(dir.resolve(SyntheticCorpus.MARKER), OLD);
    }

    private static int rewritten(Path dir) throws IOException {
        int n = 0;
        for (RavdessName r : SyntheticCorpus.design(Size.TINY))
            if (!Files.getLastModifiedTime(SyntheticCorpus.pathOf(dir, r)).equals(OLD)) n++;
        return n;
    }

    @Test
    void secondEnsureDoesNothing(@TempDir Path dir) throws IOException {
        SyntheticCorpus.ensure(dir, Size.TINY);
        assertTrue(Files.isRegularFile(dir.resolve(SyntheticCorpus.MARKER)));
        ageAll(dir);
        SyntheticCorpus.ensure(dir, Size.TINY);
        assertEquals(0, rewritten(dir), "up-to-date corpus must not be rewritten");
        assertEquals(OLD, Files.getLastModifiedTime(dir.resolve(SyntheticCorpus.MARKER)));
        SyntheticCorpus.Summary s = SyntheticCorpus.builder().size(Size.TINY).build().generateIfNeeded(dir);
        assertFalse(s.generated());
        assertEquals(67, s.files());
        assertTrue(s.audioSeconds() > 100, "audio seconds from the marker: " + s.audioSeconds());
        assertEquals(0, rewritten(dir));
    }

    @Test
    void regeneratesWhenMarkerMissingOrMismatchedOrFileMissing(@TempDir Path dir) throws IOException {
        SyntheticCorpus.ensure(dir, Size.TINY);
        Path marker = dir.resolve(SyntheticCorpus.MARKER);
        byte[] ref = Files.readAllBytes(SyntheticCorpus.pathOf(dir, SyntheticCorpus.design(Size.TINY).get(5)));

        ageAll(dir);
        Files.delete(marker); // e.g. an interrupted run: marker is written last
        SyntheticCorpus.ensure(dir, Size.TINY);
        assertEquals(67, rewritten(dir), "missing marker -> regenerate");
        assertTrue(Files.isRegularFile(marker));
        assertArrayEquals(ref, Files.readAllBytes(SyntheticCorpus.pathOf(dir, SyntheticCorpus.design(Size.TINY).get(5))));

        ageAll(dir);
        Files.writeString(marker, Files.readString(marker).replace("seed=42", "seed=43"));
        SyntheticCorpus.ensure(dir, Size.TINY);
        assertEquals(67, rewritten(dir), "mismatched marker -> regenerate");
        assertTrue(Files.readString(marker).contains("seed=42"));

        ageAll(dir);
        Files.writeString(marker, "garbage \\u12");
        SyntheticCorpus.ensure(dir, Size.TINY);
        assertEquals(67, rewritten(dir), "unreadable marker -> regenerate");

        ageAll(dir);
        Files.delete(SyntheticCorpus.pathOf(dir, SyntheticCorpus.design(Size.TINY).get(3)));
        SyntheticCorpus.ensure(dir, Size.TINY);
        assertEquals(67, rewritten(dir), "missing file -> regenerate");
    }

    @Test
    void regenerationRemovesStaleSyntheticFilesButKeepsOthers(@TempDir Path dir) throws IOException {
        SyntheticCorpus.builder().seed(1).size(Size.TINY).build().generate(dir);
        RavdessName stale = RavdessName.parse("03-01-01-01-02-02-05.wav"); // not in TINY
        WavWriter.writePcm16(SyntheticCorpus.pathOf(dir, stale), new double[1600], 16000);
        Path notes = dir.resolve("Actor_05").resolve("notes.txt");
        Files.writeString(notes, "mine");
        SyntheticCorpus.Summary s = SyntheticCorpus.builder().seed(2).size(Size.TINY).build().generateIfNeeded(dir);
        assertTrue(s.generated());
        assertFalse(Files.exists(SyntheticCorpus.pathOf(dir, stale)), "stale synthetic file removed");
        assertTrue(Files.exists(notes), "non-RAVDESS files are left alone");
        List<RavdessName> design = SyntheticCorpus.design(Size.TINY);
        for (RavdessName n : design) assertTrue(Files.exists(SyntheticCorpus.pathOf(dir, n)));
    }

    @Test
    void nullDirIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticCorpus.builder().size(Size.TINY).build().generate(null));
        assertTrue(e.getMessage().contains("dir"));
    }
}
