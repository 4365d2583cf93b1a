package emolab.imbalance;

/**
 * The minimal classifier contract the imbalance tools need (instance hardness, the
 * {@link ImbalancedPipeline}): fit on rows and integer labels, then predict class probabilities.
 */
@FunctionalInterface
public interface Learner {

    /** Fits a model on {@code (X, y)}; must not modify the inputs. */
    Model fit(double[][] X, int[] y);

    /** A fitted classifier. */
    interface Model {
        /** The class labels, ascending; the columns of {@link #predictProba}. */
        int[] classes();

        /** Class probabilities, one row per input row, columns as {@link #classes()}. */
        double[][] predictProba(double[][] X);

        /** The most probable class of each row (ties to the smaller label). */
        default int[] predict(double[][] X) {
            double[][] p = predictProba(X);
            int[] cls = classes(), out = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int j = 1; j < cls.length; j++) if (p[i][j] > p[i][best]) best = j;
                out[i] = cls[best];
            }
            return out;
        }
    }
}
