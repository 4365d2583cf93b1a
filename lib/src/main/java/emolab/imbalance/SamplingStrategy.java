package emolab.imbalance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which classes a sampler re-samples and to what size, as imbalanced-learn's
 * {@code sampling_strategy}. {@link #resolve} turns it into a map (ascending label) from each
 * targeted class to: the number of rows to <em>generate</em> (over-sampling), the number of rows
 * to <em>keep</em> (under-sampling), or the minority count (cleaning: only the keys matter).
 *
 * <p>"Majority" and "minority" are the classes with the most and fewest rows; ties go to the
 * smaller label (imbalanced-learn's sorted class counts).
 */
public final class SamplingStrategy {

    /** What kind of sampler asks. */
    public enum Type {
        /** Generates rows: targets are final counts, never below the current count. */
        OVER_SAMPLING,
        /** Removes rows down to a count: targets are kept counts, never above the current count. */
        UNDER_SAMPLING,
        /** Removes rows by a rule (ENN, Tomek links, …): only the targeted classes matter. */
        CLEAN_SAMPLING
    }

    private enum Kind { AUTO, MINORITY, MAJORITY, NOT_MINORITY, NOT_MAJORITY, ALL, COUNTS, RATIO, CLASSES }

    private final Kind kind;
    private final Map<Integer, Integer> counts;
    private final double ratio;
    private final Set<Integer> classes;

    private SamplingStrategy(Kind kind, Map<Integer, Integer> counts, double ratio, Set<Integer> classes) {
        this.kind = kind;
        this.counts = counts;
        this.ratio = ratio;
        this.classes = classes;
    }

    private static SamplingStrategy of(Kind k) {
        return new SamplingStrategy(k, Map.of(), Double.NaN, Set.of());
    }

    /** {@code 'auto'}: "not majority" for over-sampling, "not minority" for under-sampling and cleaning. */
    public static SamplingStrategy auto() { return of(Kind.AUTO); }

    /** {@code 'minority'}: only the minority class (over-sampling only). */
    public static SamplingStrategy minority() { return of(Kind.MINORITY); }

    /** {@code 'majority'}: only the majority class (under-sampling and cleaning only). */
    public static SamplingStrategy majority() { return of(Kind.MAJORITY); }

    /** {@code 'not minority'}: every class except the minority. */
    public static SamplingStrategy notMinority() { return of(Kind.NOT_MINORITY); }

    /** {@code 'not majority'}: every class except the majority. */
    public static SamplingStrategy notMajority() { return of(Kind.NOT_MAJORITY); }

    /** {@code 'all'}: every class. */
    public static SamplingStrategy all() { return of(Kind.ALL); }

    /**
     * A dict: the desired number of rows of each listed class after re-sampling (over- and
     * under-sampling only). Over-sampling may not ask for fewer rows than a class has, and
     * under-sampling not for more.
     */
    public static SamplingStrategy counts(Map<Integer, Integer> targetCounts) {
        if (targetCounts == null || targetCounts.isEmpty())
            throw new IllegalArgumentException("sampling strategy counts must name at least one class");
        for (var e : targetCounts.entrySet())
            if (e.getKey() == null || e.getValue() == null || e.getValue() < 0)
                throw new IllegalArgumentException("sampling strategy counts must be non-negative, got " + targetCounts);
        return new SamplingStrategy(Kind.COUNTS, new TreeMap<>(targetCounts), Double.NaN, Set.of());
    }

    /**
     * A float in (0, 1], binary problems only: over-sampling brings the minority to
     * {@code int(ratio · n_majority)} rows; under-sampling keeps {@code int(n_minority / ratio)}
     * majority rows.
     */
    public static SamplingStrategy ratio(double ratio) {
        if (!(ratio > 0 && ratio <= 1))
            throw new IllegalArgumentException("sampling strategy ratio must be in (0, 1], got " + ratio);
        return new SamplingStrategy(Kind.RATIO, Map.of(), ratio, Set.of());
    }

    /** A list of classes to clean (cleaning samplers only). */
    public static SamplingStrategy classes(int... labels) {
        if (labels.length == 0) throw new IllegalArgumentException("sampling strategy classes must name at least one class");
        TreeSet<Integer> s = new TreeSet<>();
        for (int l : labels) s.add(l);
        return new SamplingStrategy(Kind.CLASSES, Map.of(), Double.NaN, s);
    }

    /**
     * The targeted classes (ascending label) with their numbers, for labels {@code y}.
     *
     * @throws IllegalArgumentException when {@code y} has fewer than 2 classes, names a class
     *     that is absent, or asks what the sampler type cannot do
     */
    public LinkedHashMap<Integer, Integer> resolve(int[] y, Type type) {
        TreeMap<Integer, Integer> stats = Classes.counts(y);
        if (stats.size() <= 1)
            throw new IllegalArgumentException("y needs more than 1 class; got " + stats.size() + " class"
                    + (stats.isEmpty() ? "" : " (label " + stats.firstKey() + ")"));
        int nMaj = stats.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int nMin = stats.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int maj = Classes.argMax(stats), min = Classes.argMin(stats);
        boolean over = type == Type.OVER_SAMPLING;
        LinkedHashMap<Integer, Integer> out = new LinkedHashMap<>();
        switch (kind) {
            case AUTO -> {
                for (var e : stats.entrySet())
                    if (over ? e.getKey() != maj : e.getKey() != min) out.put(e.getKey(), over ? nMaj - e.getValue() : nMin);
            }
            case MINORITY -> {
                if (!over) throw new IllegalArgumentException("sampling strategy 'minority' cannot be used with under-sampling or cleaning samplers");
                out.put(min, nMaj - stats.get(min));
            }
            case MAJORITY -> {
                if (over) throw new IllegalArgumentException("sampling strategy 'majority' cannot be used with over-sampling samplers");
                out.put(maj, nMin);
            }
            case NOT_MINORITY -> {
                for (var e : stats.entrySet()) if (e.getKey() != min) out.put(e.getKey(), over ? nMaj - e.getValue() : nMin);
            }
            case NOT_MAJORITY -> {
                for (var e : stats.entrySet()) if (e.getKey() != maj) out.put(e.getKey(), over ? nMaj - e.getValue() : nMin);
            }
            case ALL -> {
                for (var e : stats.entrySet()) out.put(e.getKey(), over ? nMaj - e.getValue() : nMin);
            }
            case COUNTS -> {
                if (type == Type.CLEAN_SAMPLING)
                    throw new IllegalArgumentException("sampling strategy counts cannot be used with cleaning samplers; use SamplingStrategy.classes(...)");
                for (var e : counts.entrySet()) {
                    Integer have = stats.get(e.getKey());
                    if (have == null)
                        throw new IllegalArgumentException("sampling strategy names class " + e.getKey() + ", which is not in y (classes " + stats.keySet() + ")");
                    int want = e.getValue();
                    if (over && want < have)
                        throw new IllegalArgumentException("over-sampling cannot reduce class " + e.getKey() + ": it has "
                                + have + " rows and the sampling strategy asks for " + want);
                    if (!over && want > have)
                        throw new IllegalArgumentException("under-sampling cannot grow class " + e.getKey() + ": it has "
                                + have + " rows and the sampling strategy asks for " + want);
                    out.put(e.getKey(), over ? want - have : want);
                }
            }
            case RATIO -> {
                if (stats.size() != 2)
                    throw new IllegalArgumentException("a sampling strategy ratio needs a binary target; y has " + stats.size() + " classes (use counts)");
                if (type == Type.CLEAN_SAMPLING)
                    throw new IllegalArgumentException("sampling strategy ratio cannot be used with cleaning samplers");
                if (over) {
                    for (var e : stats.entrySet()) {
                        if (e.getKey() == maj) continue;
                        int n = (int) (nMaj * ratio - e.getValue());
                        if (n <= 0)
                            throw new IllegalArgumentException("sampling strategy ratio " + ratio + " asks for " + (int) (nMaj * ratio)
                                    + " rows of class " + e.getKey() + ", which already has " + e.getValue() + "; increase the ratio");
                        out.put(e.getKey(), n);
                    }
                } else {
                    for (var e : stats.entrySet()) {
                        if (e.getKey() == min) continue;
                        int n = (int) (nMin / ratio);
                        if (n > e.getValue())
                            throw new IllegalArgumentException("sampling strategy ratio " + ratio + " asks to keep " + n
                                    + " rows of class " + e.getKey() + ", which has only " + e.getValue() + "; increase the ratio");
                        out.put(e.getKey(), n);
                    }
                }
            }
            case CLASSES -> {
                if (type != Type.CLEAN_SAMPLING)
                    throw new IllegalArgumentException("sampling strategy classes(...) is for cleaning samplers only; use counts(...)");
                for (int c : classes) {
                    if (!stats.containsKey(c))
                        throw new IllegalArgumentException("sampling strategy names class " + c + ", which is not in y (classes " + stats.keySet() + ")");
                    out.put(c, nMin);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case MINORITY -> "minority";
            case MAJORITY -> "majority";
            case NOT_MINORITY -> "not minority";
            case NOT_MAJORITY -> "not majority";
            case ALL -> "all";
            case COUNTS -> "counts" + counts;
            case RATIO -> "ratio(" + ratio + ")";
            case CLASSES -> "classes" + classes;
        };
    }
}
