package emolab.outliers;

import emolab.numeric.Neighbours;

import emolab.numeric.Ranks;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Definitions checked against brute-force recomputation, and behaviour on planted outliers. */
class DetectorBehaviourTest {

    private static double[][] gaussian(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextGaussian() * (1 + j);
        return x;
    }

    private static double popVar(double[][] x, int j, int skip, double[] extra) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) if (i != skip) { s += x[i][j]; n++; }
        if (extra != null) { s += extra[j]; n++; }
        double m = s / n, v = 0;
        for (int i = 0; i < x.length; i++) if (i != skip) v += (x[i][j] - m) * (x[i][j] - m);
        if (extra != null) v += (extra[j] - m) * (extra[j] - m);
        return v / n;
    }

    @Test
    void deviationBasedIsTheVarianceReductionOfRemovingTheRow() {
        double[][] x = gaussian(40, 3, 1);
        OutlierModel m = new DeviationBased().fit(x);
        double[] s = m.trainingScores();
        for (int i = 0; i < x.length; i++) {
            double ref = 0;
            for (int j = 0; j < 3; j++) ref += popVar(x, j, -1, null) - popVar(x, j, i, null);
            assertEquals(ref, s[i], 1e-12, "row " + i);
        }
        double[] q = {5, -1, 0.5};
        double ref = 0;
        for (int j = 0; j < 3; j++) ref += popVar(x, j, -1, q) - popVar(x, j, -1, null);
        assertEquals(ref, m.score(new double[][] {q})[0], 1e-12);
        // it ranks rows exactly like the squared distance from the mean
        double[] mu = Covariance.mean(x, null);
        double[] dist = new double[x.length];
        for (int i = 0; i < x.length; i++) dist[i] = Neighbours.squaredDistance(x[i], mu);
        assertArrayEquals(Ranks.descending(dist), m.ranking());
    }

    /** Log-likelihood of an assignment, computed literally (independent normal for M, uniform box for A). */
    private static double logLikelihood(double[][] rows, boolean[] inA, double lambda) {
        int d = rows[0].length, nm = 0, na = 0;
        for (boolean b : inA) if (b) na++; else nm++;
        double ll = nm * Math.log(1 - lambda) + na * Math.log(lambda);
        for (int j = 0; j < d; j++) {
            double s = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows.length; i++) {
                lo = Math.min(lo, rows[i][j]);
                hi = Math.max(hi, rows[i][j]);
                if (!inA[i]) s += rows[i][j];
            }
            double mu = s / nm, v = 0;
            for (int i = 0; i < rows.length; i++) if (!inA[i]) v += (rows[i][j] - mu) * (rows[i][j] - mu);
            v /= nm;
            for (int i = 0; i < rows.length; i++) {
                if (inA[i]) ll += -Math.log(hi - lo);
                else ll += -0.5 * Math.log(2 * Math.PI * v) - (rows[i][j] - mu) * (rows[i][j] - mu) / (2 * v);
            }
        }
        return ll;
    }

    @Test
    void likelihoodBasedIsTheChangeInLogLikelihoodOfMovingTheRowToA() {
        double[][] x = gaussian(30, 3, 2);
        double lambda = 0.1;
        OutlierModel m = new LikelihoodBased(lambda).fit(x);
        double before = logLikelihood(x, new boolean[x.length], lambda);
        for (int i = 0; i < x.length; i++) {
            boolean[] a = new boolean[x.length];
            a[i] = true;
            double ref = logLikelihood(x, a, lambda) - before;
            assertEquals(ref, m.trainingScores()[i], 1e-9 * Math.max(1, Math.abs(ref)), "row " + i);
        }
        double[] q = {4, 0, -7};
        double[][] plus = Arrays.copyOf(x, x.length + 1);
        plus[x.length] = q;
        boolean[] a = new boolean[plus.length];
        a[x.length] = true;
        double ref = logLikelihood(plus, a, lambda) - logLikelihood(plus, new boolean[plus.length], lambda);
        assertEquals(ref, m.score(new double[][] {q})[0], 1e-9 * Math.abs(ref));
        // λ shifts all scores by ln λ − ln(1 − λ) and leaves the ranking alone
        OutlierModel m2 = new LikelihoodBased(0.01).fit(x);
        double shift = Math.log(0.01) - Math.log(0.99) - (Math.log(0.1) - Math.log(0.9));
        for (int i = 0; i < x.length; i++) assertEquals(m.trainingScores()[i] + shift, m2.trainingScores()[i], 1e-9);
    }

    @Test
    void abodScoresNewRowsAgainstAllTrainingRowsAndSkipsDuplicates() {
        double[][] x = gaussian(25, 3, 3);
        x[4] = x[3].clone(); // a duplicate pair
        OutlierModel m = new Abod(false).fit(x);
        int[] all = new int[x.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        double[] q = {0.3, -0.2, 1};
        assertEquals(-AngleVariance.of(q, x, all, false).variance(), m.score(new double[][] {q})[0], 0.0);
        int[] others = new int[x.length - 1];
        for (int t = 0, c = 0; t < x.length; t++) if (t != 3) others[c++] = t;
        AngleVariance.Result r = AngleVariance.of(x[3], x, others, false);
        assertEquals(23 * 22 / 2, r.pairs(), "pairs with row 4 (= row 3) are skipped");
        assertEquals(-r.variance(), m.trainingScores()[3], 0.0);
        // weighted variance equals its literal definition
        double[] w = new double[253], lam = new double[253];
        int p = 0;
        for (int b = 0; b < 24; b++) for (int c = b + 1; c < 24; c++) {
            double[] u = sub(x[others[b]], x[3]), v = sub(x[others[c]], x[3]);
            if (others[b] == 4 || others[c] == 4) continue;
            w[p] = dot(u, v) / (dot(u, u) * dot(v, v));
            lam[p++] = 1 / Math.sqrt(dot(u, u) * dot(v, v));
        }
        double sl = 0, slw = 0;
        for (int i = 0; i < p; i++) { sl += lam[i]; slw += lam[i] * w[i]; }
        double mu = slw / sl, acc = 0;
        for (int i = 0; i < p; i++) acc += lam[i] * (w[i] - mu) * (w[i] - mu);
        assertEquals(acc / sl, AngleVariance.of(x[3], x, others, true).weightedVariance(), 1e-12 * acc / sl);
    }

    private static double[] sub(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int j = 0; j < a.length; j++) c[j] = a[j] - b[j];
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * b[j];
        return s;
    }

    @Test
    void lofAndKnnScoreNewRowsFromTheirTrainingNeighbours() {
        double[][] x = gaussian(80, 2, 4);
        int k = 5;
        Lof.Fit f = new Lof(k).fitDetailed(x);
        double[] q = {0.1, 6};
        // brute force: neighbours of q among all training rows
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(Neighbours.squaredDistance(q, x[a]), Neighbours.squaredDistance(q, x[b])));
        double[] kdist = new KnnDistance(k, KnnDistance.Aggregation.LARGEST).fit(x).trainingScores();
        double reach = 0, lrdSum = 0;
        for (int r = 0; r < k; r++) {
            int o = idx[r];
            reach += Math.max(Math.sqrt(Neighbours.squaredDistance(q, x[o])), kdist[o]);
        }
        double lrdQ = 1 / (reach / k + Lof.EPS);
        for (int r = 0; r < k; r++) lrdSum += f.lrd()[idx[r]] / lrdQ;
        assertEquals(lrdSum / k, f.model().score(new double[][] {q})[0], 1e-12);
        assertEquals(Math.sqrt(Neighbours.squaredDistance(q, x[idx[k - 1]])),
                new KnnDistance(k, KnnDistance.Aggregation.LARGEST).fit(x).score(new double[][] {q})[0], 0.0);
        double med = new KnnDistance(3, KnnDistance.Aggregation.MEDIAN).fit(x).score(new double[][] {q})[0];
        assertEquals(Math.sqrt(Neighbours.squaredDistance(q, x[idx[1]])), med, 0.0);
    }

    @Test
    void lofIsAboutOneOnAGrid() {
        double[][] x = new double[100][];
        for (int i = 0; i < 100; i++) x[i] = new double[] {i % 10, i / 10};
        double[] q = new Lof(4).fit(x).score(new double[][] {{4.5, 4.5}, {30, 30}});
        assertEquals(1.0, q[0], 0.2);
        assertTrue(q[1] > 5, "far point has a large LOF: " + q[1]);
    }

    @Test
    void ecodPaperEqualsCopodAndNewRowsCountThemselves() {
        double[][] x = gaussian(50, 4, 5);
        assertArrayEquals(new Ecod(Ecod.Variant.PAPER).fit(x).trainingScores(), new Copod().fit(x).trainingScores(), 0.0);
        // one column, values 1..4: a new value 2.5 has 2 values ≤ it and 2 ≥ it → F_L = F_R = 3/5
        double[][] c = {{1}, {2}, {3}, {4}};
        double skew = EmpiricalTails.skew(new double[] {1, 2, 3, 4});
        assertEquals(0, skew, 1e-15);
        double ul = -Math.log(3 / 5.0);
        // skewness 0: U_S = U_L + U_R, pyod score = max(U_L + U_R, (U_L + U_R)/2)
        assertEquals(2 * ul, new Ecod().fit(c).score(new double[][] {{2.5}})[0], 1e-15);
        // training row 1 (value 1): F_L = 1/4, F_R = 1
        assertEquals(-Math.log(0.25), new Ecod().fit(c).trainingScores()[0], 1e-15);
        assertEquals(0, EmpiricalTails.skew(new double[] {3, 3, 3}));
    }

    @Test
    void fastMcdIgnoresGrossOutliers() {
        double[][] x = gaussian(600, 3, 6);
        for (int i = 0; i < 60; i++) x[i] = new double[] {20 + i, -30, 40}; // 10 % far away
        FastMcd.Result r = new FastMcd(1).fit(x);
        for (int i = 0; i < 60; i++) assertTrue(!r.support()[i] && !r.rawSupport()[i], "outlier " + i + " is not in the support");
        for (int j = 0; j < 3; j++) assertEquals(0, r.location()[j], 0.25 * (1 + j), "robust location, column " + j);
        for (int j = 0; j < 3; j++) assertEquals((1 + j) * (1 + j), r.covariance()[j][j], 0.3 * (1 + j) * (1 + j));
        // the non-robust Mahalanobis is dragged along; the elliptic envelope is not
        double[] robust = new EllipticEnvelope(1).fit(x).trainingScores();
        double minOut = Double.POSITIVE_INFINITY, maxIn = 0;
        for (int i = 0; i < 600; i++) if (i < 60) minOut = Math.min(minOut, robust[i]); else maxIn = Math.max(maxIn, robust[i]);
        assertTrue(minOut > 10 * maxIn, "outliers far beyond every inlier: " + minOut + " vs " + maxIn);
        FastMcd.Result again = new FastMcd(1).fit(x);
        assertArrayEquals(r.distances(), again.distances(), 0.0);
        int rawCount = 0;
        for (boolean b : r.rawSupport()) if (b) rawCount++;
        assertEquals((int) Math.ceil(0.5 * (600 + 3 + 1)), rawCount, "raw support has h = ⌈(n + d + 1)/2⌉ rows");
    }

    @Test
    void gaussianMixtureFindsTwoClustersAndScoresNegativeLogDensity() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = new double[300][2];
        for (int i = 0; i < 300; i++) {
            double c = i < 200 ? 0 : 10;
            x[i] = new double[] {c + r.nextGaussian(), c + r.nextGaussian()};
        }
        GaussianMixture.Fit f = new GaussianMixture(2, 3).fitDetailed(x);
        double[] w = f.mixture().weights().clone();
        Arrays.sort(w);
        assertEquals(1 / 3.0, w[0], 1e-6);
        assertEquals(2 / 3.0, w[1], 1e-6);
        assertTrue(f.mixture().converged());
        assertArrayEquals(f.model().trainingScores(), new GaussianMixture(2, 3).fit(x).trainingScores(), 0.0);
        // one component: −ln N(x; mean, ddof-0 covariance + 1e-6·I)
        GaussianMixture.Fit one = new GaussianMixture(1, 0).fitDetailed(x);
        double[] mu = Covariance.mean(x, null);
        double[][] c = Covariance.scatter(x, null, mu, 0);
        for (int j = 0; j < 2; j++) c[j][j] += 1e-6;
        Covariance g = Covariance.of("t", mu, c);
        double[] q = {3, 4};
        double ref = 0.5 * (2 * Math.log(2 * Math.PI) + g.logDet + g.squared(q));
        assertEquals(ref, one.model().score(new double[][] {q})[0], 1e-10);
    }

    @Test
    void oneClassSvmIsDeterministicAndFindsPlantedOutliers() {
        Planted p = new Planted(Fixtures.input(), 42);
        OutlierModel a = new OneClassSvm().fit(p.train), b = new OneClassSvm().fit(p.train);
        assertArrayEquals(a.trainingScores(), b.trainingScores(), 0.0);
        double auc = Planted.auc(a.score(p.test), p.outlier);
        System.out.printf("One-class SVM planted-outlier ROC-AUC %.4f%n", auc);
        assertTrue(auc > 0.9, "AUC " + auc);
        // gamma 'scale' = 1 / (d · Var(all values))
        double[][] x = {{0, 2}, {2, 0}};
        assertEquals(1 / (2 * 1.0), OneClassSvm.scaleGamma(x), 1e-15);
    }

    @Test
    void everyStandardDetectorRanksPlantedOutliersAboveChance() {
        Planted p = new Planted(Fixtures.input(), 42);
        for (OutlierDetector d : Detectors.standard(0)) {
            double auc = Planted.auc(d.fit(p.train).score(p.test), p.outlier);
            System.out.printf("%-22s planted-outlier ROC-AUC %.4f%n", d.name(), auc);
            assertTrue(auc > 0.75, d.name() + ": AUC " + auc);
        }
    }
}
