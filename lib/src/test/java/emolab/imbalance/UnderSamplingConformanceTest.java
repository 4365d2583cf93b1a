package emolab.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

/**
 * Under-samplers against imbalanced-learn 0.10.0 on {@code ../shared/conformance/imbalanced}
 * (see its README): the exact set of kept rows ({@code numpy.sort(sample_indices_)}), no
 * tolerance. Also: every returned row equals the input row its sample index names.
 */
class UnderSamplingConformanceTest {
    static ImbalancedFixture f;

    @BeforeAll
    static void load() {
        f = new ImbalancedFixture();
    }

    private static int[] sortedKept(Resampled r) {
        for (int i = 0; i < r.size(); i++) {
            int s = r.sampleIndices()[i];
            assertEquals(f.y[s], r.y()[i], "label of row " + i);
            assertArrayEquals(f.X[s], r.X()[i], "row " + i + " is input row " + s);
        }
        int[] k = r.sampleIndices().clone();
        Arrays.sort(k);
        return k;
    }

    private static void assertKept(String file, Resampled r) {
        int[] want = f.indices(file);
        int[] got = sortedKept(r);
        assertArrayEquals(want, got, file + ": kept rows differ (" + got.length + " kept, fixture " + want.length + ")");
        Table summary = f.table("undersampling_summary.csv");
        String name = file.replace("kept_", "").replace(".csv", "");
        for (int i = 0; i < summary.rowCount(); i++) {
            if (!summary.stringColumn("sampler").get(i).equals(name)) continue;
            Map<Integer, Integer> counts = r.classCounts();
            assertEquals(summary.intColumn("n_kept_label0").get(i), counts.getOrDefault(0, 0), name + " label 0");
            assertEquals(summary.intColumn("n_kept_label1").get(i), counts.getOrDefault(1, 0), name + " label 1");
        }
    }

    @Test
    void nearMiss1() {
        assertKept("kept_nearmiss1.csv", new NearMiss().version(1).fitResample(f.X, f.y));
    }

    @Test
    void nearMiss2() {
        assertKept("kept_nearmiss2.csv", new NearMiss().version(2).fitResample(f.X, f.y));
    }

    @Test
    void nearMiss3() {
        assertKept("kept_nearmiss3.csv", new NearMiss().version(3).fitResample(f.X, f.y));
    }

    @Test
    void tomekLinks() {
        assertKept("kept_tomeklinks.csv", new TomekLinks().fitResample(f.X, f.y));
    }

    @Test
    void ennAll() {
        assertKept("kept_enn_all.csv", new EditedNearestNeighbours().fitResample(f.X, f.y));
    }

    @Test
    void ennMode() {
        assertKept("kept_enn_mode.csv", new EditedNearestNeighbours().kind(EditedNearestNeighbours.Kind.MODE).fitResample(f.X, f.y));
    }

    @Test
    void repeatedEnnAndIterations() {
        RepeatedEditedNearestNeighbours.Run run = new RepeatedEditedNearestNeighbours().run(f.X, f.y);
        assertKept("kept_renn.csv", run.result());
        Table s = f.table("undersampling_summary.csv");
        int row = s.stringColumn("sampler").indexOf("renn");
        assertEquals((int) s.numberColumn("n_iter").getDouble(row), run.iterations());
        assertEquals(9, run.iterations());
        // fitResample gives the same rows
        assertArrayEquals(run.result().sampleIndices(), new RepeatedEditedNearestNeighbours().fitResample(f.X, f.y).sampleIndices());
    }

    @Test
    void allKnn() {
        assertKept("kept_allknn.csv", new AllKNN().fitResample(f.X, f.y));
    }

    @Test
    void neighbourhoodCleaningRule() {
        assertKept("kept_ncr.csv", new NeighbourhoodCleaningRule().fitResample(f.X, f.y));
    }

    /** The seed position imblearn draws with random_state=0, injected. */
    private static Map<Integer, int[]> injectedSeed() {
        Table t = f.table("random_seed_sample.csv");
        int pos = t.intColumn("seed_position_within_class0").get(0);
        int index = t.intColumn("seed_index").get(0);
        assertEquals(index, Classes.where(f.y, 0)[pos], "position " + pos + " within label 0 is input row " + index);
        return Map.of(0, new int[] {pos});
    }

    @Test
    void oneSidedSelectionInjectedSeedAndDrawnSeed() {
        assertKept("kept_oss_rs0.csv", new OneSidedSelection().seedPositions(injectedSeed()).fitResample(f.X, f.y));
        assertKept("kept_oss_rs0.csv", new OneSidedSelection().seed(0).fitResample(f.X, f.y));
    }

    @Test
    void condensedNearestNeighbourInjectedSeedAndDrawnSeed() {
        assertKept("kept_cnn_rs0.csv", new CondensedNearestNeighbour().seedPositions(injectedSeed()).fitResample(f.X, f.y));
        assertKept("kept_cnn_rs0.csv", new CondensedNearestNeighbour().seed(0).fitResample(f.X, f.y));
    }

    /** README: "The same algorithm with consistent indices keeps 79 rows." */
    @Test
    void condensedNearestNeighbourConsistentBookkeeping() {
        Resampled r = new CondensedNearestNeighbour().seedPositions(injectedSeed())
                .bookkeeping(CondensedNearestNeighbour.Bookkeeping.CONSISTENT).fitResample(f.X, f.y);
        assertEquals(79, r.size());
        assertEquals(30, r.classCounts().get(1));
        sortedKept(r);
    }

    /**
     * README: with random_state 1..5, OSS keeps 315, 377, 383, 231, 365 rows and CNN 73, 76, 74,
     * 73, 76 rows. Our seeds draw numpy's RandomState stream, so the counts must agree.
     */
    @Test
    void otherRandomStatesKeepTheReadmeCounts() {
        int[] oss = {315, 377, 383, 231, 365}, cnn = {73, 76, 74, 73, 76};
        for (int s = 1; s <= 5; s++) {
            assertEquals(oss[s - 1], new OneSidedSelection().seed(s).fitResample(f.X, f.y).size(), "OSS random_state=" + s);
            assertEquals(cnn[s - 1], new CondensedNearestNeighbour().seed(s).fitResample(f.X, f.y).size(), "CNN random_state=" + s);
        }
    }
}
