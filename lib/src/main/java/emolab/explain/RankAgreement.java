package emolab.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How far different explainers agree on which features matter: Spearman's rank correlation of
 * their global importance vectors (ties get average ranks, as {@code scipy.stats.spearmanr}).
 */
public final class RankAgreement {
    private RankAgreement() {}

    /** Spearman's ρ of {@code a} and {@code b} (Pearson correlation of their average ranks). */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("spearman: " + a.length + " vs " + b.length + " values");
        if (a.length < 2) throw new IllegalArgumentException("spearman needs at least 2 values");
        return pearson(ranks(a), ranks(b));
    }

    /** Average ranks (1-based). */
    public static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int q = i; q <= j; q++) r[idx[q]] = avg;
            i = j + 1;
        }
        return r;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0), mb = Arrays.stream(b).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** The matrix of pairwise Spearman ρ between named importance vectors (one row per method). */
    public static Table table(Map<String, double[]> importances) {
        List<String> names = new ArrayList<>(importances.keySet());
        StringColumn first = StringColumn.create("Spearman ρ", names);
        Table t = Table.create("Rank agreement of global feature importances", first);
        for (String col : names) {
            DoubleColumn c = DoubleColumn.create(col);
            for (String row : names) c.append(Math.round(spearman(importances.get(row), importances.get(col)) * 1000) / 1000.0);
            t.addColumns(c);
        }
        return t;
    }

    /** A convenience ordered map for {@link #table}. */
    public static Map<String, double[]> of(Object... nameThenImportance) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameThenImportance.length; i += 2) m.put((String) nameThenImportance[i], (double[]) nameThenImportance[i + 1]);
        return m;
    }
}
