package dev.goroscope.app.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Runs;
import dev.goroscope.engine.event.EventKind;
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

    @Test
    void phasesInWords() {
        assertThat(MemoryViewModel.phaseText(GcPhase.OFF, 0)).isEqualTo("GC: not started");
        assertThat(MemoryViewModel.phaseText(GcPhase.MARK_TERMINATION, 3)).contains("world stopped");
        assertThat(MemoryViewModel.phaseText(GcPhase.OFF, 3)).contains("write barrier off");
    }
}
