package emolab.outliers;

import emolab.study.NotApplicableException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fewer rows than k, constant columns: refusals (not applicable); NaN, contamination outside (0, 0.5]: clear errors. */
class BadInputTest {

    private static void fails(Runnable r, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks '" + f + "'");
    }

    /** A data-caused refusal: a NotApplicableException (a study's "not applicable" row), not a bug. */
    private static void refuses(Runnable r, String... fragments) {
        NotApplicableException e = assertThrows(NotApplicableException.class, r::run);
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks '" + f + "'");
    }

    private static double[][] random(int n, int d, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        return x;
    }

    @Test
    void fewerRowsThanNeighbours() {
        double[][] x = random(15, 3, 1);
        refuses(() -> new Lof(20).fit(x), "LOF (k=20)", "at least 21 training rows", "got 15");
        refuses(() -> new KnnDistance(15, KnnDistance.Aggregation.LARGEST).fit(x), "at least 16 training rows");
        refuses(() -> new FastAbod(15).fit(x), "FastABOD", "at least 16");
        fails(() -> new Lof(0), "k must be >= 1");
        fails(() -> new FastAbod(1), "k >= 2");
    }

    @Test
    void constantColumnsMakeTheCovarianceSingular() {
        double[][] x = random(100, 4, 2);
        for (double[] row : x) row[2] = 3.5;
        refuses(() -> new Mahalanobis().fit(x), "column 2 is constant", "singular");
        refuses(() -> new EllipticEnvelope(0).fit(x), "column 2 is constant");
        refuses(() -> new LikelihoodBased().fit(x), "column 2 is constant");
    }

    @Test
    void collinearColumnsAreReportedAsSingular() {
        double[][] x = random(100, 3, 3);
        for (double[] row : x) row[2] = row[0] - 2 * row[1];
        refuses(() -> new Mahalanobis().fit(x), "singular");
    }

    @Test
    void nanAndInfinityAreRejectedByEveryDetector() {
        double[][] x = random(60, 3, 4);
        x[17][1] = Double.NaN;
        double[][] y = random(60, 3, 4);
        y[5][2] = Double.POSITIVE_INFINITY;
        List<OutlierDetector> all = new java.util.ArrayList<>(Detectors.standard(0));
        all.add(new Abod(false));
        for (OutlierDetector d : all) {
            fails(() -> d.fit(x), d.name(), "row 17, column 1 is NaN");
            fails(() -> d.fit(y), "row 5, column 2 is Infinity");
        }
        OutlierModel m = new Lof(5).fit(random(30, 3, 5));
        fails(() -> m.score(new double[][] {{0, Double.NaN, 0}}), "row 0, column 1 is NaN");
    }

    @Test
    void emptyOrRaggedInput() {
        fails(() -> new Ecod().fit(new double[0][]), "no rows");
        fails(() -> new Ecod().fit(new double[][] {{}}), "no columns");
        fails(() -> new Ecod().fit(new double[][] {{1, 2}, {3}}), "row 1 has 1 columns");
        fails(() -> new Ecod().fit(null), "null");
    }

    @Test
    void contaminationOutsideZeroToHalf() {
        double[][] x = random(40, 3, 6);
        OutlierModel m = new Mahalanobis().fit(x);
        fails(() -> m.withContamination(0), "(0, 0.5]");
        fails(() -> m.withContamination(0.6), "(0, 0.5]");
        fails(() -> Detectors.fitAll(List.of(new Ecod()), x, 0.7, null), "(0, 0.5]");
        fails(() -> OutlierComparison.ofFraction(List.of(m, m), 0), "(0, 0.5]");
    }

    @Test
    void otherParameters() {
        fails(() -> new OneClassSvm(0, Double.NaN), "nu");
        fails(() -> new OneClassSvm(0.5, -1), "gamma");
        fails(() -> new LikelihoodBased(1), "lambda");
        fails(() -> new IsolationForest(0, 256, 0), "trees");
        fails(() -> new IsolationForest(10, 1, 0), "maxSamples");
        fails(() -> new EllipticEnvelope(1.5, 0), "supportFraction");
        fails(() -> new Mahalanobis(2), "ddof");
        refuses(() -> new Abod(false).fit(random(Abod.MAX_ROWS + 1, 2, 7)), "O(n³)", "FastAbod");
        fails(() -> new GaussianMixture(0, 0), "components");
    }
}
