package emolab.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import emolab.features.engine.ExtractionResult;
import emolab.features.engine.FeatureExtractor;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Prepared data, the one container every stage takes: a training and a test {@link LabeledData}
 * (matrices, labels, groups = actors, feature names, source paths) with one class list, the
 * {@link PreparationModel} fitted on the training rows only, the actor split that divided them
 * and the prepared tables (label columns kept) for reports by emotion, actor or intensity.
 *
 * <pre>{@code
 * PreparedData data = PreparedData.of(Session.features(source, "rich"));   // split, prepared, paths kept
 * System.out.println(data.describe());
 * Classifier m = spec.fit(data.train());
 * int[] predicted = m.predict(data.test().x());
 * Path recording = Path.of(data.train().path(17));
 * }</pre>
 *
 * <p>The test rows are never dropped: duplicate-row removal and every other fitted step see the
 * training rows only, and the test rows are only transformed.
 */
public final class PreparedData {
    /** The default target column. */
    public static final String EMOTION = "emotion";
    /** The speaker column every split and grouped fold uses. */
    public static final String ACTOR = "actor";

    private final LabeledData train, test;
    private final PreparationModel preparation;
    private final ActorSplit.Split split;
    private final ActorSplit.Plan plan;
    private final Table table, trainTable, testTable;
    private final String label;
    private final int splitTrainRows;

    private PreparedData(LabeledData train, LabeledData test, PreparationModel preparation, ActorSplit.Split split, ActorSplit.Plan plan,
                         Table table, Table trainTable, Table testTable, String label, int splitTrainRows) {
        if (!Arrays.equals(train.classes(), test.classes()))
            throw new IllegalArgumentException("train and test have different classes: " + Arrays.toString(train.classes())
                    + " vs " + Arrays.toString(test.classes()));
        if (!train.featureNames().equals(test.featureNames()))
            throw new IllegalArgumentException("train and test have different feature columns");
        this.train = train;
        this.test = test;
        this.preparation = preparation;
        this.split = split;
        this.plan = split != null ? split.plan() : plan;
        this.table = table;
        this.trainTable = trainTable;
        this.testTable = testTable;
        this.label = label;
        this.splitTrainRows = splitTrainRows;
    }

    /**
     * The extracted features of a corpus, split speaker-independently ({@link ActorSplit#course},
     * adaptive to the actors present) and prepared with {@link Preparation#course()} fitted on the
     * training actors; target {@code emotion}; every row keeps the path of its recording.
     */
    public static PreparedData of(ExtractionResult extracted) {
        return of(extracted.tableWithPaths());
    }

    /** {@link #of(Table, String)} with target {@code emotion}. */
    public static PreparedData of(Table features) {
        return of(features, EMOTION);
    }

    /**
     * A feature table (label columns, an integer {@code actor} column, numeric features, and
     * optionally a {@code path} column) split by {@link ActorSplit#course} and prepared with
     * {@link Preparation#course()} fitted on the training rows. The features are the numeric
     * columns that are not label columns ({@link FeatureExtractor#LABEL_COLUMNS}).
     *
     * @throws IllegalArgumentException naming a missing column ({@code actor}, the label), a
     *     non-numeric or NaN feature cell, or a corpus with too few actors to split
     */
    public static PreparedData of(Table features, String label) {
        return of(features, featureColumns(features, FeatureExtractor.LABEL_COLUMNS), label);
    }

    /** As {@link #of(Table, String)} with the given feature columns. */
    public static PreparedData of(Table features, List<String> featureColumns, String label) {
        Tables.requireColumns(features, List.of(ACTOR, label));
        return prepare(features, ActorSplit.course(features), null, featureColumns, label);
    }

    /**
     * Fits {@link Preparation#course()} on {@code train} and applies it to both tables (the
     * caller split them; the plan is read from their {@code actor} columns when they have one).
     */
    public static PreparedData prepare(Table train, Table test, List<String> featureColumns, String label) {
        return prepare(null, null, new Table[] {train, test}, featureColumns, label);
    }

    /**
     * A random, stratified split of the rows ({@code testFraction} of each class to the test
     * side, seeded) that ignores who is speaking: the same actors appear on both sides. Only for
     * showing how much such a split flatters a model — never for model selection.
     */
    public static PreparedData randomRows(Table table, List<String> featureColumns, String label, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1))
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        Tables.Labels labels = Tables.labels(table, label);
        Random rnd = new Random(seed);
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int c = 0; c < labels.numClasses(); c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) if (labels.codes()[i] == c) rows.add(i);
            Collections.shuffle(rows, rnd);
            int nt = (int) Math.round(testFraction * rows.size());
            test.addAll(rows.subList(0, nt));
            train.addAll(rows.subList(nt, rows.size()));
        }
        int[] trainRows = sorted(train), testRows = sorted(test);
        Table tr = Tables.rows(table, trainRows), te = Tables.rows(table, testRows);
        ActorSplit.Plan plan = planOf(tr, te, "random rows: the same actors on both sides");
        return prepare(table, plan == null ? null : new ActorSplit.Split(tr, te, trainRows, testRows, plan), new Table[] {tr, te},
                featureColumns, label);
    }

    /**
     * The table these data were built from, split by random rows instead of by actor (same
     * feature columns and target; see {@link #randomRows(Table, List, String, double, long)}).
     */
    public PreparedData randomRows(double testFraction, long seed) {
        if (table == null || preparation == null)
            throw new IllegalStateException("these data were not built from one table (use randomRows(table, ...))");
        return randomRows(table, preparation.featureColumns(), label, testFraction, seed);
    }

    /**
     * Data prepared elsewhere (e.g. the course's prepared tables, {@link CourseTables}): no
     * preparation model and no tables; the plan is read from the groups when both sides have them.
     */
    public static PreparedData ofPrepared(LabeledData train, LabeledData test, String label) {
        ActorSplit.Plan plan = train.groups() == null || test.groups() == null ? null
                : new ActorSplit.Plan(distinct(train.groups()), distinct(test.groups()), "prepared tables as given");
        return new PreparedData(train, test, null, null, plan, null, null, null, label, train.size());
    }

    /** Prepares the split's tables, or {@code sides} (train, test) when there is no split. */
    private static PreparedData prepare(Table source, ActorSplit.Split split, Table[] sides, List<String> featureColumns, String label) {
        Table train = split != null ? split.train() : sides[0], test = split != null ? split.test() : sides[1];
        ActorSplit.Plan plan = split != null ? split.plan() : planOf(train, test, "given train and test tables");
        Tables.requireColumns(train, List.of(label));
        Tables.requireColumns(test, List.of(label));
        PreparationModel prep = Preparation.course().fit(train, featureColumns);
        Table trainTable = prep.preparedTrain(), testTable = prep.transform(test);
        if (testTable.rowCount() != test.rowCount())
            throw new IllegalStateException("preparation dropped test rows: " + test.rowCount() + " -> " + testTable.rowCount());
        String[] classes = classUnion(trainTable, testTable, label);
        String group = train.containsColumn(ACTOR) ? ACTOR : null;
        return new PreparedData(LabeledData.of(trainTable, prep.kept(), label, group, classes),
                LabeledData.of(testTable, prep.kept(), label, group, classes), prep, split, plan, source, trainTable, testTable, label,
                train.rowCount());
    }

    private static String[] classUnion(Table train, Table test, String label) {
        TreeSet<String> cls = new TreeSet<>(Tables.labels(train, label).classes());
        cls.addAll(Tables.labels(test, label).classes());
        return cls.toArray(String[]::new);
    }

    private static ActorSplit.Plan planOf(Table train, Table test, String rule) {
        if (!train.containsColumn(ACTOR) || !test.containsColumn(ACTOR)) return null;
        return new ActorSplit.Plan(distinct(Tables.ints(train, ACTOR)), distinct(Tables.ints(test, ACTOR)), rule);
    }

    private static TreeSet<Integer> distinct(int[] v) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int a : v) s.add(a);
        return s;
    }

    private static int[] sorted(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Numeric columns of {@code table} that are not label columns (i.e. not in {@code exclude}). */
    public static List<String> featureColumns(Table table, List<String> exclude) {
        List<String> out = new ArrayList<>();
        for (var c : table.columns())
            if (!exclude.contains(c.name()) && c instanceof NumericColumn<?>) out.add(c.name());
        return out;
    }

    /**
     * The same rows and preparation with another target column of the prepared tables (e.g.
     * {@code vocal_channel}); {@code classes} fixes the class order (sorted distinct values when
     * none are given).
     *
     * @throws IllegalArgumentException naming the missing column, or a value outside {@code classes}
     * @throws IllegalStateException for data prepared elsewhere (no tables, see {@link #ofPrepared})
     */
    public PreparedData withLabel(String column, String... classes) {
        if (trainTable == null) throw new IllegalStateException("these data were prepared elsewhere and carry no label columns");
        Tables.requireColumns(trainTable, List.of(column));
        Tables.requireColumns(testTable, List.of(column));
        String[] cls = classes.length > 0 ? classes.clone() : classUnion(trainTable, testTable, column);
        String group = train.groups() == null ? null : ACTOR;
        return new PreparedData(LabeledData.of(trainTable, train.featureNames(), column, group, cls),
                LabeledData.of(testTable, train.featureNames(), column, group, cls), preparation, split, plan, table, trainTable, testTable, column,
                splitTrainRows);
    }

    /** Prepared training rows (groups = actors, paths when the table had them). */
    public LabeledData train() { return train; }

    /** Prepared test rows: every test row of the split, transformed with the training fit. */
    public LabeledData test() { return test; }

    /** The preparation fitted on the training rows, or null for data prepared elsewhere. */
    public PreparationModel preparation() { return preparation; }

    /**
     * The split that divided the table: the unprepared train and test tables, their row indices
     * in {@link #table()} and the plan; null when the caller split the table or the data were
     * prepared elsewhere.
     */
    public ActorSplit.Split split() { return split; }

    /** Which actors are on each side and by which rule, or null when the tables have no actor column. */
    public ActorSplit.Plan plan() { return plan; }

    /** The feature table the data were built from (before splitting), or null when the caller split it. */
    public Table table() { return table; }

    /** The prepared training table: label columns, {@code path} if any, and the kept features; null when prepared elsewhere. */
    public Table trainTable() { return trainTable; }

    /** The prepared test table (same columns as {@link #trainTable()}); null when prepared elsewhere. */
    public Table testTable() { return testTable; }

    /** The target column. */
    public String label() { return label; }

    /** Class names, shared by train and test. */
    public String[] classes() { return train.classes(); }

    /** The prepared feature columns. */
    public List<String> featureNames() { return train.featureNames(); }

    public int numFeatures() { return train.numFeatures(); }

    public int numClasses() { return train.numClasses(); }

    /**
     * Two lines for a notebook or a log: the split (actors on each side, the rule, row counts)
     * and the preparation (features kept of those given, target and classes).
     */
    public String describe() {
        String split = plan == null ? "no actor split" : plan.describe();
        String prep = preparation == null
                ? String.format(Locale.ROOT, "prepared elsewhere: %d features", numFeatures())
                : String.format(Locale.ROOT, "%sprepared on the training rows: %d of %d features kept (%d constant, %d correlated dropped), "
                        + "%d duplicate training rows dropped", table == null ? "" : table.name() + " ", numFeatures(), preparation.featureColumns().size(),
                        preparation.droppedConstant().size(), preparation.droppedCorrelated().size(), preparation.duplicateRowsDropped());
        return "split: " + split + ": " + splitTrainRows + " training and " + test.size() + " test recordings\n"
                + prep + "; target " + label + ", classes " + Arrays.toString(classes());
    }

    @Override
    public String toString() {
        return describe();
    }
}
