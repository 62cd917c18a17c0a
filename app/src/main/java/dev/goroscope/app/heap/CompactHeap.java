package dev.goroscope.app.heap;

import static dev.goroscope.app.util.RasterImage.argb;

import dev.goroscope.app.heap.HeapScene.Ghost;
import dev.goroscope.app.heap.HeapScene.Obj;
import dev.goroscope.app.heap.HeapScene.Root;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.Raster;
import dev.goroscope.engine.timeline.Colour;
import java.util.List;

/**
 * The heap grid when the cells are too small for labels (hundreds to thousands of objects), drawn
 * into a {@link Raster}: the rows' bands, every pointer as a faint straight line (a dashed one in
 * the limit colour if it points at freed memory), the roots' pointers, the cells in the same
 * three looks as {@link Cells} (white hollow, grey half-filled, black solid, all outlined) and
 * freed slots as dashed outlines. Text, the roots' boxes and the flash are drawn over it on the
 * canvas by {@link HeapPainter}. A pointer to a hidden runtime object is a short muted tick up out
 * of its cell (or out of its root), as {@link Edges} draws it without the tag.
 */
final class CompactHeap {
    private final Raster r;
    private final Palette p;
    private final HeapGeometry geo;
    private final HeapScene s;
    /** Cell centres by object index; NaN where the plan has no cell. */
    private final double[] cx;
    private final double[] cy;

    CompactHeap(Raster r, Palette p, HeapGeometry geo, HeapScene s) {
        this.r = r;
        this.p = p;
        this.geo = geo;
        this.s = s;
        List<Obj> objs = s.objects();
        cx = new double[objs.size()];
        cy = new double[objs.size()];
        for (int i = 0; i < cx.length; i++) {
            HeapPlan.Cell c = s.plan().cell(objs.get(i).addr(), objs.get(i).sizeClass());
            cx[i] = c == null ? Double.NaN : geo.cellX(c) + geo.cw / 2;
            cy[i] = c == null ? Double.NaN : geo.cellY(c) + geo.ch / 2;
        }
    }

    void paint() {
        rows();
        objectEdges();
        rootEdges();
        cells();
        ghosts();
    }

    private void rows() {
        int panel = argb(p.panel());
        for (double[] b : geo.rowBands(s.plan().rows())) {
            r.fillRect(b[0], b[1], b[2], b[3], panel);
        }
    }

    private double edgeAlpha() {
        return geo.cw >= 5 ? 0.45 : 0.32;
    }

    private void objectEdges() {
        int edge = argb(p.edge());
        int limit = argb(p.limit());
        List<Obj> objs = s.objects();
        for (int k = 0; k < objs.size(); k++) {
            if (Double.isNaN(cx[k])) {
                continue;
            }
            Obj o = objs.get(k);
            for (int i = 0; i < o.fieldCount(); i++) {
                long t = o.field(i);
                if (t == 0) {
                    continue;
                }
                int j = s.indexOf(t);
                if (j >= 0) {
                    if (!Double.isNaN(cx[j])) {
                        r.line(cx[k], cy[k], cx[j], cy[j], edge, edgeAlpha(), 0, 0);
                    }
                    continue;
                }
                if (s.hides(t)) {
                    double top = cy[k] - geo.ch / 2;
                    r.line(cx[k], top, cx[k], top - Math.max(2, geo.gy * 0.8), argb(p.muted()), 1, 0, 0);
                    continue;
                }
                HeapPlan.Cell to = s.plan().cell(t);
                if (to != null) {
                    r.boldLine(cx[k], cy[k], geo.cellX(to) + geo.cw / 2, geo.cellY(to) + geo.ch / 2, limit, 1, 6, 4);
                }
            }
        }
    }

    private void rootEdges() {
        List<Root> roots = s.roots();
        int shown = geo.rootsShown(roots.size());
        int accent = argb(p.accent());
        int limit = argb(p.limit());
        for (int i = 0; i < shown; i++) {
            Root root = roots.get(i);
            double rx = geo.rootX + geo.rootW;
            double ry = geo.rootY(i) + geo.rootH() / 2;
            for (int k = 0; k < root.targetCount(); k++) {
                long t = root.target(k);
                if (s.hides(t)) {
                    r.line(rx, ry - geo.rootH() * 0.3, rx + geo.font * 0.9, ry - geo.rootH() * 0.3, argb(p.muted()), 1,
                            0, 0);
                    continue;
                }
                int j = s.indexOf(t);
                HeapPlan.Cell to = j >= 0 ? s.plan().cell(s.objects().get(j).addr(), s.objects().get(j).sizeClass())
                        : s.plan().cell(t);
                if (to == null) {
                    continue;
                }
                double tx = geo.cellX(to);
                double ty = geo.cellY(to) + geo.ch / 2;
                if (j >= 0) {
                    r.line(rx, ry, tx, ty, accent, edgeAlpha(), 0, 0);
                } else {
                    r.boldLine(rx, ry, tx, ty, limit, 1, 6, 4);
                }
            }
        }
    }

    private void cells() {
        List<Obj> objs = s.objects();
        double w = geo.cw;
        double h = geo.ch;
        int white = argb(p.objectWhite());
        int grey = argb(p.objectGrey());
        int black = argb(p.objectBlack());
        int outline = argb(p.text());
        int accent = argb(p.accent());
        for (int i = 0; i < objs.size(); i++) {
            if (Double.isNaN(cx[i])) {
                continue;
            }
            Obj o = objs.get(i);
            double x = cx[i] - w / 2;
            double y = cy[i] - h / 2;
            Colour c = o.colour();
            r.fillRect(x, y, w, h, c == Colour.BLACK ? black : white);
            if (c == Colour.GREY) {
                r.fillTopLeftHalf(x, y, w, h, grey);
            }
            if (w >= 4 || c != Colour.BLACK) {
                r.strokeRect(x, y, w, h, outline);
            }
            if (w >= 4 && o.allocatedBlack()) {
                r.fillDisc(x + w * 0.85, y + w * 0.1, w * 0.3, accent);
            }
        }
    }

    private void ghosts() {
        for (Ghost gh : s.ghosts()) {
            HeapPlan.Cell c = s.plan().cell(gh.addr(), gh.sizeClass());
            if (c == null) {
                continue;
            }
            double x = geo.cellX(c);
            double y = geo.cellY(c);
            double w = geo.cw;
            double dash = Math.max(2, w / 12);
            double gap = Math.max(2, w / 14);
            if (gh.lost()) {
                // the lesson's point: memory freed while still in use, tinted and outlined twice
                int limit = argb(p.limit());
                double one = 1;
                r.tintRect(x, y, w, geo.ch, limit, 0.3);
                r.dashedRect(x, y, w, geo.ch, limit, dash, gap);
                r.dashedRect(x + one, y + one, w - 2 * one, geo.ch - 2 * one, limit, dash, gap);
            } else {
                r.dashedRect(x, y, w, geo.ch, argb(p.muted()), dash, gap);
            }
        }
    }
}
