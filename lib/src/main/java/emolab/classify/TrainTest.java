package emolab.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import emolab.prep.ActorSplit;
import emolab.prep.Preparation;
import emolab.prep.PreparationModel;
import emolab.prep.Tables;
import emolab.prep.LabeledData;
import tech.tablesaw.api.Table;

/**
 * A training and a test set with the same class list, ready for the classifiers: built from a
 * feature table (label columns plus numeric features, e.g. from the feature extractor) by
 * splitting it and fitting the course's {@link Preparation} on the training part only.
 *
 * @param train       prepared training rows (groups = actors)
 * @param test        prepared test rows
 * @param preparation the preparation fitted on the training rows, or null
 */
public record TrainTest(LabeledData train, LabeledData test, PreparationModel preparation) {

    /**
     * The speaker-independent course split (train actors 1–18, test the others), with
     * {@link Preparation#course()} fitted on the training actors. {@code featureColumns} are the
     * numeric columns to prepare; {@code label} the target (e.g. {@code emotion}); the table must
     * have an integer {@code actor} column.
     */
    public static TrainTest byActor(Table table, List<String> featureColumns, String label) {
        ActorSplit.Split s = ActorSplit.course(table);
        return prepare(s.train(), s.test(), featureColumns, label);
    }

    /**
     * A random, stratified split of the rows ({@code testFraction} of each class to the test
     * side, seeded) that ignores who is speaking: the same actors appear on both sides. Only for
     * showing how much such a split flatters a model — never for model selection.
     */
    public static TrainTest randomRows(Table table, List<String> featureColumns, String label, double testFraction, long seed) {
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
        return prepare(Tables.rows(table, sorted(train)), Tables.rows(table, sorted(test)), featureColumns, label);
    }

    private static int[] sorted(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Fits {@link Preparation#course()} on {@code train} and applies it to both tables. */
    public static TrainTest prepare(Table train, Table test, List<String> featureColumns, String label) {
        PreparationModel prep = Preparation.course().fit(train, featureColumns);
        TreeSet<String> cls = new TreeSet<>(Tables.labels(train, label).classes());
        cls.addAll(Tables.labels(test, label).classes());
        String[] classes = cls.toArray(String[]::new);
        String group = train.containsColumn("actor") ? "actor" : null;
        LabeledData tr = LabeledData.of(prep.preparedTrain(), prep.kept(), label, group, classes);
        LabeledData te = LabeledData.of(prep.transform(test), prep.kept(), label, group, classes);
        return new TrainTest(tr, te, prep);
    }

    /** Numeric columns of {@code table} that are not label columns (i.e. not in {@code exclude}). */
    public static List<String> featureColumns(Table table, List<String> exclude) {
        List<String> out = new ArrayList<>();
        for (var c : table.columns())
            if (!exclude.contains(c.name()) && c instanceof tech.tablesaw.api.NumericColumn<?>) out.add(c.name());
        return out;
    }
}
