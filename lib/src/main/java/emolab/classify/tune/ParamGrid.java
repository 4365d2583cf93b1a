package emolab.classify.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import emolab.classify.ClassifierSpec;

/**
 * A grid of hyper-parameter values (scikit-learn {@code ParameterGrid}): every combination of
 * the listed values. Parameters vary in the order they were added, the last one fastest.
 *
 * <pre>{@code
 * ParamGrid grid = ParamGrid.of("C", 0.1, 1, 10).and("gamma", "scale", 0.01);   // 6 combinations
 * }</pre>
 */
public final class ParamGrid {
    private final LinkedHashMap<String, List<Object>> values = new LinkedHashMap<>();

    private ParamGrid() {}

    /** A grid over one parameter. */
    public static ParamGrid of(String name, Object... values) {
        return new ParamGrid().and(name, values);
    }

    /** A grid over one parameter. */
    public static ParamGrid of(String name, List<?> values) {
        return new ParamGrid().and(name, values.toArray());
    }

    /** Adds a parameter (returns this grid). */
    public ParamGrid and(String name, Object... vals) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("parameter name must not be empty");
        if (values.containsKey(name)) throw new IllegalArgumentException("parameter '" + name + "' is already in the grid");
        if (vals == null || vals.length == 0) throw new IllegalArgumentException("parameter '" + name + "' has no values");
        values.put(name, List.copyOf(Arrays.asList(vals)));
        return this;
    }

    /** Parameter names in grid order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Number of combinations. */
    public int size() {
        int n = 1;
        for (List<Object> v : values.values()) n = Math.multiplyExact(n, v.size());
        return n;
    }

    /** Every combination, in order. */
    public List<Map<String, Object>> combinations() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> names = names();
        int[] idx = new int[names.size()];
        for (int c = 0; c < size(); c++) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int p = 0; p < names.size(); p++) m.put(names.get(p), values.get(names.get(p)).get(idx[p]));
            out.add(Collections.unmodifiableMap(m));
            for (int p = names.size() - 1; p >= 0; p--) {
                if (++idx[p] < values.get(names.get(p)).size()) break;
                idx[p] = 0;
            }
        }
        return out;
    }

    /**
     * Checks every name and value against {@code spec} before anything is fitted.
     *
     * @throws IllegalArgumentException for an unknown name (listing the valid ones) or a bad value
     */
    public void validate(ClassifierSpec spec) {
        for (Map<String, Object> combo : combinations()) spec.with(combo);
    }

    @Override
    public String toString() {
        return "ParamGrid" + values;
    }
}
