package dev.goroscope.app.memory;

import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.CanvasPane;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The memory chart pane: a title and the canvas {@link MemoryChartPainter} draws. Clicking or
 * dragging on the chart seeks playback to the step under the pointer. While the pane is in a
 * scene and active, an animation timer folds the run a slice per frame ({@link MemoryChartViewModel#advance()}),
 * so a run still recording keeps extending the chart.
 */
public final class MemoryChartView extends BorderPane {
    public static final String STYLE_CLASS = "memory-chart-view";

    private final MemoryChartViewModel vm;
    private final ObjectProperty<Palette> palette;
    private final DoubleProperty fontSize;
    private final CanvasPane canvas;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);

    /**
     * @param seek told the step to move playback to (for the app, {@code playback::seek})
     */
    public MemoryChartView(MemoryChartViewModel vm, ObjectProperty<Palette> palette, DoubleProperty fontSize,
                           LongConsumer seek) {
        this.vm = vm;
        this.palette = palette;
        this.fontSize = fontSize;
        getStyleClass().addAll("pane-card", STYLE_CLASS);
        canvas = new CanvasPane(g -> painter().paint(g, g.getCanvas().getWidth(), g.getCanvas().getHeight(),
                vm.chart(), vm.cursorProperty().get(), vm.figuresAtCursorProperty().get()));
        Label title = new Label("Memory over the run");
        title.getStyleClass().add("pane-title");
        HBox bar = new HBox(8, title);
        bar.getStyleClass().add("pane-bar");
        setTop(bar);
        setCenter(canvas);
        canvas.setCursor(Cursor.CROSSHAIR);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> seekTo(e, seek));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> seekTo(e, seek));
        // Painted once per frame at the layout pass: while playing the chart, the cursor and the
        // legend's figures all change in one frame, and the legend must show the new figures.
        vm.chartProperty().addListener((o, a, b) -> canvas.repaintLater());
        vm.cursorProperty().addListener((o, a, b) -> canvas.repaintLater());
        vm.figuresAtCursorProperty().addListener((o, a, b) -> canvas.repaintLater());
        palette.addListener((o, a, b) -> canvas.repaint());
        fontSize.addListener((o, a, b) -> canvas.repaint());
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.advance();
            }
        };
        Runnable run = () -> {
            if (getScene() != null && active.get()) {
                timer.start();
            } else {
                timer.stop();
            }
        };
        sceneProperty().addListener((o, a, s) -> run.run());
        active.addListener((o, a, on) -> run.run());
        vm.advance();
    }

    private MemoryChartPainter painter() {
        return new MemoryChartPainter(palette.get(), fontSize.get());
    }

    private void seekTo(MouseEvent e, LongConsumer seek) {
        MemoryChartPainter.Layout l = painter().layout(canvas.getWidth(), canvas.getHeight());
        seek.accept(vm.stepAt(l.fraction(e.getX())));
        e.consume();
    }

    /**
     * Whether the chart is on screen (its tab selected): only then does it fold the run each frame,
     * so a hidden chart costs the other views' frames nothing. It picks up where it left off.
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    public CanvasPane canvasPane() {
        return canvas;
    }

    public MemoryChartViewModel viewModel() {
        return vm;
    }
}
