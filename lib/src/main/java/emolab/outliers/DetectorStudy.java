package emolab.outliers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import emolab.study.NotApplicableException;
import emolab.study.Study;
import tech.tablesaw.api.Table;

/**
 * Many detectors fitted on the same training rows as a {@link Study}: a detector that cannot run on
 * this data (k larger than the rows, a singular covariance, …) throws
 * {@link NotApplicableException} and becomes a {@code not applicable: <reason>} row; the others
 * are fitted with the same contamination and kept for the comparisons that follow.
 *
 * <pre>{@code
 * DetectorStudy fitted = DetectorStudy.fit(Detectors.standard(42), X, 0.05, progress);
 * fitted.table();       // detector, threshold, flagged, min / median / max score, note
 * fitted.models();      // the fitted detectors, in line-up order
 * }</pre>
 */
public final class DetectorStudy {
    private final Study study;
    private final List<OutlierModel> models;

    private DetectorStudy(Study study, List<OutlierModel> models) {
        this.study = study;
        this.models = List.copyOf(models);
    }

    /**
     * Fits every detector on {@code train} with the given contamination.
     *
     * @param progress (done, total) callback or null
     * @throws IllegalArgumentException on bad input (NaN, ragged rows, contamination outside (0, 0.5])
     */
    public static DetectorStudy fit(List<OutlierDetector> detectors, double[][] train, double contamination,
                                    BiConsumer<Integer, Integer> progress) {
        DetectorInput.contamination(contamination);
        DetectorInput.matrix("training rows", train);
        Study study = new Study("detector", "threshold", "flagged", "min score", "median score", "max score");
        List<OutlierModel> fitted = new ArrayList<>();
        int total = detectors.size(), done = 0;
        if (progress != null) progress.accept(0, total);
        for (OutlierDetector d : detectors) {
            study.run(d.name(), row -> {
                OutlierModel m = d.fit(train).withContamination(contamination);
                double[] s = Arrays.stream(m.trainingScores()).filter(Double::isFinite).sorted().toArray();
                row.set("threshold", m.threshold()).set("flagged", m.trainingOutlierCount());
                if (s.length > 0)
                    row.set("min score", s[0]).set("median score", median(s)).set("max score", s[s.length - 1]);
                row.keep(m);
                fitted.add(m);
            });
            if (progress != null) progress.accept(++done, total);
        }
        return new DetectorStudy(study, fitted);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** The study: one row per detector, {@code not applicable: <reason>} where it refused. */
    public Study study() {
        return study;
    }

    /** The study as a table. */
    public Table table() {
        return study.table();
    }

    /** The fitted detectors (the applicable rows), in line-up order. */
    public List<OutlierModel> models() {
        return models;
    }

    /** The fitted detector named {@code name}, or empty when it was not applicable or not in the line-up. */
    public java.util.Optional<OutlierModel> model(String name) {
        return models.stream().filter(m -> m.detector().equals(name)).findFirst();
    }

    /** The names of the detectors that refused, with their reasons ("name: reason"). */
    public List<String> refusals() {
        return study.rows().stream().filter(r -> !r.applicable()).map(r -> r.method() + ": " + r.note()).toList();
    }

    /** A majority of the fitted detectors: ⌊m/2⌋ + 1 votes (7 of 13). */
    public int majority() {
        if (models.isEmpty()) throw new NotApplicableException("no detector could be fitted on this data");
        return models.size() / 2 + 1;
    }
}
