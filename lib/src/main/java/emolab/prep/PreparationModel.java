package emolab.prep;

import emolab.numeric.StandardScaler;

import emolab.numeric.Correlation;

import emolab.numeric.NumpySum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A {@link Preparation} fitted on a training table: what each step kept and dropped, the scaler
 * parameters, and {@link #transform(Table)} for any table with the kept columns.
 */
public final class PreparationModel {

    /** Per-column outcome shown by {@link #report()}. */
    private record Decision(String step, String reason) {}

    /** An element-wise fitted operation applied by {@link #transform}. */
    private interface Elementwise {
        double apply(String column, double v);
    }

    private final Preparation preparation;
    private final List<String> featureColumns;
    private final List<String> droppedConstant;
    private final List<String> droppedCorrelated;
    private final List<String> kept;
    private final Map<String, Double> means;
    private final Map<String, Double> scales;
    private final int[] droppedTrainRows;
    private final int trainRows;
    private final Map<String, Decision> decisions;
    private final List<Elementwise> ops;
    private Table preparedTrain;

    private PreparationModel(Preparation preparation, List<String> featureColumns, List<String> droppedConstant,
                             List<String> droppedCorrelated, List<String> kept, Map<String, Double> means,
                             Map<String, Double> scales, int[] droppedTrainRows, int trainRows,
                             Map<String, Decision> decisions, List<Elementwise> ops) {
        this.preparation = preparation;
        this.featureColumns = List.copyOf(featureColumns);
        this.droppedConstant = List.copyOf(droppedConstant);
        this.droppedCorrelated = List.copyOf(droppedCorrelated);
        this.kept = List.copyOf(kept);
        this.means = Collections.unmodifiableMap(means);
        this.scales = Collections.unmodifiableMap(scales);
        this.droppedTrainRows = droppedTrainRows;
        this.trainRows = trainRows;
        this.decisions = decisions;
        this.ops = List.copyOf(ops);
    }

    static PreparationModel fit(Preparation prep, Table train, List<String> featureColumns) {
        if (featureColumns.isEmpty()) throw new IllegalArgumentException("no feature columns given");
        Set<String> seen = new HashSet<>();
        for (String c : featureColumns)
            if (!seen.add(c)) throw new IllegalArgumentException("feature column '" + c + "' is listed twice");
        if (train.rowCount() < 2)
            throw new IllegalArgumentException("fit needs at least 2 train rows, got " + train.rowCount());
        double[][] cols = Tables.columns(train, featureColumns); // checks presence, type, NaN
        List<String> names = new ArrayList<>(featureColumns);
        int[] rowIds = new int[train.rowCount()];
        Arrays.setAll(rowIds, i -> i);

        List<String> dropConst = new ArrayList<>(), dropCorr = new ArrayList<>();
        Map<String, Double> means = new LinkedHashMap<>(), scales = new LinkedHashMap<>();
        Map<String, Decision> decisions = new HashMap<>();
        List<Elementwise> ops = new ArrayList<>();
        List<Integer> droppedRows = new ArrayList<>();

        for (Preparation.Step step : prep.steps()) {
            switch (step.kind()) {
                case DROP_CONSTANT -> {
                    boolean[] drop = new boolean[names.size()];
                    for (int j = 0; j < names.size(); j++) {
                        double[] x = cols[j];
                        boolean constant = true;
                        for (int i = 1; i < x.length && constant; i++) constant = x[i] == x[0];
                        if (constant) {
                            drop[j] = true;
                            dropConst.add(names.get(j));
                            decisions.put(names.get(j), new Decision(step.toString(),
                                    "single distinct value " + x[0]));
                        }
                    }
                    cols = keepColumns(cols, names, drop);
                }
                case DROP_DUPLICATE_ROWS -> {
                    boolean[] dup = duplicateRows(cols, rowIds.length);
                    int nKeep = 0;
                    for (boolean b : dup) if (!b) nKeep++;
                    if (nKeep < 2)
                        throw new IllegalArgumentException("only " + nKeep + " distinct train row(s) remain after "
                                + step + "; need at least 2");
                    int[] keepIdx = new int[nKeep];
                    for (int i = 0, k = 0; i < dup.length; i++) {
                        if (dup[i]) droppedRows.add(rowIds[i]);
                        else keepIdx[k++] = i;
                    }
                    for (int j = 0; j < cols.length; j++) {
                        double[] x = cols[j], y = new double[nKeep];
                        for (int k = 0; k < nKeep; k++) y[k] = x[keepIdx[k]];
                        cols[j] = y;
                    }
                    int[] ids = new int[nKeep];
                    for (int k = 0; k < nKeep; k++) ids[k] = rowIds[keepIdx[k]];
                    rowIds = ids;
                }
                case DROP_CORRELATED -> {
                    double[][] r = Correlation.matrix(cols);
                    int[] partner = Correlation.upperTriangleDrops(r, step.threshold());
                    boolean[] drop = new boolean[names.size()];
                    for (int j = 0; j < names.size(); j++) {
                        if (partner[j] < 0) continue;
                        drop[j] = true;
                        dropCorr.add(names.get(j));
                        decisions.put(names.get(j), new Decision(step.toString(), String.format(Locale.ROOT,
                                "|r| = %.6f with earlier column '%s'", Math.abs(r[partner[j]][j]), names.get(partner[j]))));
                    }
                    cols = keepColumns(cols, names, drop);
                }
                case CUBE_ROOT -> {
                    for (double[] x : cols)
                        for (int i = 0; i < x.length; i++) x[i] = Math.cbrt(x[i]);
                    ops.add((c, v) -> Math.cbrt(v));
                }
                case STANDARD_SCALE -> {
                    Map<String, double[]> params = new HashMap<>();
                    for (int j = 0; j < names.size(); j++) {
                        double[] ms = StandardScaler.sklearnColumn(cols[j]);
                        params.put(names.get(j), ms);
                        means.put(names.get(j), ms[0]);
                        scales.put(names.get(j), ms[1]);
                        double[] x = cols[j];
                        for (int i = 0; i < x.length; i++) x[i] = (x[i] - ms[0]) / ms[1];
                    }
                    ops.add((c, v) -> {
                        double[] ms = params.get(c);
                        return (v - ms[0]) / ms[1];
                    });
                }
            }
        }
        int[] dropped = droppedRows.stream().mapToInt(Integer::intValue).sorted().toArray();
        PreparationModel m = new PreparationModel(prep, featureColumns, dropConst, dropCorr, names, means, scales,
                dropped, train.rowCount(), decisions, ops);
        m.preparedTrain = m.transform(dropped.length == 0 ? train : Tables.rows(train, rowIds));
        return m;
    }

    private static double[][] keepColumns(double[][] cols, List<String> names, boolean[] drop) {
        List<double[]> out = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        for (int j = 0; j < drop.length; j++) {
            if (!drop[j]) {
                out.add(cols[j]);
                keptNames.add(names.get(j));
            }
        }
        names.clear();
        names.addAll(keptNames);
        return out.toArray(new double[0][]);
    }

    /** Marks rows equal (on all given columns) to an earlier row; 0.0 and -0.0 count as equal. */
    private static boolean[] duplicateRows(double[][] cols, int n) {
        final class Key {
            final int row;
            final int hash;

            Key(int row) {
                this.row = row;
                int h = 1;
                for (double[] c : cols) h = 31 * h + Double.hashCode(c[row] == 0 ? 0.0 : c[row]);
                this.hash = h;
            }

            @Override public int hashCode() { return hash; }

            @Override public boolean equals(Object o) {
                if (!(o instanceof Key k)) return false;
                for (double[] c : cols) if (c[row] != c[k.row]) return false;
                return true;
            }
        }
        Set<Key> seen = new HashSet<>();
        boolean[] dup = new boolean[n];
        for (int i = 0; i < n; i++) dup[i] = !seen.add(new Key(i));
        return dup;
    }

    /**
     * Applies the fitted steps to {@code any}: dropped feature columns are removed (when
     * present), kept feature columns are replaced in place by transformed {@code DOUBLE} columns,
     * and every other column passes through untouched. Rows are never dropped.
     *
     * @throws IllegalArgumentException naming a kept column that {@code any} lacks, or the column
     *     and row of a NaN in a kept column
     */
    public Table transform(Table any) {
        Tables.requireColumns(any, kept);
        Table out = any.copy();
        Set<String> keptSet = new HashSet<>(kept);
        for (String c : featureColumns)
            if (!keptSet.contains(c) && out.containsColumn(c)) out.removeColumns(c);
        for (String c : kept) {
            double[] x = Tables.column(any, c);
            for (Elementwise op : ops)
                for (int i = 0; i < x.length; i++) x[i] = op.apply(c, x[i]);
            out.replaceColumn(c, DoubleColumn.create(c, x));
        }
        return out;
    }

    /** {@link #transform} restricted to the kept columns, as a row-major n × kept matrix. */
    public double[][] transformToMatrix(Table any) {
        return Tables.toMatrix(transform(any), kept);
    }

    /** The training table after duplicate-row removal, transformed. */
    public Table preparedTrain() {
        return preparedTrain.copy();
    }

    public Preparation preparation() { return preparation; }

    /** The feature columns given to fit, in order. */
    public List<String> featureColumns() { return featureColumns; }

    /** Columns dropped as constant on train, in column order. */
    public List<String> droppedConstant() { return droppedConstant; }

    /** Columns dropped for |r| above the threshold with an earlier column, in column order. */
    public List<String> droppedCorrelated() { return droppedCorrelated; }

    /** Feature columns that survive every step, in column order. */
    public List<String> kept() { return kept; }

    /** Scaler means per scaled column (insertion order = column order); empty without scaling. */
    public Map<String, Double> means() { return means; }

    /** Scaler scales (population std, 1 for constant columns) per scaled column. */
    public Map<String, Double> scales() { return scales; }

    /** Number of train rows removed as duplicates. */
    public int duplicateRowsDropped() { return droppedTrainRows.length; }

    /** 0-based indices (into the fitted train table) of the rows removed as duplicates, ascending. */
    public int[] droppedTrainRows() { return droppedTrainRows.clone(); }

    /**
     * One row per input feature column, in input order: {@code column}, {@code decision}
     * (kept/dropped), {@code step} (the step that dropped it), {@code reason}, and the scaler
     * {@code mean} and {@code scale} (NaN when not scaled).
     */
    public Table report() {
        int n = featureColumns.size();
        String[] decision = new String[n], stepCol = new String[n], reason = new String[n];
        double[] mean = new double[n], scale = new double[n];
        for (int j = 0; j < n; j++) {
            String c = featureColumns.get(j);
            Decision d = decisions.get(c);
            decision[j] = d == null ? "kept" : "dropped";
            stepCol[j] = d == null ? "" : d.step();
            reason[j] = d == null ? "" : d.reason();
            mean[j] = means.getOrDefault(c, Double.NaN);
            scale[j] = scales.getOrDefault(c, Double.NaN);
        }
        return Table.create("preparation report").addColumns(
                StringColumn.create("column", featureColumns.toArray(new String[0])),
                StringColumn.create("decision", decision),
                StringColumn.create("step", stepCol),
                StringColumn.create("reason", reason),
                DoubleColumn.create("mean", mean),
                DoubleColumn.create("scale", scale));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "PreparationModel[%s: %d features -> %d kept; %d constant, %d correlated dropped; %d of %d train rows dropped as duplicates]",
                preparation.steps(), featureColumns.size(), kept.size(), droppedConstant.size(),
                droppedCorrelated.size(), droppedTrainRows.length, trainRows);
    }
}
