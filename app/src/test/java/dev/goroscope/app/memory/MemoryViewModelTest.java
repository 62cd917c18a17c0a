package dev.goroscope.app.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Runs;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.EnumSet;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The figures follow the snapshot's MemStats exactly, and the GC phase is said in words. */
class MemoryViewModelTest {
    @Test
    void figuresAreTheSnapshotsMemStats() {
        Timeline t = Runs.lesson("05-stack-shrink");
        Player player = new Player(t);
        var snap = new SimpleObjectProperty<Snapshot>(player.snapshot());
        MemoryViewModel vm = new MemoryViewModel(snap);
        player.runToNext(EnumSet.of(EventKind.STACK_SHRINK));
        snap.set(player.snapshot());
        var mem = player.snapshot().mem();
        var byName = new java.util.HashMap<String, MemoryViewModel.Figure>();
        vm.figuresProperty().get().forEach(f -> byName.put(f.name(), f));
        assertThat(byName.get("StackInuse").exact()).isEqualTo(String.format(Locale.ROOT, "%,d B", mem.stackInuse()));
        assertThat(byName.get("HeapAlloc").exact()).isEqualTo(String.format(Locale.ROOT, "%,d B", mem.heapAlloc()));
        assertThat(byName.get("NumGC").exact()).isEqualTo(String.format(Locale.ROOT, "%,d", mem.numGc()));
        // §2.5: a shrink happens during the GC's concurrent mark.
        assertThat(vm.phaseProperty().get()).contains("concurrent mark");
    }

    /**
     * A program that prints {@code runtime.NumGoroutine()} before and after starting goroutines,
     * after a GC (which starts the runtime's mark workers, goroutines Go does not count) and after
     * its goroutines exit: at each line printed, the panel shows the number printed.
     */
    @Test
    void goroutinesFigureIsWhatNumGoroutineReturns() {
        // the differential corpus's program: real Go prints the same counts (DifferentialTest)
        Timeline t = Runs.of(readDiff("numgoroutine.go"));
        Player player = new Player(t);
        var snap = new SimpleObjectProperty<Snapshot>(player.snapshot());
        MemoryViewModel vm = new MemoryViewModel(snap);
        java.util.List<String> printed = new java.util.ArrayList<>();
        java.util.List<String> shown = new java.util.ArrayList<>();
        boolean workers = false;
        for (long i = 0; i < t.size(); i++) {
            if (t.get(i) instanceof dev.goroscope.engine.event.ProgramEvent.Output o && !o.stderr()) {
                player.seek(i + 1);
                snap.set(player.snapshot());
                String line = o.text().strip();
                printed.add(line.substring(line.lastIndexOf(' ') + 1));
                shown.add(vm.figuresProperty().get().stream().filter(f -> f.name().equals("Goroutines"))
                        .findFirst().orElseThrow().value());
                workers |= player.snapshot().goroutines().stream()
                        .anyMatch(g -> g.entry().equals("runtime.gcBgMarkWorker") && g.status() != GStatus.DEAD);
            }
        }
        // what real Go 1.19 prints for this program (the runtime's goroutines are not counted)
        assertThat(printed).containsExactly("1", "4", "4", "1");
        assertThat(shown).isEqualTo(printed);
        assertThat(workers).as("the GC's mark workers were alive, and left out").isTrue();
    }

    private static String readDiff(String name) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("../engine/src/test/resources/diff", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void phasesInWords() {
        assertThat(MemoryViewModel.phaseText(GcPhase.OFF, 0)).isEqualTo("GC: not started");
        assertThat(MemoryViewModel.phaseText(GcPhase.MARK_TERMINATION, 3)).contains("world stopped");
        assertThat(MemoryViewModel.phaseText(GcPhase.OFF, 3)).contains("write barrier off");
    }
}
