package dev.goroscope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.Runs;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.ProgramEvent;
import dev.goroscope.engine.timeline.Timeline;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Playback over a real run, driven by fake frame times: no toolkit, no real clock. */
class PlaybackViewModelTest {
    private static final long FRAME = 16_666_667; // ns, 60 frames a second

    private static final String LOOP = """
            package main

            import "fmt"

            func main() {
            \ts := 0
            \tfor i := 0; i < 5; i++ {
            \t\ts += i
            \t\tfmt.Println(i)
            \t}
            \tfmt.Println("sum", s)
            }
            """;

    private final Timeline t = Runs.of(LOOP);
    private final PlaybackViewModel vm = new PlaybackViewModel();

    /** Plays {@code seconds} of frames; returns the position reached. */
    private long play(double seconds) {
        long now = 1_000_000_000L;
        vm.tick(now);
        for (int f = 0; f < seconds * 60; f++) {
            now += FRAME;
            vm.tick(now);
        }
        return vm.positionProperty().get();
    }

    @Test
    void playingAdvancesWithTimeAndSpeedAndStopsAtTheEnd() {
        vm.load(t);
        vm.play();
        long oneSecond = play(1);
        assertThat(oneSecond).isPositive();
        vm.load(t);
        vm.speedProperty().set(10);
        vm.play();
        long fast = play(1);
        assertThat(fast).isGreaterThan(oneSecond);
        vm.play();
        play(600);
        assertThat(vm.positionProperty().get()).isEqualTo(t.size());
        assertThat(vm.snapshot().exited()).isTrue();
        assertThat(vm.snapshot().stdout()).endsWith("sum 10\n");
    }

    @Test
    void stepAndStepBackMoveOneEventAndPause() {
        vm.load(t);
        vm.play();
        vm.stepForward();
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.positionProperty().get()).isEqualTo(1);
        vm.stepForward();
        vm.stepBack();
        assertThat(vm.positionProperty().get()).isEqualTo(1);
        vm.toEnd();
        assertThat(vm.positionProperty().get()).isEqualTo(t.size());
        vm.toStart();
        assertThat(vm.snapshot().position()).isZero();
    }

    @Test
    void aLineBreakpointStopsPlaybackBeforeTheLineRuns() {
        vm.load(t);
        vm.setBreakpoint(p -> t.get(p) instanceof ProgramEvent.Line l && l.line() == 9);
        vm.speedProperty().set(10);
        vm.play();
        play(30);
        assertThat(vm.playingProperty().get()).isFalse();
        long p = vm.positionProperty().get();
        assertThat(t.get(p)).isInstanceOf(ProgramEvent.Line.class);
        assertThat(((ProgramEvent.Line) t.get(p)).line()).isEqualTo(9);
        assertThat(vm.snapshot().stdout()).isEmpty(); // stopped before the first Println ran
        // Playing on stops at the same line on the next iteration, one line of output later.
        vm.play();
        play(30);
        assertThat(vm.snapshot().stdout()).isEqualTo("0\n");
    }

    @Test
    void runToNextFindsOutputAndStackGrowthFindsNoneInASmallProgram() {
        vm.load(t);
        assertThat(vm.runToNext(EnumSet.of(EventKind.OUTPUT))).isTrue();
        assertThat(vm.snapshot().stdout()).isEqualTo("0\n");
        long at = vm.positionProperty().get();
        assertThat(vm.runToPrevious(EnumSet.of(EventKind.OUTPUT))).isFalse();
        assertThat(vm.positionProperty().get()).isEqualTo(at);
    }

    @Test
    void playbackDwellsAfterAStackGrowthSoItsMovieCanPlay() {
        assertThat(PlaybackViewModel.weight(EventKind.FRAME)).isLessThan(PlaybackViewModel.weight(EventKind.OUTPUT));
        Timeline deep = Runs.lesson("01-stack-overflow");
        vm.load(deep);
        vm.runToNext(EnumSet.of(EventKind.STACK_GROW));
        vm.stepBack();
        long before = vm.positionProperty().get();
        vm.play();
        // At 1x, within 1 s playback applies the growth and then waits out its dwell.
        long after = play(1);
        assertThat(after).isEqualTo(before + 1);
        assertThat(deep.get(after - 1).kind()).isEqualTo(EventKind.STACK_GROW);
    }
}
