package dev.goroscope.app.narration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Runs;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.EnumSet;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** Narration, output and seed corrections over the overflow lesson's real run. */
class NarrationViewModelTest {
    private final Timeline t = Runs.lesson("01-stack-overflow");
    private final Player player = new Player(t);
    private final SimpleObjectProperty<Snapshot> snap = new SimpleObjectProperty<>(player.snapshot());
    private final SimpleLongProperty recorded = new SimpleLongProperty(t.size());
    private final NarrationViewModel vm = new NarrationViewModel(snap, recorded, () -> t);

    @Test
    void startsWithNothingHappenedAndCountsSteps() {
        assertThat(vm.narrationProperty().get()).isEqualTo("The program is about to start.");
        assertThat(vm.stepProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT, "Step 0 of %,d", t.size()));
        assertThat(vm.correctionProperty().get()).isEmpty();
    }

    @Test
    void aGrowthIsNarratedWithItsFiguresAndPastOneMiBCorrectsTheSeed() {
        // §2.10 / §8: growth never changes rule at 1 MB; the first growth to 2 MiB carries the correction.
        while (player.runToNext(EnumSet.of(EventKind.STACK_GROW))) {
            snap.set(player.snapshot());
            if (vm.correctionProperty().get().isPresent()) {
                break;
            }
        }
        assertThat(vm.narrationProperty().get()).contains("grew 1 MiB -> 2 MiB").contains("copied");
        assertThat(vm.correctionProperty().get()).contains(SeedCorrections.DOUBLING);
        assertThat(vm.stepProperty().get()).endsWith("· stack growth");
    }

    @Test
    void theEndShowsTheFatalLinesAndExitStatus() {
        player.seek(t.size());
        snap.set(player.snapshot());
        assertThat(vm.outputProperty().get()).contains("runtime: goroutine stack exceeds 1000000000-byte limit")
                .contains("fatal error: stack overflow").endsWith("exit status 2\n");
    }
}
