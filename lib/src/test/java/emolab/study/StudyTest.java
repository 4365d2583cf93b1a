package emolab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class StudyTest {

    @Test
    void aRefusingMethodBecomesANotApplicableRowAndTheStudyGoesOn() {
        Study s = new Study("sampler", "accuracy", "macro-F1");
        s.run("none", r -> r.set("accuracy", 0.5).set("macro-F1", 0.4));
        s.run("ADASYN", r -> {
            r.set("accuracy", 0.9); // partial results of a refusing method are dropped
            throw new NotApplicableException("no samples would be generated for class 4");
        });
        s.run("SMOTE", r -> r.set("accuracy", 0.6).set("macro-F1", 0.55).keep("model"));
        assertEquals(3, s.rows().size());
        assertEquals(2, s.applicable().size());
        Study.Row adasyn = s.row("ADASYN").orElseThrow();
        assertFalse(adasyn.applicable());
        assertEquals("not applicable: no samples would be generated for class 4", adasyn.note());
        assertTrue(Double.isNaN(adasyn.get("accuracy")));
        assertEquals("SMOTE", s.best("macro-F1").orElseThrow().method());
        assertEquals("none", s.lowest("accuracy").orElseThrow().method());
        assertEquals(0.475, s.mean("macro-F1").orElseThrow(), 1e-15);
        assertEquals("model", s.<String>result("SMOTE"));

        Table t = s.table();
        assertEquals(3, t.rowCount());
        assertEquals(java.util.List.of("sampler", "accuracy", "macro-F1", "note"), t.columnNames());
        assertTrue(t.doubleColumn("accuracy").isMissing(1));
        assertEquals(0.6, t.doubleColumn("accuracy").getDouble(2));
        assertEquals("not applicable: no samples would be generated for class 4", t.stringColumn("note").get(1));
    }

    @Test
    void aBugStillFails() {
        Study s = new Study("model", "accuracy");
        assertThrows(ArithmeticException.class, () -> s.run("broken", r -> r.set("accuracy", 1 / (r.hashCode() * 0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.run("typo", r -> r.set("acc", 1)));
        assertTrue(e.getMessage().contains("'acc'") && e.getMessage().contains("accuracy"), e.getMessage());
    }

    @Test
    void noWinnerWhenNothingRan() {
        Study s = new Study("detector", "AUC");
        s.notApplicable("MCD", "singular covariance");
        assertTrue(s.best("AUC").isEmpty());
        assertTrue(s.mean("AUC").isEmpty());
        assertEquals("not applicable: singular covariance", s.rows().get(0).note());
    }
}
