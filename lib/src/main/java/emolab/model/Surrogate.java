package emolab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A linear surrogate of a {@link Pipeline}: a multinomial logistic regression (Smile, L2, lambda
 * 1) fitted on the pipeline's own standardised training rows to the pipeline's own predictions on
 * them. It explains a prediction by per-feature contributions to the predicted class: for the
 * predicted class c, contribution_j = (w_cj − mean over classes of w_kj) · z_j, with z_j the
 * feature as the classifiers see it (speaker-normalised when that applies, then standardised). A
 * large positive contribution is a feature that pushed the decision towards c. {@link #fidelity()}
 * says how often the surrogate agrees with the pipeline on the training rows.
 */
public final class Surrogate implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double[][] w; // classes × d, centred over classes; absent classes 0
    private final double fidelity;
    private final List<String> names;

    /** One feature's push towards the predicted class. */
    public record Contribution(String feature, double value) {}

    private Surrogate(double[][] w, double fidelity, List<String> names) {
        this.w = w;
        this.fidelity = fidelity;
        this.names = List.copyOf(names);
    }

    /** Fits the surrogate on standardised rows {@code z} and the pipeline's predictions {@code pred}. */
    public static Surrogate fit(double[][] z, int[] pred, int classes, List<String> names) {
        int d = z[0].length;
        boolean[] seen = new boolean[classes];
        for (int c : pred) seen[c] = true;
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < classes; c++) if (seen[c]) present.add(c);
        double[][] w = new double[classes][d];
        if (present.size() < 2) return new Surrogate(w, 1.0, names);
        int[] local = new int[pred.length];
        for (int i = 0; i < pred.length; i++) local[i] = present.indexOf(pred[i]);
        var lr = smile.classification.LogisticRegression.fit(z, local, 1.0, 1e-5, 300);
        int k = present.size();
        double[][] lw = new double[k][d];
        if (lr instanceof smile.classification.LogisticRegression.Binomial b) {
            double[] c = b.coefficients();
            for (int j = 0; j < d; j++) { lw[1][j] = c[j] / 2; lw[0][j] = -c[j] / 2; }
        } else {
            double[][] c = ((smile.classification.LogisticRegression.Multinomial) lr).coefficients();
            for (int cl = 0; cl < k - 1; cl++) System.arraycopy(c[cl], 0, lw[cl], 0, d);
        }
        for (int j = 0; j < d; j++) {
            double m = 0;
            for (int cl = 0; cl < k; cl++) m += lw[cl][j];
            m /= k;
            for (int cl = 0; cl < k; cl++) w[present.get(cl)][j] = lw[cl][j] - m;
        }
        int agree = 0;
        for (int i = 0; i < z.length; i++) if (present.get(lr.predict(z[i])) == pred[i]) agree++;
        return new Surrogate(w, agree / (double) z.length, names);
    }

    /** Share of training rows on which the surrogate predicts what the pipeline predicts. */
    public double fidelity() { return fidelity; }

    /** The {@code top} features that pushed row {@code z} most towards class {@code predicted}. */
    public List<Contribution> top(double[] z, int predicted, int top) {
        List<Contribution> all = new ArrayList<>();
        for (int j = 0; j < z.length; j++) all.add(new Contribution(names.get(j), w[predicted][j] * z[j]));
        all.sort(Comparator.comparingDouble((Contribution c) -> -c.value()).thenComparing(Contribution::feature));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }
}
