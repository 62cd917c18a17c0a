package dev.goroscope.app.heap;

import dev.goroscope.app.heap.HeapScene.Ghost;
import dev.goroscope.app.heap.HeapScene.Obj;
import dev.goroscope.app.heap.HeapScene.Root;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.Raster;
import dev.goroscope.app.util.RasterImage;
import dev.goroscope.engine.timeline.Colour;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link HeapScene} on one canvas, on screen and off screen alike: the legend and phase,
 * the roots with their pointers, the heap grid with the pointer fields as arrows, the grey
 * queue, and the last event's flash. Nothing here is a scene-graph node per object, so 5,000
 * objects are one canvas's worth of rectangles and lines; below {@link HeapGeometry#LABELLED}
 * font sizes a cell drops its label and the arrows their heads.
 *
 * <p>One painter draws frame after frame while the run plays (the view makes a new one only for
 * another palette or font), so it keeps what does not change from frame to frame: the geometry,
 * and what each raster of the dense grid shows, which lets {@link CompactHeap} redraw only the
 * cells whose colour changed.
 */
public final class HeapPainter {
    private final Palette p;
    private final double fontSize;
    private final Cells cells;
    private final Font plain;
    private final Font bold;
    private final Font small;
    private final RasterImage raster;
    /**
     * The last two geometries, kept while the size, the font and the plan's rows stay the same:
     * two, because the window's layout can make the pane switch between two heights as the text
     * below it changes (a raster remembers the geometry it was drawn with).
     */
    private HeapGeometry geo;
    private HeapGeometry geoBefore;
    /** What each of the raster image's rasters shows. */
    private final Map<Raster, CompactHeap.Drawn> drawn = new IdentityHashMap<>();

    public HeapPainter(Palette palette, double fontSize) {
        this(palette, fontSize, new RasterImage());
    }

    /** {@code raster}: kept by the view across frames, so its buffers are reused. */
    public HeapPainter(Palette palette, double fontSize, RasterImage raster) {
        this.raster = raster;
        this.p = palette;
        this.fontSize = fontSize;
        this.cells = new Cells(palette);
        plain = Font.font("System", fontSize);
        bold = Font.font("System", FontWeight.BOLD, fontSize);
        small = Font.font("System", fontSize * 0.85);
    }

    /** Paints {@code s} into {@code [0, w) x [0, h)}. */
    public void paint(GraphicsContext g, double w, double h, HeapScene s) {
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        if (s == null) {
            return;
        }
        Legend legend = new Legend(g, p, cells, fontSize, plain, bold, small);
        int lines = legend.lines(w, s);
        if (geo == null || !geo.isFor(w, h, fontSize, s.plan().rows(), lines)) {
            HeapGeometry was = geo;
            geo = geoBefore != null && geoBefore.isFor(w, h, fontSize, s.plan().rows(), lines) ? geoBefore
                    : new HeapGeometry(w, h, fontSize, s.plan().rows(), lines);
            geoBefore = was;
        }
        HeapGeometry geo = this.geo;
        if (geo.labelled) {
            Edges edges = new Edges(g, p, geo, s);
            legend.paint(geo, s);
            rows(g, geo, s);
            bandLabels(g, geo, s);
            edges.objectEdges();
            edges.rootEdges();
            roots(g, geo, s);
            objects(g, geo, s);
            ghosts(g, geo, s);
        } else {
            // thousands of small cells: one image drawn in Java, then the text over it
            Raster r = raster.next(g.getCanvas(), w, h);
            Raster last = raster.previous();
            new CompactHeap(r, p, geo, s).paint(drawn.computeIfAbsent(r, k -> new CompactHeap.Drawn()), last,
                    drawn.get(last));
            raster.draw(g, w, h);
            legend.paint(geo, s);
            bandLabels(g, geo, s);
            roots(g, geo, s);
        }
        legend.queue(geo, s);
        if (s.focus() != null) {
            new Flash(g, p, geo, s, bold, plain).paint(s.focus());
        }
        if (s.objects().isEmpty() && s.ghosts().isEmpty()) {
            g.setFill(p.muted());
            g.setFont(plain);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(s.hidden().isEmpty() ? "No heap objects yet"
                    : "No objects of the program's yet (" + HeapText.count(s.hidden().size(), "runtime object",
                            "runtime objects") + " hidden)", geo.heapX + geo.heapW / 2, geo.heapY + geo.heapH / 2,
                    geo.heapW);
        }
    }

    /** Each plan row is a faint band: the page of memory its slots live in. */
    private void rows(GraphicsContext g, HeapGeometry geo, HeapScene s) {
        g.setFill(p.panel());
        for (double[] b : geo.rowBands(s.plan().rows())) {
            g.fillRect(b[0], b[1], b[2], b[3]);
        }
    }

    private void bandLabels(GraphicsContext g, HeapGeometry geo, HeapScene s) {
        List<HeapPlan.Row> rows = s.plan().rows();
        if (geo.bandLabels) {
            g.setFont(small);
            g.setFill(p.muted());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            for (double[] b : geo.bands) {
                HeapPlan.Row row = rows.get((int) b[1]);
                String t = row.sizeClass() == 0 ? "large objects (a span each)"
                        : "size class " + row.sizeClass() + " \u00b7 " + HeapText.size(row.elemSize()) + " slots";
                g.fillText(t, geo.heapX, b[0], geo.heapW);
            }
        }
    }

    private void roots(GraphicsContext g, HeapGeometry geo, HeapScene s) {
        List<Root> roots = s.roots();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(bold);
        g.setFill(p.text());
        g.fillText("Roots", geo.rootX, geo.legendH + fontSize * 0.1);
        int shown = geo.rootsShown(roots.size());
        for (int i = 0; i < shown; i++) {
            Root r = roots.get(i);
            double y = geo.rootY(i);
            double bh = geo.rootH();
            boolean stackState = r.kind() == HeapScene.RootKind.STACK && s.marking();
            Colour c = stackState && r.scanned() ? Colour.BLACK : Colour.WHITE;
            if (stackState) {
                cells.draw(g, c, geo.rootX, y, geo.rootW, bh);
            } else {
                g.setFill(p.panel());
                g.fillRoundRect(geo.rootX, y, geo.rootW, bh, 8, 8);
                g.setStroke(p.accent());
                g.setLineWidth(2);
                g.strokeRoundRect(geo.rootX, y, geo.rootW, bh, 8, 8);
            }
            g.setFill(p.accent());
            g.fillRect(geo.rootX, y + 3, 5, bh - 6);
            g.setFill(stackState ? cells.ink(c) : p.text());
            g.setFont(bold);
            g.fillText(r.label(), geo.rootX + 10, y + fontSize * 0.2, geo.rootW - 14);
            g.setFont(small);
            g.setFill(stackState ? cells.ink(c) : p.muted());
            String detail = r.kind() == HeapScene.RootKind.STACK && s.marking()
                    ? (r.scanned() ? "stack scanned (black)" : "stack not scanned yet")
                    : r.detail();
            g.fillText(detail, geo.rootX + 10, y + fontSize * 1.35, geo.rootW - 14);
        }
        if (shown < roots.size()) {
            g.setFont(small);
            g.setFill(p.muted());
            g.fillText("+ " + HeapText.count(roots.size() - shown, "more root", "more roots"), geo.rootX,
                    geo.rootY(shown));
        }
    }

    private void objects(GraphicsContext g, HeapGeometry geo, HeapScene s) {
        List<Long> queue = s.greyQueue();
        java.util.Map<Long, Integer> queuePos = new java.util.HashMap<>();
        if (geo.labelled) {
            for (int i = 0; i < queue.size(); i++) {
                queuePos.putIfAbsent(queue.get(i), i + 1);
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Obj o : s.objects()) {
            HeapPlan.Cell c = s.plan().cell(o.addr(), o.sizeClass());
            if (c == null) {
                continue;
            }
            double x = geo.cellX(c);
            double y = geo.cellY(c);
            cells.draw(g, o.colour(), x, y, geo.cw, geo.ch);
            if (geo.labelled) {
                label(g, o, x, y, geo);
                Integer q = queuePos.get(o.addr());
                if (q != null) {
                    badge(g, "#" + q, x + 4, y - fontSize * 0.55, false);
                }
                if (o.allocatedBlack()) {
                    badge(g, "new", x + geo.cw - fontSize * 2.4, y - fontSize * 0.55, true);
                }
            }
        }
    }

    private void label(GraphicsContext g, Obj o, double x, double y, HeapGeometry geo) {
        g.setFill(cells.ink(o.colour()));
        double cx = x + geo.cw / 2;
        boolean two = geo.ch >= fontSize * 2.3;
        if (o.colour() == Colour.GREY) {
            g.setFill(p.objectWhite());
            double tw = geo.cw * 0.86;
            double th = two ? fontSize * 2.2 : fontSize * 1.2;
            g.fillRoundRect(cx - tw / 2, y + geo.ch / 2 - th / 2, tw, th, 6, 6);
            g.setFill(p.dark() ? p.background() : p.text());
        }
        g.setFont(bold);
        g.fillText(HeapText.shortType(o.typeName()), cx, two ? y + geo.ch / 2 - fontSize * 0.55 : y + geo.ch / 2,
                geo.cw - 6);
        if (two) {
            g.setFont(small);
            g.fillText(HeapText.addr(o.addr()), cx, y + geo.ch / 2 + fontSize * 0.6, geo.cw - 6);
        }
    }

    /** A small tag above a cell: the grey-queue position, or "new" for an object allocated black. */
    private void badge(GraphicsContext g, String text, double x, double y, boolean accent) {
        double bw = fontSize * (0.8 + 0.55 * text.length());
        double bh = fontSize * 1.1;
        g.setFill(accent ? p.accent() : p.text());
        g.fillRoundRect(x, y, bw, bh, bh, bh);
        g.setFill(p.background());
        g.setFont(Font.font("System", FontWeight.BOLD, fontSize * 0.75));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + bw / 2, y + bh / 2);
    }

    private void ghosts(GraphicsContext g, HeapGeometry geo, HeapScene s) {
        for (Ghost gh : s.ghosts()) {
            HeapPlan.Cell c = s.plan().cell(gh.addr(), gh.sizeClass());
            if (c == null) {
                continue;
            }
            double x = geo.cellX(c);
            double y = geo.cellY(c);
            cells.ghost(g, x, y, geo.cw, geo.ch, gh.lost());
            if (geo.labelled) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.setFont(small);
                g.setFill(gh.lost() ? p.limit() : p.muted());
                g.fillText(gh.lost() ? "LOST: freed in use" : "freed", x + geo.cw / 2, y + geo.ch / 2, geo.cw - 4);
            }
        }
    }
}
