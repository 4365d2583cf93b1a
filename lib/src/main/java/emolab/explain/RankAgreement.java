package emolab.explain;

import emolab.numeric.Correlation;

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

    /** The matrix of pairwise Spearman ρ between named importance vectors (one row per method). */
    public static Table table(Map<String, double[]> importances) {
        List<String> names = new ArrayList<>(importances.keySet());
        StringColumn first = StringColumn.create("Spearman ρ", names);
        Table t = Table.create("Rank agreement of global feature importances", first);
        for (String col : names) {
            DoubleColumn c = DoubleColumn.create(col);
            for (String row : names) c.append(Math.round(Correlation.spearman(importances.get(row), importances.get(col)) * 1000) / 1000.0);
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
