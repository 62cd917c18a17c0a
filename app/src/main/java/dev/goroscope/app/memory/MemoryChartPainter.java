package dev.goroscope.app.memory;

import dev.goroscope.app.memory.MemoryChart.Band;
import dev.goroscope.app.memory.MemoryChart.BandKind;
import dev.goroscope.app.stacks.StackPainter;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.Hatch;
import dev.goroscope.engine.timeline.MemFigures;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the memory chart: four panels over one timeline axis (heap, stacks, goroutines, GC
 * cycles), each with its own scale and a legend that gives the exact figures at the cursor; the GC
 * phases shaded behind every panel; a line at the playback position. On screen and off screen.
 *
 * <p>However many buckets the chart has, each panel draws at most about four points per pixel
 * column (first, extremes, last), so a redraw costs the same for any run.
 */
public final class MemoryChartPainter {
    /** Figures at or above this are "no limit" (GOGC=off gives a goal of {@code Long.MAX_VALUE}). */
    static final long UNBOUNDED = 1L << 50;

    /** The panels, top to bottom, with their share of the height. */
    static final List<Panel> PANELS = List.of(
            new Panel("Heap", List.of(ChartSeries.HEAP_ALLOC, ChartSeries.NEXT_GC), 3),
            new Panel("Stacks", List.of(ChartSeries.STACK_INUSE, ChartSeries.STACK_SYS), 3),
            new Panel("Goroutines", List.of(ChartSeries.GOROUTINES), 2),
            new Panel("GC cycles", List.of(ChartSeries.NUM_GC), 2));

    record Panel(String title, List<ChartSeries> series, double weight) {}

    /** Where the plots are, for painting and for turning a click into a step. */
    public record Layout(double x0, double x1, double top, double bottom) {
        /** The fraction of the axis at {@code x}. */
        public double fraction(double x) {
            return (x - x0) / (x1 - x0);
        }
    }

    private final ChartStyle style;
    private final Palette p;
    private final double fs;
    private final Font plain;
    private final Font bold;
    private final Font small;

    public MemoryChartPainter(Palette palette, double fontSize) {
        this.p = palette;
        this.style = new ChartStyle(palette);
        this.fs = fontSize;
        plain = Font.font("System", fs);
        bold = Font.font("System", FontWeight.BOLD, fs);
        small = Font.font("System", fs * 0.85);
    }

    public Layout layout(double w, double h) {
        double pad = fs * 0.7;
        return new Layout(pad + fs * 5.4, w - pad * 2, pad + fs * 1.9, h - pad - fs * 2.4);
    }

    /** Paints the chart into {@code [0, w) x [0, h)}; {@code at} are the figures at {@code cursor}. */
    public void paint(GraphicsContext g, double w, double h, MemoryChart c, long cursor, MemFigures at) {
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        Layout l = layout(w, h);
        bandLegend(g, l);
        if (c.buckets() == 0 || l.x1 - l.x0 < 20) {
            g.setFill(p.muted());
            g.setFont(plain);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No run yet", w / 2, h / 2);
            return;
        }
        double domain = c.steps() + 1;
        double total = PANELS.stream().mapToDouble(Panel::weight).sum();
        double legendH = fs * 1.5;
        double gap = fs * 0.5;
        double avail = l.bottom - l.top - PANELS.size() * (legendH + gap);
        double laneH = fs * 2.2;
        lane(g, c, l, l.top, laneH, domain);
        avail -= laneH + gap;
        double y = l.top + laneH + gap;
        for (Panel panel : PANELS) {
            double ph = Math.max(fs * 2, avail * panel.weight() / total);
            legend(g, panel, l.x0, y, at);
            double py = y + legendH;
            panel(g, c, panel, l, py, py + ph, domain);
            y = py + ph + gap;
        }
        long pos = Math.min(cursor, c.steps());
        double[] tag = tag(l, pos, domain);
        xAxis(g, l, c.steps(), domain, l.bottom, tag);
        cursor(g, l, pos, domain, tag);
    }

    private double x(Layout l, double pos, double domain) {
        return l.x0 + (l.x1 - l.x0) * pos / domain;
    }

    private void panel(GraphicsContext g, MemoryChart c, Panel panel, Layout l, double top, double bottom,
                       double domain) {
        g.setFill(p.panel());
        g.fillRect(l.x0, top, l.x1 - l.x0, bottom - top);
        pixelBands(c, l, domain, (k, xa, xb) -> {
            // A stop-the-world window too short to see here is in the GC lane above.
            if (k == BandKind.STOP_THE_WORLD && xb - xa < 1.5) {
                return;
            }
            g.setFill(style.tint(k, false));
            g.fillRect(xa, top, Math.max(0.6, xb - xa), bottom - top);
        });
        boolean bytes = panel.series().get(0).bytes();
        long peak = 0;
        for (ChartSeries s : panel.series()) {
            MemoryChart.Line line = c.line(s);
            for (int k = 0; k < line.buckets(); k++) {
                if (line.max(k) < UNBOUNDED) {
                    peak = Math.max(peak, line.max(k));
                }
            }
        }
        int maxTicks = (int) Math.max(1, Math.min(4, (bottom - top) / (fs * 1.6) - 1));
        long step = bytes ? Ticks.byteStep(peak, maxTicks) : Ticks.countStep(peak, maxTicks);
        long axisTop = (peak / step + 1) * step; // headroom: a flat line at the peak stays off the frame
        g.setFont(small);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (long v = 0; v <= axisTop; v += step) {
            double yy = bottom - (bottom - top) * v / axisTop;
            g.setStroke(p.grid());
            g.setLineWidth(1);
            g.strokeLine(l.x0, yy, l.x1, yy);
            g.setFill(p.muted());
            g.fillText(bytes ? StackPainter.size(v) : String.format(Locale.ROOT, "%,d", v), l.x0 - fs * 0.4, yy);
        }
        // No clip (a clip costs a masked pass in the software renderer): every value is at most
        // the peak, below axisTop, and every bucket lies in the domain, so the lines stay inside.
        for (ChartSeries s : panel.series()) {
            series(g, c, s, l, top, bottom, axisTop, domain);
        }
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeRect(l.x0, top, l.x1 - l.x0, bottom - top);
    }

    /**
     * The GC lane: the phases in one row (mark, mark termination, sweep), the stop-the-world
     * windows in a row below, each at least two pixels wide so that a window of a few events in
     * a run of millions still shows.
     */
    private void lane(GraphicsContext g, MemoryChart c, Layout l, double top, double h, double domain) {
        double rowH = h * 0.6;
        double stwH = h - rowH - 2;
        g.setFill(p.panel());
        g.fillRect(l.x0, top, l.x1 - l.x0, h);
        pixelBands(c, l, domain, (k, a, b) -> {
            double xa = a;
            double xb = b;
            if (xb - xa < 2) {
                double mid = (xa + xb) / 2;
                xa = mid - 1;
                xb = mid + 1;
            }
            if (k == BandKind.STOP_THE_WORLD) {
                swatch(g, k, xa, top + rowH + 2, xb - xa, stwH);
            } else {
                swatch(g, k, xa, top, xb - xa, rowH);
            }
        });
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeRect(l.x0, top, l.x1 - l.x0, h);
        g.setFont(small);
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("GC phase", l.x0 - fs * 0.4, top + rowH / 2);
        g.setFill(p.muted());
        g.fillText("STW", l.x0 - fs * 0.4, top + rowH + 2 + stwH / 2);
    }

    interface BandSink {
        void band(BandKind kind, double xa, double xb);
    }

    /**
     * The bands in pixels, those of a kind less than a pixel apart drawn as one: a redraw costs at
     * most a few rectangles per pixel column, whatever the number of GC cycles.
     */
    private void pixelBands(MemoryChart c, Layout l, double domain, BandSink out) {
        BandKind kind = null;
        double xa = 0;
        double xb = 0;
        for (Band b : c.bands()) {
            double a = x(l, b.from(), domain);
            double e = x(l, b.to(), domain);
            if (b.kind() == kind && a - xb < 1) {
                xb = Math.max(xb, e);
                continue;
            }
            if (kind != null) {
                out.band(kind, xa, xb);
            }
            kind = b.kind();
            xa = a;
            xb = e;
        }
        if (kind != null) {
            out.band(kind, xa, xb);
        }
    }

    private void swatch(GraphicsContext g, BandKind k, double x, double y, double w, double h) {
        g.setFill(style.tint(k, true));
        g.fillRect(x, y, w, h);
        Color hatch = style.hatch(k);
        if (hatch == null) {
            return;
        }
        g.setStroke(hatch);
        g.setLineWidth(1.2);
        double gapX = 6;
        // Lines at 45 degrees, anchored to the canvas so that neighbouring bands line up.
        Hatch.diagonal(g, x, y, w, h, Math.floor((x - h) / gapX) * gapX, gapX);
    }

    /** One series as a step line, merged to a few points per pixel column. */
    private void series(GraphicsContext g, MemoryChart c, ChartSeries s, Layout l, double top, double bottom,
                        long axisTop, double domain) {
        MemoryChart.Line line = c.line(s);
        double lw = style.width(s, fs);
        g.setStroke(style.colour(s));
        g.setLineWidth(lw);
        double[] d = style.dashes(s);
        double[] scaled = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            scaled[i] = d[i] * lw;
        }
        g.setLineDashes(scaled);
        g.beginPath();
        Column col = new Column();
        boolean pen = false;
        for (int k = 0; k < line.buckets(); k++) {
            double xa = x(l, c.bucketStart(k), domain);
            double xb = x(l, c.bucketEnd(k) + 1, domain);
            if (line.max(k) >= UNBOUNDED) {
                pen = col.flush(g, pen, top, bottom, axisTop);
                pen = false;
                continue;
            }
            if (col.open && (Math.floor(xa) != Math.floor(col.xa) || xb - xa >= 1)) {
                pen = col.flush(g, pen, top, bottom, axisTop);
            }
            col.add(xa, xb, line.first(k), line.min(k), line.max(k), line.last(k));
        }
        col.flush(g, pen, top, bottom, axisTop);
        g.stroke();
        g.setLineDashes();
    }

    /** The buckets falling in one pixel column, merged: first, extremes, last. */
    private static final class Column {
        boolean open;
        double xa;
        double xb;
        long first;
        long min;
        long max;
        long last;

        void add(double a, double b, long f, long lo, long hi, long la) {
            if (!open) {
                open = true;
                xa = a;
                first = f;
                min = lo;
                max = hi;
            } else {
                min = Math.min(min, lo);
                max = Math.max(max, hi);
            }
            xb = b;
            last = la;
        }

        boolean flush(GraphicsContext g, boolean pen, double top, double bottom, long axisTop) {
            if (!open) {
                return pen;
            }
            open = false;
            double yf = y(first, top, bottom, axisTop);
            if (pen) {
                g.lineTo(xa, yf);
            } else {
                g.moveTo(xa, yf);
            }
            if (min != max) {
                g.lineTo(xa, y(first >= last ? max : min, top, bottom, axisTop));
                g.lineTo(xa, y(first >= last ? min : max, top, bottom, axisTop));
            }
            g.lineTo(xa, y(last, top, bottom, axisTop));
            g.lineTo(Math.max(xb, xa + 0.5), y(last, top, bottom, axisTop));
            return true;
        }

        static double y(long v, double top, double bottom, long axisTop) {
            return bottom - (bottom - top) * (double) v / axisTop;
        }
    }

    private void legend(GraphicsContext g, Panel panel, double x, double y, MemFigures at) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double cy = y + fs * 0.7;
        g.setFont(bold);
        g.setFill(p.text());
        g.fillText(panel.title(), x, cy);
        double cx = x + Ticks.width(panel.title(), bold) + fs * 1.2;
        for (ChartSeries s : panel.series()) {
            double lw = style.width(s, fs);
            g.setStroke(style.colour(s));
            g.setLineWidth(lw + 0.5);
            double[] d = style.dashes(s);
            double[] scaled = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                scaled[i] = d[i] * lw;
            }
            g.setLineDashes(scaled);
            g.strokeLine(cx, cy, cx + fs * 2.6, cy);
            g.setLineDashes();
            cx += fs * 3.1;
            String name = s.label();
            g.setFont(plain);
            g.setFill(p.text());
            g.fillText(name, cx, cy);
            cx += Ticks.width(name, plain) + fs * 0.4;
            String value = at == null ? "" : value(s, s.of(at));
            g.setFont(bold);
            g.fillText(value, cx, cy);
            cx += Ticks.width(value, bold) + fs * 1.6;
        }
    }

    static String value(ChartSeries s, long v) {
        if (s.bytes()) {
            return v >= UNBOUNDED ? "none (GOGC=off)" : StackPainter.size(v);
        }
        return String.format(Locale.ROOT, "%,d", v);
    }

    private void bandLegend(GraphicsContext g, Layout l) {
        double y = fs * 0.7;
        double h = fs * 1.1;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(small);
        g.setFill(p.muted());
        String lead = "Shaded:";
        g.fillText(lead, l.x0, y + h / 2);
        double x = l.x0 + Ticks.width(lead, small) + fs;
        for (BandKind k : BandKind.values()) {
            g.setFill(p.panel());
            g.fillRect(x, y, fs * 2.2, h);
            swatch(g, k, x, y, fs * 2.2, h);
            g.setStroke(p.grid());
            g.setLineWidth(1);
            g.strokeRect(x, y, fs * 2.2, h);
            x += fs * 2.6;
            g.setFill(p.text());
            g.fillText(k.label(), x, y + h / 2);
            x += Ticks.width(k.label(), small) + fs * 1.2;
        }
    }

    /** Step ticks along the bottom; a label the cursor's tag would cover is left out. */
    private void xAxis(GraphicsContext g, Layout l, long steps, double domain, double y, double[] tag) {
        long step = Ticks.countStep(steps, Math.max(2, (int) ((l.x1 - l.x0) / (fs * 7))));
        g.setFont(small);
        g.setFill(p.muted());
        g.setStroke(p.muted());
        g.setLineWidth(1);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (long v = 0; v <= steps; v += step) {
            double xx = x(l, v + 0.5, domain);
            g.strokeLine(xx, y, xx, y + fs * 0.35);
            String label = Ticks.steps(v);
            double half = Ticks.width(label, small) / 2 + fs * 0.3;
            if (xx + half > tag[0] && xx - half < tag[1]) {
                continue;
            }
            g.fillText(label, xx, y + fs * 0.45);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("step", l.x0 - fs * 0.9, y + fs * 0.45);
    }

    /** Where the cursor's tag goes: {@code [left, right]} in x. */
    private double[] tag(Layout l, long pos, double domain) {
        double xx = x(l, pos + 0.5, domain);
        double tw = Ticks.width(tagText(pos), bold) + fs * 0.8;
        double bx = Math.max(l.x0 - fs, Math.min(l.x1 + fs - tw, xx - tw / 2));
        return new double[] {bx, bx + tw};
    }

    private static String tagText(long pos) {
        return "step " + String.format(Locale.ROOT, "%,d", pos);
    }

    private void cursor(GraphicsContext g, Layout l, long pos, double domain, double[] tag) {
        double xx = x(l, pos + 0.5, domain);
        g.setStroke(style.cursor());
        g.setLineWidth(2);
        g.strokeLine(xx, l.top, xx, l.bottom);
        g.setFont(bold);
        double by = l.bottom + fs * 0.25;
        g.setFill(style.cursor());
        g.fillRoundRect(tag[0], by, tag[1] - tag[0], fs * 1.5, fs * 0.5, fs * 0.5);
        g.setFill(p.background());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(tagText(pos), (tag[0] + tag[1]) / 2, by + fs * 0.75);
    }
}
