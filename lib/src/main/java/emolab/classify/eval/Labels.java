package emolab.classify.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * String labels to integer class codes and back, like scikit-learn's {@code LabelEncoder}: the
 * classes are the sorted union of the labels ({@link String#compareTo} order, which is numpy's
 * order for such labels), and a label's code is its index in that array.
 */
public final class Labels {
    private Labels() {}

    /** The sorted distinct labels of all the given arrays (e.g. {@code classes(yTrue, yPred)}). */
    public static String[] classes(String[]... labels) {
        TreeSet<String> set = new TreeSet<>();
        for (int a = 0; a < labels.length; a++) {
            if (labels[a] == null) throw new IllegalArgumentException("label array " + a + " is null");
            for (int i = 0; i < labels[a].length; i++) {
                if (labels[a][i] == null) throw new IllegalArgumentException("label array " + a + " has a null label at index " + i);
                set.add(labels[a][i]);
            }
        }
        return set.toArray(String[]::new);
    }

    /** Codes of {@code labels} as indices into {@code classes}; an unknown label is an error naming it. */
    public static int[] encode(String[] classes, String[] labels) {
        Map<String, Integer> index = index(classes);
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Integer c = index.get(labels[i]);
            if (c == null)
                throw new IllegalArgumentException("label '" + labels[i] + "' at index " + i + " is not one of the classes " + Arrays.toString(classes));
            codes[i] = c;
        }
        return codes;
    }

    /** Labels of {@code codes}; a code outside {@code [0, classes.length)} is an error. */
    public static String[] decode(String[] classes, int[] codes) {
        String[] out = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < 0 || codes[i] >= classes.length)
                throw new IllegalArgumentException("code " + codes[i] + " at index " + i + " is outside [0, " + classes.length + ")");
            out[i] = classes[codes[i]];
        }
        return out;
    }

    static Map<String, Integer> index(String[] classes) {
        if (classes == null || classes.length == 0) throw new IllegalArgumentException("classes must not be empty");
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.length; c++) {
            if (classes[c] == null) throw new IllegalArgumentException("classes[" + c + "] is null");
            if (index.put(classes[c], c) != null) throw new IllegalArgumentException("duplicate class name '" + classes[c] + "' in classes");
        }
        return index;
    }
}
