package emolab.notebook;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Scaled-down copies of chart PNGs for the report index. Used by the notebook runner:
 * {@code Thumbnails WIDTH in.png out.png [in.png out.png ...]}; each output is written to a temp
 * file and renamed. Exit code 1 if any image could not be read or written (the others are still made).
 */
public final class Thumbnails {
    private Thumbnails() {}

    /** {@code image} scaled to {@code width} (keeping its aspect ratio; never enlarged), in halving steps for quality. */
    public static BufferedImage scale(BufferedImage image, int width) {
        if (width <= 0) throw new IllegalArgumentException("width must be positive: " + width);
        BufferedImage cur = image;
        while (cur.getWidth() > width) {
            int w = Math.max(width, cur.getWidth() / 2);
            int h = Math.max(1, (int) Math.round((double) cur.getHeight() * w / cur.getWidth()));
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            var g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(cur, 0, 0, w, h, null);
            g.dispose();
            cur = next;
        }
        return cur;
    }

    /** Writes a thumbnail of {@code in} to {@code out} (temp file + rename). */
    public static void write(Path in, Path out, int width) throws IOException {
        BufferedImage img = ImageIO.read(in.toFile());
        if (img == null) throw new IOException(in + ": not a readable image");
        Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp");
        // ImageIO directly: EmoLabDisplayProvider needs the kernel's classes, absent where the runner calls this
        if (!ImageIO.write(scale(img, width), "png", tmp.toFile())) throw new IOException("no PNG writer");
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length % 2 == 0) {
            System.err.println("usage: Thumbnails WIDTH in.png out.png [in.png out.png ...]");
            System.exit(2);
        }
        int width = Integer.parseInt(args[0]), rc = 0;
        for (int i = 1; i < args.length; i += 2) {
            try {
                write(Path.of(args[i]), Path.of(args[i + 1]), width);
            } catch (IOException | RuntimeException e) {
                System.err.println("[thumbnails] " + args[i] + ": " + e.getMessage());
                rc = 1;
            }
        }
        System.exit(rc);
    }
}
