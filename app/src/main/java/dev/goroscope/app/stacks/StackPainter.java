package dev.goroscope.app.stacks;

import dev.goroscope.app.theme.Palette;
import dev.goroscope.engine.runtime.Sys;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the stacks view: one column per goroutine (or group), each stack a block to scale with
 * its high end ({@code hi}) at the top, since stacks grow down. The used part is filled from the
 * top down to {@code sp} in bands of frames; the guard area ({@code stackGuard}, 928 bytes) is
 * hatched at the bottom; an orange line marks the high-water mark, a dashed red line the
 * max-stack limit when it is in reach. On screen and off screen (export, tests) alike.
 */
public final class StackPainter {
    private static final double MIN_BLOCK = 6;

    private final Palette p;
    private final double fontSize;

    public StackPainter(Palette palette, double fontSize) {
        this.p = palette;
        this.fontSize = fontSize;
    }

    /** Paints {@code cols} into {@code [0, w) x [0, h)}. */
    public void paint(GraphicsContext g, double w, double h, List<StackColumn> cols, boolean log, long maxStack) {
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        Font plain = Font.font("System", fontSize);
        Font bold = Font.font("System", FontWeight.BOLD, fontSize);
        Font small = Font.font("System", fontSize * 0.85);
        if (cols.isEmpty()) {
            g.setFill(p.muted());
            g.setFont(plain);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No goroutines yet", w / 2, h / 2);
            return;
        }
        double pad = fontSize;
        double colW = Math.max(fontSize * 9, Math.min(fontSize * 16, (w - pad) / cols.size() - pad));
        double top = pad + fontSize * 2.8;
        double bottom = h - pad - fontSize * 3.6;
        double area = Math.max(20, bottom - top);
        long biggest = 8 << 10;
        for (StackColumn c : cols) {
            biggest = Math.max(biggest, c.size());
        }
        boolean limitShown = maxStack <= biggest * 8L;
        long scaleMax = limitShown ? Math.max(biggest, maxStack) : biggest;
        for (int k = 0; k < cols.size(); k++) {
            double x = pad + k * (colW + pad);
            if (x > w) {
                break;
            }
            StackColumn c = cols.get(k);
            header(g, c, x, pad, colW, bold, small);
            double bh = c.size() == 0 ? 0 : height(c.size(), scaleMax, area, log);
            block(g, c, x, top, colW, bh, plain, small);
            if (limitShown) {
                double ly = top + height(maxStack, scaleMax, area, log);
                g.setStroke(p.limit());
                g.setLineWidth(2);
                g.setLineDashes(6, 4);
                g.strokeLine(x - pad / 2, ly, x + colW + pad / 2, ly);
                g.setLineDashes();
                if (k == 0) {
                    g.setFill(p.limit());
                    g.setFont(small);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.TOP);
                    g.fillText("max stack " + size(maxStack), x, ly + 2);
                }
            }
            footer(g, c, x, bottom + fontSize * 0.6, colW, small);
        }
    }

    /** A block's height: proportional to the size, or on a log scale (one step per doubling from 1 KiB). */
    static double height(long size, long scaleMax, double area, boolean log) {
        if (log) {
            double steps = Math.log(Math.max(size, 1024) / 1024.0) / Math.log(2);
            double all = Math.log(Math.max(scaleMax, 2048) / 1024.0) / Math.log(2);
            return Math.max(MIN_BLOCK, area * steps / all);
        }
        return Math.max(MIN_BLOCK, area * (double) size / scaleMax);
    }

    private void header(GraphicsContext g, StackColumn c, double x, double y, double w, javafx.scene.text.Font bold,
                        javafx.scene.text.Font small) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(c.current() ? p.accent() : p.text());
        g.setFont(bold);
        g.fillText(c.title(), x, y, w);
        g.setFill(p.muted());
        g.setFont(small);
        g.fillText(c.state(), x, y + fontSize * 1.35, w);
    }

    private void block(GraphicsContext g, StackColumn c, double x, double top, double w, double bh,
                       javafx.scene.text.Font plain, javafx.scene.text.Font small) {
        if (bh <= 0) {
            g.setFill(p.muted());
            g.setFont(small);
            g.fillText("(stack freed)", x, top);
            return;
        }
        g.setFill(p.stackFree());
        g.fillRect(x, top, w, bh);
        double perByte = bh / c.size();
        double usedH = Math.min(bh, c.used() * perByte);
        g.setFill(p.stackUsed());
        g.fillRect(x, top, w, usedH);
        int shade = 0;
        for (StackColumn.FrameBand b : c.frames()) {
            double y0 = top + b.offset() * perByte;
            double bhh = Math.max(1, b.bytes() * perByte);
            if (y0 >= top + bh) {
                continue;
            }
            bhh = Math.min(bhh, top + bh - y0);
            g.setFill(shade++ % 2 == 0 ? p.frameA() : p.frameB());
            g.fillRect(x + 2, y0, w - 4, bhh);
            if (bhh >= fontSize * 1.2) {
                g.setFill(p.frameText());
                g.setFont(small);
                g.setTextBaseline(VPos.CENTER);
                String label = b.count() > 1
                        ? String.format(Locale.ROOT, "%s × %,d", b.function(), b.count())
                        : b.function();
                g.fillText(label, x + 6, y0 + Math.min(bhh / 2, fontSize), w - 12);
                g.setTextBaseline(VPos.TOP);
            }
        }
        double guardH = Math.max(3, Sys.STACK_GUARD * perByte);
        hatch(g, x, top + bh - guardH, w, guardH);
        if (c.highWater() > 0) {
            double hy = top + Math.min(bh, c.highWater() * perByte);
            g.setStroke(p.highWater());
            g.setLineWidth(2.5);
            g.strokeLine(x - 3, hy, x + w + 3, hy);
        }
        g.setStroke(c.current() ? p.accent() : p.grid());
        g.setLineWidth(c.current() ? 2.5 : 1);
        g.strokeRect(x, top, w, bh);
    }

    private void hatch(GraphicsContext g, double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(p.guard());
        g.setLineWidth(1.2);
        for (double d = -h; d < w; d += 6) {
            g.strokeLine(x + d, y + h, x + d + h, y);
        }
        g.restore();
    }

    private void footer(GraphicsContext g, StackColumn c, double x, double y, double w, javafx.scene.text.Font small) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(small);
        g.setFill(p.text());
        String first = c.count() > 1
                ? "stacks " + size(c.totalSize()) + " in all"
                : "stack " + size(c.size());
        g.fillText(first, x, y, w);
        g.setFill(p.muted());
        g.fillText("used " + size(c.used()) + " · peak " + size(c.highWater()), x, y + fontSize * 1.2, w);
    }

    /** 2 KiB, 1.5 MiB, 512 MiB, 928 B. */
    public static String size(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }
}
