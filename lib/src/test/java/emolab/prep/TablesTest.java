package emolab.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import emolab.SharedData;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@link Tables} conversions and the {@link Csv} reader. */
class TablesTest {

    private static Table small() {
        return Table.create("s").addColumns(
                StringColumn.create("emotion", new String[] {"sad", "angry", "sad", "calm"}),
                IntColumn.create("actor", new int[] {19, 3, 3, 19}),
                DoubleColumn.create("x", new double[] {1.5, -2, 0, 4}),
                DoubleColumn.create("y", new double[] {1, Double.NaN, 3, 4}));
    }

    @Test
    void toMatrixIsRowMajor() {
        double[][] m = Tables.toMatrix(small(), List.of("x", "actor"));
        assertArrayEquals(new double[] {1.5, 19}, m[0]);
        assertArrayEquals(new double[] {-2, 3}, m[1]);
        assertEquals(4, m.length);
    }

    @Test
    void rowsKeepsTheGivenOrder() {
        Table r = Tables.rows(small(), new int[] {3, 0, 3});
        assertEquals(List.of("calm", "sad", "calm"), r.stringColumn("emotion").asList());
        assertEquals(List.of(19, 19, 19), r.intColumn("actor").asList());
        assertEquals(List.of(1.5, 0.0), Tables.rows(small(), new int[] {0, 2}).doubleColumn("x").asList());
    }

    @Test
    void toMatrixErrorsNameColumnAndRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tables.toMatrix(small(), List.of("x", "y")));
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tables.toMatrix(small(), List.of("x", "z")));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tables.toMatrix(small(), List.of("emotion")));
        assertTrue(e.getMessage().contains("not numeric"), e.getMessage());
    }

    @Test
    void labelsHaveSortedClassesAndCodes() {
        Tables.Labels l = Tables.labels(small(), "emotion");
        assertEquals(List.of("angry", "calm", "sad"), l.classes());
        assertArrayEquals(new int[] {2, 0, 2, 1}, l.codes());
        assertArrayEquals(new String[] {"sad", "angry", "sad", "calm"}, l.values());
        assertEquals(1, l.classIndex("calm"));
        assertThrows(IllegalArgumentException.class, () -> l.classIndex("happy"));
        Tables.Labels a = Tables.labels(small(), "actor"); // numeric order, not "19" < "3"
        assertEquals(List.of("3", "19"), a.classes());
        assertArrayEquals(new int[] {1, 0, 0, 1}, a.codes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.labels(small(), "y"));
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tables.labels(small(), "label"));
        assertTrue(e.getMessage().contains("'label'"), e.getMessage());
    }

    @Test
    void csvParsesExactlyAndInfersTypes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv");
        String[] doubles = {"0.1", "1.5e-17", "-3.0000000000000004", "2.2250738585072014E-308", "8e8", "7"};
        StringBuilder sb = new StringBuilder("id,v,name,mixed\n");
        for (int i = 0; i < doubles.length; i++)
            sb.append(i).append(',').append(doubles[i]).append(",n").append(i).append(',').append(i == 2 ? "x" : "1").append('\n');
        Files.writeString(f, sb);
        Table t = Csv.read(f);
        assertEquals(ColumnType.INTEGER, t.column("id").type());
        assertEquals(ColumnType.DOUBLE, t.column("v").type());
        assertEquals(ColumnType.STRING, t.column("name").type());
        assertEquals(ColumnType.STRING, t.column("mixed").type());
        for (int i = 0; i < doubles.length; i++)
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(doubles[i])),
                    Double.doubleToRawLongBits(t.doubleColumn("v").getDouble(i)));
        Table forced = Csv.read(f, java.util.Map.of("id", ColumnType.DOUBLE));
        assertEquals(ColumnType.DOUBLE, forced.column("id").type());
        Files.writeString(f, "a,b\n1,2\n3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read(f));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    /** Every numeric cell of the course table equals Double.parseDouble of its text, bit for bit. */
    @Test
    void csvOnCourseTableIsBitExact() throws IOException {
        Path p = SharedData.require("ravdess/features/raw_features_TEST.csv");
        Table t = Csv.read(p);
        assertEquals(ColumnType.INTEGER, t.column("actor").type());
        assertEquals(ColumnType.STRING, t.column("emotion").type());
        assertEquals(ColumnType.DOUBLE, t.column("sum").type());
        List<String> lines = Files.readAllLines(p);
        String[] header = lines.get(0).split(",", -1);
        long checked = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            for (int c = 0; c < header.length; c++) {
                if (t.column(c).type() != ColumnType.DOUBLE) continue;
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cells[c])),
                        Double.doubleToRawLongBits(t.doubleColumn(c).getDouble(i - 1)), header[c] + " row " + (i - 1));
                checked++;
            }
        }
        assertTrue(checked > 624 * 400, "checked " + checked);
    }
}
