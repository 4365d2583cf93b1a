package emolab.classify.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything that can be said about one set of class probabilities: one-vs-rest ROC curves and
 * AUC per class, their macro / weighted / micro averages, the one-vs-one (Hand &amp; Till) AUC,
 * precision-recall curves and average precision, and the label metrics of the arg-max
 * predictions. Definitions as {@link Roc} and {@link PrecisionRecall} (scikit-learn 1.2).
 *
 * <p>Input: {@code scores[i][c]} = probability that sample i is of class c (rows sum to 1, as
 * scikit-learn demands for multiclass AUC), {@code yTrue[i]} = class code; every class must occur
 * in {@code yTrue}. Errors name the class or row at fault.
 */
public final class ScoreReport {
    private final String[] classes;
    private final int[] yTrue, support;
    private final double[][] scores;
    private final double[] auc, ap;
    private final RocCurve[] roc;
    private final PrecisionRecallCurve[] pr;

    private ScoreReport(String[] classes, int[] yTrue, double[][] scores) {
        Labels.index(classes);
        int k = Scores.check(yTrue, scores, true);
        if (k != classes.length)
            throw new IllegalArgumentException("scores have " + k + " columns but there are " + classes.length + " classes");
        this.classes = classes.clone();
        this.yTrue = yTrue.clone();
        this.scores = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) this.scores[i] = scores[i].clone();
        this.support = Scores.requireAllClasses(this.yTrue, k, this.classes, "ROC AUC");
        this.auc = Roc.aucPerClass(this.yTrue, this.scores, this.classes);
        this.ap = PrecisionRecall.averagePrecisionPerClass(this.yTrue, this.scores, this.classes);
        this.roc = Roc.curves(this.yTrue, this.scores, this.classes);
        this.pr = PrecisionRecall.curves(this.yTrue, this.scores, this.classes);
    }

    /** Report for class codes {@code 0 .. classes.length-1} and an n × k probability matrix. */
    public static ScoreReport of(String[] classes, int[] yTrue, double[][] scores) {
        if (classes == null) throw new IllegalArgumentException("classes must not be null");
        return new ScoreReport(classes, yTrue, scores);
    }

    public String[] classes() { return classes.clone(); }

    /** One-vs-rest ROC AUC of each class. */
    public double[] auc() { return auc.clone(); }

    /** One-vs-rest ROC AUC averaged: macro, weighted (by support) or micro. */
    public double aucOvr(Average average) { return Roc.aucOvr(yTrue, scores, average, classes); }

    /** One-vs-one (Hand &amp; Till) AUC, macro or weighted. */
    public double aucOvo(Average average) { return Roc.aucOvo(yTrue, scores, average, classes); }

    /** Average precision of each class. */
    public double[] averagePrecision() { return ap.clone(); }

    /** Average precision averaged: macro, weighted or micro. */
    public double averagePrecision(Average average) { return PrecisionRecall.averagePrecision(yTrue, scores, average, classes); }

    /** One-vs-rest ROC curve of each class, in class order. */
    public RocCurve[] rocCurves() { return roc.clone(); }
    /** Micro-average ROC curve. */
    public RocCurve microRocCurve() { return Roc.microCurve(yTrue, scores); }
    /** Macro-average ROC curve (interpolated, for plotting). */
    public RocCurve macroRocCurve() { return RocCurve.macroAverage(roc); }
    /** Precision-recall curve of each class, in class order. */
    public PrecisionRecallCurve[] precisionRecallCurves() { return pr.clone(); }
    /** Micro-average precision-recall curve. */
    public PrecisionRecallCurve microPrecisionRecallCurve() { return PrecisionRecall.microCurve(yTrue, scores); }

    /** Arg-max predictions (the first class on ties, as {@code numpy.argmax}). */
    public int[] predictions() {
        int[] p = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int c = 1; c < scores[i].length; c++) if (scores[i][c] > scores[i][best]) best = c;
            p[i] = best;
        }
        return p;
    }

    /** Label metrics of the arg-max predictions. */
    public ClassificationReport classificationReport() {
        return ClassificationReport.of(classes, yTrue, predictions());
    }

    /** One row per class: {@code label, support, roc_auc, average_precision}. */
    public Table perClass() {
        return Table.create("ROC AUC and average precision per class").addColumns(
                StringColumn.create("label", classes),
                IntColumn.create("support", support),
                DoubleColumn.create("roc_auc", auc),
                DoubleColumn.create("average_precision", ap));
    }

    /**
     * Columns {@code metric, value}: roc_auc_ovr_macro, roc_auc_ovr_weighted, roc_auc_ovr_micro,
     * roc_auc_ovo_macro, roc_auc_ovo_weighted, average_precision_macro, _weighted, _micro.
     */
    public Table summary() {
        StringColumn m = StringColumn.create("metric");
        DoubleColumn v = DoubleColumn.create("value");
        m.append("roc_auc_ovr_macro"); v.append(aucOvr(Average.MACRO));
        m.append("roc_auc_ovr_weighted"); v.append(aucOvr(Average.WEIGHTED));
        m.append("roc_auc_ovr_micro"); v.append(aucOvr(Average.MICRO));
        m.append("roc_auc_ovo_macro"); v.append(aucOvo(Average.MACRO));
        m.append("roc_auc_ovo_weighted"); v.append(aucOvo(Average.WEIGHTED));
        m.append("average_precision_macro"); v.append(averagePrecision(Average.MACRO));
        m.append("average_precision_weighted"); v.append(averagePrecision(Average.WEIGHTED));
        m.append("average_precision_micro"); v.append(averagePrecision(Average.MICRO));
        return Table.create("score summary").addColumns(m, v);
    }
}
