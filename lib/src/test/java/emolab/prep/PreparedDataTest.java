package emolab.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import emolab.features.engine.ExtractionResult;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PreparedDataTest {
    static final List<String> FEATURES = List.of("f0", "f1", "f2", "f3");

    /**
     * {@code rowsPerActor} recordings of each given actor: emotion, vocal channel, three random
     * features and a fourth with an offset for actors above 18 (so test statistics differ from
     * training ones), a constant column, a path per row; the first two rows of actor 1 are
     * duplicates in every feature (different paths).
     */
    static Table table(int[] actors, int rowsPerActor, boolean withPath) {
        Random rnd = new Random(7);
        StringColumn emotion = StringColumn.create("emotion"), channel = StringColumn.create("vocal_channel"),
                filename = StringColumn.create("filename"), path = StringColumn.create("path");
        IntColumn actor = IntColumn.create("actor");
        DoubleColumn[] f = new DoubleColumn[FEATURES.size()];
        for (int j = 0; j < f.length; j++) f[j] = DoubleColumn.create(FEATURES.get(j));
        DoubleColumn constant = DoubleColumn.create("const");
        String[] emotions = {"angry", "calm", "sad"};
        for (int a : actors) {
            double[] previous = null;
            for (int r = 0; r < rowsPerActor; r++) {
                String name = String.format("03-0%d-0%d-01-01-01-%02d.wav", r % 2 + 1, r % 3 + 1, a);
                emotion.append(emotions[r % 3]);
                channel.append(r % 4 == 0 ? "song" : "speech");
                actor.append(a);
                filename.append(name);
                path.append("/corpus/Actor_" + a + "/" + r + "/" + name);
                double[] v = new double[f.length];
                for (int j = 0; j < f.length; j++) v[j] = 5 + rnd.nextGaussian() + (j == 3 && a > 18 ? 4 : 0);
                if (a == 1 && r == 1) v = previous;
                for (int j = 0; j < f.length; j++) f[j].append(v[j]);
                constant.append(1.0);
                previous = v;
            }
        }
        Table t = Table.create("features", filename, channel, emotion, actor);
        t.addColumns(f);
        t.addColumns(constant);
        if (withPath) t.addColumns(path);
        return t;
    }

    static int[] range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).toArray();
    }

    static Set<Integer> set(int[] v) {
        Set<Integer> s = new TreeSet<>();
        for (int x : v) s.add(x);
        return s;
    }

    @Test
    void courseSplitShapesGroupsAndPaths() {
        Table t = table(range(1, 24), 6, true);
        PreparedData d = PreparedData.of(t);
        // split respected: actors 1-18 train, 19-24 test, no actor on both sides
        assertEquals(set(range(1, 18)), set(d.train().groups()));
        assertEquals(set(range(19, 24)), set(d.test().groups()));
        assertEquals("course split", d.plan().rule());
        // shapes: the duplicate training row is dropped, no test row is
        assertEquals(18 * 6 - 1, d.train().size());
        assertEquals(6 * 6, d.test().size());
        assertEquals(1, d.preparation().duplicateRowsDropped());
        assertEquals(18 * 6, d.split().train().rowCount(), "the split keeps the unprepared tables");
        assertEquals(d.test().size(), d.split().test().rowCount());
        assertTrue(d.table() == t);
        assertEquals(FEATURES, d.featureNames(), "the constant column is dropped, string columns are not features");
        assertEquals(FEATURES.size(), d.test().x()[0].length);
        assertArrayEquals(new String[] {"angry", "calm", "sad"}, d.classes());
        assertArrayEquals(d.classes(), d.test().classes());
        assertEquals("emotion", d.label());
        // paths carried to the rows, aligned with the prepared tables
        for (LabeledData side : List.of(d.train(), d.test())) assertEquals(side.size(), side.paths().size());
        for (int i = 0; i < d.train().size(); i++) {
            assertTrue(d.train().path(i).endsWith("/" + d.trainTable().stringColumn("filename").get(i)));
            assertEquals(d.train().groups()[i], d.trainTable().intColumn("actor").getInt(i));
        }
        assertTrue(d.test().path(0).startsWith("/corpus/Actor_19/"));
        assertTrue(d.describe().startsWith("split: train actors 1-18, test actors 19-24 (course split): 108 training and 36 test recordings"),
                d.describe());
        // rows() keeps the paths with their rows
        LabeledData two = d.test().rows(new int[] {5, 0});
        assertEquals(List.of(d.test().path(5), d.test().path(0)), two.paths());
    }

    @Test
    void preparationIsFittedOnTheTrainingRowsOnly() {
        Table t = table(range(1, 24), 6, true);
        PreparedData d = PreparedData.of(t);
        Map<String, Integer> rowOfPath = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) rowOfPath.put(t.stringColumn("path").get(i), i);
        for (int j = 0; j < FEATURES.size(); j++) {
            String f = FEATURES.get(j);
            // the scaler's mean is the mean of the cube-rooted raw values of the kept training rows
            double sum = 0, all = 0;
            for (String p : d.train().paths()) sum += Math.cbrt(t.doubleColumn(f).getDouble(rowOfPath.get(p)));
            for (int i = 0; i < t.rowCount(); i++) all += Math.cbrt(t.doubleColumn(f).getDouble(i));
            double trainMean = sum / d.train().size();
            assertEquals(trainMean, d.preparation().means().get(f), 1e-12, f);
            // so the prepared training column has mean 0 ...
            int jj = j;
            assertEquals(0.0, Arrays.stream(d.train().x()).mapToDouble(r -> r[jj]).average().orElseThrow(), 1e-12, f);
            if (f.equals("f3")) {
                // ... while the test actors (shifted by +4) are transformed with it, not refitted
                assertNotEquals(trainMean, all / t.rowCount(), 1e-3);
                assertTrue(Arrays.stream(d.test().x()).mapToDouble(r -> r[jj]).average().orElseThrow() > 1);
            }
        }
    }

    @Test
    void adaptiveSplitWhenCourseTestActorsAreMissing() {
        PreparedData d = PreparedData.of(table(range(1, 8), 3, false));
        Set<Integer> train = set(d.train().groups()), test = set(d.test().groups());
        Set<Integer> both = new TreeSet<>(train);
        both.addAll(test);
        assertEquals(set(range(1, 8)), both);
        assertTrue(train.stream().noneMatch(test::contains));
        assertEquals(d.plan().testActors(), test);
        assertTrue(d.plan().rule().contains("grouped split by actor"), d.plan().rule());
        assertNull(d.train().paths(), "no path column, no paths");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.train().path(0));
        assertTrue(e.getMessage().contains("'path'"), e.getMessage());
    }

    @Test
    void otherTargetsKeepRowsAndPreparation() {
        PreparedData d = PreparedData.of(table(range(1, 24), 4, true));
        PreparedData channel = d.withLabel("vocal_channel", "song", "speech");
        assertArrayEquals(new String[] {"song", "speech"}, channel.classes());
        assertEquals(d.train().size(), channel.train().size());
        assertTrue(d.preparation() == channel.preparation());
        assertArrayEquals(d.train().x(), channel.train().x());
        for (int i = 0; i < channel.train().size(); i++)
            assertEquals(channel.trainTable().stringColumn("vocal_channel").get(i), channel.classes()[channel.train().y()[i]]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withLabel("mood"));
        assertTrue(e.getMessage().contains("'mood'"), e.getMessage());
    }

    @Test
    void extractionResultsCarryTheirPaths() {
        Table t = table(range(1, 24), 3, false);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) paths.add(Path.of("/data", "Actor_" + t.intColumn("actor").getInt(i), t.stringColumn("filename").get(i)));
        PreparedData d = PreparedData.of(new ExtractionResult(t, List.of(), paths));
        for (int i = 0; i < d.test().size(); i++)
            assertEquals(Path.of(d.test().path(i)).getFileName().toString(), d.testTable().stringColumn("filename").get(i));
        assertThrows(IllegalArgumentException.class, () -> new ExtractionResult(t, List.of(), paths.subList(1, paths.size())));
    }

    @Test
    void missingColumnsAreNamed() {
        Table noActor = table(range(1, 24), 3, true).removeColumns("actor");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PreparedData.of(noActor));
        assertTrue(e.getMessage().contains("no column 'actor'"), e.getMessage());
        Table noLabel = table(range(1, 24), 3, true).removeColumns("emotion");
        e = assertThrows(IllegalArgumentException.class, () -> PreparedData.of(noLabel));
        assertTrue(e.getMessage().contains("no column 'emotion'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PreparedData.of(table(range(1, 2), 3, true)));
        assertTrue(e.getMessage().contains("at least 3 actors"), e.getMessage());
    }

    @Test
    void randomRowsMixesSpeakers() {
        Table t = table(range(1, 24), 8, true);
        PreparedData s = PreparedData.randomRows(t, FEATURES, "emotion", 0.25, 1);
        assertEquals(24 * 8, s.train().size() + s.test().size() + s.preparation().duplicateRowsDropped());
        Set<Integer> tr = set(s.train().groups());
        long shared = Arrays.stream(s.test().groups()).filter(tr::contains).count();
        assertEquals(s.test().size(), shared, "every test actor also speaks in training");
        assertTrue(s.plan().rule().startsWith("random rows"));
        assertThrows(IllegalArgumentException.class, () -> PreparedData.randomRows(t, List.of("f0"), "emotion", 1.0, 1));
    }
}
