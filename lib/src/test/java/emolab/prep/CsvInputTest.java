package emolab.prep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Bad CSV input: each problem a clear error naming file, line and column; BOM and CRLF accepted. */
class CsvInputTest {
    @TempDir
    Path tmp;

    private static final String GOOD = "row,filename,emotion,actor,f1,f2\n"
            + "0,03-01-01-01-01-01-01.wav,neutral,1,0.5,-1e-3\n"
            + "1,03-01-02-01-01-01-01.wav,calm,1,1.25,2\n";

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Table features(Path p) {
        return Csv.readFeatureTable(p, List.of("emotion", "actor"), List.of("filename", "emotion", "actor"));
    }

    private String error(Path p) {
        return assertThrows(IllegalArgumentException.class, () -> features(p)).getMessage();
    }

    @Test
    void goodTableReadsWithNumericFeatures() throws IOException {
        Table t = features(write("good.csv", GOOD));
        assertEquals(2, t.rowCount());
        assertEquals(ColumnType.DOUBLE, t.column("f1").type());
        assertEquals(ColumnType.INTEGER, t.column("row").type());
        assertEquals(-1e-3, t.doubleColumn("f2").getDouble(0));
    }

    @Test
    void byteOrderMarkAndCrlfAreAccepted() throws IOException {
        Table plain = features(write("plain.csv", GOOD));
        Table bom = features(write("bom.csv", "\uFEFF" + GOOD));
        Table crlf = features(write("crlf.csv", GOOD.replace("\n", "\r\n")));
        Table both = features(write("both.csv", "\uFEFF" + GOOD.replace("\n", "\r\n")));
        for (Table t : List.of(bom, crlf, both)) {
            assertEquals(plain.columnNames(), t.columnNames(), "the BOM is not part of the first column name");
            assertEquals(emolab.features.engine.CsvIO.toCsv(plain), emolab.features.engine.CsvIO.toCsv(t));
        }
        assertEquals("row", Csv.read(tmp.resolve("bom.csv")).columnNames().get(0));
        assertEquals("03-01-02-01-01-01-01.wav", Csv.read(tmp.resolve("crlf.csv")).stringColumn("filename").get(1),
                "no CR left at the end of a cell");
    }

    @Test
    void missingColumnsAreNamed() throws IOException {
        Path p = write("nolabel.csv", GOOD.replace("emotion,", "mood,"));
        String m = error(p);
        assertTrue(m.startsWith(p + ": missing column 'emotion'"), m);
        assertTrue(m.contains("mood"), "the message shows the header: " + m);
        m = assertThrows(IllegalArgumentException.class,
                () -> Csv.readFeatureTable(p, List.of(), List.of("emotion", "actor", "sex"))).getMessage();
        assertTrue(m.contains("missing columns 'emotion', 'sex'"), m);
    }

    @Test
    void nanInfinityEmptyAndTextCellsAreErrorsNamingLineAndColumn() throws IOException {
        String[][] cases = {{"nan", "NaN"}, {"NaN", "NaN"}, {"inf", "infinite"}, {"-Infinity", "infinite"}, {"", "empty cell"},
                {"abc", "not a number: 'abc'"}, {"1,5", "expected 6 cells, found 7"}, {"0x1p3", "not a number"}, {"1d", "not a number"}};
        for (String[] c : cases) {
            Path p = write("bad.csv", GOOD.replace("1.25", c[0]));
            String m = error(p);
            String where = c[1].startsWith("expected") ? p + " line 3: " : p + " line 3, column 'f1': ";
            assertTrue(m.startsWith(where) && m.contains(c[1]), "'" + c[0] + "' -> " + m);
        }
    }

    @Test
    void duplicateFileNamesAreErrorsNamingBothLines() throws IOException {
        Path p = write("dup.csv", GOOD + "2,03-01-01-01-01-01-01.wav,neutral,1,3,4\n");
        String m = error(p);
        assertEquals(p + " line 4, column 'filename': duplicate file name '03-01-01-01-01-01-01.wav' (first on line 2)", m);
    }

    @Test
    void headerProblemsAreNamed() throws IOException {
        Path p = write("dupcol.csv", "row,f1,f1\n0,1,2\n");
        String m = assertThrows(IllegalArgumentException.class, () -> Csv.read(p)).getMessage();
        assertEquals(p + " line 1, column 3: duplicate column name 'f1'", m);
        Path empty = write("empty.csv", "");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Csv.read(empty)).getMessage().contains("empty CSV file"));
        Path blank = write("blank.csv", "row,,f1\n0,1,2\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Csv.read(blank)).getMessage().contains("column 2: empty column name"));
        Path latin = tmp.resolve("latin1.csv");
        Files.write(latin, new byte[] {'a', ',', 'b', '\n', (byte) 0xE9, ',', '1', '\n'});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Csv.read(latin)).getMessage().contains("not UTF-8"));
    }

    @Test
    void lenientReaderStillNamesLineAndColumnForForcedTypes() throws IOException {
        Path p = write("ints.csv", "a,b\n1,2\n3,x\n");
        String m = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(p, java.util.Map.of("b", ColumnType.INTEGER))).getMessage();
        assertEquals(p + " line 3, column 'b': not an int: 'x'", m);
    }

    @Test
    void courseTablesGoThroughTheStrictReader() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("course"));
        String features = "row,f1,f2\n0,1,2\n1,3,nan\n";
        Files.writeString(dir.resolve("prepared_features_TRAIN.csv"), features);
        Files.writeString(dir.resolve("prepared_features_TEST.csv"), "row,f1,f2\n0,1,2\n");
        String info = "row,emotion,actor,filename\n0,calm,1,a.wav\n1,sad,2,b.wav\n";
        Files.writeString(dir.resolve("prepared_info_TRAIN.csv"), info);
        Files.writeString(dir.resolve("prepared_info_TEST.csv"), "row,emotion,actor,filename\n0,calm,19,c.wav\n");
        String m = assertThrows(IllegalArgumentException.class, () -> CourseTables.load(dir, "emotion")).getMessage();
        assertEquals(dir.resolve("prepared_features_TRAIN.csv") + " line 3, column 'f2': NaN ('nan'); features must be finite", m);
        Files.writeString(dir.resolve("prepared_features_TRAIN.csv"), features.replace("nan", "4"));
        Files.writeString(dir.resolve("prepared_info_TRAIN.csv"), info.replace("emotion", "feeling"));
        m = assertThrows(IllegalArgumentException.class, () -> CourseTables.load(dir, "emotion")).getMessage();
        assertTrue(m.startsWith(dir.resolve("prepared_info_TRAIN.csv") + ": missing column 'emotion'"), m);
    }
}
