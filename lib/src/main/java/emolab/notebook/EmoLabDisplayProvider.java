package emolab.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.MimeType;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import tech.tablesaw.api.Table;

/**
 * The kernel's display SPI for EmoLab: a bare Tablesaw {@link Table} at the end of a cell renders
 * as an HTML table, an XChart chart as an inline PNG, and {@link Html} fragments as HTML.
 * Registered in {@code META-INF/services/org.rapaio.jupyter.kernel.display.spi.DisplayProvider}.
 */
public final class EmoLabDisplayProvider implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new TableRenderer(), new ChartRenderer(), new HtmlRenderer(), new DataSourceRenderer(), new HeadlineRenderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    static boolean wants(String mime, MimeType type) {
        return mime == null || mime.isEmpty() || type.longType().equals(mime) || type.shortTypes().contains(mime);
    }

    /** Tablesaw table → HTML (head and tail for long tables), plus a plain-text fallback. */
    public static final class TableRenderer implements DisplayRenderer {
        @Override public Class<?> rendererClass() { return Table.class; }
        @Override public boolean canRender(String mime) { return wants(mime, MimeType.HTML) || wants(mime, MimeType.TEXT); }
        @Override public DisplayData render(String mime, Object o) {
            Table t = (Table) o;
            DisplayData d = DisplayData.fromHtml(HtmlTables.toHtml(t));
            d.putText(t.name() + " (" + t.rowCount() + " rows × " + t.columnCount() + " columns)");
            return d;
        }
    }

    /** XChart chart → inline PNG. */
    public static final class ChartRenderer implements DisplayRenderer {
        @Override public Class<?> rendererClass() { return Chart.class; }
        @Override public boolean canRender(String mime) { return wants(mime, MimeType.PNG) || wants(mime, MimeType.HTML); }
        @Override public DisplayData render(String mime, Object o) {
            return png(pngBytes((Chart<?, ?>) o));
        }
    }

    /** {@link Html} fragment → text/html. */
    public static final class HtmlRenderer implements DisplayRenderer {
        @Override public Class<?> rendererClass() { return Html.class; }
        @Override public boolean canRender(String mime) { return wants(mime, MimeType.HTML); }
        @Override public DisplayData render(String mime, Object o) {
            return DisplayData.fromHtml(((Html) o).html());
        }
    }

    /** {@link emolab.data.DataSource} → its banner (an orange warning for synthetic data). */
    public static final class DataSourceRenderer implements DisplayRenderer {
        @Override public Class<?> rendererClass() { return emolab.data.DataSource.class; }
        @Override public boolean canRender(String mime) { return wants(mime, MimeType.HTML); }
        @Override public DisplayData render(String mime, Object o) {
            emolab.data.DataSource source = (emolab.data.DataSource) o;
            DisplayData d = DisplayData.fromHtml(Session.banner(source).html());
            d.putData(DATA_SOURCE_MIME, source.description()); // for the runner's index
            return d;
        }
    }

    /** The mime type of the marked output that tells the runner which data a notebook used. */
    public static final String DATA_SOURCE_MIME = "text/vnd.emolab.datasource";

    /** {@link Headline} → a highlighted line, plus its text under {@link Headline#MIME} for the runner's index. */
    public static final class HeadlineRenderer implements DisplayRenderer {
        @Override public Class<?> rendererClass() { return Headline.class; }
        @Override public boolean canRender(String mime) { return wants(mime, MimeType.HTML) || Headline.MIME.equals(mime); }
        @Override public DisplayData render(String mime, Object o) {
            Headline h = (Headline) o;
            DisplayData d = DisplayData.fromHtml(h.html());
            d.putText("Headline: " + h.text());
            d.putData(Headline.MIME, h.text());
            return d;
        }
    }

    /** A display-data value holding a PNG image. */
    public static DisplayData png(byte[] png) {
        DisplayData d = DisplayData.withType(MimeType.PNG.longType(), Base64.getEncoder().encodeToString(png));
        d.putText("[image]");
        return d;
    }

    /** The PNG bytes of an XChart chart. */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as PNG", e);
        }
    }

    /** The PNG bytes of an image. */
    public static byte[] pngBytes(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode image as PNG", e);
        }
    }
}
