package emolab.classify.models;

import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Param;

/**
 * Multinomial (softmax) logistic regression with an L2 penalty, wrapping Smile's
 * {@code smile.classification.LogisticRegression} (L-BFGS; binomial for 2 classes).
 *
 * <p>Mapping from scikit-learn {@code LogisticRegression(C, penalty="l2", solver="lbfgs",
 * multi_class="multinomial")}: sklearn minimises ½‖w‖² + C·Σ log-loss; Smile minimises Σ
 * log-loss + ½λ‖w‖², so <b>λ = 1/C</b>. Neither penalises the intercepts. {@code tol} and
 * {@code max_iter} go to Smile's L-BFGS (its tolerance is on the gradient, not the same number
 * as sklearn's). One difference remains: Smile parametrises k classes with k − 1 weight vectors
 * (the last class is the reference, its weights fixed at 0), so the L2 penalty acts on
 * differences to the reference class rather than symmetrically on all k vectors; the fit
 * therefore differs slightly from sklearn's. Importance: mean absolute coefficient per
 * feature over the k classes, after centring the k weight vectors (meaningful on standardised
 * features).
 */
public final class LogisticRegression extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public LogisticRegression() {
        super("LogisticRegression", List.of(
                Param.real("C", 1.0, 1e-12, 1e12, "inverse regularisation strength (Smile lambda = 1/C)"),
                Param.real("tol", 1e-5, 1e-15, 1.0, "L-BFGS convergence tolerance"),
                Param.integer("max_iter", 500, 1, 1_000_000, "maximal L-BFGS iterations")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        var lr = smile.classification.LogisticRegression.fit(x, y, 1.0 / realParam("C"), realParam("tol"), intParam("max_iter"));
        int d = x[0].length;
        double[][] w = new double[k][d]; // centred, symmetric weights
        if (lr instanceof smile.classification.LogisticRegression.Binomial b) {
            double[] c = b.coefficients();
            for (int j = 0; j < d; j++) { w[1][j] = c[j] / 2; w[0][j] = -c[j] / 2; }
        } else {
            double[][] c = ((smile.classification.LogisticRegression.Multinomial) lr).coefficients();
            for (int cl = 0; cl < k - 1; cl++) System.arraycopy(c[cl], 0, w[cl], 0, d);
            for (int j = 0; j < d; j++) {
                double m = 0;
                for (int cl = 0; cl < k; cl++) m += w[cl][j];
                m /= k;
                for (int cl = 0; cl < k; cl++) w[cl][j] -= m;
            }
        }
        double[] imp = new double[d];
        for (int j = 0; j < d; j++) {
            for (int cl = 0; cl < k; cl++) imp[j] += Math.abs(w[cl][j]);
            imp[j] /= k;
        }
        return new SmileVectorEngine(lr, k, imp, Classifier.ImportanceKind.COEFFICIENTS);
    }
}
