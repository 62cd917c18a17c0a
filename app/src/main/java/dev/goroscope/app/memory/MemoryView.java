package dev.goroscope.app.memory;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The memory figures as a two-column table (name, value), each with its meaning as a tooltip. */
public final class MemoryView extends VBox {
    public static final String STYLE_CLASS = "memory-view";

    private final GridPane grid = new GridPane();

    public MemoryView(MemoryViewModel vm) {
        getStyleClass().addAll("pane-card", STYLE_CLASS);
        Label title = new Label("Memory (MemStats)");
        title.getStyleClass().add("pane-title");
        Label phase = new Label();
        phase.getStyleClass().add("gc-phase");
        phase.textProperty().bind(vm.phaseProperty());
        phase.setWrapText(true);
        grid.getStyleClass().add("figures");
        getChildren().addAll(title, phase, grid);
        vm.figuresProperty().addListener((o, a, b) -> fill(vm));
        fill(vm);
    }

    private void fill(MemoryViewModel vm) {
        grid.getChildren().clear();
        int row = 0;
        for (MemoryViewModel.Figure f : vm.figuresProperty().get()) {
            Label name = new Label(f.name());
            name.getStyleClass().add("figure-name");
            Label value = new Label(f.value());
            value.getStyleClass().add("figure-value");
            Tooltip tip = new Tooltip(f.exact() + ": " + f.meaning());
            name.setTooltip(tip);
            value.setTooltip(tip);
            grid.addRow(row++, name, value);
        }
    }
}
