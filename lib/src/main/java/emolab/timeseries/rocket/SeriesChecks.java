package emolab.timeseries.rocket;

/** Input validation shared by the transforms: shape, equal lengths and finite values. */
final class SeriesChecks {
    private SeriesChecks() {}

    /** The {@code [channels, length]} of series {@code i}, checked for shape and finiteness. */
    static int[] shape(double[][] s, int i) {
        String name = name(i);
        if (s == null) throw new IllegalArgumentException(name + " is null");
        if (s.length == 0) throw new IllegalArgumentException(name + " has no channels");
        int len = -1;
        for (int c = 0; c < s.length; c++) {
            double[] ch = s[c];
            if (ch == null) throw new IllegalArgumentException(name + " channel " + c + " is null");
            if (len < 0) len = ch.length;
            else if (ch.length != len)
                throw new IllegalArgumentException(name + ": channel " + c + " has length " + ch.length
                        + " but channel 0 has length " + len + " (channels must have equal lengths)");
            for (int t = 0; t < ch.length; t++)
                if (!Double.isFinite(ch[t]))
                    throw new IllegalArgumentException(name + " channel " + c + " time " + t + " is " + ch[t]
                            + " (NaN and infinite values are not allowed; impute or drop them first)");
        }
        if (len == 0) throw new IllegalArgumentException(name + " is empty (length 0)");
        return new int[] {s.length, len};
    }

    /** "series i", or "series" when the index is unknown (negative). */
    static String name(int i) {
        return i >= 0 ? "series " + i : "series";
    }

    /** Checks that series {@code i} has the fitted number of channels and length. */
    static void expect(double[][] s, int i, int channels, int length) {
        int[] sh = shape(s, i);
        if (sh[0] != channels)
            throw new IllegalArgumentException(name(i) + " has " + sh[0] + " channels; the transform was fitted on " + channels);
        if (sh[1] != length)
            throw new IllegalArgumentException(name(i) + " has length " + sh[1] + "; the transform was fitted on length "
                    + length + " (all series must have the fitted length: pad or cut them first)");
    }

    /** The common {@code [channels, length]} of all series of a non-empty source. */
    static int[] common(SeriesSource src) {
        if (src == null) throw new IllegalArgumentException("series source is null");
        if (src.size() == 0) throw new IllegalArgumentException("no series to fit on (source is empty)");
        int[] first = shape(src.get(0), 0);
        for (int i = 1; i < src.size(); i++) {
            int[] sh = shape(src.get(i), i);
            if (sh[0] != first[0])
                throw new IllegalArgumentException("series " + i + " has " + sh[0] + " channels but series 0 has " + first[0]);
            if (sh[1] != first[1])
                throw new IllegalArgumentException("series " + i + " has length " + sh[1] + " but series 0 has length " + first[1]
                        + " (equal lengths are needed: pad or cut the series first)");
        }
        return first;
    }
}
