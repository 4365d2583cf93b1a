package emolab.timeseries;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores clusterings of one set of items against several known labelings (e.g. emotion, vocal
 * channel, sex): ARI and NMI per labeling, and the silhouette under the clustering's own distance.
 * One row per clustering.
 */
public final class ClusteringReport {
    private final Map<String, int[]> targets;
    private final StringColumn method = StringColumn.create("clustering");
    private final IntColumn k = IntColumn.create("k");
    private final DoubleColumn silhouette = DoubleColumn.create("silhouette");
    private final List<DoubleColumn> scores = new ArrayList<>();

    /** @param targets labelings by name, each with one label per item (insertion order is column order) */
    public ClusteringReport(Map<String, int[]> targets) {
        if (targets.isEmpty()) throw new IllegalArgumentException("no labelings to score against");
        this.targets = new LinkedHashMap<>(targets);
        int n = -1;
        for (Map.Entry<String, int[]> e : this.targets.entrySet()) {
            if (n >= 0 && e.getValue().length != n)
                throw new IllegalArgumentException("labeling '" + e.getKey() + "' has " + e.getValue().length + " labels, expected " + n);
            n = e.getValue().length;
            scores.add(DoubleColumn.create("ARI " + e.getKey()));
            scores.add(DoubleColumn.create("NMI " + e.getKey()));
        }
    }

    /**
     * Adds a clustering.
     *
     * @param distances pairwise distances for the silhouette (the clustering's own metric)
     */
    public void add(String name, int[] labels, double[][] distances) {
        int i = 0;
        double[] row = new double[scores.size()];
        for (Map.Entry<String, int[]> e : targets.entrySet()) {
            if (e.getValue().length != labels.length)
                throw new IllegalArgumentException("clustering '" + name + "' has " + labels.length + " labels, the targets "
                        + e.getValue().length);
            row[i++] = ClusterScores.adjustedRandIndex(e.getValue(), labels);
            row[i++] = ClusterScores.normalizedMutualInformation(e.getValue(), labels);
        }
        method.append(name);
        k.append((int) java.util.Arrays.stream(labels).distinct().count());
        silhouette.append(round(ClusterScores.silhouette(distances, labels)));
        for (int j = 0; j < row.length; j++) scores.get(j).append(round(row[j]));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The scores so far (rounded to 3 decimals). */
    public Table table() {
        Table t = Table.create("clustering scores", method.copy(), k.copy(), silhouette.copy());
        for (DoubleColumn c : scores) t.addColumns(c.copy());
        return t;
    }
}
