package emolab.outliers;

import emolab.numeric.Ranks;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summaries of several detectors fitted on the same training rows: how many flag each row
 * (votes), a rank-averaged consensus score, outlier rates by a label column, and the most
 * outlying rows with their labels.
 */
public final class OutlierReport {
    private OutlierReport() {}

    /**
     * One row per model: detector, threshold, training rows flagged, and the minimum, median and
     * maximum training score (non-finite scores are left out of min/median/max).
     */
    public static Table summary(List<OutlierModel> models) {
        StringColumn name = StringColumn.create("detector");
        DoubleColumn thr = DoubleColumn.create("threshold"), min = DoubleColumn.create("min score"),
                med = DoubleColumn.create("median score"), max = DoubleColumn.create("max score");
        IntColumn flagged = IntColumn.create("flagged");
        for (OutlierModel m : models) {
            double[] s = java.util.Arrays.stream(m.trainingScores()).filter(Double::isFinite).sorted().toArray();
            name.append(m.detector());
            thr.append(round4(m.threshold()));
            flagged.append(m.trainingOutlierCount());
            min.append(s.length == 0 ? Double.NaN : round4(s[0]));
            med.append(s.length == 0 ? Double.NaN : round4(s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2])));
            max.append(s.length == 0 ? Double.NaN : round4(s[s.length - 1]));
        }
        return Table.create("Detectors", name, thr, flagged, min, med, max);
    }

    /** The model of the detector named {@code name} (see {@link OutlierModel#detector()}). */
    public static OutlierModel find(List<OutlierModel> models, String name) {
        for (OutlierModel m : models) if (m.detector().equals(name)) return m;
        throw new IllegalArgumentException("no model of detector '" + name + "'; detectors: "
                + models.stream().map(OutlierModel::detector).toList());
    }

    private static double round4(double v) {
        if (!Double.isFinite(v) || v == 0) return v;
        double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    /** For each training row, the number of models whose threshold it exceeds. */
    public static int[] votes(List<OutlierModel> models) {
        int n = size(models);
        int[] v = new int[n];
        for (OutlierModel m : models) {
            boolean[] l = m.trainingLabels();
            for (int i = 0; i < n; i++) if (l[i]) v[i]++;
        }
        return v;
    }

    /** Rows flagged by at least {@code minVotes} models. */
    public static boolean[] consensus(List<OutlierModel> models, int minVotes) {
        if (minVotes < 1 || minVotes > models.size())
            throw new IllegalArgumentException("minVotes must be in [1, " + models.size() + "], got " + minVotes);
        int[] v = votes(models);
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] >= minVotes;
        return out;
    }

    /**
     * Consensus score in (0, 1]: the mean over models of the row's average rank divided by n
     * (1 = the most outlying row for every detector). Ranks make detectors with different score
     * scales comparable.
     */
    public static double[] meanRank(List<OutlierModel> models) {
        int n = size(models);
        double[] s = new double[n];
        for (OutlierModel m : models) {
            double[] r = Ranks.average(m.trainingScores());
            for (int i = 0; i < n; i++) s[i] += r[i] / n;
        }
        for (int i = 0; i < n; i++) s[i] /= models.size();
        return s;
    }

    /**
     * Outlier rate for each value of {@code column} of {@code labels} (one row per training row,
     * same order as the flags): value, rows, outliers, rate, and rate relative to the overall rate.
     */
    public static Table rateBy(Table labels, boolean[] flagged, String column) {
        if (labels.rowCount() != flagged.length)
            throw new IllegalArgumentException("table '" + labels.name() + "' has " + labels.rowCount() + " rows but "
                    + flagged.length + " flags");
        if (!labels.containsColumn(column))
            throw new IllegalArgumentException("table '" + labels.name() + "' has no column '" + column + "'");
        Column<?> c = labels.column(column);
        Map<String, int[]> counts = new TreeMap<>(OutlierReport::naturalOrder);
        int total = 0;
        for (int i = 0; i < flagged.length; i++) {
            int[] k = counts.computeIfAbsent(String.valueOf(c.get(i)), x -> new int[2]);
            k[0]++;
            if (flagged[i]) {
                k[1]++;
                total++;
            }
        }
        double overall = total / (double) flagged.length;
        StringColumn value = StringColumn.create(column);
        IntColumn rows = IntColumn.create("rows"), outl = IntColumn.create("outliers");
        DoubleColumn rate = DoubleColumn.create("rate"), lift = DoubleColumn.create("rate / overall");
        counts.forEach((v, k) -> {
            value.append(v);
            rows.append(k[0]);
            outl.append(k[1]);
            double r = k[1] / (double) k[0];
            rate.append(Math.round(r * 1000) / 1000.0);
            lift.append(overall == 0 ? Double.NaN : Math.round(r / overall * 100) / 100.0);
        });
        return Table.create("Outlier rate by " + column, value, rows, outl, rate, lift);
    }

    /**
     * One sentence on a {@link #rateBy} table: the values flagged most and least often relative to
     * the overall rate, and how uneven the rates are (the largest ratio between two values with at
     * least {@code minRows} rows). Values with fewer rows are left out of the comparison.
     */
    public static String rateSummary(Table rates, int minRows) {
        String column = rates.column(0).name();
        int hi = -1, lo = -1;
        for (int i = 0; i < rates.rowCount(); i++) {
            if (rates.intColumn("rows").getInt(i) < minRows) continue;
            double r = rates.doubleColumn("rate").getDouble(i);
            if (hi < 0 || r > rates.doubleColumn("rate").getDouble(hi)) hi = i;
            if (lo < 0 || r < rates.doubleColumn("rate").getDouble(lo)) lo = i;
        }
        int total = 0;
        for (int i = 0; i < rates.rowCount(); i++) total += rates.intColumn("outliers").getInt(i);
        if (hi < 0) return "By " + column + ": no value has " + minRows + " rows or more.";
        if (total == 0) return "By " + column + ": no row is flagged, so there is nothing to compare.";
        if (hi == lo) return "By " + column + ": only one value (" + rates.stringColumn(0).get(hi) + ") to compare.";
        double rh = rates.doubleColumn("rate").getDouble(hi), rl = rates.doubleColumn("rate").getDouble(lo);
        return String.format(java.util.Locale.ROOT, "By %s: most often flagged %s (rate %.3f, %.2f × the overall rate), least often %s "
                        + "(rate %.3f, %.2f ×)%s", column, rates.stringColumn(0).get(hi), rh,
                rates.doubleColumn("rate / overall").getDouble(hi), rates.stringColumn(0).get(lo), rl,
                rates.doubleColumn("rate / overall").getDouble(lo),
                rl == 0 ? " — some values are never flagged." : String.format(java.util.Locale.ROOT, " — a ratio of %.1f between them.", rh / rl));
    }

    /** The share of all flagged rows that the {@code top} values with the most flagged rows supply (e.g. the three actors with most outliers). */
    public static double topShare(Table rates, int top) {
        int[] outliers = rates.intColumn("outliers").asList().stream().mapToInt(Integer::intValue).sorted().toArray();
        int total = java.util.Arrays.stream(outliers).sum(), sum = 0;
        for (int i = 0; i < Math.min(top, outliers.length); i++) sum += outliers[outliers.length - 1 - i];
        return total == 0 ? Double.NaN : sum / (double) total;
    }

    /**
     * The {@code k} rows with the highest {@link #meanRank} consensus: {@code row} (index into
     * the training rows), {@code votes}, {@code consensus}, then the given label columns.
     */
    public static Table top(Table labels, List<OutlierModel> models, int k, List<String> columns) {
        int n = size(models);
        if (labels.rowCount() != n)
            throw new IllegalArgumentException("table '" + labels.name() + "' has " + labels.rowCount() + " rows, models " + n);
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        double[] s = meanRank(models);
        int[] v = votes(models);
        int[] order = Ranks.descending(s);
        Table t = Table.create("Most outlying training rows (consensus of " + models.size() + " detectors)");
        IntColumn row = IntColumn.create("row"), votes = IntColumn.create("votes");
        DoubleColumn cons = DoubleColumn.create("consensus");
        for (int i = 0; i < k; i++) {
            row.append(order[i]);
            votes.append(v[order[i]]);
            cons.append(Math.round(s[order[i]] * 1000) / 1000.0);
        }
        t.addColumns(row, votes, cons);
        for (String c : columns) {
            if (!labels.containsColumn(c))
                throw new IllegalArgumentException("table '" + labels.name() + "' has no column '" + c + "'");
            StringColumn sc = StringColumn.create(c);
            for (int i = 0; i < k; i++) sc.append(String.valueOf(labels.column(c).get(order[i])));
            t.addColumns(sc);
        }
        return t;
    }

    private static int size(List<OutlierModel> models) {
        if (models.isEmpty()) throw new IllegalArgumentException("no models");
        int n = models.get(0).trainingScores().length;
        for (OutlierModel m : models)
            if (m.trainingScores().length != n)
                throw new IllegalArgumentException("model '" + m.detector() + "' has " + m.trainingScores().length
                        + " training rows, expected " + n);
        return n;
    }

    /** Integers numerically (actor 2 before 10), everything else alphabetically. */
    private static int naturalOrder(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
