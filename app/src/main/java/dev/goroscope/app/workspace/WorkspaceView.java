package dev.goroscope.app.workspace;

import dev.goroscope.app.heap.HeapView;
import dev.goroscope.app.heap.HeapViewModel;
import dev.goroscope.app.lessons.Lesson;
import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.lessons.LessonPicker;
import dev.goroscope.app.lessons.Markdown;
import dev.goroscope.app.memory.MemoryChartView;
import dev.goroscope.app.memory.MemoryChartViewModel;
import dev.goroscope.app.memory.MemoryView;
import dev.goroscope.app.memory.MemoryViewModel;
import dev.goroscope.app.narration.NarrationView;
import dev.goroscope.app.narration.NarrationViewModel;
import dev.goroscope.app.session.RunState;
import dev.goroscope.app.settings.SettingsView;
import dev.goroscope.app.source.SourceView;
import dev.goroscope.app.source.SourceViewModel;
import dev.goroscope.app.stacks.StacksView;
import dev.goroscope.app.stacks.StacksViewModel;
import dev.goroscope.app.theme.Palette;
import dev.goroscope.app.theme.Theme;
import dev.goroscope.app.timeline.TimelineView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: the toolbar, the program, the stacks, the memory figures with the
 * lesson notes and the output, the narration and the transport. It owns the animation timer that
 * drives playback; everything else follows the playback's snapshot.
 */
public final class WorkspaceView extends BorderPane {
    private final WorkspaceViewModel vm;
    private final LessonLibrary library;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.LIGHT);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(14);
    private final SourceViewModel source;
    private final StacksView stacks;
    private final SourceView sourceView;
    private final TextFlow notes = new TextFlow();
    private final TabPane views;
    private TabPane side;
    private final Tab stacksTab;
    private final Tab heapTab;
    private final Tab chartTab;
    private final HeapView heap;
    private final MemoryChartView chart;
    /** Settings edits re-run the program once they stop for a moment. */
    private final PauseTransition rerun = new PauseTransition(Duration.millis(400));
    /** Typing keeps a draft once it stops for a second. */
    private final PauseTransition keepDraft = new PauseTransition(Duration.seconds(1));
    private final AnimationTimer timer;

    public WorkspaceView(WorkspaceViewModel vm, LessonLibrary library) {
        this.vm = vm;
        this.library = library;
        getStyleClass().add("workspace");
        var playback = vm.playback();
        source = new SourceViewModel(vm.sourceProperty(), playback.snapshotProperty());
        // The centre's views follow the playback only while their tab is in front: the others would
        // rebuild a 1,000-goroutine or 5,000-object scene every frame for nobody.
        ObjectProperty<dev.goroscope.engine.timeline.Snapshot> stacksSnap = gate(playback.snapshotProperty());
        ObjectProperty<dev.goroscope.engine.timeline.Snapshot> heapSnap = gate(playback.snapshotProperty());
        ObjectProperty<dev.goroscope.engine.timeline.Snapshot> chartSnap = gate(playback.snapshotProperty());
        StacksViewModel stacksVm = new StacksViewModel(stacksSnap, playback::timeline);
        NarrationViewModel narrationVm = new NarrationViewModel(playback.snapshotProperty(), playback.recordedProperty(),
                playback::timeline);
        MemoryViewModel memoryVm = new MemoryViewModel(playback.snapshotProperty());
        HeapViewModel heapVm = new HeapViewModel(heapSnap, playback::timeline);
        MemoryChartViewModel chartVm = new MemoryChartViewModel(playback::timeline, chartSnap);
        vm.runStateProperty().addListener((o, a, s) -> source.diagnosticsProperty().set(
                s instanceof RunState.CompileFailed f ? f.diagnostics() : List.of()));
        playback.setBreakpoint(p -> {
            var e = playback.timeline().get(p);
            return e instanceof dev.goroscope.engine.event.ProgramEvent.Line l && source.breakpoints().contains(l.line());
        });

        sourceView = new SourceView(source);
        stacks = new StacksView(stacksVm, palette, fontSize);
        MemoryView memory = new MemoryView(memoryVm);
        NarrationView narration = new NarrationView(narrationVm);
        TimelineView timeline = new TimelineView(playback, palette);
        heap = new HeapView(heapVm, palette, fontSize);
        chart = new MemoryChartView(chartVm, palette, fontSize, playback::seek);
        stacksTab = new Tab("Stacks", stacks);
        heapTab = new Tab("Heap", heap);
        chartTab = new Tab("Memory over time", chart);
        views = new TabPane(stacksTab, heapTab, chartTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getStyleClass().add("views");
        views.setId("views");
        // Snapshots carry the heap's objects only while the heap is shown (set before the views
        // follow, so the heap view's first snapshot after selection has them).
        playback.heapObjectsProperty().bind(heapTab.selectedProperty());
        follow(stacksTab, stacksSnap, playback.snapshotProperty());
        follow(heapTab, heapSnap, playback.snapshotProperty());
        follow(chartTab, chartSnap, playback.snapshotProperty());
        chart.activeProperty().bind(chartTab.selectedProperty());

        notes.getStyleClass().add("lesson-notes");
        ScrollPane notesScroll = new ScrollPane(notes);
        notesScroll.setFitToWidth(true);
        ScrollPane settingsScroll = new ScrollPane();
        settingsScroll.setFitToWidth(true);
        Tab settingsTab = new Tab("Settings", settingsScroll);
        settingsTab.setId("settings-tab");
        // The property sheets are built when the tab is first opened: styling their many controls
        // is a good part of the window's start-up otherwise.
        settingsTab.selectedProperty().addListener((o, a, on) -> {
            if (on && settingsScroll.getContent() == null) {
                settingsScroll.setContent(new SettingsView(vm.settings()));
            }
        });
        side = new TabPane(new Tab("Lesson notes", notesScroll), new Tab("Output", narration.output()),
                settingsTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox right = new VBox(memory, side);
        VBox.setVgrow(side, Priority.ALWAYS);
        right.getStyleClass().add("right-column");

        SplitPane split = new SplitPane(sourceView, views, right);
        split.setDividerPositions(0.33, 0.70);
        setCenter(split);
        setTop(toolbar());
        setBottom(new VBox(narration, timeline));

        vm.lessonProperty().addListener((o, a, l) -> {
            showNotes(l);
            views.getSelectionModel().select(tabFor(l));
        });
        rerun.setOnFinished(e -> vm.runProgram());
        vm.settings().settingsProperty().addListener((o, a, b) -> rerun.playFromStart());
        vm.settings().exactFramesProperty().addListener((o, a, b) -> rerun.playFromStart());
        keepDraft.setOnFinished(e -> vm.autosave());
        vm.sourceProperty().addListener((o, a, b) -> {
            if (vm.dirtyProperty().get()) {
                keepDraft.playFromStart();
            }
        });
        theme.addListener((o, a, t) -> {
            t.apply();
            palette.set(t.palette());
        });
        fontSize.addListener((o, a, s) -> setStyle("-fx-font-size: " + s.doubleValue() + "px;"));
        setStyle("-fx-font-size: 14px;");
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                playback.tick(now);
            }
        };
        timer.start();
        Keys.install(this, vm, playback);
    }

    private static <T> ObjectProperty<T> gate(javafx.beans.value.ObservableValue<T> source) {
        return new SimpleObjectProperty<>(source.getValue());
    }

    /** {@code gated} takes {@code source}'s value while {@code tab} is selected, and on selection. */
    private static <T> void follow(Tab tab, ObjectProperty<T> gated, javafx.beans.value.ObservableValue<T> source) {
        source.addListener((o, a, v) -> {
            if (tab.isSelected()) {
                gated.set(v);
            }
        });
        tab.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                gated.set(source.getValue());
            }
        });
    }

    /**
     * The light-themed window around {@code vm}, shown on {@code stage} at {@code width} x
     * {@code height}: what the app, its benchmark and the window tests all open.
     */
    public static WorkspaceView show(javafx.stage.Stage stage, WorkspaceViewModel vm, double width, double height) {
        Theme.LIGHT.apply();
        WorkspaceView view = new WorkspaceView(vm, LessonLibrary.builtIn());
        javafx.scene.Scene scene = new javafx.scene.Scene(view, width, height);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return view;
    }

    public WorkspaceViewModel viewModel() {
        return vm;
    }

    public SourceViewModel source() {
        return source;
    }

    public SourceView sourceView() {
        return sourceView;
    }

    public HeapView heap() {
        return heap;
    }

    public MemoryChartView chart() {
        return chart;
    }

    /** Shows the right column's tab titled {@code title} (Lesson notes, Output, Settings). */
    public void selectSideTab(String title) {
        side.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> side.getSelectionModel().select(t));
    }

    /** The centre's tabs: stacks, heap, memory over time. */
    public TabPane views() {
        return views;
    }

    /** The view a lesson is about: the heap for the barrier lessons, the chart for the pacer's. */
    Tab tabFor(Lesson l) {
        if (l == null) {
            return views.getSelectionModel().getSelectedItem();
        }
        return switch (l.id()) {
            case "09-lost-object", "11-pool-and-escape" -> heapTab;
            case "10-gogc-memlimit" -> chartTab;
            default -> stacksTab;
        };
    }

    public StacksView stacks() {
        return stacks;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The base font size; the canvases and the CSS scale with it. */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    private ToolBar toolbar() {
        Button lessons = tool("mdi2s-school-outline", "Lessons…", "Open a built-in lesson", this::pickLesson);
        lessons.setId("lessons");
        Button open = tool("mdi2f-folder-open-outline", "Open…", "Open a .go file (Ctrl+O)", this::openFile);
        Button run = tool("mdi2p-play-circle-outline", "Run", "Compile and run the program as shown (Ctrl+R)",
                vm.runCommand()::execute);
        run.setId("run");
        Button stop = tool("mdi2s-stop-circle-outline", "Stop", "Stop the program", vm.stopCommand()::execute);
        stop.disableProperty().bind(vm.stopCommand().executableProperty().not());
        Button themeButton = tool("mdi2t-theme-light-dark", null, "Light or dark theme", () -> theme.set(theme.get().other()));
        Label title = new Label();
        title.getStyleClass().add("title");
        title.textProperty().bind(vm.fileNameProperty());
        Label status = new Label();
        status.getStyleClass().add("status");
        status.textProperty().bind(vm.statusProperty());
        status.setId("status");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return new ToolBar(lessons, open, run, stop, title, grow, status, themeButton);
    }

    private static Button tool(String icon, String text, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    void pickLesson() {
        new LessonPicker(getScene().getWindow(), library).pick().ifPresent(vm::open);
    }

    void openFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a Go program");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Go programs", "*.go"));
        var f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens a file; a file that cannot be read is reported in the status line, nothing else changes. */
    public void open(Path p) {
        try {
            vm.open(p, p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            vm.reportProblem("Could not open " + p + ": " + e.getMessage());
        }
    }

    /** Ctrl+S: to the program's file, or (a lesson, a new program) to one the user picks. */
    void save() {
        if (vm.fileProperty().get() != null) {
            vm.save(vm.fileProperty().get());
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the program");
        fc.setInitialFileName(vm.fileNameProperty().get());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Go programs", "*.go"));
        var f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.save(f.toPath());
        }
    }

    private void showNotes(Lesson l) {
        notes.getChildren().setAll(l == null ? List.of() : Markdown.render(l.notes()));
    }
}
