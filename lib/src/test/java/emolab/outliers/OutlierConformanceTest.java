package emolab.outliers;

import emolab.numeric.Neighbours;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scores against {@code ../shared/conformance/outliers} (scikit-learn 1.2.1 / numpy reference
 * outputs, definitions in that folder's README). Tolerance: relative 1e-9, the README's
 * suggested tolerance for floating results.
 */
class OutlierConformanceTest {

    static final double REL = 1e-9;
    static double[][] x;

    @BeforeAll
    static void load() {
        x = Fixtures.input();
    }

    @Test
    void lofEqualsScikitLearn() {
        Lof.Fit f = new Lof(20).fitDetailed(x);
        Fixtures.assertRelative(Fixtures.column("out_scores.csv", "lof"), f.model().trainingScores(), REL, "LOF k=20");
        Fixtures.assertRelative(Fixtures.column("out_scores.csv", "lof_lrd"), f.lrd(), REL, "LOF lrd");
    }

    @Test
    void knnDistancesEqualScikitLearn() {
        Fixtures.assertRelative(Fixtures.column("out_scores.csv", "knn5_kth_dist"),
                new KnnDistance(5, KnnDistance.Aggregation.LARGEST).fit(x).trainingScores(), REL, "kNN k=5 largest");
        Fixtures.assertRelative(Fixtures.column("out_scores.csv", "knn5_mean_dist"),
                new KnnDistance(5, KnnDistance.Aggregation.MEAN).fit(x).trainingScores(), REL, "kNN k=5 mean");
    }

    @Test
    void fastAbodEqualsNumpyDefinition() {
        double[] var = Fixtures.column("out_scores.csv", "fastabod10_var");
        double[] pairs = Fixtures.column("out_scores.csv", "fastabod10_npairs");
        double[] score = new FastAbod(10).fit(x).trainingScores();
        double[] neg = Arrays.stream(score).map(v -> -v).toArray();
        Fixtures.assertRelative(var, neg, REL, "FastABOD k=10 variance");
        Neighbours.Result g = Neighbours.of(x).selfNeighbours(10);
        AngleVariance.Result[] f = FastAbod.factors(x, x, g.indices());
        for (int i = 0; i < x.length; i++) assertEquals((int) pairs[i], f[i].pairs(), "pairs of row " + i);
        assertEquals(36, f[638].pairs());
    }

    @Test
    void exactAbodEqualsNumpyDefinitionOnFirst300Rows() {
        double[][] p = Arrays.copyOf(x, 300);
        Fixtures.assertRelative(Fixtures.column("abod_exact_first300.csv", "abof_var"),
                new Abod(false).factors(p), REL, "ABOD unweighted variance");
        Fixtures.assertRelative(Fixtures.column("abod_exact_first300.csv", "abof_weighted_var"),
                new Abod(true).factors(p), REL, "ABOD weighted variance");
    }

    @Test
    void mahalanobisEqualsNumpy() {
        Fixtures.assertRelative(Fixtures.column("out_scores.csv", "maha_ddof1"),
                new Mahalanobis(1).fit(x).trainingScores(), REL, "Mahalanobis ddof=1");
        Fixtures.assertRelative(Fixtures.column("out_scores.csv", "maha_ddof0"),
                new Mahalanobis(0).fit(x).trainingScores(), REL, "Mahalanobis ddof=0");
    }

    @Test
    void mahalanobisParametersEqualNumpy() {
        Covariance c = Covariance.fit("test", x, null, 1);
        double[] mu = Fixtures.column("sample_mean.csv", "f0");
        // the means are ~1e-16 (rounding noise of standardised columns): absolute tolerance
        for (int j = 0; j < 10; j++)
            assertEquals(Fixtures.column("sample_mean.csv", "f" + j)[0], c.mean[j], 1e-15, "mean f" + j);
        assertEquals(1, mu.length);
        for (int j = 0; j < 10; j++)
            Fixtures.assertRelative(Fixtures.column("sample_cov_ddof1.csv", "f" + j),
                    column(c.cov, j), REL, "covariance column f" + j);
    }

    @Test
    void ecodBothVariantsEqualTheStatedFormula() {
        Fixtures.assertRelative(Fixtures.column("out_scores.csv", "ecod_pyod"),
                new Ecod(Ecod.Variant.PYOD).fit(x).trainingScores(), REL, "ECOD pyod aggregation");
        Fixtures.assertRelative(Fixtures.column("out_scores.csv", "ecod_paper"),
                new Ecod(Ecod.Variant.PAPER).fit(x).trainingScores(), REL, "ECOD paper aggregation");
        Fixtures.assertRelative(Fixtures.column("ecod_skewness.csv", "skewness"),
                new EmpiricalTails(x).skewness, REL, "ECOD column skewness");
    }

    private static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) c[i] = m[i][j];
        return c;
    }
}
