package dev.goroscope.app.settings;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The settings panel: GOGC, GOMEMLIMIT, the GODEBUG flags, GOMAXPROCS, the Go release, the write
 * barrier, the stack limit and the simulation's own knobs, edited in ControlsFX property sheets
 * bound to a {@link SettingsViewModel}. Below them: why a typed value is refused, what the chosen
 * setting means in Go, and the command line that makes the same run.
 *
 * <p>Each group (garbage collector, stacks, scheduler, simulation) is its own sheet under its own
 * heading rather than one sheet in category mode, because category mode puts the groups in an
 * accordion that shows one at a time; a teacher wants to see every setting of a run at once.
 * Sizes are in em, so the panel follows the workspace's font size.
 */
public final class SettingsView extends VBox {
    public static final String STYLE_CLASS = "settings-view";
    static final String STYLESHEET = SettingsView.class.getResource("settings.css").toExternalForm();

    private final SettingsViewModel vm;
    private final ObjectProperty<SettingField<?>> focused = new SimpleObjectProperty<>(this, "shownField");
    private final List<PropertySheet> sheets;

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);

        Label title = new Label("Run settings");
        title.getStyleClass().add("pane-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button reset = new Button("Reset to defaults", new FontIcon("mdi2r-restore"));
        reset.setId("settings-reset");
        reset.setOnAction(e -> vm.resetToDefaults().execute());
        reset.disableProperty().bind(vm.resetToDefaults().executableProperty().not());
        HBox bar = new HBox(8, title, gap, reset);
        bar.getStyleClass().add("pane-bar");

        VBox groups = new VBox();
        groups.getStyleClass().add("settings-groups");
        var byCategory = vm.fields().stream().collect(Collectors.groupingBy(SettingField::category,
                () -> new java.util.EnumMap<>(SettingField.Category.class), Collectors.toList()));
        sheets = byCategory.entrySet().stream().map(e -> {
            PropertySheet sheet = sheet(e.getValue());
            Label heading = new Label(e.getKey().title());
            heading.getStyleClass().add("settings-group-title");
            groups.getChildren().addAll(heading, sheet);
            if (e.getKey() == SettingField.Category.SIMULATION) {
                vm.framesUnavailable().ifPresent(why -> {
                    Label note = new Label(why, new FontIcon("mdi2i-information-outline"));
                    note.setId("settings-frames-note");
                    note.getStyleClass().add("settings-note");
                    note.setWrapText(true);
                    groups.getChildren().add(note);
                });
            }
            return sheet;
        }).toList();
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("settings-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, scroll, footer());
    }

    private PropertySheet sheet(List<SettingField<?>> fields) {
        PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(
                fields.stream().<PropertySheet.Item>map(FieldEditors.Item::new).toList()));
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPropertyEditorFactory(item -> {
            var editor = FieldEditors.editor(item);
            SettingField<?> f = ((FieldEditors.Item<?>) item).field;
            editor.getEditor().focusedProperty().addListener((o, was, is) -> {
                if (is) {
                    focused.set(f);
                }
            });
            editor.getEditor().setOnMouseEntered(e -> focused.set(f));
            return editor;
        });
        return sheet;
    }

    private Node footer() {
        Label error = new Label();
        error.setId("settings-error");
        error.getStyleClass().add("settings-error");
        FontIcon alert = new FontIcon("mdi2a-alert-outline");
        alert.setIconSize((int) Math.round(error.getFont().getSize() * 1.3));
        error.fontProperty().addListener((o, a, f) -> alert.setIconSize((int) Math.round(f.getSize() * 1.3)));
        error.setGraphic(alert);
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label helpTitle = new Label();
        helpTitle.getStyleClass().add("settings-help-title");
        helpTitle.textProperty().bind(Bindings.createStringBinding(
                () -> focused.get() == null ? "About a setting" : focused.get().name(), focused));
        Label help = new Label();
        help.setId("settings-help");
        help.getStyleClass().add("settings-help");
        help.setWrapText(true);
        help.textProperty().bind(Bindings.createStringBinding(() -> focused.get() == null
                ? "Click or point at a setting to read what it does in Go and where the simulation differs."
                : focused.get().description().get(), focused));

        Label cmdTitle = new Label("Same run from a shell");
        cmdTitle.getStyleClass().add("settings-help-title");
        Label cmd = new Label();
        cmd.setId("settings-command");
        cmd.getStyleClass().add("settings-command");
        cmd.setWrapText(true);
        cmd.textProperty().bind(vm.commandLineProperty());

        for (Label l : List.of(error, helpTitle, help, cmdTitle, cmd)) {
            l.setMinHeight(Region.USE_PREF_SIZE); // the sheets scroll; the explanations are never cut
        }
        VBox box = new VBox(error, helpTitle, help, cmdTitle, cmd);
        box.getStyleClass().add("settings-footer");
        return box;
    }

    /** The setting whose meaning is shown below the sheets (last focused or pointed at). */
    public ObjectProperty<SettingField<?>> shownFieldProperty() {
        return focused;
    }

    /** The property sheets, one per group, in order (for tests and the integrator's layout). */
    List<PropertySheet> sheets() {
        return sheets;
    }

    public SettingsViewModel viewModel() {
        return vm;
    }
}
