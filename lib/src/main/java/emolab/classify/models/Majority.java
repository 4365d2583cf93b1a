package emolab.classify.models;

import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.Probabilities;
import emolab.classify.Param;

/**
 * Baseline that ignores the features: always predicts the most frequent training class
 * (scikit-learn {@code DummyClassifier}). With {@code strategy="most_frequent"} the
 * probabilities are one-hot on that class, with {@code "prior"} they are the training class
 * frequencies (the prediction is the same). Ties go to the lower class code.
 */
public final class Majority extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public Majority() {
        super("Majority", List.of(
                Param.choice("strategy", "most_frequent", List.of("most_frequent", "prior"),
                        "probabilities one-hot on the majority class, or the class priors")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        double[] prior = new double[k];
        for (int c : y) prior[c]++;
        for (int c = 0; c < k; c++) prior[c] /= y.length;
        int best = Probabilities.argmax(prior);
        double[] p = prior;
        if (stringParam("strategy").equals("most_frequent")) {
            p = new double[k];
            p[best] = 1;
        }
        return new Engine(best, p);
    }

    /** Predicts {@code best} = the argmax of {@code p} (one-hot on it, or the priors whose largest it is). */
    private record Engine(int best, double[] p) implements Classifier.ProbabilisticEngine {

        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = p.clone();
            return out;
        }
    }
}
