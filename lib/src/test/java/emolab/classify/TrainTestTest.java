package emolab.classify;

import emolab.classify.models.Classifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import emolab.prep.LabeledData;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TrainTestTest {
    static Table table() {
        LabeledData d = Blobs.make(3, 48, 4, 2, 2.0, 24, 5);
        Table t = Table.create("features");
        String[] em = new String[d.size()];
        for (int i = 0; i < em.length; i++) em[i] = d.classes()[d.y()[i]];
        t.addColumns(StringColumn.create("emotion", em), IntColumn.create("actor", d.groups()));
        for (int j = 0; j < 4; j++) {
            double[] c = new double[d.size()];
            for (int i = 0; i < c.length; i++) c[i] = d.x()[i][j] * (j + 1) + 10;
            t.addColumns(DoubleColumn.create("f" + j, c));
        }
        return t;
    }

    @Test
    void byActorPreparesOnTrainingActorsOnly() {
        Table t = table();
        List<String> features = TrainTest.featureColumns(t, List.of("emotion", "actor"));
        assertEquals(List.of("f0", "f1", "f2", "f3"), features);
        TrainTest s = TrainTest.byActor(t, features, "emotion");
        Set<Integer> tr = new TreeSet<>(), te = new TreeSet<>();
        for (int g : s.train().groups()) tr.add(g);
        for (int g : s.test().groups()) te.add(g);
        assertEquals(18, tr.size());
        assertTrue(tr.stream().allMatch(a -> a <= 18) && te.stream().allMatch(a -> a > 18));
        // standardised with the training statistics: train columns have mean 0, test columns not exactly
        for (int j = 0; j < s.train().numFeatures(); j++) {
            int jj = j;
            double m = Arrays.stream(s.train().x()).mapToDouble(r -> r[jj]).average().orElseThrow();
            assertEquals(0.0, m, 1e-9);
        }
        assertEquals(s.preparation().kept(), s.train().featureNames());
        assertTrue(Classifiers.logisticRegression().fit(s.train()).predict(s.test().x()).length == s.test().size());
    }

    @Test
    void randomRowsMixesSpeakers() {
        TrainTest s = TrainTest.randomRows(table(), List.of("f0", "f1", "f2", "f3"), "emotion", 0.25, 1);
        assertEquals(144 - 36, s.train().size());
        Set<Integer> tr = new TreeSet<>();
        for (int g : s.train().groups()) tr.add(g);
        long shared = Arrays.stream(s.test().groups()).filter(tr::contains).count();
        assertEquals(s.test().size(), shared, "every test actor also speaks in training");
        assertThrows(IllegalArgumentException.class, () -> TrainTest.randomRows(table(), List.of("f0"), "emotion", 1.0, 1));
    }
}
