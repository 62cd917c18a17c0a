package dev.goroscope.app.heap;

import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.util.CanvasPane;
import dev.goroscope.app.util.RasterImage;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The heap pane: a title bar with a count of the objects and the switch for the runtime's own
 * objects (hidden by default, like the stacks view's system goroutines), and one canvas the
 * {@link HeapPainter} draws the tri-colour heap on (no node per object, so a big heap stays cheap
 * to redraw). It repaints whenever the model's scene, the theme's palette or the font size changes.
 */
public final class HeapView extends BorderPane {
    public static final String STYLE_CLASS = "heap-view";

    private final CanvasPane canvas;

    public HeapView(HeapViewModel vm, ObjectProperty<Palette> palette, DoubleProperty fontSize) {
        getStyleClass().addAll("pane-card", STYLE_CLASS);
        RasterImage raster = new RasterImage();
        HeapPainter[] painter = new HeapPainter[1];
        canvas = new CanvasPane(g -> {
            if (painter[0] == null) {
                painter[0] = new HeapPainter(palette.get(), fontSize.get(), raster);
            }
            painter[0].paint(g, g.getCanvas().getWidth(), g.getCanvas().getHeight(), vm.scene());
        });
        Label title = new Label("Heap");
        title.getStyleClass().add("pane-title");
        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(vm.summaryProperty());
        // The count changes at every step while playing: it must not change the pane's minimum
        // width, or the split pane re-lays out the whole window (and it all repaints) each frame.
        count.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToggleButton runtime = new ToggleButton("Runtime objects");
        runtime.selectedProperty().bindBidirectional(vm.showRuntimeProperty());
        runtime.setFocusTraversable(false);
        runtime.setTooltip(new Tooltip("Show the objects the runtime and the libraries allocate for themselves:"
                + " G structs, the mark workers' nodes, fmt's printers, sync.Pool's arrays, timers"));
        HBox bar = new HBox(8, title, grow, count, runtime);
        bar.getStyleClass().add("pane-bar");
        setTop(bar);
        setCenter(canvas);
        // An invalidation listener: a change listener would have the property compare the old and
        // new scenes with equals (records: every object of both) on every frame. The scene is read
        // here, which makes the property valid again for the next frame's invalidation; it is
        // painted at the layout pass, once even when the window's layout resizes the pane too.
        vm.sceneProperty().addListener(o -> {
            vm.scene();
            canvas.repaintLater();
        });
        palette.addListener((o, a, b) -> {
            painter[0] = null;
            canvas.repaint();
        });
        fontSize.addListener((o, a, b) -> {
            painter[0] = null;
            canvas.repaint();
        });
        canvas.repaint();
    }

    public CanvasPane canvasPane() {
        return canvas;
    }
}
