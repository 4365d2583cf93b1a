package emolab.imbalance;

import emolab.numeric.NumpyRandomState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

/**
 * Over-samplers against imbalanced-learn 0.10.0 on {@code ../shared/conformance/imbalanced}: the
 * deterministic quantities (synthetic counts per class, BorderlineSMOTE's danger/noise status,
 * ADASYN's per-row counts; exact, no tolerance except ADASYN's ratio, relative 1e-12), plus
 * property tests on the synthetic rows, with neighbours recomputed by an independent brute force:
 * each lies on the segment from a base row of its class to one of that row's k nearest
 * same-class rows.
 */
class OverSamplingConformanceTest {
    static ImbalancedFixture f;
    static double[][] minority;
    static int[] minorityRows;

    @BeforeAll
    static void load() {
        f = new ImbalancedFixture();
        minorityRows = Classes.where(f.y, 1);
        minority = Classes.rows(f.X, minorityRows);
    }

    private static void assertCounts(String method, Resampled r) {
        Table t = f.table("oversampling_counts.csv");
        int checked = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (!t.stringColumn("method").get(i).equals(method)) continue;
            int label = t.intColumn("label").get(i);
            assertEquals(t.intColumn("n_synthetic").get(i), r.syntheticCounts().getOrDefault(label, 0), method + " label " + label);
            assertEquals(t.intColumn("n_after").get(i), r.classCounts().get(label), method + " label " + label);
            checked++;
        }
        assertEquals(2, checked);
        // the input rows come first, unchanged
        for (int i = 0; i < f.y.length; i++) {
            assertEquals(i, r.sampleIndices()[i]);
            assertArrayEquals(f.X[i], r.X()[i]);
        }
    }

    /** Every synthetic row: on a segment base → one of base's k nearest minority rows, t in [lo, hi]; returns base positions. */
    private static int[] assertOnSegments(Resampled r, int k, double lo, double hi, int[] allowedBases) {
        List<Integer> bases = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            if (!r.isSynthetic(i)) continue;
            assertEquals(1, r.y()[i]);
            double[] s = r.X()[i];
            int found = -1;
            for (int a : allowedBases) {
                for (int b : SegmentCheck.bruteNeighbours(minority, a, k)) {
                    double t = SegmentCheck.onLine(s, minority[a], minority[b]);
                    if (!Double.isNaN(t) && t >= lo - 1e-12 && t <= hi + 1e-12) { found = a; break; }
                }
                if (found >= 0) break;
            }
            assertTrue(found >= 0, "synthetic row " + i + " is not on a segment from an allowed base to one of its " + k + " minority neighbours");
            bases.add(found);
        }
        return bases.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] allMinority() {
        int[] a = new int[minority.length];
        Arrays.setAll(a, i -> i);
        return a;
    }

    @Test
    void smoteCountsAndSegments() {
        Resampled r = new SMOTE().kNeighbors(5).seed(0).fitResample(f.X, f.y);
        assertCounts("smote", r);
        assertOnSegments(r, 5, 0, 1, allMinority());
    }

    @Test
    void borderline1CountsDangerSetAndSegments() {
        BorderlineSMOTE b = new BorderlineSMOTE().seed(0);
        Resampled r = b.fitResample(f.X, f.y);
        assertCounts("borderline1", r);
        BorderlineSMOTE.MinorityStatus st = b.minorityStatus(f.X, f.y, 1);
        assertArrayEquals(f.indices("borderline1_danger.csv"), st.dangerRows());
        Table t = f.table("borderline1_minority_status.csv");
        assertArrayEquals(t.intColumn("index").asIntArray(), st.rows());
        assertArrayEquals(t.intColumn("n_majority_in_10nn").asIntArray(), st.nOtherInM());
        for (int i = 0; i < st.rows().length; i++) {
            assertEquals(t.intColumn("danger").get(i) == 1, st.danger()[i], "danger of " + st.rows()[i]);
            assertEquals(t.intColumn("noise").get(i) == 1, st.noise()[i], "noise of " + st.rows()[i]);
        }
        int[] dangerPos = Arrays.stream(st.dangerRows()).map(row -> Arrays.binarySearch(minorityRows, row)).toArray();
        int[] bases = assertOnSegments(r, 5, 0, 1, dangerPos);
        assertEquals(330, bases.length);
    }

    @Test
    void adasynCountsAndPerRowPlan() {
        ADASYN a = new ADASYN().nNeighbors(5).seed(0);
        Resampled r = a.fitResample(f.X, f.y);
        assertCounts("adasyn", r);
        List<ADASYN.Plan> plans = a.plan(f.X, f.y);
        assertEquals(1, plans.size());
        ADASYN.Plan p = plans.get(0);
        Table t = f.table("adasyn_per_sample.csv");
        assertArrayEquals(t.intColumn("index").asIntArray(), p.rows());
        assertArrayEquals(t.intColumn("n_majority_in_5nn").asIntArray(), p.nOtherInK());
        assertArrayEquals(t.intColumn("n_synthetic").asIntArray(), p.nSynthetic());
        for (int i = 0; i < p.rows().length; i++) {
            double want = t.doubleColumn("ratio_normalised").get(i);
            assertEquals(want, p.ratio()[i], 1e-12 * Math.abs(want), "ratio of row " + p.rows()[i]);
        }
        assertEquals(330, p.total());
        // synthetic rows come grouped by base row, in row order, each on a segment to one of its 5 neighbours
        int o = f.y.length;
        for (int i = 0; i < p.rows().length; i++) {
            int[] nb = SegmentCheck.bruteNeighbours(minority, i, 5);
            for (int g = 0; g < p.nSynthetic()[i]; g++, o++) {
                boolean ok = false;
                for (int b : nb) {
                    double tt = SegmentCheck.onLine(r.X()[o], minority[i], minority[b]);
                    ok |= !Double.isNaN(tt) && tt >= -1e-12 && tt <= 1 + 1e-12;
                }
                assertTrue(ok, "ADASYN row " + o + " (base " + p.rows()[i] + ")");
            }
        }
        assertEquals(r.size(), o);
    }

    @Test
    void borderline2CountsAndMinorityPart() {
        Resampled r = new BorderlineSMOTE().kind(BorderlineSMOTE.Kind.BORDERLINE_2).seed(0).fitResample(f.X, f.y);
        int syn = r.syntheticCount();
        double fr = new NumpyRandomState(0).beta(10, 10);
        assertEquals((int) (fr * 331) + (int) ((1 - fr) * 330), syn);
        assertTrue(Math.abs(syn - 330) <= 1);
    }

    @Test
    void svmSmoteSizesAndLines() {
        Resampled r = new SVMSMOTE().seed(0).fitResample(f.X, f.y);
        assertEquals(Map.of(0, 360, 1, 360), r.classCounts());
        for (int i = 0; i < r.size(); i++) {
            if (!r.isSynthetic(i)) continue;
            boolean ok = false;
            for (int a = 0; a < minority.length && !ok; a++)
                for (int b : SegmentCheck.bruteNeighbours(minority, a, 5)) {
                    double t = SegmentCheck.onLine(r.X()[i], minority[a], minority[b]);
                    if (!Double.isNaN(t) && t >= -0.5 - 1e-12 && t <= 1 + 1e-12) { ok = true; break; }
                }
            assertTrue(ok, "SVM-SMOTE row " + i);
        }
    }

    @Test
    void kMeansSmoteSizesAndSegments() {
        Resampled r = new KMeansSMOTE().nClusters(4).balanceThreshold(0.05).seed(0).fitResample(f.X, f.y);
        assertEquals(Map.of(0, 360, 1, 360), r.classCounts());
        for (int i = 0; i < r.size(); i++) {
            if (!r.isSynthetic(i)) continue;
            boolean ok = false;
            for (int a = 0; a < minority.length && !ok; a++)
                for (int b = 0; b < minority.length && !ok; b++) {
                    if (a == b) continue;
                    double t = SegmentCheck.onLine(r.X()[i], minority[a], minority[b]);
                    ok = !Double.isNaN(t) && t >= -1e-12 && t <= 1 + 1e-12;
                }
            assertTrue(ok, "KMeansSMOTE row " + i);
        }
    }

    @Test
    void sameSeedSameOutputOtherSeedOtherOutput() {
        for (var make : List.<java.util.function.LongFunction<Sampler>>of(
                s -> new SMOTE().seed(s), s -> new ADASYN().seed(s), s -> new BorderlineSMOTE().seed(s),
                s -> new RandomOverSampler().seed(s), s -> new RandomUnderSampler().seed(s),
                s -> new RandomOverSampler().shrinkage(1.0).seed(s), s -> new SVMSMOTE().seed(s),
                s -> new ClusterCentroids().seed(s))) {
            Resampled a = make.apply(7).fitResample(f.X, f.y), b = make.apply(7).fitResample(f.X, f.y);
            Resampled c = make.apply(8).fitResample(f.X, f.y);
            assertArrayEquals(a.y(), b.y());
            assertArrayEquals(a.sampleIndices(), b.sampleIndices());
            for (int i = 0; i < a.size(); i++) assertArrayEquals(a.X()[i], b.X()[i]);
            boolean differs = false;
            for (int i = 0; i < Math.min(a.size(), c.size()) && !differs; i++)
                differs = !Arrays.equals(a.X()[i], c.X()[i]) || a.sampleIndices()[i] != c.sampleIndices()[i];
            assertTrue(differs || a.size() != c.size(), make.apply(7) + ": seeds 7 and 8 gave identical output");
        }
    }

    @Test
    void randomSamplersHonourTheStrategy() {
        Resampled ros = new RandomOverSampler().seed(1).fitResample(f.X, f.y);
        assertEquals(Map.of(0, 360, 1, 360), ros.classCounts());
        assertEquals(0, ros.syntheticCount());
        for (int i = 0; i < ros.size(); i++) assertArrayEquals(f.X[ros.sampleIndices()[i]], ros.X()[i]);
        Resampled half = new RandomOverSampler().strategy(SamplingStrategy.ratio(0.5)).seed(1).fitResample(f.X, f.y);
        assertEquals(Map.of(0, 360, 1, 180), half.classCounts());
        Resampled rus = new RandomUnderSampler().seed(1).fitResample(f.X, f.y);
        assertEquals(Map.of(0, 30, 1, 30), rus.classCounts());
        assertEquals(30, Arrays.stream(rus.sampleIndices()).filter(i -> f.y[i] == 0).distinct().count());
        Resampled rus2 = new RandomUnderSampler().strategy(SamplingStrategy.counts(Map.of(0, 100))).seed(1).fitResample(f.X, f.y);
        assertEquals(Map.of(0, 100, 1, 30), rus2.classCounts());
        Resampled cc = new ClusterCentroids().seed(1).fitResample(f.X, f.y);
        assertEquals(Map.of(0, 30, 1, 30), cc.classCounts());
        assertEquals(30, cc.syntheticCount());
        Resampled cch = new ClusterCentroids().voting(ClusterCentroids.Voting.HARD).seed(1).fitResample(f.X, f.y);
        assertEquals(0, cch.syntheticCount());
        assertEquals(60, cch.size());
        Resampled iht = new InstanceHardnessThreshold().learner(ExactKnn.of(5)).fitResample(f.X, f.y);
        assertTrue(iht.classCounts().get(0) >= 30 && iht.classCounts().get(0) < 360, iht.toString());
        assertEquals(30, iht.classCounts().get(1));
        Resampled se = new SMOTEENN(0).fitResample(f.X, f.y);
        Resampled st = new SMOTETomek(0).fitResample(f.X, f.y);
        for (Resampled r : List.of(se, st)) {
            assertTrue(r.size() <= 720 && r.size() > 390, r.toString());
            for (int i = 0; i < r.size(); i++)
                if (!r.isSynthetic(i)) assertArrayEquals(f.X[r.sampleIndices()[i]], r.X()[i]);
        }
        assertNotEquals(720, se.size()); // ENN cleans both classes after SMOTE
        assertFalse(st.syntheticCount() == 0);
        // SMOTETomek = SMOTE, then Tomek links on every class of SMOTE's output (here SMOTE leaves no links)
        Resampled sm = new SMOTE().seed(0).fitResample(f.X, f.y);
        Resampled tl = new TomekLinks().strategy(SamplingStrategy.all()).fitResample(sm.X(), sm.y());
        assertEquals(tl.size(), st.size());
        for (int i = 0; i < st.size(); i++) assertEquals(sm.sampleIndices()[tl.sampleIndices()[i]], st.sampleIndices()[i]);
    }
}
