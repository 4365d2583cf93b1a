package emolab.prep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tech.tablesaw.api.Table;

/**
 * Speaker-independent train/test split by actor: a row goes to train when its actor is in the
 * train set, otherwise to test, so no actor is on both sides.
 *
 * <p>{@link #course(Table)} adapts to the actors a folder actually holds (see {@link #plan}): the
 * course rule (test = actors 19–24) when at least two of them are present, otherwise a printed,
 * deterministic grouped split by actor. {@link Plan#describe()} says which rule was used.
 */
public final class ActorSplit {
    private ActorSplit() {}

    /** The course's train actors 1–18 (test: 19–24). */
    public static final Set<Integer> COURSE_TRAIN_ACTORS =
            IntStream.rangeClosed(1, 18).boxed().collect(Collectors.toUnmodifiableSet());

    /** The course's test actors 19–24. */
    public static final Set<Integer> COURSE_TEST_ACTORS =
            IntStream.rangeClosed(19, 24).boxed().collect(Collectors.toUnmodifiableSet());

    /** How the actors present were divided, and by which rule. */
    public record Plan(SortedSet<Integer> trainActors, SortedSet<Integer> testActors, String rule) {
        public Plan {
            trainActors = Collections.unmodifiableSortedSet(new TreeSet<>(trainActors));
            testActors = Collections.unmodifiableSortedSet(new TreeSet<>(testActors));
        }

        /** One line for a notebook or a log: the actors on each side and the rule that chose them. */
        public String describe() {
            return "train actors " + ranges(trainActors) + ", test actors " + ranges(testActors) + " (" + rule + ")";
        }
    }

    /** A split: both tables plus the 0-based row indices (ascending) they hold from the input table. */
    public record Split(Table train, Table test, int[] trainRows, int[] testRows, Plan plan) {
        public Split {
            trainRows = trainRows.clone();
            testRows = testRows.clone();
        }

        @Override public int[] trainRows() { return trainRows.clone(); }

        @Override public int[] testRows() { return testRows.clone(); }

        /** {@link Plan#describe()} with the number of recordings on each side. */
        public String describe() {
            return plan.describe() + ": " + trainRows.length + " training and " + testRows.length + " test recordings";
        }
    }

    /**
     * Divides the actors present in a corpus. The course rule: test = the present actors among
     * 19–24, train = every other present actor; used when at least two test actors and at least one
     * training actor are present. Otherwise a grouped split by actor: about a quarter of the
     * actors (at least one, leaving at least two for training) go to test, taken from the highest
     * actor numbers and alternating between odd (male) and even (female) actors where both exist.
     *
     * @throws IllegalArgumentException when fewer than three actors are present (no split leaves a
     *         test speaker and two training speakers for grouped cross-validation)
     */
    public static Plan plan(Collection<Integer> presentActors) {
        TreeSet<Integer> present = new TreeSet<>(presentActors);
        TreeSet<Integer> test = new TreeSet<>(), train = new TreeSet<>();
        for (int a : present) (COURSE_TEST_ACTORS.contains(a) ? test : train).add(a);
        if (test.size() >= 2 && !train.isEmpty())
            return new Plan(train, test, test.size() == COURSE_TEST_ACTORS.size() && train.size() == COURSE_TRAIN_ACTORS.size()
                    ? "course split" : "course rule on the actors present: test = actors 19-24 present");
        if (present.size() < 3)
            throw new IllegalArgumentException("a speaker-independent split needs recordings of at least 3 actors; found "
                    + (present.isEmpty() ? "none" : "actor(s) " + ranges(present)));
        int k = Math.max(1, Math.min(present.size() - 2, Math.round(present.size() / 4f)));
        List<Integer> odd = new ArrayList<>(present.descendingSet().stream().filter(a -> a % 2 == 1).toList());
        List<Integer> even = new ArrayList<>(present.descendingSet().stream().filter(a -> a % 2 == 0).toList());
        TreeSet<Integer> chosen = new TreeSet<>();
        boolean takeEven = odd.isEmpty() || (!even.isEmpty() && even.get(0) > odd.get(0));
        while (chosen.size() < k) {
            List<Integer> from = takeEven ? even : odd;
            if (from.isEmpty()) from = takeEven ? odd : even;
            chosen.add(from.remove(0));
            takeEven = !takeEven;
        }
        TreeSet<Integer> rest = new TreeSet<>(present);
        rest.removeAll(chosen);
        return new Plan(rest, chosen, "only " + (test.isEmpty() ? "no actor" : test.size() + " actor") + " of 19-24 present: grouped split by actor, "
                + k + " of " + present.size() + " actors held out");
    }

    /** The adaptive split of {@code t} by its {@code actor} column (see {@link #plan}). */
    public static Split course(Table t) {
        Plan plan = plan(distinct(Tables.ints(t, "actor")));
        return split(t, "actor", plan.trainActors(), plan.rule());
    }

    /**
     * Splits {@code t} by the integer column {@code actorColumn}.
     *
     * @throws IllegalArgumentException naming a missing column, or when either side would be empty
     */
    public static Split of(Table t, String actorColumn, Set<Integer> trainActors) {
        return split(t, actorColumn, trainActors, null);
    }

    private static Split split(Table t, String actorColumn, Set<Integer> trainActors, String rule) {
        int[] actors = Tables.ints(t, actorColumn);
        List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
        TreeSet<Integer> present = new TreeSet<>(), trainSide = new TreeSet<>(), testSide = new TreeSet<>();
        for (int i = 0; i < actors.length; i++) {
            present.add(actors[i]);
            boolean isTrain = trainActors.contains(actors[i]);
            (isTrain ? tr : te).add(i);
            (isTrain ? trainSide : testSide).add(actors[i]);
        }
        if (tr.isEmpty() || te.isEmpty())
            throw new IllegalArgumentException("actor split leaves the " + (tr.isEmpty() ? "train" : "test")
                    + " side empty: actors in '" + actorColumn + "' are " + present
                    + ", train actors " + new TreeSet<>(trainActors));
        int[] trainRows = tr.stream().mapToInt(Integer::intValue).toArray();
        int[] testRows = te.stream().mapToInt(Integer::intValue).toArray();
        Plan plan = new Plan(trainSide, testSide, rule != null ? rule
                : trainSide.equals(COURSE_TRAIN_ACTORS) && testSide.equals(COURSE_TEST_ACTORS) ? "course split" : "given train actors");
        return new Split(Tables.rows(t, trainRows), Tables.rows(t, testRows), trainRows, testRows, plan);
    }

    private static Set<Integer> distinct(int[] actors) {
        return IntStream.of(actors).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    /** "1-8, 19, 20" style. */
    public static String ranges(SortedSet<Integer> s) {
        StringBuilder b = new StringBuilder();
        Integer start = null, prev = null;
        for (int a : s) {
            if (prev != null && a == prev + 1) { prev = a; continue; }
            if (start != null) b.append(b.length() > 0 ? ", " : "").append(start.equals(prev) ? "" + start : start + "-" + prev);
            start = a;
            prev = a;
        }
        if (start != null) b.append(b.length() > 0 ? ", " : "").append(start.equals(prev) ? "" + start : start + "-" + prev);
        return b.toString();
    }
}
