package emolab.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tech.tablesaw.api.Table;

/**
 * Group-wise (actor-wise) k-fold cross-validation: all rows of a group land in the same test
 * fold, so no group is on both sides of any fold. Deterministic.
 */
public final class GroupKFold {
    private GroupKFold() {}

    /** One fold: 0-based row indices (ascending) of both sides and the groups held out. */
    public record Fold(int index, int[] trainRows, int[] testRows, Set<Integer> testGroups) implements java.io.Serializable {
        public Fold {
            trainRows = trainRows.clone();
            testRows = testRows.clone();
            testGroups = Set.copyOf(testGroups);
        }

        @Override public int[] trainRows() { return trainRows.clone(); }

        @Override public int[] testRows() { return testRows.clone(); }
    }

    /**
     * scikit-learn 1.2 {@code GroupKFold(n_splits=k).split(X, y, groups)}: groups are taken in
     * decreasing size and each is assigned to the currently lightest fold (first such fold on a
     * tie); fold f's test rows are the rows of the groups assigned to it.
     *
     * <p>Ties between equal-sized groups: sklearn orders groups with
     * {@code np.argsort(sizes)[::-1]}. Here ties are broken by the larger group value first,
     * which is exactly sklearn's order when numpy's argsort is stable on the sizes — always for
     * at most 16 distinct groups (numpy sorts those by insertion sort). For more groups with tied
     * sizes numpy's introsort may order ties differently, so fold numbering can differ from
     * sklearn's there (the grouping guarantees are the same).
     *
     * @throws IllegalArgumentException when k &lt; 2 or k exceeds the number of distinct groups
     */
    public static List<Fold> split(int[] groups, int k) {
        if (k < 2) throw new IllegalArgumentException("GroupKFold needs at least 2 folds, got " + k);
        TreeMap<Integer, Integer> sizes = new TreeMap<>();
        for (int g : groups) sizes.merge(g, 1, Integer::sum);
        if (k > sizes.size())
            throw new IllegalArgumentException("cannot have " + k + " folds with only " + sizes.size()
                    + " distinct groups " + sizes.keySet());
        List<Integer> order = new ArrayList<>(sizes.keySet()); // ascending group value
        // size descending; ties: larger group value first (= reversed stable ascending argsort)
        order.sort((a, b) -> {
            int c = Integer.compare(sizes.get(b), sizes.get(a));
            return c != 0 ? c : Integer.compare(b, a);
        });
        long[] load = new long[k];
        Map<Integer, Integer> foldOf = new TreeMap<>();
        for (int g : order) {
            int lightest = 0;
            for (int f = 1; f < k; f++) if (load[f] < load[lightest]) lightest = f;
            load[lightest] += sizes.get(g);
            foldOf.put(g, lightest);
        }
        return folds(groups, foldOf, k);
    }

    /** {@link #split(int[], int)} on the integer column {@code groupColumn} of {@code t}. */
    public static List<Fold> split(Table t, String groupColumn, int k) {
        return split(Tables.ints(t, groupColumn), k);
    }

    /**
     * Contiguous blocks of the sorted distinct {@code actors}, sized like {@code numpy.array_split}
     * (the first {@code size % nFolds} blocks get one more): actors 1–18 with 6 folds give
     * {1,2,3}, {4,5,6}, …, {16,17,18}.
     */
    public static List<List<Integer>> actorBlocks(Collection<Integer> actors, int nFolds) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(actors));
        if (nFolds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + nFolds);
        if (nFolds > sorted.size())
            throw new IllegalArgumentException("cannot have " + nFolds + " folds with only " + sorted.size()
                    + " distinct actors " + sorted);
        List<List<Integer>> blocks = new ArrayList<>();
        int base = sorted.size() / nFolds, extra = sorted.size() % nFolds, at = 0;
        for (int f = 0; f < nFolds; f++) {
            int len = base + (f < extra ? 1 : 0);
            blocks.add(List.copyOf(sorted.subList(at, at + len)));
            at += len;
        }
        return blocks;
    }

    /**
     * Leave-actors-out folds: fold f holds out the f-th contiguous block of
     * {@link #actorBlocks}(distinct actors of {@code actors}, nFolds).
     */
    public static List<Fold> leaveActorsOut(int[] actors, int nFolds) {
        List<Integer> distinct = new ArrayList<>();
        for (int a : actors) distinct.add(a);
        List<List<Integer>> blocks = actorBlocks(distinct, nFolds);
        Map<Integer, Integer> foldOf = new TreeMap<>();
        for (int f = 0; f < blocks.size(); f++) for (int a : blocks.get(f)) foldOf.put(a, f);
        return folds(actors, foldOf, nFolds);
    }

    /** {@link #leaveActorsOut(int[], int)} on the integer column {@code actorColumn} of {@code t}. */
    public static List<Fold> leaveActorsOut(Table t, String actorColumn, int nFolds) {
        return leaveActorsOut(Tables.ints(t, actorColumn), nFolds);
    }

    /** Fold index of every row (the fold in which it is a test row). */
    public static int[] testFoldOfRow(List<Fold> folds, int nRows) {
        int[] f = new int[nRows];
        Arrays.fill(f, -1);
        for (Fold fold : folds) for (int i : fold.testRows()) f[i] = fold.index();
        return f;
    }

    private static List<Fold> folds(int[] groups, Map<Integer, Integer> foldOf, int k) {
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int nTest = 0;
            Set<Integer> held = new TreeSet<>();
            for (int g : groups) if (foldOf.get(g) == f) nTest++;
            int[] test = new int[nTest], train = new int[groups.length - nTest];
            for (int i = 0, a = 0, b = 0; i < groups.length; i++) {
                if (foldOf.get(groups[i]) == f) {
                    test[a++] = i;
                    held.add(groups[i]);
                } else {
                    train[b++] = i;
                }
            }
            if (test.length == 0 || train.length == 0)
                throw new IllegalArgumentException("fold " + f + " has an empty " + (test.length == 0 ? "test" : "train") + " side");
            out.add(new Fold(f, train, test, held));
        }
        return out;
    }
}
