package emolab.classify.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pieces shared by the two MLPs: scikit-learn's stratified validation hold-out and its
 * {@code MLPClassifier} stopping rule.
 */
final class NetTraining {
    private NetTraining() {}

    /** Row indices of a stratified hold-out: {@code [0]} = training rows, {@code [1]} = validation rows (both ascending). */
    static int[][] stratifiedHoldout(int[] y, int k, double fraction, long seed) {
        Random rnd = new Random(seed);
        List<Integer> train = new ArrayList<>(), val = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) if (y[i] == c) rows.add(i);
            java.util.Collections.shuffle(rows, rnd);
            int nv = (int) Math.round(fraction * rows.size());
            if (rows.size() >= 2) nv = Math.max(1, Math.min(rows.size() - 1, nv));
            else nv = 0;
            val.addAll(rows.subList(0, nv));
            train.addAll(rows.subList(nv, rows.size()));
        }
        if (val.isEmpty()) throw new IllegalArgumentException("validation_fraction " + fraction + " leaves no validation rows");
        return new int[][] {train.stream().mapToInt(Integer::intValue).sorted().toArray(),
                val.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) out[i] = x[idx[i]];
        return out;
    }

    static int[] rows(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = y[idx[i]];
        return out;
    }

    /**
     * scikit-learn's {@code MLPClassifier} stopping rule: with early stopping, an epoch whose
     * validation accuracy is not above best + tol counts as no improvement; without, an epoch
     * whose training loss is not below best − tol does. Training stops when more than
     * {@code patience} such epochs occur in a row. The best epoch is the one with the highest
     * validation accuracy (first on ties), or the last one without early stopping.
     */
    static final class Stopper {
        private final boolean early;
        private final double tol;
        private final int patience;
        private double bestScore = Double.NEGATIVE_INFINITY, bestLoss = Double.POSITIVE_INFINITY;
        private int bad, bestEpoch = -1;

        Stopper(boolean early, double tol, int patience) {
            this.early = early;
            this.tol = tol;
            this.patience = patience;
        }

        /** Records an epoch; returns true when this epoch is the new best (weights to keep). */
        boolean record(int epoch, double trainLoss, double valAccuracy) {
            boolean improved;
            if (early) {
                bad = valAccuracy < bestScore + tol ? bad + 1 : 0;
                improved = valAccuracy > bestScore;
                if (improved) { bestScore = valAccuracy; bestEpoch = epoch; }
            } else {
                bad = trainLoss > bestLoss - tol ? bad + 1 : 0;
                if (trainLoss < bestLoss) bestLoss = trainLoss;
                improved = true;
                bestEpoch = epoch;
            }
            return improved;
        }

        boolean stop() {
            return bad > patience;
        }

        int bestEpoch() {
            return bestEpoch;
        }
    }

    static double[] slice(double[] a, int n) {
        return java.util.Arrays.copyOf(a, n);
    }
}
