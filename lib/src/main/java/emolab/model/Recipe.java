package emolab.model;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link Pipeline} does, with its tuned hyper-parameters: per-speaker normalisation or
 * not, and which classifiers vote. Members: {@code svm} (LIBSVM RBF C-SVC; {@code gamma} =
 * {@code svmGammaScale} / number of features on standardised features), {@code logreg}
 * (multinomial logistic regression, Smile, {@code C} = {@code logregC}), {@code mlp} (one hidden
 * layer of 128 ReLU units, early stopping, seed 0). Several members are fused by averaging their
 * class probabilities (soft voting).
 *
 * @param augment training rows are joined by copies of the training recordings with noise added
 *                (see {@link Augmentation}); never applied to evaluation rows
 */
public record Recipe(boolean speakerNormalised, List<String> members, double svmC, double svmGammaScale, double logregC,
        boolean augment) implements java.io.Serializable {
    public static final List<String> MEMBERS = List.of("svm", "logreg", "mlp");

    public Recipe {
        members = List.copyOf(members);
        if (members.isEmpty()) throw new IllegalArgumentException("a recipe needs at least one member");
        for (String m : members)
            if (!MEMBERS.contains(m)) throw new IllegalArgumentException("unknown member '" + m + "'; known: " + MEMBERS);
    }

    /** A single tuned-later RBF SVM, plain. */
    public static Recipe svm() {
        return new Recipe(false, List.of("svm"), 10, 0.25, 0.1, false);
    }

    public Recipe withSpeakerNormalised(boolean b) { return new Recipe(b, members, svmC, svmGammaScale, logregC, augment); }

    public Recipe withMembers(List<String> m) { return new Recipe(speakerNormalised, m, svmC, svmGammaScale, logregC, augment); }

    public Recipe withSvm(double c, double gammaScale) { return new Recipe(speakerNormalised, members, c, gammaScale, logregC, augment); }

    public Recipe withLogregC(double c) { return new Recipe(speakerNormalised, members, svmC, svmGammaScale, c, augment); }

    public Recipe withAugment(boolean b) { return new Recipe(speakerNormalised, members, svmC, svmGammaScale, logregC, b); }

    /** One line, e.g. {@code speaker-normalised svm+logreg+mlp (C=10, gamma=0.25/d, logreg C=0.1)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s (SVM C=%g, gamma=%g/d%s)%s", speakerNormalised ? "speaker-normalised" : "plain",
                String.join("+", members), svmC, svmGammaScale, members.contains("logreg") ? ", logreg C=" + logregC : "",
                augment ? " + noise augmentation" : "");
    }
}
