package dev.goroscope.app.memory;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The memory figures as a two-column table (name, value), each with its meaning as a tooltip. */
public final class MemoryView extends VBox {
    public static final String STYLE_CLASS = "memory-view";

    private final GridPane grid = new GridPane();
    private final List<Label> names = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<Tooltip> tips = new ArrayList<>();

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

    /**
     * Shows the figures. While playing this runs every frame, so the rows are built once and then
     * only their texts change (new labels and tooltips per frame cost a CSS pass each).
     */
    private void fill(MemoryViewModel vm) {
        List<MemoryViewModel.Figure> figures = vm.figuresProperty().get();
        if (!sameNames(figures)) {
            grid.getChildren().clear();
            names.clear();
            values.clear();
            tips.clear();
            int row = 0;
            for (MemoryViewModel.Figure f : figures) {
                Label name = new Label(f.name());
                name.getStyleClass().add("figure-name");
                Label value = new Label();
                value.getStyleClass().add("figure-value");
                Tooltip tip = new Tooltip();
                name.setTooltip(tip);
                value.setTooltip(tip);
                grid.addRow(row++, name, value);
                names.add(name);
                values.add(value);
                tips.add(tip);
            }
        }
        for (int i = 0; i < figures.size(); i++) {
            MemoryViewModel.Figure f = figures.get(i);
            values.get(i).setText(f.value());
            tips.get(i).setText(f.exact() + ": " + f.meaning());
        }
    }

    private boolean sameNames(List<MemoryViewModel.Figure> figures) {
        if (figures.size() != names.size()) {
            return false;
        }
        for (int i = 0; i < figures.size(); i++) {
            if (!figures.get(i).name().equals(names.get(i).getText())) {
                return false;
            }
        }
        return true;
    }
}
