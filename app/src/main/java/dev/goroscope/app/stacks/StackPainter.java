package dev.goroscope.app.stacks;

import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.Hatch;
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
 *
 * <p>A stack copy ({@link StackCopy}) is drawn as a short movie over {@code progress} 0 to 1: the
 * new block appears beside the old one, the used frames flow across from the top (only the used
 * part is copied), the pointers into the stack are re-aimed, and the old block fades out to where
 * the runtime put it. A banner under the columns says each stage in words.
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
        paint(g, w, h, cols, log, maxStack, null, 1);
    }

    /** Paints {@code cols} with {@code copy} (may be null) at {@code progress} of its movie. */
    public void paint(GraphicsContext g, double w, double h, List<StackColumn> cols, boolean log, long maxStack,
                      StackCopy copy, double progress) {
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
        double bottom = h - pad - fontSize * (copy == null ? 3.6 : 7.6);
        double area = Math.max(20, bottom - top);
        long biggest = 8 << 10;
        for (StackColumn c : cols) {
            biggest = Math.max(biggest, c.size());
        }
        if (copy != null) {
            biggest = Math.max(biggest, copy.oldSize());
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
            if (copy != null && copy.gid() == c.gid() && c.count() == 1 && progress < 1) {
                double oh = height(copy.oldSize(), scaleMax, area, log);
                copying(g, c, copy, progress, x, top, colW, oh, bh, small);
            } else {
                block(g, c, x, top, colW, bh, plain, small);
            }
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
                    g.setTextBaseline(VPos.BOTTOM);
                    // Above the line, in Go's own terms: maxstacksize is 1,000,000,000 bytes, not 1 GiB.
                    String limit = Long.bitCount(maxStack) == 1 ? size(maxStack)
                            : String.format(Locale.ROOT, "%,d B", maxStack);
                    g.fillText("max stack " + limit, x, ly - 3);
                    g.setTextBaseline(VPos.TOP);
                }
            }
            footer(g, c, x, bottom + fontSize * 0.6, colW, small);
        }
        if (copy != null) {
            banner(g, copy, progress, pad, h - pad - fontSize * 3.7, w - 2 * pad, bold, plain);
        }
    }

    /** The movie of one copy: old block left, new block right, the used part flowing across. */
    private void copying(GraphicsContext g, StackColumn c, StackCopy copy, double progress, double x, double top,
                         double w, double oldH, double newH, Font small) {
        double half = w * 0.42;
        double nx = x + w - half;
        double appear = clamp(progress / 0.2);
        double copied = clamp((progress - 0.2) / 0.45);
        double fade = 1 - 0.75 * clamp((progress - 0.85) / 0.15);
        double perOld = oldH / copy.oldSize();
        double perNew = newH / copy.newSize();
        // The old block, with all of its used part.
        g.setGlobalAlpha(fade);
        g.setFill(p.stackFree());
        g.fillRect(x, top, half, oldH);
        frames(g, c, x, top, half, Math.min(oldH, copy.used() * perOld), perOld, small);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.setLineDashes(progress > 0.85 ? new double[] {4, 3} : null);
        g.strokeRect(x, top, half, oldH);
        g.setLineDashes();
        g.setFill(p.muted());
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("old", x + 4, labelY(top, oldH), half);
        g.setGlobalAlpha(1);
        // The new block: appears, then fills from the top as the frames arrive.
        g.setGlobalAlpha(appear);
        g.setFill(p.stackFree());
        g.fillRect(nx, top, half, newH);
        double arrived = Math.min(newH, copy.used() * copied * perNew);
        frames(g, c, nx, top, half, arrived, perNew, small);
        g.setStroke(p.accent());
        g.setLineWidth(2.5);
        g.strokeRect(nx, top, half, newH);
        g.setFill(p.accent());
        g.fillText("new", nx + 4, labelY(top, newH), half);
        g.setGlobalAlpha(1);
        if (copied > 0 && copied < 1) {
            // The copy front: an arrow from the old block to the new one.
            double y0 = top + copy.used() * copied * perOld;
            double y1 = top + arrived;
            arrow(g, x + half + 2, Math.min(y0, top + oldH), nx - 2, y1);
        }
        if (progress >= 0.65 && progress < 0.85 && copy.pointersAdjusted() > 0) {
            // Pointers into the stack re-aimed by the move's delta: marks on the new block's used part.
            int marks = Math.min(copy.pointersAdjusted(), 6);
            g.setStroke(p.highWater());
            g.setLineWidth(2);
            for (int k = 0; k < marks; k++) {
                double y = top + arrived * (k + 0.5) / marks;
                arrow(g, nx + half + 10, y, nx + half - 4, y);
            }
        }
    }

    /** Where a block's "old"/"new" label goes: inside its foot when it is tall enough, else under it. */
    private double labelY(double top, double h) {
        return h > fontSize * 3 ? top + h - fontSize * 1.4 : top + h + 2;
    }

    /** Frame bands inside the used part of a block {@code usedH} high. */
    private void frames(GraphicsContext g, StackColumn c, double x, double top, double w, double usedH,
                        double perByte, Font small) {
        g.setFill(p.stackUsed());
        g.fillRect(x, top, w, usedH);
        int shade = 0;
        for (StackColumn.FrameBand b : c.frames()) {
            double y0 = top + b.offset() * perByte;
            if (y0 >= top + usedH) {
                continue;
            }
            double bhh = Math.min(Math.max(1, b.bytes() * perByte), top + usedH - y0);
            band(g, b, shade++, x, y0, w, bhh, small);
        }
    }

    /** One run of frames: a band in alternating shades, named ("main.deep × 995") when tall enough. */
    private void band(GraphicsContext g, StackColumn.FrameBand b, int shade, double x, double y0, double w, double bhh,
                      Font small) {
        g.setFill(shade % 2 == 0 ? p.frameA() : p.frameB());
        g.fillRect(x + 2, y0, w - 4, bhh);
        if (bhh >= fontSize * 1.2) {
            g.setFill(p.frameText());
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            String label = b.count() > 1
                    ? String.format(Locale.ROOT, "%s × %,d", b.function(), b.count())
                    : b.function();
            g.fillText(label, x + 6, y0 + Math.min(bhh / 2, fontSize), w - 12);
            g.setTextBaseline(VPos.TOP);
        }
    }

    private void arrow(GraphicsContext g, double x0, double y0, double x1, double y1) {
        g.setStroke(p.accent());
        g.setLineWidth(2);
        g.strokeLine(x0, y0, x1, y1);
        double a = Math.atan2(y1 - y0, x1 - x0);
        double s = fontSize * 0.5;
        g.strokeLine(x1, y1, x1 - s * Math.cos(a - 0.5), y1 - s * Math.sin(a - 0.5));
        g.strokeLine(x1, y1, x1 - s * Math.cos(a + 0.5), y1 - s * Math.sin(a + 0.5));
    }

    /** "G1 stack 32 KiB → 64 KiB" and the stage in words, across the bottom of the view. */
    private void banner(GraphicsContext g, StackCopy copy, double progress, double x, double y, double w, Font bold,
                        Font plain) {
        String head = "G" + copy.gid() + (copy.grow() ? " stack grows " : " stack shrinks ")
                + size(copy.oldSize()) + " \u2192 " + size(copy.newSize());
        String stage = copy.animate() && progress < 1 ? copy.caption(progress)
                : copy.summary();
        g.setFill(p.panel());
        g.fillRoundRect(x, y - fontSize * 0.4, w, fontSize * 4.0, 8, 8);
        g.setStroke(p.accent());
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y - fontSize * 0.4, w, fontSize * 4.0, 8, 8);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(bold);
        g.setFill(p.accent());
        g.fillText(head, x + fontSize * 0.6, y);
        g.setFont(plain);
        g.setFill(p.text());
        String[] lines = stage.split("\n");
        for (int k = 0; k < lines.length; k++) {
            g.fillText(lines[k], x + fontSize * 0.6, y + fontSize * (1.15 + 1.2 * k), w - fontSize * 1.2);
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
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
            band(g, b, shade++, x, y0, w, bhh, small);
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
        g.setStroke(p.guard());
        g.setLineWidth(1.2);
        Hatch.diagonal(g, x, y, w, h, x - h, 6);
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
