package emolab.data;

import static org.junit.jupiter.api.Assertions.*;

import emolab.SharedData;
import emolab.data.RavdessName.Intensity;
import emolab.data.RavdessName.Sex;
import emolab.data.RavdessName.VocalChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RavdessNameTest {

    /**
     * The RAVDESS audio design, built from its rules (not from the codec): 24 actors; speech has all
     * 8 emotions, song only neutral..fearful (01..06); neutral only at normal intensity; 2
     * statements x 2 repetitions; actor 18 has no song.
     */
    static List<int[]> design() {
        List<int[]> out = new ArrayList<>();
        for (int actor = 1; actor <= 24; actor++)
            for (int vc = 1; vc <= 2; vc++) {
                if (vc == 2 && actor == 18) continue;
                for (int emo = 1; emo <= (vc == 1 ? 8 : 6); emo++)
                    for (int inten = 1; inten <= (emo == 1 ? 1 : 2); inten++)
                        for (int st = 1; st <= 2; st++)
                            for (int rep = 1; rep <= 2; rep++) out.add(new int[] {3, vc, emo, inten, st, rep, actor});
            }
        return out;
    }

    static String nameOf(int[] f) {
        return String.format(Locale.ROOT, "%02d-%02d-%02d-%02d-%02d-%02d-%02d.wav", f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
    }

    @Test
    void fullDesignRoundTrips() {
        List<int[]> design = design();
        assertEquals(2452, design.size());
        Set<RavdessName> distinct = new HashSet<>();
        int speech = 0, song = 0, male = 0;
        for (int[] f : design) {
            String name = nameOf(f);
            RavdessName r = RavdessName.parse(name);
            assertEquals(f[0], r.modality(), name);
            assertEquals(f[1], r.vocalChannel().code(), name);
            assertEquals(f[2], r.emotion().code(), name);
            assertEquals(f[3], r.intensity().code(), name);
            assertEquals(f[4], r.statement(), name);
            assertEquals(f[5], r.repetition(), name);
            assertEquals(f[6], r.actor(), name);
            assertEquals(f[6] % 2 == 1 ? Sex.MALE : Sex.FEMALE, r.sex(), name);
            assertEquals(name, r.fileName());
            assertEquals(name, r.toString());
            assertEquals(String.format(Locale.ROOT, "Actor_%02d", f[6]), r.actorFolder());
            // record -> name -> record, and the accepted spellings of the same name
            assertEquals(r, RavdessName.parse(r.fileName()));
            assertEquals(r, new RavdessName(f[0], VocalChannel.fromCode(f[1]), Emotion.fromCode(f[2]),
                    Intensity.fromCode(f[3]), f[4], f[5], f[6]));
            assertEquals(r, RavdessName.parse(name.replace(".wav", ".WAV")));
            assertEquals(r, RavdessName.parse(name.replace(".wav", "")));
            assertEquals(r, RavdessName.parse("/data/" + r.actorFolder() + "/" + name));
            assertEquals(r, RavdessName.parse("C:\\data\\" + r.actorFolder() + "\\" + name));
            assertTrue(RavdessName.isValid(name));
            assertTrue(distinct.add(r), "duplicate " + name);
            if (r.vocalChannel() == VocalChannel.SPEECH) speech++; else song++;
            if (r.sex() == Sex.MALE) male++;
        }
        assertEquals(24 * 60, speech);
        assertEquals(23 * 44, song);
        assertEquals(12 * 104, male);
    }

    @Test
    void labels() {
        RavdessName r = RavdessName.parse("03-02-06-02-01-02-20.wav");
        assertEquals("song", r.vocalChannel().label());
        assertEquals("fearful", r.emotion().label());
        assertEquals("strong", r.intensity().label());
        assertEquals("female", r.sex().label());
        assertEquals("male", RavdessName.parse("03-01-07-01-02-01-19.wav").sex().label());
        assertEquals("speech", RavdessName.parse("03-01-07-01-02-01-19.wav").vocalChannel().label());
        assertEquals("normal", RavdessName.parse("03-01-07-01-02-01-19.wav").intensity().label());
    }

    @Test
    void modalitiesOneToThreeAccepted() {
        for (int m = 1; m <= 3; m++)
            assertEquals(m, RavdessName.parse(String.format(Locale.ROOT, "%02d-01-01-01-01-01-01.wav", m)).modality());
    }

    private static void assertRejected(String name, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RavdessName.parse(name), name);
        String base = name.substring(name.replace('\\', '/').lastIndexOf('/') + 1);
        assertTrue(e.getMessage().contains("'" + base + "'"), "message should quote the name: " + e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "message should contain '" + f + "': " + e.getMessage());
        assertFalse(RavdessName.isValid(name), name);
    }

    @Test
    void wrongFieldCount() {
        assertRejected("03-01-01-01-01-01.wav", "7 fields", "found 6");
        assertRejected("03-01-01-01-01-01-01-01.wav", "7 fields", "found 8");
        assertRejected("notes.wav", "7 fields", "found 1");
        assertRejected("", "7 fields");
        assertRejected("03_01_01_01_01_01_01.wav", "7 fields");
    }

    @Test
    void nonDigitFields() {
        String[] fields = {"modality", "vocal channel", "emotion", "intensity", "statement", "repetition", "actor"};
        for (int i = 0; i < 7; i++) {
            for (String bad : new String[] {"x1", "1", "001", "", " 1", "+1", "٠٣"}) {
                String[] parts = "03-01-02-01-01-01-01".split("-");
                parts[i] = bad;
                assertRejected(String.join("-", parts) + ".wav", "field " + (i + 1), "(" + fields[i] + ")",
                        "two digits", "'" + bad + "'");
            }
        }
        assertRejected("03-01-01-01-01-01-01.wav.bak", "(actor)");
    }

    @Test
    void outOfRangeCodesForEachField() {
        assertRejected("00-01-01-01-01-01-01.wav", "field 1 (modality)", "01..03", "got 00");
        assertRejected("04-01-01-01-01-01-01.wav", "field 1 (modality)", "got 04");
        assertRejected("03-00-01-01-01-01-01.wav", "field 2 (vocal channel)", "got 00");
        assertRejected("03-03-01-01-01-01-01.wav", "field 2 (vocal channel)", "got 03");
        assertRejected("03-01-00-01-01-01-01.wav", "field 3 (emotion)", "got 00");
        assertRejected("03-01-09-01-01-01-01.wav", "field 3 (emotion)", "01..08", "got 09");
        assertRejected("03-01-02-00-01-01-01.wav", "field 4 (intensity)", "got 00");
        assertRejected("03-01-02-03-01-01-01.wav", "field 4 (intensity)", "got 03");
        assertRejected("03-01-02-01-00-01-01.wav", "field 5 (statement)", "got 00");
        assertRejected("03-01-02-01-03-01-01.wav", "field 5 (statement)", "got 03");
        assertRejected("03-01-02-01-01-00-01.wav", "field 6 (repetition)", "got 00");
        assertRejected("03-01-02-01-01-03-01.wav", "field 6 (repetition)", "got 03");
        assertRejected("03-01-02-01-01-01-00.wav", "field 7 (actor)", "got 00");
        assertRejected("03-01-02-01-01-01-25.wav", "field 7 (actor)", "01..24", "got 25");
        assertRejected("/x/Actor_99/03-01-02-01-01-01-99.wav", "field 7 (actor)", "got 99");
    }

    @Test
    void strongNeutralRejected() {
        assertRejected("03-01-01-02-01-01-05.wav", "field 4 (intensity)", "neutral");
        assertThrows(IllegalArgumentException.class,
                () -> new RavdessName(3, VocalChannel.SPEECH, Emotion.NEUTRAL, Intensity.STRONG, 1, 1, 5));
    }

    @Test
    void constructorValidates() {
        assertThrows(IllegalArgumentException.class,
                () -> new RavdessName(3, VocalChannel.SPEECH, Emotion.HAPPY, Intensity.STRONG, 1, 1, 25));
        assertThrows(IllegalArgumentException.class,
                () -> new RavdessName(3, null, Emotion.HAPPY, Intensity.STRONG, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> RavdessName.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Emotion.fromCode(9));
        assertThrows(IllegalArgumentException.class, () -> VocalChannel.fromCode(0));
        assertThrows(IllegalArgumentException.class, () -> Intensity.fromCode(3));
    }

    @Test
    void realFileNamesAreAllInTheDesign() throws IOException {
        Path dir = SharedData.require("ravdess/wav16k");
        Set<String> design = new HashSet<>();
        for (int[] f : design()) design.add(nameOf(f));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).toList();
        }
        assertEquals(1040, files.size());
        for (Path p : files) {
            String n = p.getFileName().toString();
            assertTrue(design.contains(n), n);
            RavdessName r = RavdessName.parse(p.toString());
            assertEquals(r.actorFolder(), p.getParent().getFileName().toString(), n);
        }
    }
}
