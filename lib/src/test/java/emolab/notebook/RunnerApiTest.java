package emolab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapaio.jupyter.kernel.display.DisplayData;

/** The library side of the notebook runner: headline outputs, the kernel's peak heap, index thumbnails. */
class RunnerApiTest {

    @Test
    void headlineRendersAsEscapedHtmlAndAMarkedOutput() {
        DisplayData d = new EmoLabDisplayProvider.HeadlineRenderer().render("text/html", new Headline("  best F1 <0.5>\n& co "));
        assertEquals("best F1 <0.5> & co", d.data().get(Headline.MIME));
        String html = (String) d.data().get("text/html");
        assertTrue(html.contains("emolab-headline") && html.contains("best F1 &lt;0.5&gt; &amp; co"), html);
        assertEquals("Headline: best F1 <0.5> & co", d.data().get("text/plain"));
        assertThrows(IllegalArgumentException.class, () -> new Headline(" "));
    }

    @Test
    void headlineOutsideAKernelIsPrinted() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Session.headline("accuracy %.3f (%s)", 0.61234, "SVM");
        } finally {
            System.setOut(old);
        }
        assertEquals("Headline: accuracy 0.612 (SVM)", buf.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void peakHeapSeesAnAllocationThatIsGoneAgain() throws Exception {
        KernelStats.watch();
        // start from the live set: garbage left by earlier tests in this JVM could otherwise be
        // collected while the 64 MB are allocated, and "before + 64 MB" would overstate the peak
        System.gc();
        long before = KernelStats.heapUsedNow();
        long[][] hog = new long[64][];
        for (int i = 0; i < hog.length; i++) hog[i] = new long[1 << 17]; // 64 MB
        long held = KernelStats.heapUsedNow();
        assertTrue(held >= before + 60L * (1 << 20), "the 64 MB are not in the heap: held " + held + ", before " + before);
        hog = null;
        System.gc();
        Thread.sleep(200); // GC notifications arrive on their own thread
        long peak = KernelStats.peakHeapBytes();
        assertTrue(peak >= held, "peak " + peak + " < held " + held + " (before " + before + ")");
        assertTrue(peak <= Runtime.getRuntime().maxMemory(), "peak above -Xmx: " + peak);
        Matcher m = Pattern.compile("\\{\"peakHeapBytes\":(\\d+),\"maxHeapBytes\":(\\d+),\"method\":\"before-gc\"}").matcher(KernelStats.json());
        assertTrue(m.matches(), KernelStats.json());
        assertTrue(Long.parseLong(m.group(1)) >= peak);
    }

    @Test
    void thumbnailsKeepTheAspectRatioAndNeverEnlarge(@TempDir Path dir) throws Exception {
        BufferedImage big = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
        BufferedImage small = Thumbnails.scale(big, 240);
        assertEquals(240, small.getWidth());
        assertEquals(160, small.getHeight());
        assertEquals(100, Thumbnails.scale(new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB), 240).getWidth());
        Path in = dir.resolve("in.png"), out = dir.resolve("out.png");
        ImageIO.write(big, "png", in.toFile());
        Thumbnails.write(in, out, 300);
        assertEquals(300, ImageIO.read(out.toFile()).getWidth());
        Files.writeString(in, "not a png");
        assertThrows(java.io.IOException.class, () -> Thumbnails.write(in, out, 300));
        assertEquals(300, ImageIO.read(out.toFile()).getWidth(), "a failed write must leave the old thumbnail");
    }
}
