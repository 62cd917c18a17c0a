package dev.goroscope.app.heap;

import dev.goroscope.app.theme.Palette;
import dev.goroscope.engine.timeline.Colour;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The heap view's words around the graph: the GC phase (is the barrier on, are new objects
 * black), the key to the colours and patterns, and the grey work queue as a strip in the order
 * the objects turned grey.
 */
final class Legend {
    private final GraphicsContext g;
    private final Palette p;
    private final Cells cells;
    private final double f;
    private final Font plain;
    private final Font bold;
    private final Font small;

    Legend(GraphicsContext g, Palette p, Cells cells, double fontSize, Font plain, Font bold, Font small) {
        this.g = g;
        this.p = p;
        this.cells = cells;
        this.f = fontSize;
        this.plain = plain;
        this.bold = bold;
        this.small = small;
    }

    static String phase(HeapScene s) {
        String gc = "GC " + s.cycle() + ": ";
        return switch (s.phase()) {
            case OFF -> s.cycle() == 0 ? "No GC yet: the write barrier is off, new objects are white"
                    : gc + "done (_GCoff): barrier off, sweeping frees the white objects";
            case SWEEP_TERMINATION -> gc + "sweep termination, the world is stopped";
            case MARK -> gc + "marking (_GCmark): write barrier ON, new objects black";
            case MARK_TERMINATION -> gc + "mark termination, the world is stopped";
        };
    }

    /**
     * The width of {@code text} in {@code font}. Measured once: every frame asks for the same
     * phase line and keys, and laying out a text node each time showed in the frame's profile.
     */
    static double width(String text, Font font) {
        Map<String, Double> known = WIDTHS.computeIfAbsent(font, k -> new HashMap<>());
        Double w = known.get(text);
        if (w == null) {
            if (known.size() > 512) {
                known.clear(); // callouts name addresses: keep the cache small
            }
            Text t = new Text(text);
            t.setFont(font);
            w = t.getLayoutBounds().getWidth();
            known.put(text, w);
        }
        return w;
    }

    /** Measured widths by font (painting happens on the UI thread only). */
    private static final Map<Font, Map<String, Double>> WIDTHS = new HashMap<>();

    private static final String[][] KEYS = {
        {"white: not reached", "white"}, {"grey: to scan", "grey"}, {"black: scanned", "black"},
        {"freed by sweep", "freed"}, {"allocated black", "new"}};

    /** Lines the phase and the key need at {@code width}: 1, or 2 when the key goes below the phase. */
    int lines(double width, HeapScene s) {
        double phaseW = width(phase(s), bold);
        return f * 0.8 + phaseW + f * 2 + keyWidth(KEYS, 1, f * 1.9) > width ? 2 : 1;
    }

    void paint(HeapGeometry geo, HeapScene s) {
        double y = f * 0.5;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(bold);
        g.setFill(s.marking() ? p.accent() : p.text());
        String phase = phase(s);
        double phaseW = width(phase, bold);
        g.fillText(phase, f * 0.8, y);
        String[][] keys = KEYS;
        double sw = f * 1.9;
        double sh = f * 1.2;
        double x;
        int level = 0;
        double total = keyWidth(keys, 0, sw);
        if (f * 0.8 + phaseW + f * 2 + total <= geo.width) {
            x = geo.width - total - f * 0.8;
        } else if (f * 0.8 + phaseW + f * 2 + keyWidth(keys, 1, sw) <= geo.width) {
            level = 1;
            x = geo.width - keyWidth(keys, 1, sw) - f * 0.8;
        } else {
            y += f * 1.4;
            x = f * 0.8;
            level = f * 0.8 + total <= geo.width ? 0 : 1;
        }
        g.setFont(small);
        for (int k = 0; k < keys.length; k++) {
            String label = keys[k][level];
            switch (k) {
                case 0 -> cells.draw(g, Colour.WHITE, x, y, sw, sh);
                case 1 -> cells.draw(g, Colour.GREY, x, y, sw, sh);
                case 2 -> cells.draw(g, Colour.BLACK, x, y, sw, sh);
                case 3 -> cells.ghost(g, x, y, sw, sh, false);
                default -> {
                    g.setFill(p.accent());
                    g.fillRoundRect(x, y + sh * 0.05, sw, sh * 0.9, sh * 0.9, sh * 0.9);
                    g.setFill(p.background());
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.setFont(javafx.scene.text.Font.font("System", javafx.scene.text.FontWeight.BOLD, f * 0.75));
                    g.fillText("new", x + sw / 2, y + sh / 2);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setFont(small);
                }
            }
            g.setFill(p.text());
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, x + sw + f * 0.35, y + sh / 2);
            x += sw + f * 0.35 + width(label, small) + f * 1.1;
        }
        g.setTextBaseline(VPos.TOP);
    }

    private double keyWidth(String[][] keys, int level, double sw) {
        double w = 0;
        for (String[] k : keys) {
            w += sw + f * 0.35 + width(k[level], small) + f * 1.1;
        }
        return w;
    }

    /**
     * The grey queue along the bottom, oldest first, as many as fit and a count of the rest. Hidden
     * (runtime) objects are left out of the strip but keep their places in the numbering, and the
     * caption says how many there are.
     */
    void queue(HeapGeometry geo, HeapScene s) {
        List<Long> q = s.greyQueue();
        int hiddenGrey = s.hiddenGrey();
        double y = geo.queueTop;
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeLine(0, y, geo.width, y);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(bold);
        g.setFill(p.text());
        double x = f * 0.8;
        g.fillText("Grey queue", x, y + f * 0.4);
        g.setFont(small);
        g.setFill(p.muted());
        String caption = q.isEmpty() ? "empty"
                : hiddenGrey == 0 ? HeapText.count(q.size(), "object", "objects") + ", first greyed first"
                : HeapText.count(q.size(), "object", "objects") + ", " + HeapText.num(hiddenGrey) + " runtime hidden";
        double captionW = Math.min(f * 14, Math.max(f * 10, width(caption, small)));
        g.fillText(caption, x, y + f * 1.75, captionW);
        x += Math.max(width("Grey queue", bold), captionW) + f;
        double cw = f * 7.5;
        double ch = f * 2.2;
        double cy = y + f * 0.6;
        int shown = q.size() - hiddenGrey;
        int fit = Math.max(0, (int) ((geo.width - x - f * 7) / (cw + f * 0.9)));
        int n = shown <= fit + 1 ? Math.min(shown, fit + 1) : fit;
        int drawn = 0;
        for (int i = 0; i < q.size() && drawn < n; i++) {
            long a = q.get(i);
            if (hiddenGrey > 0 && s.hides(a)) {
                continue;
            }
            drawn++;
            HeapScene.Obj o = s.containing(a);
            cells.draw(g, Colour.GREY, x, cy, cw, ch);
            g.setFill(p.objectWhite());
            g.fillRoundRect(x + cw * 0.07, cy + ch * 0.2, cw * 0.86, ch * 0.6, 6, 6);
            g.setFill(p.dark() ? p.background() : p.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(small);
            String name = (o == null ? "" : HeapText.shortType(o.typeName()) + " ") + HeapText.addr(a);
            g.fillText("#" + (i + 1) + " " + name, x + cw / 2, cy + ch / 2, cw * 0.84);
            x += cw + f * 0.9;
        }
        if (n < shown) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(plain);
            g.setFill(p.muted());
            g.fillText("+ " + HeapText.num(shown - n) + " more", x, cy + ch / 2);
        }
    }
}
