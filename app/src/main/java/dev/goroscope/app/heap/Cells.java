package dev.goroscope.app.heap;

import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.Hatch;
import dev.goroscope.engine.timeline.Colour;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * How one object looks, so that the three colours differ in more than colour (they must read in
 * greyscale, on a projector and for colour-blind viewers): white is hollow with a solid outline,
 * grey is filled with diagonal hatching (a half-filled cell when too small to hatch), black is a
 * solid fill. Freed memory is a dashed outline. Used by the painter for the heap, the grey queue
 * and the legend alike.
 */
final class Cells {
    private final Palette p;

    Cells(Palette p) {
        this.p = p;
    }

    Color fill(Colour c) {
        return switch (c) {
            case WHITE -> p.objectWhite();
            case GREY -> greyFill();
            case BLACK -> p.objectBlack();
        };
    }

    /** A lighter grey than the palette's, so the hatching and a label both show on it. */
    Color greyFill() {
        return p.objectGrey().interpolate(p.objectWhite(), 0.45);
    }

    Color outline() {
        return p.text();
    }

    /** Text drawn on a cell of colour {@code c}. */
    Color ink(Colour c) {
        return c == Colour.BLACK ? (p.dark() ? p.text() : p.objectWhite()) : (p.dark() ? p.background() : p.text());
    }

    void draw(GraphicsContext g, Colour c, double x, double y, double w, double h) {
        boolean tiny = w < 7 || h < 7;
        double arc = tiny ? 0 : Math.min(8, w * 0.2);
        switch (c) {
            case WHITE -> {
                g.setFill(p.objectWhite());
                g.fillRoundRect(x, y, w, h, arc, arc);
            }
            case GREY -> {
                if (tiny) {
                    g.setFill(p.objectWhite());
                    g.fillRect(x, y, w, h);
                    g.setFill(p.objectGrey());
                    g.fillPolygon(new double[] {x, x + w, x}, new double[] {y, y, y + h}, 3);
                } else {
                    g.setFill(greyFill());
                    g.fillRoundRect(x, y, w, h, arc, arc);
                    hatch(g, x, y, w, h);
                }
            }
            case BLACK -> {
                g.setFill(p.objectBlack());
                g.fillRoundRect(x, y, w, h, arc, arc);
            }
        }
        g.setStroke(outline());
        g.setLineWidth(tiny ? 0.8 : Math.max(1.5, Math.min(2.5, w / 30)));
        if (tiny) {
            g.strokeRect(x, y, w, h);
        } else {
            g.strokeRoundRect(x, y, w, h, arc, arc);
        }
    }

    /** Diagonal hatching inside the rectangle, cut to it without a clip ({@link Hatch}). */
    private void hatch(GraphicsContext g, double x, double y, double w, double h) {
        g.setStroke(p.objectGrey().darker());
        g.setLineWidth(Math.max(1.2, w / 40));
        double step = Math.max(5, Math.min(9, w / 8));
        Hatch.diagonal(g, x, y, w, h, x - h + step * 0.5, step);
    }

    /** Freed memory: a dashed outline, in the limit colour if the object was still in use. */
    void ghost(GraphicsContext g, double x, double y, double w, double h, boolean lost) {
        g.setStroke(lost ? p.limit() : p.muted());
        g.setLineWidth(lost ? 2.5 : 1.5);
        g.setLineDashes(Math.max(2, w / 12), Math.max(2, w / 14));
        g.strokeRect(x, y, w, h);
        g.setLineDashes();
    }
}
