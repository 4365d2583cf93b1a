package emolab.classify;

import emolab.classify.tune.Protocol;

import emolab.classify.models.Classifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import emolab.classify.eval.Metrics;
import emolab.prep.LabeledData;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ProtocolTest {
    @Test
    void evaluatesWithGroupedCvThenHeldOutActors() {
        LabeledData train = Blobs.make(3, 60, 5, 2, 1.5, 6, 1), test = Blobs.make(3, 30, 5, 2, 1.5, 2, 2);
        Protocol.Outcome lr = Protocol.evaluate("logreg", Classifiers.logisticRegression(), train, test, 3, null);
        Protocol.Outcome svm = Protocol.evaluate("svm", Classifiers.kernelSvm(), train, test, 0, null);
        assertEquals(3, lr.cv().folds().size());
        assertEquals(Metrics.accuracy(test.y(), lr.model().predict(test.x())), lr.testAccuracy(), 0.0);
        assertTrue(lr.testRocAuc() > 0.5 && lr.testRocAuc() <= 1.0);
        assertTrue(Double.isNaN(svm.testRocAuc()), "no probabilities, no AUC");
        Table t = Protocol.compare(List.of(lr, svm));
        assertEquals(2, t.rowCount());
        assertEquals("logreg", t.stringColumn("model").get(0));
        assertTrue(t.doubleColumn("cv_accuracy").isMissing(1), "no CV: missing");
        var search = emolab.classify.tune.GridSearch.of(Classifiers.logisticRegression(), emolab.classify.tune.ParamGrid.of("C", 0.01, 1.0))
                .folds(emolab.classify.tune.CrossValidation.leaveActorsOut(train, 3)).run(train);
        Protocol.Outcome tuned = Protocol.fromSearch("tuned", search, test);
        assertEquals(search.bestResult(), tuned.cv());
        assertEquals(Metrics.accuracy(test.y(), search.bestModel().predict(test.x())), tuned.testAccuracy(), 0.0);
        assertEquals("renamed", tuned.named("renamed").name());
        assertEquals(tuned.testAccuracy(), tuned.named("renamed").testAccuracy(), 0.0);
        LabeledData other = new LabeledData(test.x(), test.y(), new String[] {"a", "b", "c"}, test.groups(), null);
        var e = assertThrows(IllegalArgumentException.class, () -> Protocol.evaluate("x", Classifiers.majority(), train, other, 0, null));
        assertTrue(e.getMessage().contains("different class lists"), e.getMessage());
    }
}
