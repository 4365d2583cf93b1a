package emolab.data.synth;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.Emotion;
import emolab.data.RavdessName;
import emolab.data.RavdessName.Intensity;
import emolab.data.RavdessName.VocalChannel;
import emolab.data.synth.SyntheticCorpus.Size;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticCorpusDesignTest {

    private static long count(List<RavdessName> names, VocalChannel vc) {
        return names.stream().filter(n -> n.vocalChannel() == vc).count();
    }

    @Test
    void fullDesignHasTheRavdessCounts() {
        List<RavdessName> full = SyntheticCorpus.design(Size.FULL);
        assertEquals(2452, full.size());
        assertEquals(1440, count(full, VocalChannel.SPEECH));
        assertEquals(1012, count(full, VocalChannel.SONG));
        assertEquals(2452, new HashSet<>(full).size(), "names are unique");
        for (int actor = 1; actor <= 24; actor++) {
            int a = actor;
            List<RavdessName> mine = full.stream().filter(n -> n.actor() == a).toList();
            assertEquals(60, count(mine, VocalChannel.SPEECH), "speech files of actor " + actor);
            assertEquals(actor == 18 ? 0 : 44, count(mine, VocalChannel.SONG), "song files of actor " + actor);
        }
        assertTrue(full.stream().allMatch(n -> n.modality() == 3), "modality 03 (audio-only)");
        assertTrue(full.stream().noneMatch(n -> n.emotion() == Emotion.NEUTRAL && n.intensity() == Intensity.STRONG));
        Set<Emotion> songEmotions = full.stream().filter(n -> n.vocalChannel() == VocalChannel.SONG)
                .map(RavdessName::emotion).collect(Collectors.toSet());
        assertEquals(EnumSet.of(Emotion.NEUTRAL, Emotion.CALM, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY, Emotion.FEARFUL),
                songEmotions, "song has no disgust or surprised");
        Set<Emotion> speechEmotions = full.stream().filter(n -> n.vocalChannel() == VocalChannel.SPEECH)
                .map(RavdessName::emotion).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Emotion.class), speechEmotions);
        // per speech emotion: 24 actors x 2 statements x 2 repetitions x (1 or 2 intensities)
        for (Emotion e : Emotion.values()) {
            long n = full.stream().filter(x -> x.vocalChannel() == VocalChannel.SPEECH && x.emotion() == e).count();
            assertEquals(e == Emotion.NEUTRAL ? 96 : 192, n, "speech files of " + e);
        }
    }

    @Test
    void smallKeepsAllActorsAndClasses() {
        List<RavdessName> small = SyntheticCorpus.design(Size.SMALL);
        assertEquals(613, small.size());
        assertEquals(360, count(small, VocalChannel.SPEECH));
        assertEquals(253, count(small, VocalChannel.SONG));
        assertEquals(24, small.stream().map(RavdessName::actor).distinct().count());
        assertEquals(EnumSet.allOf(Emotion.class), small.stream().map(RavdessName::emotion).collect(Collectors.toCollection(() -> EnumSet.noneOf(Emotion.class))));
        assertTrue(small.stream().allMatch(n -> n.statement() == 1 && n.repetition() == 1));
        assertTrue(SyntheticCorpus.design(Size.FULL).containsAll(small), "SMALL is a subset of FULL");
    }

    @Test
    void tinyHasAMaleAFemaleAndTheActorWithoutSong() {
        List<RavdessName> tiny = SyntheticCorpus.design(Size.TINY);
        assertEquals(67, tiny.size());
        assertEquals(Set.of(1, 2, 18), tiny.stream().map(RavdessName::actor).collect(Collectors.toSet()));
        assertEquals(45, count(tiny, VocalChannel.SPEECH));
        assertEquals(22, count(tiny, VocalChannel.SONG));
        assertTrue(tiny.stream().noneMatch(n -> n.actor() == 18 && n.vocalChannel() == VocalChannel.SONG));
        assertTrue(SyntheticCorpus.design(Size.FULL).containsAll(tiny));
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.design(null));
        assertTrue(e.getMessage().contains("size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.builder().sampleRate(100));
        assertTrue(e.getMessage().contains("sampleRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.builder().threads(0));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
        RavdessName n = SyntheticCorpus.design(Size.TINY).get(0);
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.synthesize(n, 1, 4000));
        assertTrue(e.getMessage().contains("sampleRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.synthesize(null, 1, 16000));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }
}
