package emolab.timeseries.representations;

import emolab.timeseries.Series;
import emolab.timeseries.ZNormalization;
import java.util.Arrays;

/**
 * Symbolic Aggregate approXimation: each PAA value of a z-normalised series becomes one of
 * {@code alphabet} symbols {@code 0 .. alphabet−1}, cut at the Gaussian breakpoints
 * {@code β_k = Φ⁻¹(k / alphabet)}, {@code k = 1 .. alphabet−1}, so that the symbols are
 * equiprobable for N(0, 1) data. Symbol = the number of breakpoints {@code ≤ v}
 * ({@code numpy.searchsorted(β, v, side='right')}, tslearn's rule). Immutable and thread-safe.
 */
public final class Sax {
    private final int alphabet;
    private final double[] breakpoints;

    /** @param alphabet number of symbols, 2 or more */
    public Sax(int alphabet) {
        if (alphabet < 2) throw new IllegalArgumentException("SAX alphabet size must be >= 2, got " + alphabet);
        this.alphabet = alphabet;
        this.breakpoints = breakpoints(alphabet);
    }

    /** {@code Φ⁻¹(k / alphabet)} for {@code k = 1 .. alphabet−1}. */
    public static double[] breakpoints(int alphabet) {
        if (alphabet < 2) throw new IllegalArgumentException("SAX alphabet size must be >= 2, got " + alphabet);
        double[] b = new double[alphabet - 1];
        for (int k = 1; k < alphabet; k++) b[k - 1] = NormalQuantile.inverseCdf((double) k / alphabet);
        return b;
    }

    public int alphabet() { return alphabet; }

    /** A copy of the breakpoints. */
    public double[] breakpoints() { return breakpoints.clone(); }

    /** The symbol of one value. */
    public int symbol(double v) {
        if (Double.isNaN(v)) throw new IllegalArgumentException("cannot map NaN to a SAX symbol");
        int lo = 0, hi = breakpoints.length; // first index with breakpoint > v
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (breakpoints[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Symbols of PAA values (the caller z-normalised the series before the PAA). */
    public int[] symbols(double[] paa) {
        Series.requireFinite(paa, "PAA values");
        int[] s = new int[paa.length];
        for (int i = 0; i < paa.length; i++) s[i] = symbol(paa[i]);
        return s;
    }

    /** SAX word of a raw series: z-normalise, {@code paa}, then {@link #symbols}. */
    public int[] transform(double[] series, Paa paa) {
        return symbols(paa.transform(ZNormalization.apply(series)));
    }

    /**
     * The value a symbol stands for when a SAX word is drawn or used as numbers: the median of
     * N(0,1) restricted to the symbol's interval, {@code Φ⁻¹((2s + 1) / (2·alphabet))}.
     */
    public double centre(int symbol) {
        if (symbol < 0 || symbol >= alphabet)
            throw new IllegalArgumentException("symbol must be in 0.." + (alphabet - 1) + ", got " + symbol);
        return NormalQuantile.inverseCdf((2.0 * symbol + 1) / (2.0 * alphabet));
    }

    /** Letters {@code a, b, c, …} for a word (alphabet up to 26). */
    public String letters(int[] word) {
        if (alphabet > 26) throw new IllegalStateException("letters need an alphabet of at most 26, this one has " + alphabet);
        char[] c = new char[word.length];
        for (int i = 0; i < word.length; i++) c[i] = (char) ('a' + word[i]);
        return new String(c);
    }

    /**
     * Lin et al.'s MINDIST between two SAX words of series of length {@code n}: a lower bound of
     * the Euclidean distance between the z-normalised series.
     */
    public double minDist(int[] a, int[] b, int n) {
        if (a.length != b.length) throw new IllegalArgumentException("SAX words have different lengths: " + a.length + " and " + b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            int lo = Math.min(a[i], b[i]), hi = Math.max(a[i], b[i]);
            if (hi - lo > 1) {
                double d = breakpoints[hi - 1] - breakpoints[lo];
                s += d * d;
            }
        }
        return Math.sqrt((double) n / a.length) * Math.sqrt(s);
    }

    @Override
    public String toString() {
        return "Sax[alphabet " + alphabet + ", breakpoints " + Arrays.toString(breakpoints) + "]";
    }
}
