package emolab.outliers;

import emolab.numeric.Correlation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agreement with the random-state dependent fixtures ({@code out_scores_random_state.csv}:
 * scikit-learn {@code EllipticEnvelope(random_state=0)} and {@code GaussianMixture(3,
 * random_state=0)}). These cannot match exactly — scikit-learn's results depend on numpy's random
 * stream (the README: random_state=1 changes the envelope's distances by up to 4.9 %) — so the
 * test prints the agreement and asserts only what a correct implementation reaches whatever the
 * seed: the raw support size h, ≥ 95 % agreement on the final support, Spearman ≥ 0.98 for the
 * distances; for the GMM a mean log-likelihood within 0.01 of scikit-learn's optimum.
 */
class RandomStateFixtureTest {

    @Test
    void ellipticEnvelopeAgreesWithScikitLearnUpToTheRandomSubsets() {
        double[][] x = Fixtures.input();
        double[] ref = Fixtures.column("out_scores_random_state.csv", "ee_mahalanobis_sq");
        double[] sup = Fixtures.column("out_scores_random_state.csv", "ee_support");
        double[] raw = Fixtures.column("out_scores_random_state.csv", "ee_raw_support");
        for (long seed = 0; seed < 3; seed++) {
            EllipticEnvelope.Fit f = new EllipticEnvelope(seed).fitDetailed(x);
            double[] s = f.model().trainingScores();
            int agree = 0, agreeRaw = 0, nSup = 0, nRaw = 0;
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                if (f.mcd().support()[i] == (sup[i] == 1)) agree++;
                if (f.mcd().rawSupport()[i] == (raw[i] == 1)) agreeRaw++;
                if (f.mcd().support()[i]) nSup++;
                if (f.mcd().rawSupport()[i]) nRaw++;
                worst = Math.max(worst, Math.abs(s[i] - ref[i]) / ref[i]);
            }
            double rho = Correlation.spearman(s, ref);
            System.out.printf("elliptic envelope seed %d: support %d rows (sklearn 1459), agreement %d/%d; raw support %d "
                            + "(sklearn 920), agreement %d; distances: Spearman %.4f, worst relative difference %.3f%n",
                    seed, nSup, agree, x.length, nRaw, agreeRaw, rho, worst);
            assertEquals(920, nRaw, "h = ⌈(1828 + 10 + 1)/2⌉");
            assertTrue(agree >= 0.95 * x.length, "support agreement " + agree);
            assertTrue(rho >= 0.98, "Spearman " + rho);
        }
    }

    @Test
    void gaussianMixtureReachesScikitLearnsOptimum() {
        double[][] x = Fixtures.input();
        double[] ref = Fixtures.column("out_scores_random_state.csv", "gmm3_loglik");
        double refMean = 0;
        for (double v : ref) refMean += v;
        refMean /= ref.length;
        for (long seed = 0; seed < 4; seed++) {
            GaussianMixture.Fit f = new GaussianMixture(3, seed).fitDetailed(x);
            double[] s = f.model().trainingScores();
            double worst = 0;
            for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(-s[i] - ref[i]) / Math.abs(ref[i]));
            double[] w = f.mixture().weights().clone();
            java.util.Arrays.sort(w);
            System.out.printf("GMM seed %d: %d iterations, mean log-likelihood %.6f (sklearn %.6f), weights %s "
                            + "(sklearn 0.0135, 0.4509, 0.5356), worst relative difference of log-densities %.3f, Spearman %.4f%n",
                    seed, f.mixture().iterations(), f.mixture().meanLogLikelihood(), refMean, java.util.Arrays.toString(w),
                    worst, Correlation.spearman(s, ref) * -1);
            assertTrue(f.mixture().converged());
            assertEquals(refMean, f.mixture().meanLogLikelihood(), 0.01);
        }
    }
}
