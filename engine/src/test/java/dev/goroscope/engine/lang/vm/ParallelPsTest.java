package dev.goroscope.engine.lang.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventJson;
import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.lang.GoProgram;
import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Goroutines on several Ps run side by side: the interpreter gives each P's goroutine a slice in
 * turn, in a seeded and repeatable order, and the virtual clock does not run faster for it.
 */
class ParallelPsTest {
    /** Two goroutines that call a function in a loop (each call is a runtime operation). */
    private static final String TWO_WORKERS = """
            package main

            import (
            \t"fmt"
            \t"runtime"
            \t"sync"
            )

            //go:noinline
            func step(x int) int { return x*3 + 1 }

            func spin(n int) int {
            \ts := 0
            \tfor i := 0; i < n; i++ {
            \t\ts += step(i) % 5
            \t}
            \treturn s
            }

            func main() {
            \tif WANTED > 0 {
            \t\truntime.GOMAXPROCS(WANTED)
            \t}
            \tvar wg sync.WaitGroup
            \tres := make([]int, 2)
            \tfor w := 0; w < 2; w++ {
            \t\twg.Add(1)
            \t\tgo func(w int) {
            \t\t\tdefer wg.Done()
            \t\t\tres[w] = spin(100000 + w)
            \t\t}(w)
            \t}
            \twg.Wait()
            \tfmt.Println(res)
            }
            """;

    record Run(List<Event> events, String out, long clock) {}

    private static Run run(long seed, int procs) throws Exception {
        String program = TWO_WORKERS.replace("WANTED", Integer.toString(procs));
        GoProgram p = GoProgram.compile("prog.go", program, GoProfile.GO_1_19);
        List<Event> events = new ArrayList<>();
        GoRuntime rt = new GoRuntime(Settings.defaults().withSeed(seed), events::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = p.run(rt, new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream()), Long.MAX_VALUE, 0);
        assertThat(status).isZero();
        return new Run(events, out.toString(), rt.nanotime());
    }

    /** The most goroutines RUNNING at the same moment, from the status events. */
    private static int maxRunning(List<Event> events) {
        Set<Long> running = new HashSet<>();
        int max = 0;
        for (Event e : events) {
            if (e instanceof SchedEvent.GoroutineStatusChanged s) {
                if (s.to() == GStatus.RUNNING) {
                    running.add(s.gid());
                } else {
                    running.remove(s.gid());
                }
                max = Math.max(max, running.size());
            }
        }
        return max;
    }

    private static List<String> json(Run r) {
        return r.events().stream().map(EventJson::toJson).toList();
    }

    @Test
    void twoPsRunTwoGoroutinesAtOnceAndOnePRunsOne() throws Exception {
        Run two = run(3, 0);
        assertThat(two.out()).isEqualTo("[200000 200001]\n");
        assertThat(maxRunning(two.events())).isEqualTo(2);
        Run one = run(3, 1);
        assertThat(one.out()).isEqualTo(two.out());
        assertThat(maxRunning(one.events())).as("after runtime.GOMAXPROCS(1)").isEqualTo(1);
    }

    @Test
    void theSameSeedGivesTheSameEventStream() throws Exception {
        List<String> a = json(run(11, 0));
        assertThat(json(run(11, 0))).isEqualTo(a);
        boolean differs = false;
        for (long s = 1; s < 8 && !differs; s++) {
            differs = !json(run(s, 0)).equals(a);
        }
        assertThat(differs).as("another seed interleaves the Ps differently").isTrue();
    }

    @Test
    void workOnTwoPsOverlapsInTimeAndDoesNotSpeedTheClockUp() throws Exception {
        int parallel = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Run two = run(seed, 0);
            long one = run(seed, 1).clock();
            // The same operations: on two Ps, the ones done side by side share the time.
            assertThat(two.clock()).as("seed %d: %d ns on two Ps, %d ns on one", seed, two.clock(), one)
                    .isLessThan(one);
            if (maxRunning(two.events()) == 2) {
                parallel++;
                assertThat(two.clock()).as("seed %d: half the time at best", seed).isGreaterThan(one * 2 / 5);
            }
        }
        assertThat(parallel).as("seeds whose Ps ran side by side").isPositive();
    }
}
