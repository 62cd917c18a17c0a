package dev.goroscope.app.heap;

import dev.goroscope.app.heap.HeapScene.Obj;
import dev.goroscope.app.heap.HeapScene.Root;
import dev.goroscope.app.theme.Palette;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The pointers: each non-nil field of an object as an arrow to the object it points into, and
 * each root's pointers as arrows from the root column. Neighbours in a row get a straight arrow;
 * longer hops along a row arc through the gap above it; hops between rows are S-curves. A root's
 * pointer to a cell beyond the first column runs down the gutter left of the heap and along the
 * gap under the target's line, so it never passes behind (and seems to join) other cells. A pointer
 * to memory that holds no object (freed while still in use, when the barrier is off) is a dashed
 * arrow in the limit colour. Small cells get thin straight lines without heads.
 *
 * <p>A pointer to a hidden object (the runtime's own, when the view leaves them out) has no cell to
 * land on. It is not dropped, which would make the field look nil, nor drawn as dangling: it ends
 * in a short stub tagged "runtime" (with a count when there are several), out of the way above
 * the cell or beside the root.
 */
final class Edges {
    private final GraphicsContext g;
    private final Palette p;
    private final HeapGeometry geo;
    private final HeapScene s;

    Edges(GraphicsContext g, Palette p, HeapGeometry geo, HeapScene s) {
        this.g = g;
        this.p = p;
        this.geo = geo;
        this.s = s;
    }

    /** The cell an address points into: its live object's, or a freed slot's; null if not drawn. */
    HeapPlan.Cell target(long addr) {
        if (s.hides(addr)) {
            return null;
        }
        Obj o = s.containing(addr);
        if (o != null) {
            return s.plan().cell(o.addr(), o.sizeClass());
        }
        return s.plan().cell(addr);
    }

    boolean dangling(long addr) {
        return s.containing(addr) == null && !s.hides(addr);
    }

    /** The objects' pointers in the labelled view ({@link CompactHeap} draws them for small cells). */
    void objectEdges() {
        style(p.edge(), false);
        for (Obj o : s.objects()) {
            HeapPlan.Cell from = s.plan().cell(o.addr(), o.sizeClass());
            if (from == null) {
                continue;
            }
            int hidden = 0;
            for (int i = 0; i < o.fieldCount(); i++) {
                long t = o.field(i);
                if (t == 0) {
                    continue;
                }
                if (s.hides(t)) {
                    hidden++;
                    continue;
                }
                HeapPlan.Cell to = target(t);
                if (to != null) {
                    boolean bad = dangling(t);
                    if (bad) {
                        style(p.limit(), true);
                    }
                    cellToCell(from, to);
                    if (bad) {
                        style(p.edge(), false);
                    }
                }
            }
            if (hidden > 0) {
                double x = geo.cellX(from) + geo.cw / 2;
                double y = geo.cellY(from);
                stub(x, y, x, y - geo.gy * 0.5, hidden);
                style(p.edge(), false);
            }
        }
        g.setLineDashes();
        g.setGlobalAlpha(1);
    }

    /** Pointers to {@code n} hidden runtime objects: a dashed stub from (x0, y0) to (x1, y1), tagged. */
    private void stub(double x0, double y0, double x1, double y1, int n) {
        g.setStroke(p.muted());
        g.setFill(p.muted());
        g.setGlobalAlpha(1);
        g.setLineWidth(geo.labelled ? 1.5 : 1);
        g.setLineDashes(3, 3);
        g.strokeLine(x0, y0, x1, y1);
        g.setLineDashes();
        if (!geo.labelled) {
            return;
        }
        double r = geo.font * 0.22;
        g.strokeOval(x1 - r, y1 - r, 2 * r, 2 * r);
        g.setFont(javafx.scene.text.Font.font("System", geo.font * 0.8));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        g.fillText(n > 1 ? "runtime \u00d7" + n : "runtime", x1 + r * 2, y1);
    }

    void rootEdges() {
        List<Root> roots = s.roots();
        int shown = geo.rootsShown(roots.size());
        style(p.accent(), false);
        for (int i = 0; i < shown; i++) {
            Root r = roots.get(i);
            double rx = geo.rootX + geo.rootW;
            double ry = geo.rootY(i) + geo.rootH() / 2;
            int hidden = 0;
            for (int k = 0; k < r.targetCount(); k++) {
                if (s.hides(r.target(k))) {
                    hidden++;
                    continue;
                }
                HeapPlan.Cell to = target(r.target(k));
                if (to == null) {
                    continue;
                }
                boolean bad = dangling(r.target(k));
                style(bad ? p.limit() : p.accent(), bad);
                double tx = geo.cellX(to);
                double ty = geo.cellY(to) + geo.ch / 2;
                double d = Math.max(geo.font * 2, (tx - rx) * 0.5);
                g.beginPath();
                g.moveTo(rx, ry);
                if (to.column() % geo.columns == 0) {
                    g.bezierCurveTo(rx + d, ry, tx - d, ty, tx - 2, ty);
                    g.stroke();
                    head(tx - d, ty, tx - 2, ty);
                    continue;
                }
                // further along a line: along the gutter left of the heap (each root in its own lane),
                // then along the gap below the target's line and up into it, never behind other cells
                double gutter = geo.heapX - geo.gx * 0.3 - geo.font * (0.5 + 0.45 * (i % 5));
                double lane = geo.cellY(to) + geo.ch + geo.gy * 0.5;
                double ex = tx + geo.cw * 0.3;
                double ey = geo.cellY(to) + geo.ch + 2;
                double bend = Math.min(geo.font * 0.7, Math.abs(lane - ry) / 2);
                g.arcTo(gutter, ry, gutter, lane, bend);
                g.arcTo(gutter, lane, ex, lane, bend);
                g.arcTo(ex, lane, ex, ey, Math.min(geo.font * 0.7, lane - ey));
                g.lineTo(ex, ey);
                g.stroke();
                head(ex, lane, ex, ey);
            }
            if (hidden > 0) {
                double y = geo.rootY(i) + geo.rootH() * 0.2;
                stub(rx, y, rx + geo.font * 0.9, y, hidden);
                style(p.accent(), false);
            }
        }
        g.setLineDashes();
        g.setGlobalAlpha(1);
    }

    /** Draws one object-to-object pointer in the current style, emphasised or not. */
    void emphasise(long fromAddr, long toAddr, Color colour) {
        Obj o = s.containing(fromAddr);
        HeapPlan.Cell to = target(toAddr);
        if (o == null || to == null) {
            return;
        }
        HeapPlan.Cell from = s.plan().cell(o.addr(), o.sizeClass());
        if (from == null) {
            return;
        }
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(geo.labelled ? 4.5 : 2.5);
        g.setGlobalAlpha(1);
        g.setLineDashes(10, 6);
        boolean wasLabelled = geo.labelled;
        cellToCell(from, to);
        g.setLineDashes();
        if (!wasLabelled) {
            double[] a = anchor(to);
            g.fillOval(a[0] - 3, a[1] - 3, 6, 6);
        }
    }

    private double[] anchor(HeapPlan.Cell c) {
        return new double[] {geo.cellX(c) + geo.cw / 2, geo.cellY(c) + geo.ch / 2};
    }

    private void style(Color c, boolean dashed) {
        g.setStroke(c);
        g.setFill(c);
        if (geo.labelled) {
            g.setLineWidth(2);
            g.setGlobalAlpha(1);
        } else {
            g.setLineWidth(geo.cw >= 5 ? 1 : 0.7);
            g.setGlobalAlpha(0.45);
        }
        if (dashed) {
            g.setLineDashes(6, 4);
        } else {
            g.setLineDashes();
        }
    }

    private void cellToCell(HeapPlan.Cell from, HeapPlan.Cell to) {
        double sx = geo.cellX(from);
        double sy = geo.cellY(from);
        double tx = geo.cellX(to);
        double ty = geo.cellY(to);
        double cw = geo.cw;
        double ch = geo.ch;
        if (!geo.labelled) {
            g.strokeLine(sx + cw / 2, sy + ch / 2, tx + cw / 2, ty + ch / 2);
            return;
        }
        if (from.equals(to)) {
            g.beginPath();
            g.moveTo(sx + cw * 0.7, sy);
            g.bezierCurveTo(sx + cw * 0.7, sy - ch * 0.8, sx + cw * 1.1, sy - ch * 0.8, sx + cw, sy + ch * 0.2);
            g.stroke();
            head(sx + cw * 1.1, sy - ch * 0.4, sx + cw, sy + ch * 0.2);
            return;
        }
        double my = sy + ch / 2;
        if (sy == ty) {
            boolean right = tx > sx;
            double x0 = right ? sx + cw : sx;
            double x1 = right ? tx : tx + cw;
            double gap = Math.abs(x1 - x0);
            g.beginPath();
            g.moveTo(x0, my);
            if (gap <= geo.gx + 1) {
                g.lineTo(x1, my);
                g.stroke();
                head(x0, my, x1, my);
                return;
            }
            double bulge = (ch + geo.gy * 0.6) * (right ? -1 : 1);
            double cx = (x0 + x1) / 2;
            g.quadraticCurveTo(cx, my + bulge, x1, my);
            g.stroke();
            head(cx, my + bulge, x1, my);
            return;
        }
        boolean down = ty > sy;
        double x0 = sx + cw / 2;
        double y0 = down ? sy + ch : sy;
        double x1 = tx + cw / 2;
        double y1 = down ? ty : ty + ch;
        double dy = (y1 - y0) * 0.5;
        g.beginPath();
        g.moveTo(x0, y0);
        g.bezierCurveTo(x0, y0 + dy, x1, y1 - dy, x1, y1);
        g.stroke();
        head(x1, y1 - dy, x1, y1);
    }

    /** An arrowhead at {@code (x1, y1)} pointing away from {@code (x0, y0)}. */
    private void head(double x0, double y0, double x1, double y1) {
        if (!geo.labelled && geo.cw < 6) {
            return;
        }
        double len = geo.labelled ? geo.font * 0.8 : 4;
        double a = Math.atan2(y1 - y0, x1 - x0);
        double spread = 0.45;
        g.fillPolygon(new double[] {x1, x1 - len * Math.cos(a - spread), x1 - len * Math.cos(a + spread)},
                new double[] {y1, y1 - len * Math.sin(a - spread), y1 - len * Math.sin(a + spread)}, 3);
    }
}
