package emolab.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import emolab.SharedData;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Actor-wise train/test splits and group k-fold. */
class SplitTest {

    /** Actors 1..24; actor a has 2 + (a % 5) rows, interleaved. */
    private static Table actors() {
        List<Integer> actor = new ArrayList<>();
        for (int rep = 0; rep < 7; rep++)
            for (int a = 1; a <= 24; a++)
                if (rep < 2 + a % 5) actor.add(a);
        int[] arr = actor.stream().mapToInt(Integer::intValue).toArray();
        double[] x = IntStream.range(0, arr.length).mapToDouble(i -> i * 0.5).toArray();
        return Table.create("t").addColumns(IntColumn.create("actor", arr), DoubleColumn.create("x", x));
    }

    @Test
    void courseSplitIsSpeakerIndependent() {
        Table t = actors();
        ActorSplit.Split s = ActorSplit.course(t);
        Set<Integer> tr = new HashSet<>(s.train().intColumn("actor").asList());
        Set<Integer> te = new HashSet<>(s.test().intColumn("actor").asList());
        assertEquals(IntStream.rangeClosed(1, 18).boxed().collect(Collectors.toSet()), tr);
        assertEquals(IntStream.rangeClosed(19, 24).boxed().collect(Collectors.toSet()), te);
        assertEquals(t.rowCount(), s.trainRows().length + s.testRows().length);
        boolean[] seen = new boolean[t.rowCount()];
        for (int i : s.trainRows()) seen[i] = true;
        for (int i : s.testRows()) {
            assertTrue(!seen[i]);
            seen[i] = true;
        }
        // the tables hold exactly the indexed rows, in order
        for (int k = 0; k < s.testRows().length; k++)
            assertEquals(t.doubleColumn("x").getDouble(s.testRows()[k]), s.test().doubleColumn("x").getDouble(k));
        for (int k = 0; k < s.trainRows().length; k++)
            assertEquals(t.doubleColumn("x").getDouble(s.trainRows()[k]), s.train().doubleColumn("x").getDouble(k));
    }

    @Test
    void courseSplitOnTheCourseInfoTable() {
        Table info = Csv.read(SharedData.require("ravdess/features/prepared_info_TEST.csv"));
        // TEST holds actors 19-24 only: the adaptive split holds out two of them (one male, one female)
        ActorSplit.Split adaptive = ActorSplit.course(info);
        assertEquals(Set.of(23, 24), adaptive.plan().testActors());
        assertEquals(Set.of(19, 20, 21, 22), adaptive.plan().trainActors());
        assertTrue(adaptive.describe().contains("grouped split by actor"), adaptive.describe());
        ActorSplit.Split s = ActorSplit.of(info, "actor", Set.of(19, 20, 21, 22));
        assertEquals(416, s.train().rowCount()); // 104 files per actor
        assertEquals(208, s.test().rowCount());
    }

    @Test
    void fullCorpusUsesTheCourseSplit() {
        ActorSplit.Plan p = ActorSplit.plan(IntStream.rangeClosed(1, 24).boxed().toList());
        assertEquals(ActorSplit.COURSE_TRAIN_ACTORS, p.trainActors());
        assertEquals(ActorSplit.COURSE_TEST_ACTORS, p.testActors());
        assertEquals("train actors 1-18, test actors 19-24 (course split)", p.describe());
    }

    @Test
    void adaptsToTheActorsPresent() {
        // the 16 kHz subset: actors 1-8, 19, 20 -> course rule on what is there
        ActorSplit.Plan p = ActorSplit.plan(List.of(1, 2, 3, 4, 5, 6, 7, 8, 19, 20));
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), p.trainActors());
        assertEquals(Set.of(19, 20), p.testActors());
        assertTrue(p.describe().startsWith("train actors 1-8, test actors 19-20 (course rule"), p.describe());
        // only one test actor present: grouped split, a quarter of the actors, alternating sex from the top
        p = ActorSplit.plan(IntStream.rangeClosed(1, 19).boxed().toList());
        assertEquals(Set.of(15, 16, 17, 18, 19), p.testActors());
        assertEquals(14, p.trainActors().size());
        assertTrue(p.rule().contains("grouped split by actor"), p.rule());
        // no test actor at all, three actors: one held out, two left for grouped CV
        p = ActorSplit.plan(List.of(3, 5, 7));
        assertEquals(Set.of(7), p.testActors());
        assertEquals(Set.of(3, 5), p.trainActors());
        // the actors on each side never overlap and cover all present
        for (int n = 3; n <= 24; n++) {
            List<Integer> present = IntStream.rangeClosed(1, n).boxed().toList();
            ActorSplit.Plan q = ActorSplit.plan(present);
            Set<Integer> union = new HashSet<>(q.trainActors());
            union.addAll(q.testActors());
            assertEquals(new HashSet<>(present), union);
            assertEquals(n, q.trainActors().size() + q.testActors().size());
            assertTrue(q.trainActors().size() >= 2 && !q.testActors().isEmpty(), q.describe());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActorSplit.plan(List.of(19, 20)));
        assertTrue(e.getMessage().contains("at least 3 actors") && e.getMessage().contains("19-20"), e.getMessage());
    }

    @Test
    void splitErrors() {
        Table t = actors();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActorSplit.of(t, "speaker", Set.of(1)));
        assertTrue(e.getMessage().contains("'speaker'"), e.getMessage());
        Set<Integer> all = IntStream.rangeClosed(1, 24).boxed().collect(Collectors.toSet());
        e = assertThrows(IllegalArgumentException.class, () -> ActorSplit.of(t, "actor", all));
        assertTrue(e.getMessage().contains("test side empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ActorSplit.of(t, "actor", Set.of(99)));
        assertTrue(e.getMessage().contains("train side empty"), e.getMessage());
    }

    /**
     * Hand-computed sklearn 1.2 GroupKFold(3): groups 10,20,30,40,50 with sizes 4,3,3,1,2.
     * np.argsort([4,3,3,1,2]) = [3,4,1,2,0] (stable for 5 items), reversed: 10,30,20,50,40.
     * Lightest fold (first on ties): 10→f0 (4,0,0), 30→f1 (4,3,0), 20→f2 (4,3,3),
     * 50→f1 (4,5,3), 40→f2 (4,5,4). So f0={10}, f1={30,50}, f2={20,40}.
     */
    @Test
    void groupKFoldMatchesSklearnOnHandExample() {
        int[] g = {20, 10, 30, 10, 50, 20, 40, 30, 10, 20, 30, 50, 10};
        List<GroupKFold.Fold> folds = GroupKFold.split(g, 3);
        assertEquals(3, folds.size());
        assertArrayEquals(new int[] {1, 3, 8, 12}, folds.get(0).testRows());
        assertArrayEquals(new int[] {2, 4, 7, 10, 11}, folds.get(1).testRows());
        assertArrayEquals(new int[] {0, 5, 6, 9}, folds.get(2).testRows());
        assertEquals(Set.of(30, 50), folds.get(1).testGroups());
        assertArrayEquals(new int[] {0, 1, 3, 5, 6, 8, 9, 12}, folds.get(1).trainRows());
    }

    @Test
    void groupKFoldInvariantsAndDeterminism() {
        Table t = actors();
        int[] a = Tables.ints(t, "actor");
        for (int k : new int[] {2, 5, 6, 24}) {
            List<GroupKFold.Fold> folds = GroupKFold.split(t, "actor", k);
            checkFolds(a, folds, k);
            List<GroupKFold.Fold> again = GroupKFold.split(a, k);
            for (int f = 0; f < k; f++) assertArrayEquals(folds.get(f).testRows(), again.get(f).testRows());
        }
    }

    @Test
    void leaveActorsOutUsesContiguousBlocks() {
        List<List<Integer>> blocks = GroupKFold.actorBlocks(IntStream.rangeClosed(1, 18).boxed().toList(), 6);
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9), List.of(10, 11, 12),
                List.of(13, 14, 15), List.of(16, 17, 18)), blocks);
        // numpy.array_split sizes for 20 actors in 6 folds: 4,4,3,3,3,3
        List<List<Integer>> b20 = GroupKFold.actorBlocks(IntStream.rangeClosed(1, 20).boxed().toList(), 6);
        assertEquals(List.of(4, 4, 3, 3, 3, 3), b20.stream().map(List::size).toList());
        assertEquals(List.of(9, 10, 11), b20.get(2));

        Table train = ActorSplit.course(actors()).train();
        int[] a = Tables.ints(train, "actor");
        List<GroupKFold.Fold> folds = GroupKFold.leaveActorsOut(train, "actor", 6);
        checkFolds(a, folds, 6);
        for (int f = 0; f < 6; f++) assertEquals(Set.copyOf(blocks.get(f)), folds.get(f).testGroups());
    }

    @Test
    void foldErrors() {
        int[] g = {1, 1, 2, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroupKFold.split(g, 4));
        assertTrue(e.getMessage().contains("3 distinct groups"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupKFold.split(g, 1));
        assertThrows(IllegalArgumentException.class, () -> GroupKFold.leaveActorsOut(g, 4));
        e = assertThrows(IllegalArgumentException.class, () -> GroupKFold.split(actors(), "speaker", 3));
        assertTrue(e.getMessage().contains("'speaker'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GroupKFold.leaveActorsOut(actors(), "who", 3));
        assertTrue(e.getMessage().contains("'who'"), e.getMessage());
    }

    /** No group on both sides of a fold; each row is a test row of exactly one fold. */
    private static void checkFolds(int[] groups, List<GroupKFold.Fold> folds, int k) {
        assertEquals(k, folds.size());
        int[] count = new int[groups.length];
        for (GroupKFold.Fold f : folds) {
            Set<Integer> testG = new HashSet<>(), trainG = new HashSet<>();
            for (int i : f.testRows()) {
                count[i]++;
                testG.add(groups[i]);
            }
            for (int i : f.trainRows()) trainG.add(groups[i]);
            assertEquals(groups.length, f.testRows().length + f.trainRows().length);
            assertTrue(f.testRows().length > 0 && f.trainRows().length > 0);
            testG.retainAll(trainG);
            assertTrue(testG.isEmpty(), "groups on both sides: " + testG);
            assertEquals(f.testGroups(), Set.copyOf(IntStream.of(f.testRows()).map(i -> groups[i]).boxed().toList()));
        }
        for (int c : count) assertEquals(1, c);
        assertArrayEquals(IntStream.range(0, groups.length).map(i -> 1).toArray(), count);
        int[] foldOf = GroupKFold.testFoldOfRow(folds, groups.length);
        for (int f : foldOf) assertTrue(f >= 0 && f < k);
    }
}
