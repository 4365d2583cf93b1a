package emolab.prep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tech.tablesaw.api.Table;

/**
 * Speaker-independent train/test split by actor: a row goes to train when its actor is in the
 * train set, otherwise to test, so no actor is on both sides.
 */
public final class ActorSplit {
    private ActorSplit() {}

    /** The course's train actors 1–18 (test: 19–24). */
    public static final Set<Integer> COURSE_TRAIN_ACTORS =
            IntStream.rangeClosed(1, 18).boxed().collect(Collectors.toUnmodifiableSet());

    /** A split: both tables plus the 0-based row indices (ascending) they hold from the input table. */
    public record Split(Table train, Table test, int[] trainRows, int[] testRows) {
        public Split {
            trainRows = trainRows.clone();
            testRows = testRows.clone();
        }

        @Override public int[] trainRows() { return trainRows.clone(); }

        @Override public int[] testRows() { return testRows.clone(); }
    }

    /** {@link #of} with column {@code actor} and train actors 1–18. */
    public static Split course(Table t) {
        return of(t, "actor", COURSE_TRAIN_ACTORS);
    }

    /**
     * Splits {@code t} by the integer column {@code actorColumn}.
     *
     * @throws IllegalArgumentException naming a missing column, or when either side would be empty
     */
    public static Split of(Table t, String actorColumn, Set<Integer> trainActors) {
        int[] actors = Tables.ints(t, actorColumn);
        List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
        TreeSet<Integer> present = new TreeSet<>();
        for (int i = 0; i < actors.length; i++) {
            present.add(actors[i]);
            (trainActors.contains(actors[i]) ? tr : te).add(i);
        }
        if (tr.isEmpty() || te.isEmpty())
            throw new IllegalArgumentException("actor split leaves the " + (tr.isEmpty() ? "train" : "test")
                    + " side empty: actors in '" + actorColumn + "' are " + present
                    + ", train actors " + new TreeSet<>(trainActors));
        int[] trainRows = tr.stream().mapToInt(Integer::intValue).toArray();
        int[] testRows = te.stream().mapToInt(Integer::intValue).toArray();
        return new Split(Tables.rows(t, trainRows), Tables.rows(t, testRows), trainRows, testRows);
    }
}
