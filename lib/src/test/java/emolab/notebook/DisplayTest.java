package emolab.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import emolab.chart.Charts;
import java.util.Arrays;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DisplayTest {

    @Test
    void providerIsRegisteredForTheKernelsServiceLoader() {
        boolean found = ServiceLoader.load(DisplayProvider.class).stream()
                .anyMatch(p -> p.type() == EmoLabDisplayProvider.class);
        assertTrue(found, "EmoLabDisplayProvider is not in META-INF/services");
    }

    @Test
    void tableRendersAsEscapedHtmlWithHeadAndTail() {
        int n = 30;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        Table t = Table.create("t<1>", IntColumn.create("id", ids),
                StringColumn.create("s", Arrays.stream(ids).mapToObj(i -> i == 0 ? "<b>&" : "v" + i).toArray(String[]::new)));
        DisplayRenderer r = new EmoLabDisplayProvider.TableRenderer();
        assertTrue(r.rendererClass().isInstance(t));
        DisplayData d = r.render("text/html", t);
        String html = (String) d.data().get("text/html");
        assertTrue(html.contains("t&lt;1&gt;") && html.contains("&lt;b&gt;&amp;"), "not escaped: " + html);
        assertTrue(html.contains("30 rows × 2 columns"));
        assertTrue(html.contains(">14<") && !html.contains(">15<") && html.contains(">25<") && html.contains(">29<"),
                "expected rows 0-14 and 25-29 only");
        assertTrue(html.contains("…"));
    }

    @Test
    void numbersAreFormattedCompactly() {
        assertEquals("3", HtmlTables.format(3.0));
        assertEquals("0.1235", HtmlTables.format(0.123456));
        assertEquals("1.235e-05", HtmlTables.format(1.2345e-5));
        assertEquals("NaN", HtmlTables.format(Double.NaN));
    }

    @Test
    void chartRendersAsPng() {
        Table t = Table.create("x", StringColumn.create("e", "a", "b", "a"), DoubleColumn.create("v", 1, 2, 3));
        var chart = Charts.counts(t, "e", "counts");
        DisplayRenderer r = new EmoLabDisplayProvider.ChartRenderer();
        assertTrue(r.rendererClass().isInstance(chart));
        String b64 = (String) r.render("image/png", chart).data().get("image/png");
        byte[] png = java.util.Base64.getDecoder().decode(b64);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }
}
