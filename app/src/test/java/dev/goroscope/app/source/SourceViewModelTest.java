package dev.goroscope.app.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Runs;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.lang.Diagnostic;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.EnumSet;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The source pane's model: colours, each goroutine's line, breakpoints, diagnostics. */
class SourceViewModelTest {
    private static final String SRC = """
            package main

            import "fmt"

            func main() {
            \tdone := make(chan int)
            \tgo func() {
            \t\tdone <- 1
            \t}()
            \tfmt.Println(<-done)
            }
            """;

    @Test
    void goroutinesAreMarkedOnTheLineTheyAreRunning() {
        Timeline t = Runs.of(SRC);
        Player player = new Player(t);
        var snap = new SimpleObjectProperty<Snapshot>(player.snapshot());
        SourceViewModel vm = new SourceViewModel(new SimpleStringProperty(SRC), snap);
        assertThat(vm.linesProperty().get()).hasSize(SRC.split("\n", -1).length); // the empty line after the last newline too
        player.runToNext(EnumSet.of(EventKind.OUTPUT));
        snap.set(player.snapshot());
        // main printed on line 10; the goroutine has sent on line 8 (and may have exited).
        assertThat(vm.goroutineLinesProperty().get().get(10)).contains(1L);
        player.seek(0);
        snap.set(player.snapshot());
        assertThat(vm.goroutineLinesProperty().get()).isEmpty();
    }

    @Test
    void breakpointsToggleAndDiagnosticsAreFoundByLine() {
        SourceViewModel vm = new SourceViewModel(new SimpleStringProperty(SRC), new SimpleObjectProperty<>());
        vm.toggleBreakpoint(8);
        vm.toggleBreakpoint(10);
        vm.toggleBreakpoint(8);
        assertThat(vm.breakpoints()).containsExactly(10);
        vm.diagnosticsProperty().set(List.of(new Diagnostic("prog.go", 6, 2, "declared and not used: x")));
        assertThat(vm.diagnosticsAt(6)).extracting(Diagnostic::message).containsExactly("declared and not used: x");
        assertThat(vm.diagnosticsAt(7)).isEmpty();
    }

    @Test
    void editingTheTextRecolours() {
        var text = new SimpleStringProperty("package main\n");
        SourceViewModel vm = new SourceViewModel(text, new SimpleObjectProperty<>());
        assertThat(vm.linesProperty().get()).hasSize(2);
        text.set("package main\n\nfunc main() {}\n");
        assertThat(vm.linesProperty().get()).hasSize(4);
        assertThat(vm.linesProperty().get().get(2).get(0).text()).isEqualTo("func");
    }
}
