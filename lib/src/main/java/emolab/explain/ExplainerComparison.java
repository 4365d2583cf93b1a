package emolab.explain;

import emolab.numeric.Correlation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import emolab.study.NotApplicableException;
import emolab.study.Study;
import tech.tablesaw.api.Table;

/**
 * Several explainers of one model compared on their global feature rankings, as a {@link Study}:
 * each explainer is a step that returns one importance per feature (mean |φ| for SHAP and LIME,
 * the score drop for permutation importance). An explainer that cannot run on this data
 * ({@link NotApplicableException}: no rows to explain, a model that saw only some classes, a
 * singular coalition design, …) becomes a {@code not applicable: <reason>} row and the agreement
 * is computed between the others.
 *
 * <pre>{@code
 * ExplainerComparison c = new ExplainerComparison(features)
 *         .run("TreeSHAP", () -> treeShap.meanAbs())
 *         .run("permutation", () -> perm.mean());
 * c.table();        // explainer, seconds, features used, note
 * c.agreement();    // Spearman's ρ between the applicable explainers
 * c.conclusions();  // the most and least agreeing pairs, in words with numbers
 * }</pre>
 */
public final class ExplainerComparison {
    private final List<String> features;
    private final Study study = new Study("explainer", "seconds", "features used");
    private final Map<String, double[]> importances = new LinkedHashMap<>();

    /** @param features the model's feature names (every importance vector has one value per feature) */
    public ExplainerComparison(List<String> features) {
        if (features == null || features.isEmpty()) throw new IllegalArgumentException("no features");
        this.features = List.copyOf(features);
    }

    /** Runs and times one explainer; its importances are kept for the agreement. */
    public ExplainerComparison run(String name, Supplier<double[]> importance) {
        if (importances.containsKey(name)) throw new IllegalArgumentException("explainer '" + name + "' is already in the comparison");
        study.run(name, row -> {
            long t0 = System.nanoTime();
            double[] v = importance.get();
            double s = (System.nanoTime() - t0) / 1e9;
            if (v.length != features.size())
                throw new IllegalArgumentException("explainer '" + name + "' gave " + v.length + " importances for " + features.size() + " features");
            int used = 0;
            for (double x : v) {
                if (!Double.isFinite(x)) throw new IllegalStateException("explainer '" + name + "' gave a non-finite importance");
                if (x != 0) used++;
            }
            row.set("seconds", Math.round(s * 10) / 10.0).set("features used", used);
            importances.put(name, v.clone());
        });
        return this;
    }

    /** The study: one row per explainer, {@code not applicable: <reason>} where it refused. */
    public Study study() {
        return study;
    }

    public Table table() {
        return study.table();
    }

    /** The importances of the explainers that ran, in run order. */
    public Map<String, double[]> importances() {
        Map<String, double[]> out = new LinkedHashMap<>();
        importances.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** Spearman's ρ between every two explainers that ran ({@link RankAgreement#table}). */
    public Table agreement() {
        if (importances.isEmpty()) throw new NotApplicableException("no explainer ran on this data");
        return RankAgreement.table(importances);
    }

    /** A pair of explainers and their rank agreement. */
    public record Pair(String a, String b, double rho) {}

    /** Every pair of explainers that ran, most agreeing first (pairs with an undefined ρ last). */
    public List<Pair> pairs() {
        List<String> names = new ArrayList<>(importances.keySet());
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++)
            for (int j = i + 1; j < names.size(); j++)
                out.add(new Pair(names.get(i), names.get(j),
                        Correlation.spearman(importances.get(names.get(i)), importances.get(names.get(j)))));
        out.sort((p, q) -> Double.isNaN(p.rho) ? (Double.isNaN(q.rho) ? 0 : 1) : Double.isNaN(q.rho) ? -1 : Double.compare(q.rho, p.rho));
        return out;
    }

    /**
     * The agreement in sentences computed from this run: every pair from the most to the least
     * agreeing with its ρ, and the explainers that were not applicable.
     */
    public String conclusions() {
        StringBuilder b = new StringBuilder();
        List<Pair> pairs = pairs();
        if (pairs.isEmpty()) b.append("Fewer than two explainers ran, so there is no agreement to compare.");
        else {
            Pair top = pairs.get(0), low = pairs.get(pairs.size() - 1);
            b.append(String.format(Locale.ROOT, "Most alike: %s and %s (ρ = %.2f). Least alike: %s and %s (ρ = %.2f).",
                    top.a, top.b, top.rho, low.a, low.b, low.rho));
            b.append("\nAll pairs, most alike first:");
            for (Pair p : pairs) b.append(String.format(Locale.ROOT, "%n  %-28s ρ = %6.3f", p.a + " vs " + p.b, p.rho));
        }
        for (Study.Row r : study.rows())
            if (!r.applicable()) b.append("\n").append(r.method()).append(": ").append(r.note());
        return b.toString();
    }

    /** ρ between the explainers named {@code a} and {@code b}; NaN when either did not run. */
    public double rho(String a, String b) {
        if (!importances.containsKey(a) || !importances.containsKey(b)) return Double.NaN;
        return Correlation.spearman(importances.get(a), importances.get(b));
    }

    /** The {@code k} features ranked highest by explainer {@code name}: feature, importance. */
    public Table top(String name, int k) {
        double[] v = importances.get(name);
        if (v == null) throw new NotApplicableException("explainer '" + name + "' did not run on this data");
        Integer[] order = new Integer[v.length];
        for (int j = 0; j < v.length; j++) order[j] = j;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
        tech.tablesaw.api.StringColumn f = tech.tablesaw.api.StringColumn.create("feature");
        tech.tablesaw.api.DoubleColumn imp = tech.tablesaw.api.DoubleColumn.create(name + " importance");
        for (int j = 0; j < Math.min(k, v.length); j++) {
            f.append(features.get(order[j]));
            imp.append(v[order[j]]);
        }
        return Table.create("Top features by " + name, f, imp);
    }
}
