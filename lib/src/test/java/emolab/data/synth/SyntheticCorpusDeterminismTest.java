package emolab.data.synth;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.RavdessName;
import emolab.data.WavWriter;
import emolab.data.synth.SyntheticCorpus.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusDeterminismTest {

    @Test
    void sameSeedSameBytesRegardlessOfThreadsAndOrder(@TempDir Path tmp) throws IOException {
        Path one = tmp.resolve("one"), two = tmp.resolve("two"), rev = tmp.resolve("reversed");
        List<int[]> calls = new CopyOnWriteArrayList<>();
        SyntheticCorpus.Summary s1 = SyntheticCorpus.builder().seed(7).size(Size.TINY).threads(1)
                .progress((d, t) -> calls.add(new int[] {d, t})).build().generate(one);
        SyntheticCorpus.Summary s2 = SyntheticCorpus.builder().seed(7).size(Size.TINY).threads(2).build().generate(two);
        List<RavdessName> names = new ArrayList<>(SyntheticCorpus.design(Size.TINY));
        Collections.reverse(names);
        for (RavdessName n : names)
            WavWriter.writePcm16(SyntheticCorpus.pathOf(rev, n), SyntheticCorpus.synthesize(n, 7, 16000), 16000);

        assertEquals(67, s1.files());
        assertEquals(s1.audioSeconds(), s2.audioSeconds(), 0.0);
        assertTrue(s1.audioSeconds() > 67 * 2.5 && s1.audioSeconds() < 67 * 6, "audio seconds " + s1.audioSeconds());
        for (RavdessName n : names) {
            byte[] a = Files.readAllBytes(SyntheticCorpus.pathOf(one, n));
            assertArrayEquals(a, Files.readAllBytes(SyntheticCorpus.pathOf(two, n)), "1 vs 2 threads: " + n);
            assertArrayEquals(a, Files.readAllBytes(SyntheticCorpus.pathOf(rev, n)), "corpus vs reversed order: " + n);
        }
        assertArrayEquals(Files.readAllBytes(one.resolve(SyntheticCorpus.MARKER)), Files.readAllBytes(two.resolve(SyntheticCorpus.MARKER)));
        // progress: one call per file, done counts 1..total in order
        assertEquals(67, calls.size());
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(i + 1, calls.get(i)[0]);
            assertEquals(67, calls.get(i)[1]);
        }
    }

    @Test
    void differentSeedDifferentBytes() {
        for (RavdessName n : SyntheticCorpus.design(Size.TINY).subList(0, 10)) {
            double[] a = SyntheticCorpus.synthesize(n, 1, 16000);
            double[] b = SyntheticCorpus.synthesize(n, 2, 16000);
            assertFalse(java.util.Arrays.equals(a, b), "seed 1 vs 2 must differ: " + n);
            assertArrayEquals(a, SyntheticCorpus.synthesize(n, 1, 16000), "repeatable: " + n);
        }
    }

    @Test
    void recordingsOfOneCellDifferAcrossRepetitionAndActor() {
        RavdessName base = RavdessName.parse("03-01-05-01-01-01-01.wav");
        double[] a = SyntheticCorpus.synthesize(base, 42, 16000);
        double[] rep2 = SyntheticCorpus.synthesize(RavdessName.parse("03-01-05-01-01-02-01.wav"), 42, 16000);
        double[] actor3 = SyntheticCorpus.synthesize(RavdessName.parse("03-01-05-01-01-01-03.wav"), 42, 16000);
        assertFalse(java.util.Arrays.equals(a, rep2));
        assertFalse(java.util.Arrays.equals(a, actor3));
    }
}
