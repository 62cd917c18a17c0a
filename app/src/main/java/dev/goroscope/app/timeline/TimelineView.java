package dev.goroscope.app.timeline;

import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.CanvasPane;
import dev.goroscope.engine.event.EventKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The transport: to start, step back, play or pause, step, to end, run to the next or previous
 * stack event or GC phase, the speed, and the scrubber, which marks stack growth and shrink,
 * overflow, output, and the GC cycles as bands. Clicking or dragging on the scrubber seeks.
 */
public final class TimelineView extends VBox {
    public static final String STYLE_CLASS = "timeline-view";
    static final EnumSet<EventKind> STACK_EVENTS = EnumSet.of(EventKind.STACK_GROW, EventKind.STACK_SHRINK,
            EventKind.STACK_OVERFLOW);
    static final EnumSet<EventKind> GC_EVENTS = EnumSet.of(EventKind.GC_PHASE);

    private final PlaybackViewModel vm;
    private final ObjectProperty<Palette> palette;
    private final CanvasPane scrubber;
    private final Button play = new Button();

    public TimelineView(PlaybackViewModel vm, ObjectProperty<Palette> palette) {
        this.vm = vm;
        this.palette = palette;
        getStyleClass().add(STYLE_CLASS);
        scrubber = new CanvasPane(this::paint);
        scrubber.getStyleClass().add("scrubber");
        scrubber.setPrefHeight(34);
        scrubber.setOnMousePressed(e -> seekTo(e.getX()));
        scrubber.setOnMouseDragged(e -> seekTo(e.getX()));

        play.setOnAction(e -> vm.togglePlay());
        play.setId("play");
        vm.playingProperty().addListener((o, a, on) -> playIcon(on));
        playIcon(false);
        Slider speed = new Slider(-1, 1, 0); // log10 of the speed: 0.1x .. 10x
        speed.setPrefWidth(140);
        speed.setId("speed");
        speed.valueProperty().addListener((o, a, v) -> vm.speedProperty().set(Math.pow(10, v.doubleValue())));
        Label speedLabel = new Label();
        speedLabel.getStyleClass().add("speed-label");
        vm.speedProperty().addListener((o, a, v) -> speedLabel.setText(String.format(Locale.ROOT, "%.1f×", v.doubleValue())));
        speedLabel.setText("1.0×");
        Label where = new Label();
        where.getStyleClass().add("position-label");
        vm.positionProperty().addListener((o, a, b) -> where.setText(positionText()));
        vm.recordedProperty().addListener((o, a, b) -> {
            where.setText(positionText());
            scrubber.repaint();
        });
        HBox buttons = new HBox(4,
                button("mdi2s-skip-previous", "To the start (Home)", vm::toStart, "to-start"),
                button("mdi2c-chevron-double-left", "Previous stack event (Shift+Left)", () -> vm.runToPrevious(STACK_EVENTS), "prev-stack"),
                button("mdi2s-step-backward", "Step back (Left)", vm::stepBack, "step-back"),
                play,
                button("mdi2s-step-forward", "Step (Right)", vm::stepForward, "step"),
                button("mdi2c-chevron-double-right", "Next stack event (Shift+Right)", () -> vm.runToNext(STACK_EVENTS), "next-stack"),
                button("mdi2r-recycle", "Next GC phase (G)", () -> vm.runToNext(GC_EVENTS), "next-gc"),
                button("mdi2s-skip-next", "To the end (End)", vm::toEnd, "to-end"),
                new Label("Speed"), speed, speedLabel);
        buttons.getStyleClass().add("transport");
        HBox.setHgrow(where, Priority.ALWAYS);
        HBox top = new HBox(12, buttons, where);
        top.getStyleClass().add("transport-row");
        getChildren().addAll(top, scrubber);
        vm.positionProperty().addListener((o, a, b) -> scrubber.repaint());
        palette.addListener((o, a, b) -> scrubber.repaint());
    }

    private String positionText() {
        return String.format(Locale.ROOT, "step %,d / %,d", vm.positionProperty().get(), vm.recordedProperty().get());
    }

    private void playIcon(boolean playing) {
        FontIcon icon = new FontIcon(playing ? "mdi2p-pause" : "mdi2p-play");
        icon.getStyleClass().add("transport-icon");
        play.setGraphic(icon);
        play.setTooltip(new Tooltip(playing ? "Pause (Space)" : "Play (Space)"));
    }

    private static Button button(String icon, String tip, Runnable action, String id) {
        FontIcon i = new FontIcon(icon);
        i.getStyleClass().add("transport-icon");
        Button b = new Button(null, i);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        b.setId(id);
        return b;
    }

    private void seekTo(double x) {
        long size = vm.recordedProperty().get();
        double w = scrubber.getWidth();
        if (w <= 0 || size == 0) {
            return;
        }
        vm.pause();
        vm.seek(Math.round(Math.max(0, Math.min(1, x / w)) * size));
    }

    private List<Markers.Band> bands = List.of();
    private boolean[][] hits = new boolean[0][];
    private long markedSize = -1;
    private int markedCols = -1;
    private dev.goroscope.engine.timeline.Timeline markedTimeline;

    private void paint(GraphicsContext g) {
        Palette p = palette.get();
        double w = g.getCanvas().getWidth();
        double h = g.getCanvas().getHeight();
        g.setFill(p.panel());
        g.fillRect(0, 0, w, h);
        long size = vm.recordedProperty().get();
        if (size == 0) {
            return;
        }
        int cols = (int) w;
        if (size != markedSize || cols != markedCols || vm.timeline() != markedTimeline) {
            // Marks depend on the run and the width only: moving the cursor does not recompute them.
            bands = Markers.gcBands(vm.timeline(), size);
            hits = Markers.columns(vm.timeline(), size, cols);
            markedSize = size;
            markedCols = cols;
            markedTimeline = vm.timeline();
        }
        for (Markers.Band b : bands) {
            double x0 = b.from() * w / size;
            double x1 = Math.max(x0 + 2, b.to() * w / size);
            g.setFill(p.grid());
            g.fillRect(x0, 0, x1 - x0, h);
        }
        List<Color> colours = List.of(p.muted(), p.accent(), p.highWater(), p.limit(), p.limit());
        double[] y0 = {h * 0.70, h * 0.40, h * 0.15, 0, 0};
        double[] y1 = {h, h * 0.70, h * 0.45, h, h};
        for (int k = 0; k < hits.length; k++) {
            g.setFill(colours.get(k));
            for (int x = 0; x < cols; x++) {
                if (hits[k][x]) {
                    g.fillRect(x, y0[k], 1.5, y1[k] - y0[k]);
                }
            }
        }
        double px = vm.positionProperty().get() * w / size;
        g.setFill(p.text());
        g.fillRect(px - 1, 0, 2.5, h);
    }
}
