package emolab.timeseries.clustering;

import emolab.study.NotApplicableException;
import emolab.study.Study;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scores clusterings of one set of items against several known labelings (e.g. emotion, vocal
 * channel, sex): ARI and NMI per labeling, and the silhouette under the clustering's own distance.
 * One row per clustering, run as a {@link Study}: a clustering that cannot run on this data (more
 * clusters than items, everything in one cluster, …) throws {@link NotApplicableException} and
 * becomes a {@code not applicable: <reason>} row.
 */
public final class ClusteringReport {
    private final Map<String, int[]> targets;
    private final Study study;
    private final Map<String, Object> kept = new LinkedHashMap<>();

    /** @param targets labelings by name, each with one label per item (insertion order is column order) */
    public ClusteringReport(Map<String, int[]> targets) {
        if (targets.isEmpty()) throw new IllegalArgumentException("no labelings to score against");
        this.targets = new LinkedHashMap<>(targets);
        int n = -1;
        List<String> cols = new ArrayList<>(List.of("k", "silhouette"));
        for (Map.Entry<String, int[]> e : this.targets.entrySet()) {
            if (n >= 0 && e.getValue().length != n)
                throw new IllegalArgumentException("labeling '" + e.getKey() + "' has " + e.getValue().length + " labels, expected " + n);
            n = e.getValue().length;
            cols.add("ARI " + e.getKey());
            cols.add("NMI " + e.getKey());
        }
        this.study = new Study("clustering", cols.toArray(new String[0]));
    }

    /**
     * Adds a clustering computed elsewhere.
     *
     * @param distances pairwise distances for the silhouette (the clustering's own metric)
     */
    public void add(String name, int[] labels, double[][] distances) {
        run(name, () -> labels, distances);
    }

    /**
     * Runs a clustering (a step returning one cluster label per item) and scores it; a step or a
     * silhouette that is not applicable on this data becomes a {@code not applicable} row.
     */
    public void run(String name, Supplier<int[]> clustering, double[][] distances) {
        study.run(name, row -> {
            int[] labels = clustering.get();
            for (Map.Entry<String, int[]> e : targets.entrySet()) {
                if (e.getValue().length != labels.length)
                    throw new IllegalArgumentException("clustering '" + name + "' has " + labels.length + " labels, the targets "
                            + e.getValue().length);
                row.set("ARI " + e.getKey(), round(ClusterScores.adjustedRandIndex(e.getValue(), labels)));
                row.set("NMI " + e.getKey(), round(ClusterScores.normalizedMutualInformation(e.getValue(), labels)));
            }
            row.set("k", java.util.Arrays.stream(labels).distinct().count());
            row.set("silhouette", round(ClusterScores.silhouette(distances, labels)));
        });
    }

    /**
     * Like {@link #run(String, Supplier, double[][])} for a clustering model kept for later cells
     * (centroids for a chart): {@code labels} extracts the labels; {@link #model} returns it.
     */
    public <T> void run(String name, Supplier<T> fit, java.util.function.Function<T, int[]> labels, double[][] distances) {
        run(name, () -> {
            T m = fit.get();
            kept.put(name, m);
            return labels.apply(m);
        }, distances);
    }

    /** The model kept by {@link #run(String, Supplier, java.util.function.Function, double[][])}, if that clustering ran. */
    @SuppressWarnings("unchecked")
    public <T> java.util.Optional<T> model(String name) {
        boolean ok = study.row(name).map(Study.Row::applicable).orElse(false);
        return ok ? java.util.Optional.ofNullable((T) kept.get(name)) : java.util.Optional.empty();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The underlying study. */
    public Study study() {
        return study;
    }

    /** The scores so far (rounded to 3 decimals; missing where not applicable) and a note column. */
    public Table table() {
        Table t = study.table().setName("clustering scores");
        t.replaceColumn("k", t.doubleColumn("k").asIntColumn().setName("k"));
        return t;
    }

    /**
     * What the table says, computed from its rows: for each labeling the clustering that agrees
     * with it best (ARI), which labeling the clusterings agree with most on average, and the
     * clustering with the best-separated clusters (silhouette).
     */
    public String conclusions() {
        List<Study.Row> ran = study.applicable();
        if (ran.isEmpty()) return "No clustering ran on this data.";
        StringBuilder b = new StringBuilder();
        String bestTarget = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (String t : targets.keySet()) {
            Study.Row best = study.best("ARI " + t).orElseThrow();
            double mean = study.mean("ARI " + t).orElse(Double.NaN);
            b.append(String.format(Locale.ROOT, "%s: best ARI %.3f (%s), mean ARI over the clusterings %.3f%n", t,
                    best.get("ARI " + t), best.method(), mean));
            if (mean > bestMean) {
                bestMean = mean;
                bestTarget = t;
            }
        }
        b.append(String.format(Locale.ROOT, "The clusters agree most, on average, with %s (mean ARI %.3f).", bestTarget, bestMean));
        study.best("silhouette").ifPresent(r -> b.append(String.format(Locale.ROOT,
                "%nBest-separated clusters: %s (silhouette %.3f).", r.method(), r.get("silhouette"))));
        for (Study.Row r : study.rows()) if (!r.applicable()) b.append("\n").append(r.method()).append(": ").append(r.note());
        return b.toString();
    }
}
