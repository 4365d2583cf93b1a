package emolab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Facts about a corpus table (from {@link CorpusScanner}) or a feature table, stated in words from
 * the table itself, so a notebook's prose stays true on any RAVDESS-named folder: durations by
 * vocal channel, the high- versus low-arousal contrast of a feature, and the choice of an example
 * recording that exists in this corpus.
 */
public final class CorpusFacts {
    private CorpusFacts() {}

    /** Emotions of high arousal in the psychology of vocal expression. */
    public static final Set<String> HIGH_AROUSAL = Set.of("angry", "happy", "fearful", "surprised");
    /** Emotions of low arousal. */
    public static final Set<String> LOW_AROUSAL = Set.of("calm", "sad", "neutral");

    /** Median of the finite values (NaN when there are none). */
    static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    static double quantile(double[] v, double q) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    private static NumericColumn<?> numeric(Table t, String column) {
        if (!t.containsColumn(column)) throw new IllegalArgumentException("table '" + t.name() + "' has no column '" + column + "'");
        if (!(t.column(column) instanceof NumericColumn<?> c))
            throw new IllegalArgumentException("column '" + column + "' of table '" + t.name() + "' is not numeric");
        return c;
    }

    private static double[] valuesWhere(Table t, String column, String labelColumn, Set<String> labels) {
        NumericColumn<?> c = numeric(t, column);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++)
            if (labels.contains(String.valueOf(t.column(labelColumn).get(i))) && !c.isMissing(i)) out.add(c.getDouble(i));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The durations in words: the median and the middle half of {@code duration_s}, and, when
     * both vocal channels are present, which one is longer by the median (within 0.1 s counts as
     * about the same).
     */
    public static String durations(Table corpus) {
        double[] all = numeric(corpus, "duration_s").asDoubleArray();
        if (all.length == 0) return "The corpus is empty: no durations.";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Median duration %.2f s; the middle half of the recordings lasts %.2f–%.2f s.",
                median(all), quantile(all, 0.25), quantile(all, 0.75)));
        double[] speech = valuesWhere(corpus, "duration_s", "vocal_channel", Set.of("speech"));
        double[] song = valuesWhere(corpus, "duration_s", "vocal_channel", Set.of("song"));
        if (speech.length == 0 || song.length == 0) {
            b.append(" This corpus holds only ").append(speech.length == 0 ? "song" : "speech").append(", so the channels cannot be compared.");
            return b.toString();
        }
        double ms = median(speech), mg = median(song), d = mg - ms;
        b.append(String.format(Locale.ROOT, " Median speech %.2f s, median song %.2f s: ", ms, mg));
        b.append(Math.abs(d) < 0.1 ? "on this corpus the two channels last about the same."
                : d > 0 ? String.format(Locale.ROOT, "songs are longer, by %.2f s.", d)
                : String.format(Locale.ROOT, "on this corpus speech is longer, by %.2f s.", -d));
        return b.toString();
    }

    /**
     * The arousal contrast of one feature in words: the median of {@code column} over the
     * high-arousal emotions (angry, happy, fearful, surprised) against the low-arousal ones (calm,
     * sad, neutral) present in {@code table} ({@code emotion} column), and whether it is higher for
     * high arousal, as the psychology of vocal expression predicts for pitch and loudness.
     */
    public static String arousal(Table table, String column, String what) {
        double[] hi = valuesWhere(table, column, "emotion", HIGH_AROUSAL), lo = valuesWhere(table, column, "emotion", LOW_AROUSAL);
        if (hi.length == 0 || lo.length == 0)
            return String.format(Locale.ROOT, "%s: this corpus lacks %s-arousal emotions, so the contrast cannot be checked.", what,
                    hi.length == 0 ? "high" : "low");
        double mh = median(hi), ml = median(lo);
        return String.format(Locale.ROOT, "%s: median %.4g for high-arousal emotions, %.4g for low-arousal ones — %s.", what, mh, ml,
                mh > ml ? "higher for high arousal, as predicted" : "not higher for high arousal on this data");
    }

    /**
     * The row of an example recording that exists in this corpus: the first recording of
     * {@code emotion} with {@code intensity} of {@code actor} (null: any actor), preferring speech;
     * failing that any vocal channel, then any intensity, then any actor.
     *
     * @throws IllegalArgumentException when the corpus has no recording of {@code emotion} at all
     */
    public static int example(Table corpus, String emotion, String intensity, Integer actor) {
        for (int relax = 0; relax < 4; relax++) {
            for (int i = 0; i < corpus.rowCount(); i++) {
                if (!corpus.stringColumn("emotion").get(i).equals(emotion)) continue;
                if (relax < 2 && !corpus.stringColumn("intensity").get(i).equals(intensity)) continue;
                if (relax < 1 && !corpus.stringColumn("vocal_channel").get(i).equals("speech")) continue;
                if (relax < 3 && actor != null && corpus.intColumn("actor").get(i) != actor) continue;
                return i;
            }
        }
        throw new IllegalArgumentException("the corpus has no '" + emotion + "' recording (emotions present: "
                + new java.util.TreeSet<>(corpus.stringColumn("emotion").asList()) + ")");
    }

    /** A one-line description of row {@code i}: file, emotion, intensity, vocal channel, actor. */
    public static String describe(Table corpus, int i) {
        return String.format(Locale.ROOT, "%s: %s, %s intensity, %s, actor %d", java.nio.file.Path.of(corpus.stringColumn("path").get(i)).getFileName(),
                corpus.stringColumn("emotion").get(i), corpus.stringColumn("intensity").get(i), corpus.stringColumn("vocal_channel").get(i),
                corpus.intColumn("actor").get(i));
    }
}
