package emolab.numeric;

import java.util.Arrays;
import java.util.Comparator;

/** Orderings and ranks of score vectors (the one copy). */
public final class Ranks {
    private Ranks() {}

    /** Indices by descending value; ties keep the lower index first. */
    public static int[] descending(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -v[i]).thenComparingInt(i -> i));
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = idx[i];
        return out;
    }

    /** 1-based ranks, ties get the average of their positions (scipy {@code rankdata(method='average')}). */
    public static double[] average(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[idx[k]] = rank;
            i = j + 1;
        }
        return r;
    }

    /** Stable merge sort of positions {@code order} by {@code v[position]} (equal values keep their relative order). */
    public static int[] stableSortByValue(int[] order, double[] v) {
        int n = order.length;
        int[] a = order.clone(), b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, o = lo;
                while (i < mid && j < hi) b[o++] = v[a[j]] < v[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[o++] = a[i++];
                while (j < hi) b[o++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
