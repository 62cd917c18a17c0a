package dev.goroscope.app.stacks;

import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.CanvasPane;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The stacks pane: a title bar with the scale switch, and the canvas the painter draws. A stack
 * copy reached by playing or stepping forwards plays as a {@link #COPY_MOVIE} movie.
 */
public final class StacksView extends BorderPane {
    public static final String STYLE_CLASS = "stacks-view";

    private final StacksViewModel vm;
    private final ObjectProperty<Palette> palette;
    private final DoubleProperty fontSize;
    private final CanvasPane canvas;
    private final DoubleProperty progress = new SimpleDoubleProperty(1);
    private Timeline movie;

    /** How long a growth or shrink movie lasts. */
    public static final Duration COPY_MOVIE = Duration.seconds(1.4);

    public StacksView(StacksViewModel vm, ObjectProperty<Palette> palette, DoubleProperty fontSize) {
        this.vm = vm;
        this.palette = palette;
        this.fontSize = fontSize;
        getStyleClass().addAll("pane-card", STYLE_CLASS);
        canvas = new CanvasPane(g -> new StackPainter(palette.get(), fontSize.get())
                .paint(g, g.getCanvas().getWidth(), g.getCanvas().getHeight(), vm.columns(),
                        vm.logScaleProperty().get(), vm.maxStack(), vm.copyProperty().get(), progress.get()));
        Label title = new Label("Goroutine stacks");
        title.getStyleClass().add("pane-title");
        ToggleButton log = new ToggleButton("Log scale");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        log.setFocusTraversable(false);
        ToggleButton system = new ToggleButton("System goroutines");
        system.selectedProperty().bindBidirectional(vm.showSystemProperty());
        system.setFocusTraversable(false);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, title, grow, system, log);
        bar.getStyleClass().add("pane-bar");
        setTop(bar);
        setCenter(canvas);
        vm.columnsProperty().addListener((o, a, b) -> canvas.repaintLater()); // once a frame with the movie's progress
        vm.copyProperty().addListener((o, a, c) -> play(c));
        progress.addListener((o, a, b) -> canvas.repaintLater());
        vm.logScaleProperty().addListener((o, a, b) -> canvas.repaint());
        palette.addListener((o, a, b) -> canvas.repaint());
        fontSize.addListener((o, a, b) -> canvas.repaint());
    }

    private void play(StackCopy c) {
        if (movie != null) {
            movie.stop();
        }
        if (c == null || !c.animate()) {
            progress.set(1);
            return;
        }
        progress.set(0);
        movie = new Timeline(new KeyFrame(COPY_MOVIE, new KeyValue(progress, 1)));
        movie.play();
        canvas.repaint();
    }

    /** Stops the copy movie at {@code p} (0 to 1) and holds it there: stills for screenshots and tests. */
    public void holdCopyAt(double p) {
        if (movie != null) {
            movie.stop();
        }
        progress.set(p);
    }

    /** Where the copy movie is, 0 to 1 (1: no movie playing). */
    public DoubleProperty copyProgressProperty() {
        return progress;
    }

    public CanvasPane canvasPane() {
        return canvas;
    }
}
