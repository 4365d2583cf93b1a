package emolab.model;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.models.Classifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted pipeline on raw feature rows: optional per-speaker normalisation (see
 * {@link SpeakerNormalization}), preparation fitted on the training rows (drop columns constant on
 * train, standard scaling with the training mean and deviation) and the classifier(s) of a
 * {@link Recipe}. Serializable; predictions are deterministic.
 */
public final class Pipeline implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Recipe recipe;
    private final int classes;
    private final SpeakerNormalization.Stats training; // raw training statistics (lone-file fallback)
    private final int[] keep;
    private final SpeakerNormalization.Stats scaler;   // of the kept columns after normalisation
    private final List<Classifier> members;
    private final boolean probabilities;
    private final List<String> keptNames;

    private Pipeline(Recipe recipe, int classes, SpeakerNormalization.Stats training, int[] keep, SpeakerNormalization.Stats scaler,
            List<Classifier> members, boolean probabilities, List<String> keptNames) {
        this.recipe = recipe;
        this.classes = classes;
        this.training = training;
        this.keep = keep;
        this.scaler = scaler;
        this.members = List.copyOf(members);
        this.probabilities = probabilities;
        this.keptNames = List.copyOf(keptNames);
    }

    /**
     * Fits on raw rows {@code x} with class codes {@code y} (0 .. classes-1) and a speaker per row.
     *
     * @param probabilities whether {@link #predictProba} must work (a single SVM is then fitted
     *                      with Platt scaling, which is slower); fusions always have them
     */
    public static Pipeline fit(double[][] x, int[] y, String[] speakers, int classes, List<String> featureNames, Recipe recipe,
            boolean probabilities) {
        SpeakerNormalization.Stats training = SpeakerNormalization.stats(x);
        double[][] xs = recipe.speakerNormalised() ? SpeakerNormalization.apply(x, speakers, training, null) : x;
        int d = x[0].length;
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double first = xs[0][j];
            for (double[] r : xs) if (r[j] != first) { kept.add(j); break; }
        }
        if (kept.isEmpty()) throw new IllegalArgumentException("every feature is constant on the training rows");
        int[] keep = kept.stream().mapToInt(Integer::intValue).toArray();
        double[][] xk = select(xs, keep);
        SpeakerNormalization.Stats scaler = SpeakerNormalization.stats(xk);
        double[][] xz = scale(xk, scaler);
        List<String> names = new ArrayList<>();
        for (int j : keep) names.add(featureNames.get(j));
        String[] cls = new String[classes];
        for (int c = 0; c < classes; c++) cls[c] = Integer.toString(c);
        boolean probs = probabilities || recipe.members().size() > 1;
        List<Classifier> models = new ArrayList<>();
        for (String m : recipe.members()) models.add(spec(m, recipe, keep.length, probs).fit(xz, y, cls, names));
        return new Pipeline(recipe, classes, training, keep, scaler, models, probs, names);
    }

    static ClassifierSpec spec(String member, Recipe r, int d, boolean probability) {
        return switch (member) {
            case "svm" -> Classifiers.kernelSvm().with("C", r.svmC()).with("gamma", r.svmGammaScale() / d)
                    .with("probability", probability).with("random_state", 0);
            case "logreg" -> Classifiers.logisticRegression().with("C", r.logregC()).with("max_iter", 200);
            case "mlp" -> Classifiers.smileMlp().with("hidden_layer_sizes", new int[] {128}).with("alpha", 1e-3)
                    .with("learning_rate_init", 0.01).with("max_iter", 100).with("random_state", 0);
            default -> throw new IllegalArgumentException("unknown member " + member);
        };
    }

    public Recipe recipe() { return recipe; }

    /** The raw training statistics (what a lone recording is z-scored with). */
    public SpeakerNormalization.Stats trainingStats() { return training; }

    /** Names of the features the classifiers see (constant training columns dropped). */
    public List<String> keptFeatures() { return keptNames; }

    public boolean hasProbabilities() { return probabilities; }

    /**
     * The rows the classifiers see: normalised per speaker (when the recipe says so; rows whose
     * speaker has fewer than {@link SpeakerNormalization#MIN_RECORDINGS} recordings, or none, use
     * the training statistics and are flagged in {@code usedFallback}), kept columns, scaled.
     */
    public double[][] transform(double[][] x, String[] speakers, boolean[] usedFallback) {
        double[][] xs = recipe.speakerNormalised() ? SpeakerNormalization.apply(x, speakers, training, usedFallback) : x;
        return scale(select(xs, keep), scaler);
    }

    /** Class probabilities (n × classes), the average of the members'. */
    public double[][] predictProba(double[][] x, String[] speakers, boolean[] usedFallback) {
        return average(memberProba(x, speakers, usedFallback));
    }

    /** Each member's class probabilities ({@code [member][row][class]}, members in recipe order). */
    public double[][][] memberProba(double[][] x, String[] speakers, boolean[] usedFallback) {
        if (!probabilities) throw new IllegalStateException("this pipeline was fitted without probabilities");
        double[][] z = transform(x, speakers, usedFallback);
        double[][][] out = new double[members.size()][][];
        for (int m = 0; m < out.length; m++) out[m] = members.get(m).predictProba(z);
        return out;
    }

    /** The average over members of {@link #memberProba} (as {@link #predictProba} computes it). */
    static double[][] average(double[][][] q) {
        int n = q[0].length, k = q[0].length == 0 ? 0 : q[0][0].length;
        double[][] p = new double[n][k];
        for (double[][] m : q) for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) p[i][c] += m[i][c] / q.length;
        return p;
    }

    /** Predicted class codes (highest average probability; a single plain SVM's own vote). */
    public int[] predict(double[][] x, String[] speakers, boolean[] usedFallback) {
        if (!probabilities) return members.get(0).predict(transform(x, speakers, usedFallback));
        return argmax(predictProba(x, speakers, usedFallback));
    }

    static int[] argmax(double[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int b = 0;
            for (int c = 1; c < p[i].length; c++) if (p[i][c] > p[i][b]) b = c;
            out[i] = b;
        }
        return out;
    }

    static double[][] select(double[][] x, int[] keep) {
        double[][] o = new double[x.length][keep.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < keep.length; j++) o[i][j] = x[i][keep[j]];
        return o;
    }

    static double[][] scale(double[][] x, SpeakerNormalization.Stats s) {
        double[][] o = new double[x.length][];
        for (int i = 0; i < x.length; i++) o[i] = SpeakerNormalization.z(x[i], s);
        return o;
    }
}
