package emolab.classify.tune;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import emolab.classify.ClassifierSpec;

/**
 * What random search samples from (scikit-learn {@code ParameterSampler}): per parameter a list
 * of values (drawn uniformly), a uniform or log-uniform real range, or an integer range.
 *
 * <pre>{@code
 * ParamDistributions d = ParamDistributions.logUniform("C", 0.01, 100).andLogUniform("gamma", 1e-4, 1e-1);
 * }</pre>
 */
public final class ParamDistributions {
    /** One parameter's distribution. */
    private interface Dist extends Serializable {
        Object draw(Random r);
    }

    private final LinkedHashMap<String, Dist> dists = new LinkedHashMap<>();

    private ParamDistributions() {}

    public static ParamDistributions choice(String name, Object... values) { return new ParamDistributions().andChoice(name, values); }

    public static ParamDistributions uniform(String name, double lo, double hi) { return new ParamDistributions().andUniform(name, lo, hi); }

    public static ParamDistributions logUniform(String name, double lo, double hi) { return new ParamDistributions().andLogUniform(name, lo, hi); }

    public static ParamDistributions intUniform(String name, int lo, int hi) { return new ParamDistributions().andIntUniform(name, lo, hi); }

    /** Values drawn uniformly from a list. */
    public ParamDistributions andChoice(String name, Object... values) {
        if (values == null || values.length == 0) throw new IllegalArgumentException("parameter '" + name + "' has no values");
        List<Object> v = List.copyOf(Arrays.asList(values));
        return add(name, r -> v.get(r.nextInt(v.size())));
    }

    /** Real values uniform in [lo, hi). */
    public ParamDistributions andUniform(String name, double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi))
            throw new IllegalArgumentException("parameter '" + name + "': need finite lo < hi, got [" + lo + ", " + hi + ")");
        return add(name, r -> lo + (hi - lo) * r.nextDouble());
    }

    /** Real values whose logarithm is uniform in [log lo, log hi) (for C, gamma, learning rates). */
    public ParamDistributions andLogUniform(String name, double lo, double hi) {
        if (!(lo > 0 && lo < hi) || !Double.isFinite(hi))
            throw new IllegalArgumentException("parameter '" + name + "': need 0 < lo < hi, got [" + lo + ", " + hi + ")");
        double a = Math.log(lo), b = Math.log(hi);
        return add(name, r -> Math.exp(a + (b - a) * r.nextDouble()));
    }

    /** Integers uniform in [lo, hi] (inclusive). */
    public ParamDistributions andIntUniform(String name, int lo, int hi) {
        if (lo > hi) throw new IllegalArgumentException("parameter '" + name + "': need lo ≤ hi, got [" + lo + ", " + hi + "]");
        return add(name, r -> lo + r.nextInt(hi - lo + 1));
    }

    private ParamDistributions add(String name, Dist d) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("parameter name must not be empty");
        if (dists.put(name, d) != null) throw new IllegalArgumentException("parameter '" + name + "' is given twice");
        return this;
    }

    public List<String> names() {
        return List.copyOf(dists.keySet());
    }

    /** {@code n} seeded draws (parameters drawn in the order they were added). */
    public List<Map<String, Object>> sample(int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("number of random-search iterations must be ≥ 1, got " + n);
        Random r = new Random(seed);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            dists.forEach((k, d) -> m.put(k, d.draw(r)));
            out.add(java.util.Collections.unmodifiableMap(m));
        }
        return out;
    }

    /** Checks the names against {@code spec} (and one draw's values). */
    public void validate(ClassifierSpec spec) {
        spec.with(sample(1, 0).get(0));
    }
}
