package dev.goroscope.app.source;

import dev.goroscope.engine.lang.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The source pane: the program with line numbers and colours, a marker on the line of each
 * goroutine ({@code G1}, {@code G6}), breakpoints toggled by clicking the gutter, and compile
 * errors shown under their line with the column marked. "Edit" switches to a plain text editor
 * over the same text; running the edited text is the workspace's Run.
 */
public final class SourceView extends BorderPane {
    public static final String STYLE_CLASS = "source-view";
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass BREAK = PseudoClass.getPseudoClass("breakpoint");

    private final SourceViewModel vm;
    private final ListView<Integer> list = new ListView<>();
    private final TextArea editor = new TextArea();

    public SourceView(SourceViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("pane-card", STYLE_CLASS);
        Label title = new Label("Program");
        title.getStyleClass().add("pane-title");
        ToggleButton edit = new ToggleButton("Edit");
        edit.selectedProperty().bindBidirectional(vm.editingProperty());
        edit.setFocusTraversable(false);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, title, grow, edit);
        bar.getStyleClass().add("pane-bar");
        setTop(bar);

        list.getStyleClass().add("code");
        list.setCellFactory(l -> new LineCell());
        list.setFocusTraversable(false);
        editor.getStyleClass().add("code-editor");
        editor.textProperty().bindBidirectional(vm.textProperty());
        editor.setWrapText(false);

        vm.linesProperty().addListener((o, a, b) -> reload());
        vm.goroutineLinesProperty().addListener((o, a, b) -> {
            list.refresh();
            revealCurrent();
        });
        vm.diagnosticsProperty().addListener((o, a, b) -> {
            list.refresh();
            if (!b.isEmpty()) {
                list.scrollTo(Math.max(0, b.get(0).line() - 3));
            }
        });
        vm.breakpoints().addListener((SetChangeListener<Integer>) c -> list.refresh());
        vm.editingProperty().addListener((o, a, on) -> setCenter(on ? editor : list));
        reload();
        setCenter(list);
    }

    public ListView<Integer> lines() {
        return list;
    }

    private void reload() {
        ObservableList<Integer> items = FXCollections.observableArrayList(
                IntStream.rangeClosed(1, vm.linesProperty().get().size()).boxed().collect(Collectors.toList()));
        list.setItems(items);
    }

    /** Keeps the first goroutine's line in view. */
    private void revealCurrent() {
        var m = vm.goroutineLinesProperty().get();
        if (m.isEmpty()) {
            return;
        }
        int line = m.entrySet().stream().filter(e -> e.getValue().contains(1L)).map(java.util.Map.Entry::getKey)
                .findFirst().orElse(m.keySet().iterator().next());
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = flow.getLastVisibleCell().getIndex();
            if (line - 1 >= first + 1 && line - 1 <= last - 1) {
                return;
            }
        }
        list.scrollTo(Math.max(0, line - 4));
    }

    private final class LineCell extends ListCell<Integer> {
        private final Circle dot = new Circle(5);
        private final Label number = new Label();
        private final Label marks = new Label();
        private final TextFlow code = new TextFlow();
        private final VBox body = new VBox(code);
        private final HBox row;

        LineCell() {
            getStyleClass().add("code-line");
            dot.getStyleClass().add("breakpoint-dot");
            StackPane gutter = new StackPane(dot);
            gutter.getStyleClass().add("gutter");
            gutter.setOnMouseClicked(e -> {
                if (getItem() != null) {
                    vm.toggleBreakpoint(getItem());
                }
            });
            number.getStyleClass().add("line-number");
            number.setOnMouseClicked(e -> {
                if (getItem() != null) {
                    vm.toggleBreakpoint(getItem());
                }
            });
            marks.getStyleClass().add("goroutine-marks");
            HBox.setHgrow(body, Priority.ALWAYS);
            row = new HBox(gutter, number, marks, body);
            row.getStyleClass().add("code-row");
        }

        @Override
        protected void updateItem(Integer line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                pseudoClassStateChanged(CURRENT, false);
                pseudoClassStateChanged(ERROR, false);
                pseudoClassStateChanged(BREAK, false);
                return;
            }
            number.setText(Integer.toString(line));
            List<List<GoHighlighter.Span>> all = vm.linesProperty().get();
            code.getChildren().clear();
            if (line - 1 < all.size()) {
                for (GoHighlighter.Span s : all.get(line - 1)) {
                    Text t = new Text(s.text().replace("\t", "    "));
                    t.getStyleClass().addAll("tok", "tok-" + s.kind().name().toLowerCase(java.util.Locale.ROOT));
                    code.getChildren().add(t);
                }
            }
            List<Long> gs = vm.goroutineLinesProperty().get().get(line);
            marks.setText(gs == null ? "" : gs.stream().limit(3).map(g -> "G" + g).collect(Collectors.joining(" "))
                    + (gs != null && gs.size() > 3 ? " +" + (gs.size() - 3) : ""));
            List<Diagnostic> ds = vm.diagnosticsAt(line);
            body.getChildren().setAll(code);
            for (Diagnostic d : ds) {
                Label msg = new Label(" ".repeat(Math.max(0, column(all, line, d.col()))) + "^ " + d.message());
                msg.getStyleClass().add("diagnostic");
                body.getChildren().add(msg);
            }
            dot.setVisible(vm.breakpoints().contains(line));
            pseudoClassStateChanged(CURRENT, gs != null);
            pseudoClassStateChanged(ERROR, !ds.isEmpty());
            pseudoClassStateChanged(BREAK, vm.breakpoints().contains(line));
            setGraphic(row);
        }

        /** The display column of a 1-based byte column (tabs shown as four spaces). */
        private int column(List<List<GoHighlighter.Span>> all, int line, int col) {
            if (line - 1 >= all.size()) {
                return 0;
            }
            String text = all.get(line - 1).stream().map(GoHighlighter.Span::text).collect(Collectors.joining());
            int shown = 0;
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int limit = Math.min(col - 1, bytes.length);
            for (int i = 0; i < limit; i++) {
                if ((bytes[i] & 0xC0) == 0x80) {
                    continue; // a continuation byte of a multi-byte character
                }
                shown += bytes[i] == '\t' ? 4 : 1;
            }
            return shown;
        }
    }
}
