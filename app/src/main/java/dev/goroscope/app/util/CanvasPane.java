package dev.goroscope.app.util;

import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region holding a canvas that always fills it, repainted by {@code painter} whenever it is
 * resized or {@link #repaint()} is called: the large views paint from the immutable snapshot
 * (ARCHITECTURE.md, "Rendering").
 */
public class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private final Consumer<GraphicsContext> painter;

    public CanvasPane(Consumer<GraphicsContext> painter) {
        this.painter = painter;
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> repaint());
        heightProperty().addListener((o, a, b) -> repaint());
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
        }
    }

    public void repaint() {
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            painter.accept(canvas.getGraphicsContext2D());
        }
    }
}
