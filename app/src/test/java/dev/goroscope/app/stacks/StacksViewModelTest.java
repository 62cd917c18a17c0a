package dev.goroscope.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Runs;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.StackEvent;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.EnumSet;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The stacks view model over real runs, without the toolkit. */
class StacksViewModelTest {
    private static final String GROW = """
            package main

            import "fmt"

            //go:noinline
            func deep(n int) int {
            \tvar buf [256]byte
            \tbuf[n%256] = byte(n)
            \tif n == 0 {
            \t\treturn 0
            \t}
            \treturn deep(n-1) + int(buf[(n+1)%256])
            }

            func main() {
            \tfmt.Println(deep(100))
            }
            """;

    private final Timeline t = Runs.of(GROW);
    private final Player player = new Player(t);
    private final SimpleObjectProperty<Snapshot> snap = new SimpleObjectProperty<>(player.snapshot());
    private final StacksViewModel vm = new StacksViewModel(snap, () -> t);

    private void show() {
        snap.set(player.snapshot());
    }

    @Test
    void aGrowthReachedForwardsIsOfferedAsAnAnimatedCopyOfTheRightSizes() {
        // §2.10: main's stack already grew to 4 KiB in runtime.doInit, before main.main runs.
        assertThat(player.runToNext(EnumSet.of(EventKind.STACK_GROW))).isTrue();
        show();
        assertThat(vm.copyProperty().get().function()).isEqualTo("runtime.doInit");
        assertThat(vm.copyProperty().get().newSize()).isEqualTo(4096);
        // Then the recursion's growths.
        assertThat(player.runToNext(EnumSet.of(EventKind.STACK_GROW))).isTrue();
        show();
        StackEvent.StackGrew e = (StackEvent.StackGrew) t.get(player.position() - 1);
        StackCopy c = vm.copyProperty().get();
        assertThat(c).isNotNull();
        assertThat(c.grow()).isTrue();
        assertThat(c.gid()).isEqualTo(e.gid());
        assertThat(c.newSize()).isEqualTo(2 * c.oldSize());
        assertThat(c.used()).isEqualTo(e.used()).isLessThanOrEqualTo(c.oldSize());
        assertThat(c.function()).isEqualTo("main.deep");
        // The column of the growing goroutine is the current one and already has the new size.
        StackColumn col = vm.columns().stream().filter(StackColumn::current).findFirst().orElseThrow();
        assertThat(col.gid()).isEqualTo(e.gid());
        assertThat(col.size()).isEqualTo(c.newSize());
        assertThat(c.caption(0.4)).startsWith("copying " + e.framesCopied() + " frames");
        assertThat(c.caption(0.95)).contains(e.oldFate());

        // The step after it is not a copy: the movie ends.
        player.stepForward();
        show();
        assertThat(vm.copyProperty().get()).isNull();
    }

    @Test
    void aCopyReachedByStepBackOrAFarJumpShowsWithoutItsMovie() {
        player.runToNext(EnumSet.of(EventKind.STACK_GROW));
        long at = player.position();
        player.stepForward();
        show();
        player.stepBack();
        show();
        assertThat(player.position()).isEqualTo(at);
        assertThat(vm.copyProperty().get()).isNotNull();
        assertThat(vm.copyProperty().get().animate()).isFalse();

        player.seek(0);
        show();
        player.seek(at);
        show();
        boolean far = at > StacksViewModel.ANIMATE_WITHIN;
        assertThat(vm.copyProperty().get().animate()).isEqualTo(!far);
    }

    @Test
    void stackSizesOnlyDoubleAndTheMainColumnEndsAtItsPeak() {
        long last = 0;
        while (player.runToNext(EnumSet.of(EventKind.STACK_GROW))) {
            show();
            StackCopy c = vm.copyProperty().get();
            assertThat(Long.bitCount(c.newSize())).isEqualTo(1);
            assertThat(c.oldSize()).isGreaterThanOrEqualTo(last);
            last = c.newSize();
        }
        assertThat(last).isEqualTo(32 << 10);
    }

    @Test
    void theRuntimesGoroutinesMarkWorkersIncludedShowOnlyWhenAskedFor() {
        // A GC cycle starts one mark worker per P (gcBgMarkStartWorkers); like forcegc and
        // bgsweep they are the runtime's, not the program's.
        Timeline gc = Runs.of("package main\n\nimport \"runtime\"\n\nfunc main() {\n\truntime.GC()\n}\n");
        Player p = new Player(gc);
        p.seek(gc.size());
        SimpleObjectProperty<Snapshot> at = new SimpleObjectProperty<>(p.snapshot());
        StacksViewModel stacks = new StacksViewModel(at, () -> gc);
        assertThat(at.get().goroutines()).anyMatch(g -> g.entry().equals("runtime.gcBgMarkWorker"));
        assertThat(stacks.columns()).extracting(StackColumn::title)
                .noneMatch(title -> title.contains("runtime.") && !title.contains("runtime.main"));
        stacks.showSystemProperty().set(true);
        assertThat(stacks.columns()).extracting(StackColumn::title)
                .anyMatch(title -> title.contains("gcBgMarkWorker")).anyMatch(title -> title.contains("forcegchelper"));
    }
}
