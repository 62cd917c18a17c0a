package dev.goroscope.app.source;

import dev.goroscope.engine.lang.Diagnostic;
import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.timeline.GoroutineView;
import dev.goroscope.engine.timeline.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The source pane's model: the program's lines with their colours, where each goroutine is (from
 * the snapshot's line events), the compile errors of the last run, and the breakpoints the user
 * set in the gutter. Editing changes {@link #textProperty()}; the workspace runs the new text.
 */
public final class SourceViewModel {
    private final StringProperty text;
    private final ReadOnlyObjectWrapper<List<List<GoHighlighter.Span>>> lines =
            new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Map<Integer, List<Long>>> goroutineLines =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ObjectProperty<List<Diagnostic>> diagnostics = new SimpleObjectProperty<>(List.of());
    private final ObservableSet<Integer> breakpoints = FXCollections.observableSet();
    private final BooleanProperty editing = new SimpleBooleanProperty();

    public SourceViewModel(StringProperty text, ObservableValue<Snapshot> snapshot) {
        this.text = text;
        text.addListener((o, a, b) -> lines.set(GoHighlighter.highlight(b)));
        lines.set(GoHighlighter.highlight(text.get()));
        snapshot.addListener((o, a, s) -> goroutineLines.set(linesOf(s)));
        goroutineLines.set(linesOf(snapshot.getValue()));
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Each line's spans (line 1 first). */
    public ReadOnlyObjectProperty<List<List<GoHighlighter.Span>>> linesProperty() {
        return lines.getReadOnlyProperty();
    }

    /** Line number to the goroutines on it (by id), for the markers in the gutter. */
    public ReadOnlyObjectProperty<Map<Integer, List<Long>>> goroutineLinesProperty() {
        return goroutineLines.getReadOnlyProperty();
    }

    public ObjectProperty<List<Diagnostic>> diagnosticsProperty() {
        return diagnostics;
    }

    /** Lines with a breakpoint (1-based). */
    public ObservableSet<Integer> breakpoints() {
        return breakpoints;
    }

    public void toggleBreakpoint(int line) {
        if (!breakpoints.remove(line)) {
            breakpoints.add(line);
        }
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    /** The diagnostics on {@code line}. */
    public List<Diagnostic> diagnosticsAt(int line) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics.get()) {
            if (d.line() == line) {
                out.add(d);
            }
        }
        return out;
    }

    static Map<Integer, List<Long>> linesOf(Snapshot s) {
        Map<Integer, List<Long>> m = new TreeMap<>();
        if (s == null) {
            return m;
        }
        for (GoroutineView g : s.goroutines()) {
            if (g.line() > 0 && g.status() != GStatus.DEAD) {
                m.computeIfAbsent(g.line(), k -> new ArrayList<>()).add(g.gid());
            }
        }
        return m;
    }
}
