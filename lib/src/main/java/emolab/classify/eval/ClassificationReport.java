package emolab.classify.eval;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * All label-based metrics of one set of predictions: accuracy, balanced accuracy, precision,
 * recall and F1 (per class, macro, micro, weighted) and the confusion matrix, with class names.
 * Definitions, averaging and zero division are those of {@link Metrics} (scikit-learn 1.2).
 * {@link #perClass()} and {@link #summary()} give Tablesaw tables that display in notebooks.
 */
public final class ClassificationReport {
    private final String[] classes;
    private final int[] yTrue, yPred;
    private final int[][] confusion;
    private final double[] precision, recall, f1;
    private final int[] support;

    private ClassificationReport(String[] classes, int[] yTrue, int[] yPred) {
        Labels.index(classes); // validates names
        this.classes = classes.clone();
        this.yTrue = yTrue.clone();
        this.yPred = yPred.clone();
        int k = classes.length;
        this.confusion = Metrics.confusionMatrix(this.yTrue, this.yPred, k);
        this.precision = Metrics.precisionPerClass(this.yTrue, this.yPred, k);
        this.recall = Metrics.recallPerClass(this.yTrue, this.yPred, k);
        this.f1 = Metrics.f1PerClass(this.yTrue, this.yPred, k);
        this.support = Metrics.support(this.yTrue, k);
    }

    /** Report for integer codes {@code 0 .. classes.length-1}; {@code classes[c]} names code c. */
    public static ClassificationReport of(String[] classes, int[] yTrue, int[] yPred) {
        if (classes == null) throw new IllegalArgumentException("classes must not be null");
        return new ClassificationReport(classes, yTrue, yPred);
    }

    /** Report for string labels; the classes are their sorted union, as scikit-learn does. */
    public static ClassificationReport fromStrings(String[] yTrue, String[] yPred) {
        if (yTrue == null || yPred == null) throw new IllegalArgumentException("yTrue and yPred must not be null");
        if (yTrue.length != yPred.length)
            throw new IllegalArgumentException("yTrue has " + yTrue.length + " labels but yPred has " + yPred.length);
        String[] classes = Labels.classes(yTrue, yPred);
        return of(classes, Labels.encode(classes, yTrue), Labels.encode(classes, yPred));
    }

    public String[] classes() { return classes.clone(); }
    public int nClasses() { return classes.length; }
    public int size() { return yTrue.length; }

    public double accuracy() { return Metrics.accuracy(yTrue, yPred); }
    public double balancedAccuracy() { return Metrics.balancedAccuracy(yTrue, yPred, classes.length); }
    public double precision(Average average) { return Metrics.precision(yTrue, yPred, classes.length, average); }
    public double recall(Average average) { return Metrics.recall(yTrue, yPred, classes.length, average); }
    public double f1(Average average) { return Metrics.f1(yTrue, yPred, classes.length, average); }

    /** Per-class precision, in class order. */
    public double[] precision() { return precision.clone(); }
    /** Per-class recall, in class order. */
    public double[] recall() { return recall.clone(); }
    /** Per-class F1, in class order. */
    public double[] f1() { return f1.clone(); }
    /** Per-class support (true samples), in class order. */
    public int[] support() { return support.clone(); }

    /** Confusion matrix of counts, {@code [true][pred]}. */
    public int[][] confusionMatrix() {
        int[][] c = new int[confusion.length][];
        for (int i = 0; i < c.length; i++) c[i] = confusion[i].clone();
        return c;
    }

    /** Normalised confusion matrix, {@code [true][pred]}. */
    public double[][] confusionMatrix(Normalization normalization) {
        return Metrics.normalize(confusion, normalization);
    }

    /** Confusion matrix as a table: column {@code true_label}, then one count column per predicted class. */
    public Table confusionTable() {
        Table t = Table.create("confusion matrix (rows: true, columns: predicted)");
        t.addColumns(StringColumn.create("true_label", classes));
        for (int c = 0; c < classes.length; c++) {
            int[] col = new int[classes.length];
            for (int r = 0; r < classes.length; r++) col[r] = confusion[r][c];
            t.addColumns(IntColumn.create(classes[c], col));
        }
        return t;
    }

    /** One row per class: {@code label, precision, recall, f1, support}. */
    public Table perClass() {
        return Table.create("classification report").addColumns(
                StringColumn.create("label", classes),
                DoubleColumn.create("precision", precision),
                DoubleColumn.create("recall", recall),
                DoubleColumn.create("f1", f1),
                IntColumn.create("support", support));
    }

    /**
     * Columns {@code metric, value}: accuracy, balanced_accuracy, then precision/recall/f1 with
     * suffixes _macro, _micro, _weighted (the names of the conformance fixtures).
     */
    public Table summary() {
        StringColumn m = StringColumn.create("metric");
        DoubleColumn v = DoubleColumn.create("value");
        m.append("accuracy"); v.append(accuracy());
        m.append("balanced_accuracy"); v.append(balancedAccuracy());
        for (Average a : Average.values()) {
            String s = "_" + a.name().toLowerCase(Locale.ROOT);
            m.append("precision" + s); v.append(precision(a));
            m.append("recall" + s); v.append(recall(a));
            m.append("f1" + s); v.append(f1(a));
        }
        return Table.create("summary").addColumns(m, v);
    }

    /** Text in the layout of scikit-learn's {@code classification_report}. */
    @Override
    public String toString() {
        int w = Math.max(12, java.util.Arrays.stream(classes).mapToInt(String::length).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        String head = "%" + w + "s %9s %9s %9s %9s%n";
        String row = "%" + w + "s %9.4f %9.4f %9.4f %9d%n";
        sb.append(String.format(Locale.ROOT, head, "", "precision", "recall", "f1-score", "support"));
        for (int c = 0; c < classes.length; c++)
            sb.append(String.format(Locale.ROOT, row, classes[c], precision[c], recall[c], f1[c], support[c]));
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%" + w + "s %9s %9s %9.4f %9d%n", "accuracy", "", "", accuracy(), size()));
        sb.append(String.format(Locale.ROOT, row, "macro avg", precision(Average.MACRO), recall(Average.MACRO), f1(Average.MACRO), size()));
        sb.append(String.format(Locale.ROOT, row, "weighted avg", precision(Average.WEIGHTED), recall(Average.WEIGHTED), f1(Average.WEIGHTED), size()));
        sb.append(String.format(Locale.ROOT, "%" + w + "s %9.4f%n", "balanced acc", balancedAccuracy()));
        return sb.toString();
    }
}
