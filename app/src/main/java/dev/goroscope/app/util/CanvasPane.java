package dev.goroscope.app.util;

import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region holding a canvas that always fills it, repainted by {@code painter} whenever it is
 * resized or {@link #repaint()} is called (or, with {@link #repaintLater()}, at the next layout
 * pass): the large views paint from the immutable snapshot (ARCHITECTURE.md, "Rendering").
 */
public class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private final Consumer<GraphicsContext> painter;
    /** A {@link #repaintLater} is pending. */
    private boolean dirty;

    public CanvasPane(Consumer<GraphicsContext> painter) {
        this.painter = painter;
        getChildren().add(canvas);
        // A new size is painted once, by layoutChildren, which a resize always leads to: listening
        // to the width and height as well painted each resize once more at the old size.
        setMinSize(0, 0);
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        } else if (dirty) {
            repaint();
        }
    }

    /**
     * Repaints at this frame's layout pass rather than now. A view whose content changes every
     * frame while playing uses it: when the window's layout also resizes the canvas in that frame
     * (the panes around it change size with their text), it is painted once, at its new size,
     * instead of once for the change and again for the size.
     */
    public void repaintLater() {
        dirty = true;
        requestLayout();
    }

    public void repaint() {
        dirty = false;
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            painter.accept(canvas.getGraphicsContext2D());
        }
    }
}
