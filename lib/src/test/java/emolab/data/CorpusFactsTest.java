package emolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The corpus facts notebook 01 prints follow the table, whichever way the numbers point. */
class CorpusFactsTest {
    static Table corpus(String[] channel, String[] emotion, String[] intensity, int[] actor, double[] duration) {
        String[] path = new String[channel.length];
        for (int i = 0; i < path.length; i++) path[i] = "/x/f" + i + ".wav";
        return Table.create("c", StringColumn.create("path", path), StringColumn.create("vocal_channel", channel),
                StringColumn.create("emotion", emotion), StringColumn.create("intensity", intensity), IntColumn.create("actor", actor),
                DoubleColumn.create("duration_s", duration));
    }

    @Test
    void durationsSayWhichChannelIsLonger() {
        Table t = corpus(new String[] {"speech", "speech", "song", "song"}, new String[] {"sad", "sad", "sad", "sad"},
                new String[] {"normal", "normal", "normal", "normal"}, new int[] {1, 1, 1, 1}, new double[] {3.0, 3.4, 4.0, 4.4});
        String s = CorpusFacts.durations(t);
        assertTrue(s.startsWith("Median duration 3.70 s; the middle half of the recordings lasts 3.30–4.10 s."), s);
        assertTrue(s.endsWith("Median speech 3.20 s, median song 4.20 s: songs are longer, by 1.00 s."), s);
        Table reversed = corpus(new String[] {"song", "song", "speech", "speech"}, new String[] {"sad", "sad", "sad", "sad"},
                new String[] {"normal", "normal", "normal", "normal"}, new int[] {1, 1, 1, 1}, new double[] {3.0, 3.4, 4.0, 4.4});
        assertTrue(CorpusFacts.durations(reversed).endsWith("on this corpus speech is longer, by 1.00 s."));
        Table speechOnly = corpus(new String[] {"speech", "speech"}, new String[] {"sad", "sad"}, new String[] {"normal", "normal"},
                new int[] {1, 2}, new double[] {3.0, 3.2});
        assertTrue(CorpusFacts.durations(speechOnly).endsWith("This corpus holds only speech, so the channels cannot be compared."));
    }

    @Test
    void arousalContrastFollowsTheData() {
        Table t = corpus(new String[] {"speech", "speech", "speech", "speech"}, new String[] {"angry", "happy", "sad", "calm"},
                new String[] {"strong", "strong", "strong", "strong"}, new int[] {1, 1, 1, 1}, new double[] {250, 230, 150, 160});
        assertEquals("Pitch: median 240.0 for high-arousal emotions, 155.0 for low-arousal ones — higher for high arousal, as predicted.",
                CorpusFacts.arousal(t, "duration_s", "Pitch"));
        Table flipped = corpus(new String[] {"speech", "speech"}, new String[] {"angry", "sad"}, new String[] {"strong", "strong"},
                new int[] {1, 1}, new double[] {100, 200});
        assertTrue(CorpusFacts.arousal(flipped, "duration_s", "Pitch").endsWith("not higher for high arousal on this data."));
        Table onlyLow = corpus(new String[] {"speech"}, new String[] {"sad"}, new String[] {"strong"}, new int[] {1}, new double[] {1});
        assertTrue(CorpusFacts.arousal(onlyLow, "duration_s", "Pitch").contains("lacks high-arousal emotions"));
        assertThrows(IllegalArgumentException.class, () -> CorpusFacts.arousal(t, "nope", "x"));
    }

    @Test
    void exampleFallsBackToWhatTheCorpusHas() {
        Table t = corpus(new String[] {"song", "song", "speech", "song"}, new String[] {"angry", "angry", "angry", "sad"},
                new String[] {"normal", "strong", "normal", "normal"}, new int[] {1, 2, 3, 2}, new double[] {1, 1, 1, 1});
        assertEquals(1, CorpusFacts.example(t, "angry", "strong", null), "no strong spoken angry row: a strong sung one");
        assertEquals(3, CorpusFacts.example(t, "sad", "strong", 2), "no strong sad row: any intensity, same actor");
        assertEquals(3, CorpusFacts.example(t, "sad", "strong", 7), "no sad row of actor 7: any actor");
        assertEquals(2, CorpusFacts.example(t, "angry", "normal", null), "spoken first");
        var e = assertThrows(IllegalArgumentException.class, () -> CorpusFacts.example(t, "calm", "strong", null));
        assertTrue(e.getMessage().contains("no 'calm' recording") && e.getMessage().contains("[angry, sad]"), e.getMessage());
        assertEquals("f1.wav: angry, strong intensity, song, actor 2", CorpusFacts.describe(t, 1));
    }
}
