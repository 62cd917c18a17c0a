package dev.goroscope.app.heap;

import dev.goroscope.app.heap.HeapScene.Focus;
import dev.goroscope.app.heap.HeapScene.FocusKind;
import dev.goroscope.app.theme.Palette;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The last event's flash: a double ring around the object it acted on and a callout that says
 * what happened and why. A write-barrier shade also draws the pointer it saw (the field being
 * overwritten, or the one being stored) as a thick dashed arrow, so the lost-object lesson shows
 * the exact store that saved the object.
 */
final class Flash {
    private final GraphicsContext g;
    private final Palette p;
    private final HeapGeometry geo;
    private final HeapScene s;
    private final Font bold;
    private final Font plain;

    Flash(GraphicsContext g, Palette p, HeapGeometry geo, HeapScene s, Font bold, Font plain) {
        this.g = g;
        this.p = p;
        this.geo = geo;
        this.s = s;
        this.bold = bold;
        this.plain = plain;
    }

    void paint(Focus f) {
        Edges edges = new Edges(g, p, geo, s);
        if (f.holder() != 0 && (f.kind() == FocusKind.BARRIER_SHADE || f.kind() == FocusKind.POINTER_WRITE
                || f.kind() == FocusKind.GREYED)) {
            edges.emphasise(f.holder(), f.addr(), p.shade());
        }
        HeapPlan.Cell c = edges.target(f.addr());
        double x;
        double y;
        double w;
        double h;
        if (c != null) {
            x = geo.cellX(c);
            y = geo.cellY(c);
            w = geo.cw;
            h = geo.ch;
            double r = Math.max(4, Math.min(10, geo.cw * 0.15));
            g.setStroke(p.shade());
            g.setLineWidth(geo.labelled ? 5 : 3);
            g.strokeRoundRect(x - r, y - r, w + 2 * r, h + 2 * r, 2 * r, 2 * r);
            g.setGlobalAlpha(0.45);
            g.setLineWidth(geo.labelled ? 3 : 2);
            g.strokeRoundRect(x - 2.2 * r, y - 2.2 * r, w + 4.4 * r, h + 4.4 * r, 4 * r, 4 * r);
            g.setGlobalAlpha(1);
        } else {
            x = geo.heapX;
            y = geo.heapY;
            w = 0;
            h = 0;
        }
        callout(f, x, y, w, h);
    }

    /**
     * How badly a callout at {@code (bx, by)} would cover what the viewer needs: objects, roots,
     * and anything off the heap area. Infinite off the canvas.
     */
    private double overlap(double bx, double by, double bw, double bh) {
        if (bx < 0 || by < geo.legendH * 0.8 || bx + bw > geo.width || by + bh > geo.queueTop) {
            return Double.MAX_VALUE / 2 + Math.abs(by);
        }
        double sum = 0;
        if (geo.labelled) {
            for (HeapScene.Obj o : s.objects()) {
                HeapPlan.Cell c = s.plan().cell(o.addr(), o.sizeClass());
                if (c != null) {
                    sum += area(bx, by, bw, bh, geo.cellX(c) - 6, geo.cellY(c) - 6, geo.cw + 12, geo.ch + 12);
                }
            }
            for (HeapScene.Ghost gh : s.ghosts()) {
                HeapPlan.Cell c = s.plan().cell(gh.addr(), gh.sizeClass());
                if (c != null) {
                    sum += area(bx, by, bw, bh, geo.cellX(c) - 6, geo.cellY(c) - 6, geo.cw + 12, geo.ch + 12);
                }
            }
            for (double[] b : geo.bands) {
                sum += 0.3 * area(bx, by, bw, bh, geo.heapX, b[0], geo.heapW * 0.3, geo.font * 1.3);
            }
        }
        int roots = geo.rootsShown(s.roots().size());
        for (int i = 0; i < roots; i++) {
            sum += area(bx, by, bw, bh, geo.rootX, geo.rootY(i), geo.rootW, geo.rootH());
        }
        return sum;
    }

    private static double area(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh) {
        double w = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
        double h = Math.min(ay + ah, by + bh) - Math.max(ay, by);
        return w > 0 && h > 0 ? w * h : 0;
    }

    private void callout(Focus f, double x, double y, double w, double h) {
        double fs = geo.font;
        double pad = fs * 0.5;
        double bw = Math.max(Legend.width(f.title(), bold), Legend.width(f.reason(), plain)) + 2 * pad;
        bw = Math.min(bw, geo.width - 2 * fs);
        double bh = fs * 2.9;
        double ring = Math.max(4, Math.min(10, geo.cw * 0.15)) * 2.2;
        double gap = ring + fs * 0.4;
        double cx = Math.max(fs * 0.5, Math.min(geo.width - bw - fs * 0.5, x + w / 2 - bw / 2));
        double[][] spots = {
            {cx, y - gap - bh}, {x + w + gap, y + h / 2 - bh / 2}, {cx, y + h + gap}, {x - gap - bw, y + h / 2 - bh / 2}};
        double bx = spots[0][0];
        double by = spots[0][1];
        double best = Double.MAX_VALUE;
        for (double[] sp : spots) {
            double o = overlap(sp[0], sp[1], bw, bh);
            if (o < best) {
                best = o;
                bx = sp[0];
                by = sp[1];
            }
        }
        g.setFill(p.shade());
        g.fillRoundRect(bx, by, bw, bh, 10, 10);
        g.setStroke(p.text());
        g.setLineWidth(1.5);
        g.strokeRoundRect(bx, by, bw, bh, 10, 10);
        if (w > 0) {
            double lx = Math.max(bx + 10, Math.min(bx + bw - 10, x + w / 2));
            double ly = Math.max(by + 6, Math.min(by + bh - 6, y + h / 2));
            double px = Math.max(x - ring * 0.45, Math.min(x + w + ring * 0.45, lx));
            double py = Math.max(y - ring * 0.45, Math.min(y + h + ring * 0.45, ly));
            g.setStroke(p.shade());
            g.setLineWidth(3);
            if (by + bh <= y || by >= y + h) {
                g.strokeLine(lx, by + bh <= y ? by + bh : by, px, py);
            } else {
                g.strokeLine(bx >= x + w ? bx : bx + bw, ly, px, py);
            }
        }
        g.setFill(javafx.scene.paint.Color.web("#1f2328"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(bold);
        g.fillText(f.title(), bx + pad, by + fs * 0.3, bw - 2 * pad);
        g.setFont(plain);
        g.fillText(f.reason(), bx + pad, by + fs * 1.5, bw - 2 * pad);
    }
}
