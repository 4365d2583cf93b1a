package emolab.outliers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** The detectors compared in notebook 04, with their default parameters, and a helper to fit many at once. */
public final class Detectors {
    private Detectors() {}

    /**
     * The standard line-up: FastABOD (k=10), LOF (k=20), kNN largest and mean distance (k=5),
     * Isolation Forest (100 trees, ψ=256), one-class SVM (ν=0.5, γ='scale'), GMM (3 components),
     * Mahalanobis, elliptic envelope (FastMCD), ECOD, COPOD, and the course's deviation-based and
     * likelihood-based (λ=0.05) methods. Randomised ones use {@code seed}. Exact ABOD is left
     * out (O(n³)).
     */
    public static List<OutlierDetector> standard(long seed) {
        return List.of(
                new FastAbod(10),
                new Lof(20),
                new KnnDistance(5, KnnDistance.Aggregation.LARGEST),
                new KnnDistance(5, KnnDistance.Aggregation.MEAN),
                new IsolationForest(100, 256, seed),
                new OneClassSvm(),
                new GaussianMixture(3, seed),
                new Mahalanobis(),
                new EllipticEnvelope(seed),
                new Ecod(),
                new Copod(),
                new DeviationBased(),
                new LikelihoodBased());
    }

    /**
     * Fits each detector on {@code train}, all with the given contamination.
     *
     * @param progress (done, total) callback, e.g. {@code emolab.notebook.Progress.bar(...)}; may be null
     */
    public static List<OutlierModel> fitAll(List<OutlierDetector> detectors, double[][] train, double contamination,
                                            BiConsumer<Integer, Integer> progress) {
        DetectorInput.contamination(contamination);
        List<OutlierModel> out = new ArrayList<>();
        int total = detectors.size();
        if (progress != null) progress.accept(0, total);
        for (OutlierDetector d : detectors) {
            out.add(d.fit(train).withContamination(contamination));
            if (progress != null) progress.accept(out.size(), total);
        }
        return out;
    }
}
