package dev.goroscope.app.memory;

import dev.goroscope.app.stacks.StackPainter;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.timeline.MemFigures;
import dev.goroscope.engine.timeline.Snapshot;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The memory figures, with {@code runtime.MemStats} names and meanings, as of the current step,
 * and the GC phase.
 */
public final class MemoryViewModel {

    /** One figure: its MemStats name, the value in words, and the exact bytes. */
    public record Figure(String name, String value, String exact, String meaning) {}

    private final ReadOnlyObjectWrapper<List<Figure>> figures = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");

    public MemoryViewModel(ObservableValue<Snapshot> snapshot) {
        snapshot.addListener((o, a, s) -> update(s));
        update(snapshot.getValue());
    }

    public ReadOnlyObjectProperty<List<Figure>> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** "GC off", "GC 3: concurrent mark", "GC 3: mark termination (stop the world)". */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    void update(Snapshot s) {
        if (s == null) {
            return;
        }
        MemFigures m = s.mem();
        figures.set(List.of(
                bytes("StackInuse", m.stackInuse(), "bytes in stack spans"),
                bytes("StackSys", m.stackSys(), "stack memory from the OS"),
                bytes("HeapAlloc", m.heapAlloc(), "bytes of live and not-yet-swept heap objects"),
                bytes("HeapInuse", m.heapInuse(), "bytes in heap spans with objects"),
                bytes("NextGC", m.nextGc(), "heap goal: the next GC starts before HeapAlloc reaches it"),
                count("NumGC", m.numGc(), "completed GC cycles"),
                count("HeapObjects", m.heapObjects(), "objects allocated and not yet freed"),
                count("Goroutines", m.goroutines(),
                        "runtime.NumGoroutine(): live goroutines, the runtime's own left out")));
        phase.set(phaseText(s.phase(), s.cycle()));
    }

    static String phaseText(GcPhase p, int cycle) {
        return switch (p) {
            case OFF -> cycle == 0 ? "GC: not started" : "GC " + cycle + " done: sweeping, write barrier off";
            case SWEEP_TERMINATION -> "GC " + cycle + ": sweep termination (world stopped)";
            case MARK -> "GC " + cycle + ": concurrent mark, write barrier on";
            case MARK_TERMINATION -> "GC " + cycle + ": mark termination (world stopped)";
        };
    }

    private static Figure bytes(String name, long v, String meaning) {
        return new Figure(name, StackPainter.size(v), String.format(Locale.ROOT, "%,d B", v), meaning);
    }

    private static Figure count(String name, long v, String meaning) {
        return new Figure(name, String.format(Locale.ROOT, "%,d", v), String.format(Locale.ROOT, "%,d", v), meaning);
    }
}
