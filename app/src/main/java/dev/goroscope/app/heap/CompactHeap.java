package dev.goroscope.app.heap;

import static dev.goroscope.app.util.RasterImage.argb;

import dev.goroscope.app.heap.HeapScene.Ghost;
import dev.goroscope.app.heap.HeapScene.Obj;
import dev.goroscope.app.heap.HeapScene.Root;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.Raster;
import dev.goroscope.app.util.RasterImage;
import dev.goroscope.engine.timeline.Colour;
import java.util.Arrays;
import java.util.List;

/**
 * The heap grid when the cells are too small for labels (hundreds to thousands of objects), drawn
 * into a {@link Raster}: the rows' bands, every pointer as a faint straight line (a dashed one in
 * the limit colour if it points at freed memory), the roots' pointers, the cells in the same
 * three looks as {@link Cells} (white hollow, grey half-filled, black solid, all outlined) and
 * freed slots as dashed outlines. Text, the roots' boxes and the flash are drawn over it on the
 * canvas by {@link HeapPainter}. A pointer to a hidden runtime object is a short muted tick up out
 * of its cell (or out of its root), as {@link Edges} draws it without the tag.
 *
 * <p>Most frames of a GC only change colours: a few objects turn grey or black while every
 * pointer stays put. The raster a frame draws into still holds an earlier frame ({@link
 * RasterImage#next}), and {@link Drawn} remembers which scene that was; when the new scene has the
 * same objects, pointers, roots and geometry, only the cells whose colour changed are drawn again
 * (a cell is opaque and nothing else is drawn over it, so this gives the same pixels as drawing it
 * all). Anything else (an allocation, a sweep, a pointer store, another size) draws it all.
 */
final class CompactHeap {
    /** What a raster last showed. */
    static final class Drawn {
        private HeapScene scene;
        private HeapGeometry geo;
        private int width;
        private int height;
        private double scale;
        /** Cells drawn in the last frame (all of them, or the recoloured ones). */
        int cellsDrawn;

        void set(Drawn o) {
            scene = o.scene;
            geo = o.geo;
            width = o.width;
            height = o.height;
            scale = o.scale;
        }
    }

    private final Raster r;
    private final Palette p;
    private final HeapGeometry geo;
    private final HeapScene s;
    /** Cell centres by object index; NaN where the plan has no cell. Made only for a full frame. */
    private double[] cx;
    private double[] cy;
    private final int white;
    private final int grey;
    private final int black;
    private final int outline;
    private final int accent;

    CompactHeap(Raster r, Palette p, HeapGeometry geo, HeapScene s) {
        this.r = r;
        this.p = p;
        this.geo = geo;
        this.s = s;
        white = argb(p.objectWhite());
        grey = argb(p.objectGrey());
        black = argb(p.objectBlack());
        outline = argb(p.text());
        accent = argb(p.accent());
    }

    /** Draws everything over a cleared raster. */
    void paint() {
        r.clear(argb(p.background()));
        centres();
        rows();
        objectEdges();
        rootEdges();
        cells();
        ghosts();
    }

    /**
     * Draws the scene into a raster that shows {@code d}'s scene: only the recoloured cells if
     * that is enough, else everything. When this raster is too old for that but the last frame's,
     * {@code last} (showing {@code lastDrawn}), is not, it starts from a copy of that one: after a
     * full redraw, the next frame need not draw it all again. Updates {@code d}.
     */
    void paint(Drawn d, Raster last, Drawn lastDrawn) {
        int[] changed = recoloured(d);
        if (changed == null && lastDrawn != null && last != r) {
            changed = recoloured(lastDrawn);
            if (changed != null) {
                r.copyFrom(last);
                d.set(lastDrawn);
            }
        }
        if (changed != null) {
            List<Obj> objs = s.objects();
            for (int i : changed) {
                Obj o = objs.get(i);
                HeapPlan.Cell c = s.plan().cell(o.addr(), o.sizeClass());
                if (c != null) {
                    cell(o, geo.cellX(c) + geo.cw / 2, geo.cellY(c) + geo.ch / 2);
                }
            }
            d.cellsDrawn = changed.length;
        } else {
            paint();
            d.cellsDrawn = s.objects().size();
        }
        d.scene = s;
        d.geo = geo;
        d.width = r.width();
        d.height = r.height();
        d.scale = r.scale();
    }

    /**
     * The indices of the cells whose colour changed since the scene a raster showing {@code d}
     * holds, when nothing but colours changed (same geometry and size, same objects, pointers and
     * roots, no freed cells); else null. One pass over the objects.
     */
    private int[] recoloured(Drawn d) {
        HeapScene before = d.scene;
        if (before == null || d.geo != geo || d.width != r.width() || d.height != r.height() || d.scale != r.scale()
                || before.plan() != s.plan() || !before.ghosts().isEmpty() || !s.ghosts().isEmpty()) {
            return null;
        }
        List<Obj> a = before.objects();
        List<Obj> b = s.objects();
        if (a.size() != b.size() || before.hidden().size() != s.hidden().size()
                || before.roots().size() != s.roots().size()) {
            return null;
        }
        int shown = geo.rootsShown(s.roots().size());
        for (int i = 0; i < shown; i++) {
            if (!before.roots().get(i).sameTargets(s.roots().get(i))) {
                return null;
            }
        }
        for (int i = 0; i < s.hidden().size(); i++) {
            if (before.hidden().get(i).addr() != s.hidden().get(i).addr()) {
                return null;
            }
        }
        int[] out = new int[32];
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            Obj x = a.get(i);
            Obj y = b.get(i);
            if (!x.sameShape(y) || x.allocatedBlack() != y.allocatedBlack()) {
                return null;
            }
            if (x.colour() != y.colour()) {
                if (x.allocatedBlack()) {
                    return null; // its tag reaches past the cell
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private void centres() {
        List<Obj> objs = s.objects();
        cx = new double[objs.size()];
        cy = new double[objs.size()];
        for (int i = 0; i < cx.length; i++) {
            HeapPlan.Cell c = s.plan().cell(objs.get(i).addr(), objs.get(i).sizeClass());
            cx[i] = c == null ? Double.NaN : geo.cellX(c) + geo.cw / 2;
            cy[i] = c == null ? Double.NaN : geo.cellY(c) + geo.ch / 2;
        }
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
        for (int i = 0; i < objs.size(); i++) {
            if (!Double.isNaN(cx[i])) {
                cell(objs.get(i), cx[i], cy[i]);
            }
        }
    }

    /** One cell, centred at {@code (x, y)}: it covers its rectangle whatever was there. */
    private void cell(Obj o, double x, double y) {
        double w = geo.cw;
        double h = geo.ch;
        x -= w / 2;
        y -= h / 2;
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
