package emolab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Time–frequency images (spectrograms, mel-spectrograms) as {@link BufferedImage}s with axes and a
 * colour bar; the kernel shows a bare image inline.
 */
public final class Images {
    private Images() {}

    /**
     * Renders {@code values[frame][bin]} (e.g. dB) with time on x and bins on y (low bins at the
     * bottom).
     *
     * @param secondsPerFrame hop / sample rate
     * @param binLabel        labels a bin index for the y axis (e.g. its frequency)
     */
    public static BufferedImage timeFrequency(double[][] values, double secondsPerFrame, java.util.function.IntFunction<String> binLabel,
                                              String title, String yTitle, String unit) {
        if (values.length == 0 || values[0].length == 0) throw new IllegalArgumentException("timeFrequency '" + title + "': empty matrix");
        int frames = values.length, bins = values[0].length;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] f : values)
            for (double v : f)
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
        if (!(hi > lo)) hi = lo + 1;
        int left = 70, right = 90, top = 36, bottom = 46, w = 620, h = 300;
        BufferedImage img = new BufferedImage(left + w + right, top + h + bottom, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int x = 0; x < w; x++) {
            int f = Math.min(frames - 1, (int) ((long) x * frames / w));
            for (int y = 0; y < h; y++) {
                int b = Math.min(bins - 1, (int) ((long) (h - 1 - y) * bins / h));
                img.setRGB(left + x, top + y, colour((values[f][b] - lo) / (hi - lo)));
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, top, w, h);
        double total = frames * secondsPerFrame;
        double tick = niceStep(total / 8);
        for (double t = 0; t <= total + 1e-9; t += tick) {
            int x = left + (int) Math.round(t / total * w);
            g.drawLine(x, top + h, x, top + h + 4);
            g.drawString(String.format(Locale.ROOT, "%.1f", t), x - 8, top + h + 17);
        }
        g.drawString("time (s)", left + w / 2 - 20, top + h + 36);
        for (int k = 0; k <= 5; k++) {
            int b = (int) Math.round(k * (bins - 1) / 5.0);
            int y = top + h - (int) Math.round((b + 0.5) / bins * h);
            g.drawLine(left - 4, y, left, y);
            String s = binLabel.apply(b);
            g.drawString(s, left - 8 - g.getFontMetrics().stringWidth(s), y + 4);
        }
        g.rotate(-Math.PI / 2);
        g.drawString(yTitle, -(top + h / 2 + 30), 14);
        g.rotate(Math.PI / 2);
        int cbx = left + w + 20;
        for (int y = 0; y < h; y++) {
            g.setColor(new Color(colour(1 - y / (double) (h - 1))));
            g.drawLine(cbx, top + y, cbx + 14, top + y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(cbx, top, 14, h);
        g.drawString(String.format(Locale.ROOT, "%.0f %s", hi, unit), cbx + 18, top + 10);
        g.drawString(String.format(Locale.ROOT, "%.0f %s", lo, unit), cbx + 18, top + h);
        g.dispose();
        return img;
    }

    /** A perceptually ordered dark-to-bright colour map (magma-like), {@code t} in [0, 1]. */
    static int colour(double t) {
        if (!(t >= 0)) t = 0;
        if (t > 1) t = 1;
        double[][] stops = {{0, 0, 4}, {59, 15, 112}, {140, 41, 129}, {222, 73, 104}, {254, 159, 109}, {252, 253, 191}};
        double p = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) p);
        double f = p - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int gg = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return (r << 16) | (gg << 8) | b;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }
}
