package emolab.classify;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One named hyper-parameter of a {@link ClassifierSpec}: its kind, default value and the values
 * it accepts. Values are normalised on the way in ({@code 10} for a real parameter becomes
 * {@code 10.0}, an integral {@code 5.0} for an integer parameter becomes {@code 5}), so grids
 * written with either literal work.
 */
public final class Param implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a parameter holds. */
    public enum Kind {
        /** {@link Integer} within [min, max]. */
        INT,
        /** {@link Double} within [min, max] (finite). */
        REAL,
        /** {@link Boolean}. */
        BOOL,
        /** {@link String}, one of a fixed set. */
        CHOICE,
        /** A {@link String} from a set or a positive number (e.g. {@code gamma = "scale" | 0.01}). */
        CHOICE_OR_REAL,
        /** {@code int[]} of positive sizes (e.g. hidden layer sizes). */
        INT_ARRAY,
        /** A nested {@link ClassifierSpec} (e.g. the base model of bagging). */
        SPEC
    }

    private final String name;
    private final Kind kind;
    private final Object defaultValue;
    private final double min, max;
    private final List<String> choices;
    private final String doc;

    private Param(String name, Kind kind, Object defaultValue, double min, double max, List<String> choices, String doc) {
        this.name = name;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.choices = choices == null ? List.of() : List.copyOf(choices);
        this.doc = doc;
        this.defaultValue = defaultValue == null ? null : normalise(defaultValue);
    }

    public static Param integer(String name, int dflt, int min, int max, String doc) {
        return new Param(name, Kind.INT, dflt, min, max, null, doc);
    }

    public static Param real(String name, double dflt, double min, double max, String doc) {
        return new Param(name, Kind.REAL, dflt, min, max, null, doc);
    }

    public static Param bool(String name, boolean dflt, String doc) {
        return new Param(name, Kind.BOOL, dflt, 0, 0, null, doc);
    }

    public static Param choice(String name, String dflt, List<String> choices, String doc) {
        return new Param(name, Kind.CHOICE, dflt, 0, 0, choices, doc);
    }

    /** A string from {@code choices} or a real number in [min, max]. */
    public static Param choiceOrReal(String name, Object dflt, List<String> choices, double min, double max, String doc) {
        return new Param(name, Kind.CHOICE_OR_REAL, dflt, min, max, choices, doc);
    }

    public static Param intArray(String name, int[] dflt, String doc) {
        return new Param(name, Kind.INT_ARRAY, dflt, 1, Integer.MAX_VALUE, null, doc);
    }

    public static Param spec(String name, ClassifierSpec dflt, String doc) {
        return new Param(name, Kind.SPEC, dflt, 0, 0, null, doc);
    }

    public String name() { return name; }

    public Kind kind() { return kind; }

    public Object defaultValue() { return copy(defaultValue); }

    public String doc() { return doc; }

    public List<String> choices() { return choices; }

    /**
     * Checks and normalises {@code value} for this parameter.
     *
     * @throws IllegalArgumentException naming the parameter, the value and what is accepted
     */
    public Object normalise(Object value) {
        if (value == null) throw bad(null, "a value (null given)");
        switch (kind) {
            case INT -> {
                if (!(value instanceof Number n)) throw bad(value, "an integer");
                double d = n.doubleValue();
                if (d != Math.rint(d) || Double.isInfinite(d)) throw bad(value, "an integer");
                if (d < min || d > max) throw bad(value, "an integer in " + range());
                return (int) d;
            }
            case REAL -> {
                if (!(value instanceof Number n)) throw bad(value, "a number");
                double d = n.doubleValue();
                if (!Double.isFinite(d) || d < min || d > max) throw bad(value, "a finite number in " + range());
                return d;
            }
            case BOOL -> {
                if (!(value instanceof Boolean)) throw bad(value, "true or false");
                return value;
            }
            case CHOICE -> {
                if (!(value instanceof String s) || !choices.contains(s)) throw bad(value, "one of " + choices);
                return s;
            }
            case CHOICE_OR_REAL -> {
                if (value instanceof String s) {
                    if (!choices.contains(s)) throw bad(value, "one of " + choices + " or a number in " + range());
                    return s;
                }
                if (!(value instanceof Number n)) throw bad(value, "one of " + choices + " or a number in " + range());
                double d = n.doubleValue();
                if (!Double.isFinite(d) || d < min || d > max) throw bad(value, "one of " + choices + " or a number in " + range());
                return d;
            }
            case INT_ARRAY -> {
                int[] a;
                if (value instanceof int[] ia) a = ia.clone();
                else if (value instanceof Integer i) a = new int[] {i};
                else if (value instanceof List<?> l) {
                    a = new int[l.size()];
                    for (int i = 0; i < a.length; i++) {
                        if (!(l.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()))
                            throw bad(value, "a list of positive integers");
                        a[i] = n.intValue();
                    }
                } else throw bad(value, "an int[] of positive sizes");
                for (int v : a) if (v < 1) throw bad(Arrays.toString(a), "positive sizes");
                return a;
            }
            case SPEC -> {
                if (!(value instanceof ClassifierSpec)) throw bad(value, "a ClassifierSpec");
                return value;
            }
            default -> throw new AssertionError(kind);
        }
    }

    private String range() {
        return "[" + fmt(min) + ", " + fmt(max) + "]";
    }

    private static String fmt(double d) {
        if (d == Integer.MAX_VALUE || d == Double.MAX_VALUE || d == Double.POSITIVE_INFINITY) return "∞";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%s", d);
    }

    private IllegalArgumentException bad(Object value, String expected) {
        String v = value instanceof int[] a ? Arrays.toString(a) : String.valueOf(value);
        return new IllegalArgumentException("hyper-parameter '" + name + "' must be " + expected + ", got " + v
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")"));
    }

    static Object copy(Object v) {
        return v instanceof int[] a ? a.clone() : v;
    }

    /** A value rendered for tables and {@code toString}: {@code [128, 64]} for arrays. */
    public static String render(Object v) {
        if (v instanceof int[] a) return Arrays.toString(a);
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%.1f", d);
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        return name + " (" + kind + ", default " + render(defaultValue) + "): " + doc;
    }
}
